import Flowchart
import Foundation
#if !FUZZING
import FuzzReplay
#endif

// libFuzzer target: the flowchart.js and Mermaid parsers, the writers that convert between them, and
// the layout and SVG that pages draw from what they produced, since pages do that with user input too. See Fuzz/README.md.
//
// Built with `-DFUZZING` (Fuzz/run.sh) it is a libFuzzer binary: `main` hands over to libFuzzer, which
// calls `LLVMFuzzerTestOneInput` with each input. Otherwise it is a plain program that replays the files
// it is given through the same function, so that the package builds as usual and the committed corpus
// doubles as a regression test.

func exercise(_ text: String) {
    // Both languages read every input: a flowchart.js file is nonsense Mermaid and the other way round,
    // which is exactly the input a parser must survive. The Mermaid reader sees the text with a header
    // added too, or most inputs would stop at "no flowchart header".
    for parsed in [FlowchartParser.parse(text), MermaidParser.parse(text), MermaidParser.parse("flowchart LR\n" + text)] {
        let layout = FlowchartLayout.layout(parsed.graph)
        _ = SVGRenderer.render(parsed.graph, layout: layout)
        // Conversion writes what the other parser must read back without trouble.
        _ = MermaidParser.parse(MermaidWriter.write(parsed.graph))
        _ = FlowchartParser.parse(FlowchartJSWriter.write(parsed.graph))
    }
}

@main
enum FuzzFlowchart {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
        #else
        let count = replay(CommandLine.arguments.dropFirst(), through: exercise)
        print("\(count) inputs replayed")
        #endif
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    exercise(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

/// libFuzzer's own `main`, callable: SwiftPM links every executable with `main` renamed to
/// `<module>_main` (`--defsym`, so that tests can import executables), which leaves no room for the
/// `main` libFuzzer brings, so our `main` starts libFuzzer itself.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
