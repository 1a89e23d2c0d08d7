import Testing
@testable import Flowchart

/// Blank lines after a line join it as a multi-line label's lines would, then trim away; the line is read
/// in place without gluing (issue 16). The graph and every position must be those of the line alone.
@Suite("Parser: blank lines after a line")
struct BlankLineTests {
    @Test(arguments: ["\n", "\n\n", "\n  \n", "\r\n\r\n", "\n\u{A0}\n", "\n\u{3000}\t\n"])
    func blankLinesChangeNothing(blank: String) {
        // setup
        let plain = FlowchartParser.parse("st=>start: 开始 \nop=>operation: a: b\ne=>end\nst->op->e\nop@>e({\"stroke\":\"red\"})")
        // act
        let padded = FlowchartParser.parse("st=>start: 开始 \(blank)op=>operation: a: b\(blank)e=>end\(blank)st->op->e\(blank)"
                                           + "op@>e({\"stroke\":\"red\"})\(blank)")
        // verify: the same nodes and edges; positions move only by the lines added before them.
        #expect(padded.graph.nodes.map(\.text) == plain.graph.nodes.map(\.text))
        #expect(padded.graph.nodes.map(\.position.column) == plain.graph.nodes.map(\.position.column))
        #expect(padded.graph.edges.map(\.style) == plain.graph.edges.map(\.style))
        #expect(padded.graph.edges.map(\.to) == plain.graph.edges.map(\.to))
        #expect(padded.diagnostics.map(\.code) == plain.diagnostics.map(\.code))
    }

    @Test func aLineWithTextStillGlues() {
        // act
        let parsed = FlowchartParser.parse("op=>operation: first\n\nsecond\ne=>end\nop->e")
        // verify: a multi-line label, as flowchart.js reads it.
        #expect(parsed.graph.node("op")?.text == "first\n\nsecond")
    }

    @Test func aDiagnosticOnALineBeforeABlankOneKeepsItsPlace() {
        // act
        let parsed = FlowchartParser.parse("st=>start\nop=>opration: x\n\n\ne=>end\nst->op->e")
        // verify
        let finding = parsed.diagnostics.first { $0.code == .unknownType }
        #expect(finding?.position == SourcePosition(line: 2, column: 5))
    }
}
