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
    /// ```flowchart and ```flow:preset are flowchart.js; ```mermaid is ours when it is a flowchart.
    public static func of(fenceInfo info: String, text: some StringProtocol) -> DiagramSyntax? {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ of(fenceInfo: info, bytes: $0) }) { return fast }
        if MarkdownFlowReader.isFlowInfo(info) { return .flowchartJS }
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        if language == "mermaid" && MermaidParser.isFlowchart(text) { return .mermaid }
        return nil
    }

    static func of(bytes: Bytes) -> DiagramSyntax {
        MermaidHead.isFlowchart(bytes) ? .mermaid : .flowchartJS
    }

    static func of(fenceInfo info: String, bytes: Bytes) -> DiagramSyntax? {
        if MarkdownFlowReader.isFlowInfo(info) { return .flowchartJS }
        if MarkdownFlowReader.isMermaidInfo(info) && MermaidHead.isFlowchart(bytes) { return .mermaid }
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

    /// `parse(_:firstLine:)` of `range`, UTF-8 offsets into `document` whose bytes are `bytes`, so a
    /// flowchart.js chart is read where it lies (a block of a 50,000-node guide is 5 MB, copied for
    /// nothing). Mermaid's reader takes a String: it is copied from the document's own, which skips the
    /// UTF-8 validation `String(decoding:)` does (a third of the copy's time for Chinese labels).
    func parse(bytes: Bytes, _ range: Range<Int>, of document: String, firstLine: Int) -> ParsedFlowchart {
        switch self {
        case .flowchartJS:
            return FlowchartParser.parse(bytes: Bytes(rebasing: bytes[range]), firstLine: firstLine)
        case .mermaid:
            let utf8 = document.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            return MermaidParser.parse(String(Substring(utf8[lower..<upper])), firstLine: firstLine)
        }
    }
}
