/// A ```flow or ```flowchart block found in a Markdown document, with the headings above it.
public struct FlowBlock: Hashable, Sendable {
    /// The fence's info string: `flow`, `flowchart`, or `flow:preset` (vuepress).
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

    public var heading: MarkdownHeading? { headingPath.last }
    /// A chart we read: flowchart.js (```flow, ```flowchart) or a Mermaid flowchart (```mermaid).
    public var isFlowchart: Bool { DiagramSyntax.of(fenceInfo: info, text: text) != nil }
    /// How people refer to the block: its nearest heading, or its line when it has none.
    public var name: String { heading?.text ?? "flowchart at line \(fenceLine)" }
}

public struct MarkdownHeading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// Reads the Markdown structure flowchart tools care about: ATX headings and fenced code blocks.
/// Editors (Typora, HackMD, vuepress) render ```flow and ```flowchart fences as flowchart.js.
public enum MarkdownFlowReader {
    public static let flowInfos: Set<String> = ["flow", "flowchart"]

    public static func isFlowInfo(_ info: String) -> Bool {
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let base = language.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return flowInfos.contains(language) || base == "flow"
    }

    public static func flowBlocks(in markdown: String) -> [FlowBlock] {
        scan(markdown).blocks.filter(\.isFlowchart)
    }



    public static func headings(in markdown: String) -> [MarkdownHeading] {
        scan(markdown).headings
    }

    /// Every fenced block (any language) and every heading outside fences, in document order.
    public static func scan(_ markdown: String) -> (blocks: [FlowBlock], headings: [MarkdownHeading]) {
        var blocks: [FlowBlock] = []
        var headings: [MarkdownHeading] = []
        var path: [MarkdownHeading] = []
        var open: (fence: Fence, info: String, line: Int, body: [Substring])?
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if var current = open {
                if current.fence.isClosed(by: line) {
                    blocks.append(FlowBlock(info: current.info, headingPath: path, fenceLine: current.line,
                                            firstLine: current.line + 1, text: current.body.joined(separator: "\n"),
                                            isUnclosed: false, closingLine: number))
                    open = nil
                } else {
                    current.body.append(rawLine)
                    open = current
                }
                continue
            }
            if let fence = Fence(opening: line) {
                open = (fence, fence.info, number, [])
            } else if let heading = heading(line, number) {
                path.removeAll { $0.level >= heading.level }
                path.append(heading)
                headings.append(heading)
            }
        }
        if let current = open {
            blocks.append(FlowBlock(info: current.info, headingPath: path, fenceLine: current.line,
                                    firstLine: current.line + 1, text: current.body.joined(separator: "\n"),
                                    isUnclosed: true, closingLine: lines.count))
        }
        return (blocks, headings)
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
        return MarkdownHeading(level: level, text: String(text), line: number)
    }
}

/// A CommonMark code fence: three or more backticks or tildes.
struct Fence {
    var character: Character
    var length: Int
    var info: String

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
