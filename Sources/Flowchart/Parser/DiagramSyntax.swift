/// The two languages a guide's charts may be written in. A chart's text says which it is: a Mermaid
/// flowchart starts with `flowchart`/`graph` (plus direction), which flowchart.js would reject, so stored
/// chart text needs no separate tag.
public enum DiagramSyntax: String, Hashable, Sendable, Codable, CaseIterable {
    case flowchartJS = "flowchartjs"
    case mermaid

    /// The syntax of a chart's text on its own (a topic's stored chart, a bare file).
    public static func of(_ text: some StringProtocol) -> DiagramSyntax {
        // Only the head of the text decides (see MermaidHead): a 50,000-node chart is not split into lines.
        if let fast = text.utf8.withContiguousStorageIfAvailable({ of(bytes: $0) }) { return fast }
        return MermaidParser.isFlowchart(text) ? .mermaid : .flowchartJS
    }

    /// The syntax of a fenced block, or nil when the fence holds no flowchart we read: ```flow,
    /// ```flowchart and ```flow:preset are flowchart.js; ```mermaid is ours unless it is blank or another
    /// kind of Mermaid diagram (a sequence diagram, a Gantt chart…), so a flowchart without its header
    /// line is read and reported, not ignored.
    public static func of(fenceInfo info: String, text: some StringProtocol) -> DiagramSyntax? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ of(fenceInfo: info, bytes: $0) }) { return fast }
        if MarkdownFlowReader.isFlowInfo(info) { return .flowchartJS }
        if MarkdownFlowReader.isMermaidInfo(info) && (MermaidParser.isFlowchart(text) || !MermaidParser.isOtherDiagram(text)) { return .mermaid }
        return nil
    }

    static func of(bytes: Bytes) -> DiagramSyntax {
        MermaidHead.isFlowchart(bytes) ? .mermaid : .flowchartJS
    }

    static func of(fenceInfo info: String, bytes: Bytes) -> DiagramSyntax? {
        if MarkdownFlowReader.isFlowInfo(info) { return .flowchartJS }
        if MarkdownFlowReader.isMermaidInfo(info) && (MermaidHead.isFlowchart(bytes) || !MermaidHead.isOtherDiagram(bytes)) {
            return .mermaid
        }
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

    /// `parse(_:firstLine:)` of `range`, UTF-8 offsets into a document's `bytes`, so a chart is read where
    /// it lies (a block of a 50,000-node guide is 5 MB, copied for nothing). The range runs between line
    /// breaks of text that came from a String, so it is whole, valid UTF-8 as both readers require.
    /// Issue 16: the Mermaid block was copied into a String of its own first, 3% of a 1,000-node guide.
    func parse(bytes: Bytes, _ range: Range<Int>, firstLine: Int) -> ParsedFlowchart {
        let chart = Bytes(rebasing: bytes[range])
        switch self {
        case .flowchartJS: return FlowchartParser.parse(bytes: chart, firstLine: firstLine)
        case .mermaid: return MermaidParser.parse(bytes: chart, firstLine: firstLine)
        }
    }
}
