/// A file to lint or render: a Markdown guide with flow blocks, or a bare flowchart.js file.
public struct FlowchartDocument: Sendable {
    public struct Chart: Sendable {
        public var name: String
        public var headingPath: [MarkdownHeading]
        public var firstLine: Int
        public var parsed: ParsedFlowchart
    }

    public var charts: [Chart]
    public var isMarkdown: Bool
    /// Findings about the document itself, such as a fence that is never closed.
    public var diagnostics: [Diagnostic]

    /// Markdown when the text has flow fences or the file is named .md; otherwise one bare flowchart.
    public init(text: String, path: String) {
        let lower = path.lowercased()
        let namedMarkdown = [".md", ".markdown", ".mdown", ".mkd"].contains { lower.hasSuffix($0) }
        let blocks = MarkdownFlowReader.flowBlocks(in: text)
        diagnostics = []
        if blocks.isEmpty && !namedMarkdown {
            isMarkdown = false
            charts = [Chart(name: "flowchart", headingPath: [], firstLine: 1, parsed: FlowchartParser.parse(text))]
            return
        }
        isMarkdown = true
        charts = blocks.map { block in
            Chart(name: block.name, headingPath: block.headingPath, firstLine: block.firstLine,
                  parsed: FlowchartParser.parse(block.text, firstLine: block.firstLine))
        }
        for block in blocks where block.isUnclosed {
            diagnostics.append(Diagnostic(.error, .unclosedFence, at: SourcePosition(line: block.fenceLine, column: 1),
                "this ```\(block.info) block is never closed; everything to the end of the file is read as the flowchart"))
        }
    }

    /// Every finding in the file, document-level first, then each chart's in line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + charts.flatMap(\.parsed.diagnostics)).sorted { $0.position < $1.position }
    }
}
