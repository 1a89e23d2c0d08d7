/// A fenced block found in a Markdown document, with the headings above it: a chart we read (```flow,
/// ```flowchart, ```flow:preset, or a ```mermaid flowchart) or any other code block.
public struct FlowBlock: Hashable, Sendable {
    /// The fence's info string: `flow`, `flowchart`, `flow:preset` (vuepress), `mermaid`, or any other.
    public var info: String
    /// Headings enclosing the block, outermost first; the last is the block's name.
    public var headingPath: [MarkdownHeading]
    /// Line of the opening fence.
    public var fenceLine: Int
    /// Line of the block's first content line: the parser's `firstLine`.
    public var firstLine: Int
    public var text: String
    /// The document ended before the closing fence.
    public var isUnclosed: Bool
    /// Line of the closing fence (or the document's last line when it is unclosed).
    public var closingLine: Int
    /// What closes the block: the opening fence's character as many times (```, ~~~, ````), which is
    /// what a fix inserts, since ``` does not close a ~~~ or ```` block.
    public var closingFence: String = "```"
    /// A block never closed is taken to end before this heading, where the next section of the guide
    /// begins (`MarkdownScanner.endsUnclosed`); nil when it runs to the end of the document.
    public var endsBefore: MarkdownHeading?
    /// The language a chart is written in: `.mermaid` for a ```mermaid block, `.flowchartJS` for the rest.
    /// Parse a chart with `block.syntax.parse(block.text, firstLine: block.firstLine)`.
    public var syntax: DiagramSyntax
    /// A ```mermaid block whose first statement is `flowchart`/`graph`, told once by the scan.
    var isMermaidFlowchart: Bool

    /// Where this block should have been closed, when its text holds a fence opening another block
    /// (```` ```flow ````, which cannot close one): the author forgot to close this block, and everything
    /// up to the next bare fence became this chart — a topic vanished and the one before asked its
    /// questions, with findings that never named the fence. The place is the first heading between the
    /// two (the next topic's, `### 3.2`), or else that fence. A heading alone proves nothing: flowchart.js
    /// authors write `# comment` lines in charts.
    public var runsPast: (line: Int, text: String)? {
        var number = firstLine
        var heading: (line: Int, text: String)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { number += 1 }
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3 else { continue }
            let rest = line.dropFirst(indent)
            let hashes = rest.prefix { $0 == "#" }.count
            if heading == nil, (1...6).contains(hashes), rest.dropFirst(hashes).first == " " { heading = (number, String(line)) }
            for fence in ["```", "~~~"] where rest.hasPrefix(fence) {
                let info = rest.drop { $0 == fence.first }.trimmingCharacters(in: .whitespaces)
                if !info.isEmpty { return heading ?? (number, String(line)) }
            }
        }
        return nil
    }

    public var heading: MarkdownHeading? { headingPath.last }
    /// Whether this is a chart we read: a flowchart.js fence, or a Mermaid flowchart.
    public var isFlowchart: Bool { isMermaidFlowchart || MarkdownFlowReader.isFlowInfo(info) }
    /// How people refer to the block: its nearest heading, or its line when it has none.
    public var name: String { heading?.text ?? "flowchart at line \(fenceLine)" }
}

/// `<!-- … -->` on lines of its own: what it holds is hidden from the guide, as GitHub and editors hide it.
public struct MarkdownComment: Hashable, Sendable {
    public var lines: ClosedRange<Int>
    /// No `-->` follows: the comment runs to the document's end.
    public var isUnclosed: Bool
    /// Text follows `-->` on its last line: it is hidden with the comment (the whole line is the comment's).
    public var hidesTextAfter = false
}

public struct MarkdownHeading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// Reads the Markdown structure flowchart tools care about: ATX headings and fenced code blocks.
/// Editors (Typora, HackMD, vuepress) render ```flow and ```flowchart fences as flowchart.js, and
/// ```mermaid fences as Mermaid.
public enum MarkdownFlowReader {
    public static let flowInfos: Set<String> = ["flow", "flowchart"]

    public static func isFlowInfo(_ info: String) -> Bool {
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let base = language.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return flowInfos.contains(language) || base == "flow"
    }

    /// The charts we read, flowchart.js and Mermaid alike, in document order.
    public static func flowBlocks(in markdown: String) -> [FlowBlock] {
        scan(markdown).blocks.filter(\.isFlowchart)
    }

    public static func headings(in markdown: String) -> [MarkdownHeading] {
        scan(markdown).headings
    }

    /// Every fenced block (any language) and every heading outside fences and comments, in document order.
    public static func scan(_ markdown: String) -> (blocks: [FlowBlock], headings: [MarkdownHeading]) {
        let all = scanAll(markdown)
        return (all.blocks, all.headings)
    }

    static func scanAll(_ markdown: String) -> (blocks: [FlowBlock], headings: [MarkdownHeading], comments: [MarkdownComment]) {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            let (scanned, headings, comments) = MarkdownScanner.scan(bytes)
            let blocks = scanned.map { block in
                let content = Bytes(rebasing: bytes[block.content])
                let syntax = DiagramSyntax.of(fenceInfo: block.info, bytes: content)
                return FlowBlock(info: block.info, headingPath: block.headingPath, fenceLine: block.fenceLine,
                                 firstLine: block.fenceLine + 1, text: String(decoding: content, as: UTF8.self),
                                 isUnclosed: block.isUnclosed, closingLine: block.closingLine,
                                 closingFence: block.closingFence, endsBefore: block.endsBefore,
                                 syntax: syntax ?? (isMermaidInfo(block.info) ? .mermaid : .flowchartJS),
                                 isMermaidFlowchart: syntax == .mermaid)
            }
            return (blocks, headings, comments)
        }
    }

    /// The fence's language is `mermaid`.
    /// ```mermaid, in any case: an author who wrote ```Mermaid means it, and a block skipped without a
    /// word took its topic's questions out of the guide.
    public static func isMermaidInfo(_ info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased() == "mermaid"
    }

    /// An ATX heading: up to three spaces, 1–6 `#`, then a space (or nothing).
    static func heading(_ line: Substring, _ number: Int) -> MarkdownHeading? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let after = rest.dropFirst(level)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingWhitespace()
        // A closing sequence of #s is not part of the text.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = text.dropLast(closing).trimmingWhitespace()
        }
        // `### 3.1 Redis <!-- reword -->`: the note is no part of the topic's title, as on the page.
        let title = text.contains("<!--") ? MarkdownOutline.withoutComments(String(text)).text : String(text)
        return MarkdownHeading(level: level, text: title, line: number)
    }
}

/// A CommonMark code fence: three or more backticks or tildes.
struct Fence {
    var character: Character
    var length: Int
    var info: String
    /// The fence character's byte, for the scan's quick test of a line.
    var byte: UInt8 { character == "`" ? UInt8(ascii: "`") : UInt8(ascii: "~") }
    /// The shortest line that closes this fence.
    var closer: String { String(repeating: character, count: length) }

    init?(opening line: Substring) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let run = rest.prefix { $0 == c }.count
        guard run >= 3 else { return nil }
        let info = rest.dropFirst(run).trimmingWhitespace()
        if c == "`" && info.contains("`") { return nil }
        character = c
        length = run
        self.info = String(info)
    }

    func isClosed(by line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).trimmingWhitespace().isEmpty
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
