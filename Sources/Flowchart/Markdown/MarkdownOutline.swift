/// A Markdown document as a flat list of sections: each heading with the prose under it and the
/// flowcharts drawn there. Guides are read from this; line numbers stay those of the file.
public struct MarkdownSection: Hashable, Sendable {
    /// Nil for the text before the first heading.
    public var heading: MarkdownHeading?
    /// Prose lines, including code blocks that are not flowcharts, in order.
    public var body: [MarkdownLine]
    public var flowBlocks: [FlowBlock]

    public var level: Int { heading?.level ?? 0 }
}

public struct MarkdownLine: Hashable, Sendable {
    public var number: Int
    public var text: String
}

public enum MarkdownOutline {
    public static func sections(_ markdown: String) -> [MarkdownSection] {
        let (blocks, headings, comments) = MarkdownFlowReader.scanAll(markdown)
        var fenced: [Int: FlowBlock] = [:]   // fence line → block
        // A comment's lines are no prose: a list put aside in one asked its questions.
        var commentEnd: [Int: Int] = [:]     // first line → last line
        for comment in comments { commentEnd[comment.lines.lowerBound] = comment.lines.upperBound }
        for block in blocks { fenced[block.fenceLine] = block }
        var headingAt: [Int: MarkdownHeading] = [:]
        for heading in headings { headingAt[heading.line] = heading }

        var sections = [MarkdownSection(heading: nil, body: [], flowBlocks: [])]
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var number = 1
        while number <= lines.count {
            let text = String(lines[number - 1].trimmingWhitespaceSuffix())
            if let last = commentEnd[number] {
                number = last + 1
                continue
            }
            if let heading = headingAt[number] {
                sections.append(MarkdownSection(heading: heading, body: [], flowBlocks: []))
            } else if let block = fenced[number] {
                if block.isFlowchart {
                    sections[sections.count - 1].flowBlocks.append(block)
                } else {
                    for n in number...block.closingLine {
                        sections[sections.count - 1].body.append(MarkdownLine(number: n, text: String(lines[n - 1].trimmingWhitespaceSuffix())))
                    }
                }
                number = block.closingLine + 1
                continue
            } else {
                sections[sections.count - 1].body.append(MarkdownLine(number: number, text: text))
            }
            number += 1
        }
        return sections
    }
}
