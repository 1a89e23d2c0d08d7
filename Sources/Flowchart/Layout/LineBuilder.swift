/// Greedy line filling over break units, for `TextMetrics.wrap`.
struct LineBuilder {
    let maxWidth: Double
    let fontSize: Double
    private var lines: [String] = []
    private var current: [TextMetrics.BreakUnit] = []
    private var currentWidth = 0.0
    private var pendingSpace: TextMetrics.BreakUnit?

    init(maxWidth: Double, fontSize: Double) {
        self.maxWidth = maxWidth
        self.fontSize = fontSize
    }

    mutating func add(_ unit: TextMetrics.BreakUnit) {
        if unit.kind == .space {
            // Spaces only count when a word follows on the same line.
            if !current.isEmpty { pendingSpace = unit }
            return
        }
        let width = unit.width * fontSize
        let spaceWidth = (pendingSpace?.width ?? 0) * fontSize
        if currentWidth + spaceWidth + width <= maxWidth {
            append(unit)
        } else if let first = unit.text.unicodeScalars.first, TextMetrics.isClosingPunctuation(first),
                  current.count >= 2, pullDownLast(then: unit) {
            return
        } else if let last = current.last?.text.unicodeScalars.last, TextMetrics.isOpeningPunctuation(last),
                  current.count >= 2, pullDownLast(then: unit) {
            // An opening bracket left at a line's end ("…worker 怎么配置？（" / "gunicorn…"): it goes down with
            // what it opens.
            return
        } else if width <= maxWidth {
            flush()
            append(unit)
        } else {
            hardBreak(unit)
        }
    }

    mutating func finish() -> [String] {
        flush()
        return lines.isEmpty ? [""] : lines
    }

    private mutating func append(_ unit: TextMetrics.BreakUnit) {
        if let space = pendingSpace, !current.isEmpty {
            current.append(space)
            currentWidth += space.width * fontSize
        }
        pendingSpace = nil
        current.append(unit)
        currentWidth += unit.width * fontSize
    }

    /// Moves the last unit of the line down with the punctuation, if the pair fits on a line.
    private mutating func pullDownLast(then unit: TextMetrics.BreakUnit) -> Bool {
        guard let last = current.last, last.kind != .space, (last.width + unit.width) * fontSize <= maxWidth else { return false }
        current.removeLast()
        while current.last?.kind == .space { current.removeLast() }
        flush()
        append(last)
        append(unit)
        return true
    }

    /// Cuts a word wider than a whole line into line-sized pieces, starting on a fresh line. A cut
    /// goes after the last `/`, `-`, `_`, `,` … of the piece when there is one, so paths and
    /// hyphenated lists like "allkeys-lru/volatile-lru" split where a reader expects.
    private mutating func hardBreak(_ unit: TextMetrics.BreakUnit) {
        flush()
        var rest = unit.text
        while !rest.isEmpty {
            let scalars = rest.unicodeScalars
            var end = scalars.startIndex
            var width = 0.0
            var lastBreak: String.Index?
            while end < scalars.endIndex {
                let advance = TextMetrics.advance(of: scalars[end]) * fontSize
                if end > scalars.startIndex, advance > 0, width + advance > maxWidth { break }
                width += advance
                if TextMetrics.breaksAfter(scalars[end]) { lastBreak = scalars.index(after: end) }
                end = scalars.index(after: end)
            }
            if end < scalars.endIndex, let lastBreak, lastBreak < end { end = lastBreak }
            let piece = Substring(scalars[..<end])
            append(TextMetrics.BreakUnit(text: piece, kind: .word, width: TextMetrics.width(of: piece, fontSize: 1)))
            rest = Substring(scalars[end...])
            if !rest.isEmpty { flush() }
        }
    }

    private mutating func flush() {
        // Units are consecutive slices of one paragraph, so a line is the span from first to last.
        if let first = current.first, let last = current.last {
            lines.append(String(first.text.base.unicodeScalars[first.text.startIndex..<last.text.endIndex]))
        }
        current = []
        currentWidth = 0
        pendingSpace = nil
    }
}
