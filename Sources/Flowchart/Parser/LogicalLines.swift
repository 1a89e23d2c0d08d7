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
    /// A physical line, or several joined by backslashes. `head` alone avoids an allocation per line.
    private struct RawLine {
        var head: Range<Int>
        var tail: [Range<Int>] = []
        var firstPhysical: Int
        var pieces: [Range<Int>] { [head] + tail }
    }

    private struct Group {
        var kind: LineKind
        var first: RawLine
        var rest: [RawLine] = []
    }

    static func logicalLines(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [LogicalLine] {
        let raw = rawLines(source)
        var groups: [Group] = []
        groups.reserveCapacity(raw.count)
        for line in raw {
            let kind = classify(line, source.bytes)
            if kind != .ignored && !groups.isEmpty {
                groups.append(Group(kind: kind, first: line))
                continue
            }
            let isBlank = line.tail.isEmpty && source.trimmedIsEmpty(line.head)
            if groups.isEmpty {
                if !isBlank { groups.append(Group(kind: kind, first: line)) }   // flowchart.js trims the input first
                continue
            }
            if isBlank {
                groups[groups.count - 1].rest.append(line)
            } else if source.isComment(line.head) {
                diagnostics.append(commentWarning(line, gluedTo: groups[groups.count - 1], source))
            } else if groups[groups.count - 1].kind == .definition || groups[groups.count - 1].kind == .ignored {
                groups[groups.count - 1].rest.append(line)   // a multi-line label, as flowchart.js allows
            } else {
                diagnostics.append(strayLineError(line, gluedTo: groups[groups.count - 1], source))
            }
        }
        var result: [LogicalLine] = []
        result.reserveCapacity(groups.count)
        for (order, group) in groups.enumerated() {
            var view = makeView(group, source.bytes)
            view = LineView(copying: view, range: view.trimmed(view.range))
            if order == 0 && group.kind == .ignored {
                let at = source.position(view.sourceOffset(view.start))
                if source.isComment(group.first.head) {
                    diagnostics.append(Diagnostic(.warning, .commentLine, at: at,
                        "flowchart.js has no comments; it silently drops this first line"))
                } else {
                    diagnostics.append(Diagnostic(.warning, .ignoredLine, at: at,
                        "this line is neither a definition ('=>'), a link ('->') nor a line style ('@>'); flowchart.js silently drops it"))
                }
                continue
            }
            result.append(LogicalLine(view: view, kind: group.kind, order: order))
        }
        return result
    }

    /// Physical lines with backslash-newline joins applied.
    private static func rawLines(_ source: SourceText) -> [RawLine] {
        let bytes = source.bytes
        var lines: [RawLine] = []
        lines.reserveCapacity(source.lineStarts.count)
        var pending: RawLine?
        for (index, start) in source.lineStarts.enumerated() {
            let hasBreak = index + 1 < source.lineStarts.count
            let end = hasBreak ? source.lineStarts[index + 1] - 1 : bytes.count
            if hasBreak, end > start, bytes[end - 1] == UInt8(ascii: "\\") {
                // `\` + newline is a newline inside the label, not the end of the line.
                if pending == nil {
                    pending = RawLine(head: start..<(end - 1), firstPhysical: index)
                } else {
                    pending!.tail.append(start..<(end - 1))
                }
                continue
            }
            if var joined = pending {
                joined.tail.append(start..<end)
                lines.append(joined)
                pending = nil
            } else {
                lines.append(RawLine(head: start..<end, firstPhysical: index))
            }
        }
        if let pending { lines.append(pending) }
        return lines
    }

    private static func classify(_ line: RawLine, _ bytes: [UInt8]) -> LineKind {
        var markers = (definition: false, link: false, style: false)
        scanMarkers(line.head, bytes, &markers)
        for piece in line.tail { scanMarkers(piece, bytes, &markers) }
        return markers.definition ? .definition : markers.link ? .link : markers.style ? .style : .ignored
    }

    private static func scanMarkers(_ piece: Range<Int>, _ bytes: [UInt8],
                                    _ markers: inout (definition: Bool, link: Bool, style: Bool)) {
        var i = piece.lowerBound
        while i + 1 < piece.upperBound {
            if bytes[i + 1] == UInt8(ascii: ">") {
                switch bytes[i] {
                case UInt8(ascii: "="): markers.definition = true
                case UInt8(ascii: "-"): markers.link = true
                case UInt8(ascii: "@"): markers.style = true
                default: break
                }
            }
            i += 1
        }
    }

    private static func makeView(_ group: Group, _ bytes: [UInt8]) -> LineView {
        if group.first.tail.isEmpty && group.rest.isEmpty { return LineView(source: bytes, range: group.first.head) }
        let pieces = group.first.pieces + group.rest.flatMap(\.pieces)
        var storage: [UInt8] = []
        var map: [(local: Int, source: Int)] = []
        for (i, piece) in pieces.enumerated() {
            if i > 0 { storage.append(UInt8(ascii: "\n")) }
            map.append((storage.count, piece.lowerBound))
            storage.append(contentsOf: bytes[piece])
        }
        return LineView(glued: storage, pieces: map)
    }

    private static func commentWarning(_ line: RawLine, gluedTo group: Group,
                                       _ source: SourceText) -> Diagnostic {
        let at = source.position(source.trimmedStart(line.head))
        let owner = source.firstLine + group.first.firstPhysical
        switch group.kind {
        case .link, .style:
            return Diagnostic(.error, .commentLine, at: at,
                "flowchart.js has no comments: it glues this line onto the link on line \(owner) and drops that link; move the comment out of the diagram")
        default:
            return Diagnostic(.warning, .commentLine, at: at,
                "flowchart.js has no comments: it shows this line as part of the label on line \(owner); InterviewFlow skips it")
        }
    }

    private static func strayLineError(_ line: RawLine, gluedTo group: Group,
                                       _ source: SourceText) -> Diagnostic {
        let at = source.position(source.trimmedStart(line.head))
        let owner = source.firstLine + group.first.firstPhysical
        return Diagnostic(.error, .ignoredLine, at: at,
            "this line has no '->', '=>' or '@>', so flowchart.js glues it onto the link on line \(owner) and drops that link")
    }
}

extension LineView {
    init(copying other: LineView, range: Range<Int>) {
        self = other
        start = range.lowerBound
        end = range.upperBound
    }
}

extension SourceText {
    func trimmedStart(_ range: Range<Int>) -> Int {
        LineView(source: bytes, range: range).trimmed(range).lowerBound
    }

    func trimmedIsEmpty(_ range: Range<Int>) -> Bool {
        LineView(source: bytes, range: range).trimmed(range).isEmpty
    }

    func isComment(_ range: Range<Int>) -> Bool {
        let r = LineView(source: bytes, range: range).trimmed(range)
        guard !r.isEmpty else { return false }
        if bytes[r.lowerBound] == UInt8(ascii: "#") { return true }
        return r.count >= 2 && bytes[r.lowerBound] == UInt8(ascii: "/") && bytes[r.lowerBound + 1] == UInt8(ascii: "/")
    }
}
