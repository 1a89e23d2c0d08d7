import Flowchart
import Foundation

// Measures the flowchart pipeline in release mode: `swift run -c release flowchart-benchmark`.
// Without arguments: generated diagrams of 1,000, 10,000 and 50,000 nodes. With files: those files on
// the document path (`FlowchartDocument(text:path:)`, what lint, render, guide import and the server
// do), so the same inputs can be timed with other tools (flowchart.js) side by side.

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("-h") || arguments.contains("--help") {
    print("""
    usage: flowchart-benchmark [--only parse|render] [--sizes N,…] [--untimed N] [--total NAME] [FILE…]
           flowchart-benchmark --floor FILE…
           flowchart-benchmark --write-inputs DIR
      prints 'parse N: T ms' and 'render N: T ms' (median) for generated diagrams, or one line per FILE:
        'FILE: N nodes in K flowcharts, parse T ms, render T ms', parse being the whole document path.
      --only limits the run to one measurement, for profiling it alone.
      --sizes picks the generated diagram sizes (default 1000,10000,50000), to profile one size alone.
      --untimed N reads each generated guide (or each FILE) N times on the document path without timing
        or printing, so instruction counts (valgrind --tool=callgrind, perf stat) are the same from run to run.
      --total NAME times all FILEs read one after another as one sample (a corpus, as a folder is linted)
        and prints one line 'NAME: N nodes in K flowcharts, parse T ms'.
      --floor times two things any reader of our graph model must do (GraphFloor): find every line, and
        make every node's label String; all FILEs as one sample; prints
        'floor: N labels, lines T ms, labels T ms, both T ms'.
      --write-inputs DIR writes the side-by-side inputs (see Benchmarks/flowchartjs/README.md).
    """)
    exit(0)
}

@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}

let only = option("--only")
let sizes = option("--sizes").map { $0.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 3 } } ?? [1_000, 10_000, 50_000]
let untimed = option("--untimed").flatMap { Int($0) }
let total = option("--total")
let floor = arguments.contains("--floor")
arguments.removeAll { $0 == "--floor" }
if let directory = option("--write-inputs") {
    try InputWriter.write(to: directory)
    exit(0)
}

let files = arguments.map { path in
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    return (path: path, text: String(decoding: data, as: UTF8.self))
}

if let untimed {
    let inputs = files.isEmpty
        ? sizes.map { ("guide.md", GeneratedGuide.markdown(diagram: GeneratedDiagram.text(nodes: $0), fence: "flow")) }
        : files.map { ($0.path, $0.text) }
    for (path, text) in inputs {
        for _ in 0..<untimed { _ = FlowchartDocument(text: text, path: path) }
    }
} else if floor {
    Measure.floor(files: files)
} else if files.isEmpty {
    Measure.generated(sizes: sizes, only: only)
} else if let total {
    Measure.corpus(name: total, files: files)
} else {
    for file in files { Measure.file(file.path, file.text, only: only) }
}
