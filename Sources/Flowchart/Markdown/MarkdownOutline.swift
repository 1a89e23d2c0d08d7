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
        read(markdown).sections
    }

    /// The sections and the comments that hid lines from them, from one scan (an import scanned the
    /// document three times to learn both and the unclosed fences).
    public static func read(_ markdown: String) -> (sections: [MarkdownSection], comments: [MarkdownComment]) {
        let (blocks, headings, comments) = MarkdownFlowReader.scanAll(markdown)
        var fenced: [Int: FlowBlock] = [:]   // fence line → block
        // A comment's lines are no prose: a list put aside in one asked its questions.
        var commentEnd: [Int: Int] = [:]     // first line → last line
        for comment in comments { commentEnd[comment.lines.lowerBound] = comment.lines.upperBound }
        for block in blocks { fenced[block.fenceLine] = block }
        var headingAt: [Int: MarkdownHeading] = [:]
        for heading in headings { headingAt[heading.line] = heading }

        var sections = [MarkdownSection(heading: nil, body: [], flowBlocks: [])]
        // Inside a comment opened in prose (after a list marker, in a quote) and not closed on its line.
        var inComment = false
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
                let (prose, stillOpen) = withoutComments(text, startingInside: inComment)
                inComment = stillOpen
                sections[sections.count - 1].body.append(MarkdownLine(number: number, text: prose))
            }
            number += 1
        }
        return (sections, comments)
    }

    /// A prose line without its comments (`1.1 … <!-- not their age -->`, `- <!-- put aside -->`, a comment
    /// opened after a list marker or in a quote and closed lines later), and whether one is still open at
    /// its end. A comment there was part of the question the console showed and of its identity in the
    /// question bank, and an item holding only a comment was asked (two probes); the page hid them all.
    static func withoutComments(_ line: String, startingInside: Bool = false) -> (text: String, open: Bool) {
        guard startingInside || line.contains("<!--") else { return (line, false) }
        var rest = Substring(line), out = "", inside = startingInside
        while true {
            if inside {
                guard let close = rest.range(of: "-->") else { return (String(Substring(out).trimmingWhitespaceSuffix()), true) }
                rest = rest[close.upperBound...]
                inside = false
            }
            guard let open = rest.range(of: "<!--") else { break }
            out += rest[..<open.lowerBound]
            // From its second byte: `<!-->` and `<!--->` close themselves, as the renderer reads them.
            rest = rest[rest.index(open.lowerBound, offsetBy: 2)...]
            inside = true
        }
        out += rest
        return (out == line ? line : String(Substring(out).trimmingWhitespaceSuffix()), false)
    }
}
