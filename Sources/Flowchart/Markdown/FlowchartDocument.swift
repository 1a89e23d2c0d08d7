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

    /// Markdown when the text has chart fences or the file is named .md; otherwise one bare flowchart, in
    /// Mermaid when it starts with `flowchart`/`graph` (an .mmd file), else flowchart.js.
    public init(text: String, path: String) {
        let lower = path.lowercased()
        let namedMarkdown = [".md", ".markdown", ".mdown", ".mkd"].contains { lower.hasSuffix($0) }
        let blocks = MarkdownFlowReader.flowBlocks(in: text)
        diagnostics = []
        if blocks.isEmpty && !namedMarkdown {
            isMarkdown = false
            charts = [Chart(name: "flowchart", headingPath: [], firstLine: 1, parsed: DiagramSyntax.parse(text))]
            return
        }
        isMarkdown = true
        charts = blocks.map { block in
            Chart(name: block.name, headingPath: block.headingPath, firstLine: block.firstLine,
                  parsed: block.diagramSyntax.parse(block.text, firstLine: block.firstLine))
        }
        for block in blocks where block.isUnclosed {
            diagnostics.append(Diagnostic(.error, .unclosedFence, at: SourcePosition(line: block.fenceLine, column: 1),
                .unclosedFence(info: block.info)))
        }
    }

    /// Every finding in the file, document-level first, then each chart's in line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + charts.flatMap(\.parsed.diagnostics)).sorted { $0.position < $1.position }
    }
}

extension LocalizedText {
    /// Said by the lint of a bare document and by a guide's import alike, so written once.
    public static func unclosedFence(info: String) -> LocalizedText {
        LocalizedText(
            en: "this ```\(info) block is never closed; everything to the end of the file is read as the flowchart",
            zh: "这个 ```\(info) 代码块没有闭合；从这里到文件末尾的内容都会被当作流程图读取")
    }
}
