/// The result of reading one flowchart: the best graph we could build, and every finding on the way.
public struct ParsedFlowchart: Sendable {
    public var graph: FlowGraph
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads the flowchart.js language. Where flowchart.js draws a diagram we build the same graph; where
/// it crashes or silently drops something we report an error at the author's line and column and
/// build the graph the author evidently meant, so one mistake never hides the rest of the chart.
public enum FlowchartParser {
    /// - Parameter firstLine: the line number of the text's first line in the user's file, so a
    ///   ```flow block inside a Markdown guide reports the file's line numbers.
    public static func parse(_ text: String, firstLine: Int = 1) -> ParsedFlowchart {
        var text = text
        return text.withUTF8 { parse(bytes: $0, firstLine: firstLine) }
    }

    static func parse(bytes: Bytes, firstLine: Int) -> ParsedFlowchart {
        let arena = GlueArena()
        var state = ParserState(source: SourceText(bytes, firstLine: firstLine))
        let lines = LineSplitter.logicalLines(state.source, arena: arena, diagnostics: &state.diagnostics)
        let definitions = lines.indices.reduce(0) { $0 + (lines.kind($1) == .definition ? 1 : 0) }
        state.graph.reserveCapacity(nodes: definitions, edges: lines.count)
        state.definitionOrder.reserveCapacity(definitions)
        // Definitions first, so a link to a node defined further down can still be resolved
        // (flowchart.js cannot; we say so, and draw what the author meant).
        for i in lines.indices where lines.kind(i) == .definition { state.define(lines[i]) }
        if state.namesGroups { GroupParameters.readGroups(into: &state.graph) }
        for i in lines.indices {
            switch lines.kind(i) {
            case .link: state.link(lines[i])
            case .style: state.style(lines[i])
            case .definition, .ignored: break
            }
        }
        state.checkGraph()
        state.sortDiagnostics()
        // The lines' glued copies live in the arena; nothing reads them after this point, and nothing that
        // points into `bytes` or the arena outlives this call: the graph holds Strings.
        withExtendedLifetime(arena) {}
        // Moved out of the state rather than copied: a copy retained the graph's eight arrays and the
        // state's destruction released them again, 3% of reading a small chart (perf: FlowGraphVWOc).
        var graph = FlowGraph(), diagnostics: [Diagnostic] = []
        swap(&graph, &state.graph)
        swap(&diagnostics, &state.diagnostics)
        return ParsedFlowchart(graph: graph, diagnostics: diagnostics)
    }
}

private func < (a: (SourcePosition, Severity), b: (SourcePosition, Severity)) -> Bool {
    a.0 != b.0 ? a.0 < b.0 : a.1 > b.1
}

struct ParserState {
    let source: SourceText
    var graph = FlowGraph()
    var diagnostics: [Diagnostic] = []
    /// Per node index: the logical line order of its (first) definition.
    var definitionOrder: [Int] = []
    var scratch = Scratch()
    /// Whether a node has a `subgraph…` parameter: a chart converted from Mermaid (`GroupParameters`).
    var namesGroups = false

    struct Scratch {
        var pieces: [Range<Int>] = []
        var chain: [LinkPiece] = []
    }

    init(source: SourceText) {
        self.source = source
    }

    /// By position, errors before warnings at the same place. Most charts have no findings at all.
    mutating func sortDiagnostics() {
        guard diagnostics.count > 1 else { return }
        diagnostics.sort { ($0.position, $0.severity) < ($1.position, $1.severity) }
    }

    func position(_ view: LineView, _ local: Int) -> SourcePosition {
        source.position(view.sourceOffset(local), hint: view.lineHint)
    }

    mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ view: LineView, at local: Int,
                         _ text: LocalizedText, fix: (Range<Int>, String)? = nil) {
        let fixValue = fix.map { Fix(start: position(view, $0.0.lowerBound), end: position(view, $0.0.upperBound), replacement: $0.1) }
        diagnostics.append(Diagnostic(severity, code, at: position(view, local), text, fix: fixValue))
    }
}
