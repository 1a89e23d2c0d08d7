/// One piece of a leaf's inline content, in document order. Elements are flat open/close pieces rather
/// than a tree, so neither reading nor writing recurses, however deeply the input nests.
enum MarkdownInline {
    /// Source bytes shown as text (escaped at the sink).
    case text(Range<Int>)
    /// A backslash-escaped character or a decoded entity reference.
    case literal([UInt8])
    /// A code span's content; newlines in it are shown as spaces.
    case code(Range<Int>)
    case softBreak, hardBreak
    /// A run of `*`, `_` or `~~`: the emphasis it closes and opens, and its unused characters, are in
    /// the delimiter list under this index.
    case delimiterRun(Int)
    case open(MarkdownInlineTag), close(MarkdownInlineTag)
}

enum MarkdownInlineTag {
    case link(SafeURL, title: [UInt8]?)
    case image(SafeURL, title: [UInt8]?)
}

/// A matched pair of delimiter runs: `*a*` is em, `**a**` strong, `~~a~~` del.
struct MarkdownEmphasis {
    enum Kind {
        case em, strong, del
    }

    var kind: Kind
    var marker: UInt8
    /// Pairs are numbered so the writer can show both halves of one as text when it nests too deep.
    var id: Int

    var width: Int { kind == .em ? 1 : 2 }
}

/// Where each run of backticks starts, by length, so finding the closer of a code span is a look-up
/// rather than a scan. A cursor per length only moves forward (openers are met in order), so every run
/// is passed over once, and backtick runs of many lengths stay linear.
struct MarkdownBacktickRuns {
    private var starts: [Int: [Int]] = [:]
    private var cursors: [Int: Int] = [:]

    init(_ bytes: [UInt8], steps: inout Int) {
        var at = 0
        while at < bytes.count {
            guard bytes[at] == UInt8(ascii: "`") else { at += 1; continue }
            let start = at
            while at < bytes.count && bytes[at] == UInt8(ascii: "`") { at += 1 }
            starts[at - start, default: []].append(start)
        }
        steps += bytes.count
    }

    /// The start of the first run of exactly `length` backticks at or after `position`.
    mutating func next(length: Int, from position: Int, steps: inout Int) -> Int? {
        guard let runs = starts[length] else { return nil }
        var cursor = cursors[length, default: 0]
        while cursor < runs.count && runs[cursor] < position {
            cursor += 1
            steps += 1
        }
        cursors[length] = cursor
        return cursor < runs.count ? runs[cursor] : nil
    }
}
