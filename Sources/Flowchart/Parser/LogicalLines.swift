#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a logical line is, decided as flowchart.js decides it: by the first marker it contains.
enum LineKind {
    case definition, link, style, ignored
}

struct LogicalLine {
    var view: LineView
    var kind: LineKind
    /// Order among logical lines: a link may only use nodes defined on an earlier one.
    var order: Int
}

/// Splits the text into flowchart.js's logical lines: a trailing backslash glues the next physical
/// line; from the second line on, a line with none of `->`, `=>`, `@>` continues the previous one.
/// Comment-looking lines are our extension: skipped, with a warning saying what flowchart.js does instead.
enum LineSplitter {
    /// A physical line, or several joined by backslashes (the extra pieces are in `tails`).
    private struct RawLine {
        var head: Range<Int>
        var tailStart: Int
        var tailCount: Int
        var firstPhysical: Int
    }

    /// A logical line in the making: its first raw line and the continuation lines glued to it
    /// (consecutive in `members`, since only the newest group ever grows).
    private struct Group {
        var kind: LineKind
        var first: Int
        var memberStart: Int
        var memberCount = 0
        /// Some member line holds more than whitespace. Without one, the glued line trims back to its
        /// first line, which is then read in place (see `makeView`).
        var hasTextMember = false
    }

    private struct Lines {
        var raw: [RawLine] = []
        var tails: [Range<Int>] = []

        func pieces(_ line: RawLine) -> [Range<Int>] {
            [line.head] + tails[line.tailStart..<(line.tailStart + line.tailCount)]
        }
    }

    static func logicalLines(_ source: SourceText, arena: GlueArena, diagnostics: inout [Diagnostic]) -> LineTable {
        let lines = rawLines(source)
        var groups: [Group] = []
        var members: [Int] = []
        groups.reserveCapacity(lines.raw.count)
        for (index, line) in lines.raw.enumerated() {
            let kind = classify(line, lines, source.bytes)
            if kind != .ignored && !groups.isEmpty {
                groups.append(Group(kind: kind, first: index, memberStart: members.count))
                continue
            }
            let isBlank = line.tailCount == 0 && source.trimmedIsEmpty(line.head)
            if groups.isEmpty {
                // flowchart.js trims the whole input first, so leading blank lines vanish.
                if !isBlank { groups.append(Group(kind: kind, first: index, memberStart: members.count)) }
                continue
            }
            let owner = groups[groups.count - 1]
            if isBlank || (!source.isComment(line.head) && (owner.kind == .definition || owner.kind == .ignored)) {
                members.append(index)   // a multi-line label, as flowchart.js allows
                groups[groups.count - 1].memberCount += 1
                if !isBlank { groups[groups.count - 1].hasTextMember = true }
            } else if source.isComment(line.head) {
                diagnostics.append(commentWarning(line.head, ownerKind: owner.kind, ownerLine: lines.raw[owner.first].firstPhysical, source))
            } else {
                diagnostics.append(strayLineError(line.head, ownerLine: lines.raw[owner.first].firstPhysical, source))
            }
        }
        var result = LineTable(source: source.bytes, capacity: groups.count)
        for (order, group) in groups.enumerated() {
            var view = makeView(group, lines, members, source, arena)
            let trimmed = view.trimmed(view.range)
            view.start = trimmed.lowerBound
            view.end = trimmed.upperBound
            if order == 0 && group.kind == .ignored {
                let at = source.position(view.sourceOffset(view.start))
                if source.isComment(lines.raw[group.first].head) {
                    diagnostics.append(Diagnostic(.warning, .commentLine, at: at, LocalizedText(
                        en: "flowchart.js has no comments; it silently drops this first line",
                        zh: "flowchart.js 不支持注释；它会悄悄丢掉这第一行")))
                } else {
                    diagnostics.append(Diagnostic(.warning, .ignoredLine, at: at, LocalizedText(
                        en: "this line is neither a definition ('=>'), a link ('->') nor a line style ('@>'); flowchart.js silently drops it",
                        zh: "这一行既不是定义（'=>'）、连线（'->'），也不是连线样式（'@>'）；flowchart.js 会悄悄丢掉它")))
                }
                continue
            }
            result.append(LogicalLine(view: view, kind: group.kind, order: order))
        }
        return result
    }

    /// Physical lines with backslash-newline joins applied.
    private static func rawLines(_ source: SourceText) -> Lines {
        let bytes = source.bytes
        var lines = Lines()
        lines.raw.reserveCapacity(source.lineStarts.count)
        var pending: RawLine?
        for (index, start) in source.lineStarts.enumerated() {
            let hasBreak = index + 1 < source.lineStarts.count
            let end = source.lineEnd(index)
            let continues = hasBreak && end > start && bytes[end - 1] == UInt8(ascii: "\\")
            // `\` + newline is a newline inside the label, not the end of the line.
            let piece = start..<(continues ? end - 1 : end)
            if pending == nil {
                pending = RawLine(head: piece, tailStart: lines.tails.count, tailCount: 0, firstPhysical: index)
            } else {
                lines.tails.append(piece)
                pending!.tailCount += 1
            }
            if !continues {
                lines.raw.append(pending!)
                pending = nil
            }
        }
        if let pending { lines.raw.append(pending) }
        return lines
    }

