/// The two languages a guide's charts may be written in. A chart's text says which it is: a Mermaid
/// flowchart starts with `flowchart`/`graph` (plus direction), which flowchart.js would reject, so stored
/// chart text needs no separate tag.
public enum DiagramSyntax: String, Hashable, Sendable, Codable, CaseIterable {
    case flowchartJS = "flowchartjs"
    case mermaid

    /// The syntax of a chart's text on its own (a topic's stored chart, a bare file).
    public static func of(_ text: some StringProtocol) -> DiagramSyntax {
        MermaidParser.isFlowchart(text) ? .mermaid : .flowchartJS
    }

    /// The syntax of a fenced block, or nil when the fence holds no flowchart we read: ```flow,
    /// ```flowchart and ```flow:preset are flowchart.js; ```mermaid is ours when it is a flowchart.
    public static func of(fenceInfo info: String, text: some StringProtocol) -> DiagramSyntax? {
        if MarkdownFlowReader.isFlowInfo(info) { return .flowchartJS }
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        if language == "mermaid" && MermaidParser.isFlowchart(text) { return .mermaid }
        return nil
    }

    public func parse(_ text: String, firstLine: Int = 1) -> ParsedFlowchart {
        switch self {
        case .flowchartJS: FlowchartParser.parse(text, firstLine: firstLine)
        case .mermaid: MermaidParser.parse(text, firstLine: firstLine)
        }
    }

    /// Parses a chart's text in whichever syntax it is written.
    public static func parse(_ text: String, firstLine: Int = 1) -> ParsedFlowchart {
        of(text).parse(text, firstLine: firstLine)
    }
}

extension FlowBlock {
    /// The language the block is written in (a ```flow block is flowchart.js, a ```mermaid flowchart is Mermaid).
    public var diagramSyntax: DiagramSyntax { DiagramSyntax.of(fenceInfo: info, text: text) ?? .flowchartJS }
}
