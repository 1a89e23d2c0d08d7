@testable import Flowchart

/// The Markdown scan as it was before the byte scan (MarkdownScanner), by Character, kept as the
/// reference the byte scan must agree with on every input. Quadratic in a block's length: tests only.
enum ReferenceMarkdownScan {
    struct Block: Equatable {
        var info: String
        var headingPath: [MarkdownHeading]
        var fenceLine: Int
        var text: String
        var isUnclosed: Bool
        var closingLine: Int
    }

    static func scan(_ markdown: String) -> (blocks: [Block], headings: [MarkdownHeading]) {
        var blocks: [Block] = []
        var headings: [MarkdownHeading] = []
        var path: [MarkdownHeading] = []
        var open: (fence: Fence, info: String, line: Int, body: [Substring])?
        // A block never closed ends before its first heading that starts a section (`##` or deeper, any
        // in Mermaid), and the scan goes on from that heading; at most eight times.
        var ending: (index: Int, heading: MarkdownHeading, body: [Substring])?
        var recoveries = 0
        var inComment = false
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // A comment's markers by their bytes, as HTML has them: `-->` followed by a combining mark is still
        // its end, though as Characters its `>` is another.
        func hasEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.indices.contains { $0 + 2 < bytes.endIndex && bytes[$0] == 0x2D && bytes[$0 + 1] == 0x2D && bytes[$0 + 2] == 0x3E }
        }
        var index = 0
        while index < lines.count {
            let rawLine = lines[index]
            let number = index + 1
            index += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if var current = open {
                if current.fence.isClosed(by: line) {
                    blocks.append(Block(info: current.info, headingPath: path, fenceLine: current.line,
                                        text: current.body.joined(separator: "\n"), isUnclosed: false, closingLine: number))
                    open = nil
                    ending = nil
                } else {
                    if ending == nil, recoveries < 8, let heading = MarkdownFlowReader.heading(line, number), !heading.text.isEmpty,
                       heading.level >= 2 || current.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased() == "mermaid" {
                        ending = (number - 1, heading, current.body)
                    }
                    current.body.append(rawLine)
                    open = current
                }
                if index == lines.count, let current = open, let (at, heading, body) = ending {
                    blocks.append(Block(info: current.info, headingPath: path, fenceLine: current.line,
                                        text: body.joined(separator: "\n"), isUnclosed: true, closingLine: heading.line - 1))
                    (open, ending, index) = (nil, nil, at)
                    recoveries += 1
                }
                continue
            }
            let bytes = Array(rawLine.utf8)[...]
            if inComment {
                if hasEnd(bytes) { inComment = false }
                continue
            }
            let indent = bytes.prefix { $0 == 0x20 }.count
            if indent <= 3, bytes.dropFirst(indent).starts(with: Array("<!--".utf8)) {
                inComment = !hasEnd(bytes.dropFirst(indent))
                continue
            }
            if let fence = Fence(opening: line) {
                open = (fence, fence.info, number, [])
            } else if let heading = MarkdownFlowReader.heading(line, number) {
                path.removeAll { $0.level >= heading.level }
                path.append(heading)
                headings.append(heading)
            }
        }
        if let current = open {
            blocks.append(Block(info: current.info, headingPath: path, fenceLine: current.line,
                                text: current.body.joined(separator: "\n"), isUnclosed: true, closingLine: lines.count))
        }
        return (blocks, headings)
    }
}

/// Markdown made of the pieces that decide a scan: fences of both kinds and lengths, indents, headings
/// with closing hashes, CR and CRLF, combining marks after the markers, NBSP, CJK, flowchart lines, and
/// HTML comments that hide fences and headings.
enum MarkdownSoup {
    static let pieces = ["```", "````", "~~~", "~~~~", "``", "#", "##", "######", "#######", " ", "  ", "   ", "    ", "\t",
                         "flow", "flowchart", "flow:ant", "mermaid", "python", " flow", "`x`", "\n", "\n", "\n", "\r\n", "\r",
                         "\u{301}", "\u{300}", "\u{A0}", "中文", "Title", " ## ", "#x", "st=>start: S", "st->e", "e=>end",
                         "flowchart TD", "graph", "%% c", "---", "A-->B", "🙂", "\u{200D}", "<!--", "-->", "<", "<!-->", "- "]

    static func document(_ rng: inout TestRandom) -> String {
        (0..<rng.int(in: 0...40)).map { _ in pieces[rng.int(in: 0...(pieces.count - 1))] }.joined()
    }
}