    private static func classify(_ line: RawLine, _ lines: Lines, _ bytes: Bytes) -> LineKind {
        var markers = (definition: false, link: false, style: false)
        scanMarkers(line.head, bytes, &markers)
        for i in line.tailStart..<(line.tailStart + line.tailCount) where !markers.definition { scanMarkers(lines.tails[i], bytes, &markers) }
        return markers.definition ? .definition : markers.link ? .link : markers.style ? .style : .ignored
    }

    /// Looks at each '>' and the byte before it; a line has few of them, so memchr does the walking.
    private static func scanMarkers(_ piece: Range<Int>, _ bytes: Bytes,
                                    _ markers: inout (definition: Bool, link: Bool, style: Bool)) {
        guard let base = bytes.baseAddress, piece.count > 1 else { return }
        var i = piece.lowerBound + 1
        while i < piece.upperBound, let hit = memchr(base + i, 0x3E, piece.upperBound - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            switch bytes[at - 1] {
            case UInt8(ascii: "=") where !markers.link:
                // A definition marker decides the kind whatever else the line holds: no need to read
                // the label that follows.
                markers.definition = true
                return
            case UInt8(ascii: "="):
                // After a '->': a link line with '=>' typed for '->' (`st->op1->op6=>cond1`). Read as a
                // definition, its links were lost, with six findings and none naming the arrow (a probe);
                // as links, the piece says what it is (`Links.brokenArrow`).
                break
            case UInt8(ascii: "-"): markers.link = true
            case UInt8(ascii: "@"): markers.style = true
            default: break
            }
            i = at + 1
        }
    }

    private static func makeView(_ group: Group, _ lines: Lines, _ members: [Int], _ source: SourceText,
                                 _ arena: GlueArena) -> LineView {
        let first = lines.raw[group.first]
        // Blank lines after a line (a blank line before the links, the newline that ends the file) join
        // it as members, but trimming the glued line takes them off again, leaving the first line's own
        // trimmed bytes: a group's first line is never blank. So it is read in place, without a glued
        // copy, its piece table and a dictionary entry (issue 16: every pyflowchart file has such a line;
        // a tenth of reading a small chart).
        if first.tailCount == 0 && !group.hasTextMember {
            return LineView(source: source.bytes, range: first.head, lineHint: first.firstPhysical)
        }
        var pieces = lines.pieces(first)
        for m in members[group.memberStart..<(group.memberStart + group.memberCount)] {
            pieces += lines.pieces(lines.raw[m])
        }
        let length = pieces.reduce(pieces.count - 1) { $0 + $1.count }
        let storage = arena.bytes(length)
        let map = arena.pieces(pieces.count)
        var at = 0
        for (i, piece) in pieces.enumerated() {
            if i > 0 {
                storage[at] = UInt8(ascii: "\n")
                at += 1
            }
            map[i] = GluePiece(local: at, source: piece.lowerBound)
            for offset in piece {
                storage[at] = source.bytes[offset]
                at += 1
            }
        }
        return LineView(glued: Bytes(storage), pieces: UnsafeBufferPointer(map), lineHint: first.firstPhysical)
    }

    private static func commentWarning(_ head: Range<Int>, ownerKind: LineKind, ownerLine: Int,
                                       _ source: SourceText) -> Diagnostic {
        let at = source.position(source.trimmedStart(head))
        let owner = source.firstLine + ownerLine
        switch ownerKind {
        case .link, .style:
            return Diagnostic(.error, .commentLine, at: at, LocalizedText(
                en: "flowchart.js has no comments: it glues this line onto the link on line \(owner) and drops that link; move the comment out of the diagram",
                zh: "flowchart.js 不支持注释：它会把这一行拼到第 \(owner) 行的连线上，那条连线因此丢失；请把注释移出流程图"))
        default:
            return Diagnostic(.warning, .commentLine, at: at, LocalizedText(
                en: "flowchart.js has no comments: it shows this line as part of the label on line \(owner); InterviewFlow skips it",
                zh: "flowchart.js 不支持注释：它会把这一行当作第 \(owner) 行标签的一部分显示出来；InterviewFlow 会跳过它"))
        }
    }

    private static func strayLineError(_ head: Range<Int>, ownerLine: Int, _ source: SourceText) -> Diagnostic {
        let at = source.position(source.trimmedStart(head))
        let owner = source.firstLine + ownerLine
        return Diagnostic(.error, .ignoredLine, at: at, LocalizedText(
            en: "this line has no '->', '=>' or '@>', so flowchart.js glues it onto the link on line \(owner) and drops that link",
            zh: "这一行没有 '->'、'=>' 或 '@>'，flowchart.js 会把它拼到第 \(owner) 行的连线上，那条连线因此丢失"))
    }
}

extension SourceText {
    func trimmedStart(_ range: Range<Int>) -> Int {
        LineView(source: bytes, range: range, lineHint: 0).trimmed(range).lowerBound
    }

    func trimmedIsEmpty(_ range: Range<Int>) -> Bool {
        LineView(source: bytes, range: range, lineHint: 0).trimmed(range).isEmpty
    }

    func isComment(_ range: Range<Int>) -> Bool {
        let r = LineView(source: bytes, range: range, lineHint: 0).trimmed(range)
        guard !r.isEmpty else { return false }
        if bytes[r.lowerBound] == UInt8(ascii: "#") { return true }
        return r.count >= 2 && bytes[r.lowerBound] == UInt8(ascii: "/") && bytes[r.lowerBound + 1] == UInt8(ascii: "/")
    }
}
