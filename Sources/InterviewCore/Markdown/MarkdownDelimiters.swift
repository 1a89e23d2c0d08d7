/// The runs of `*`, `_` and `~~` in one leaf that may open or close emphasis, as a doubly linked list
/// over an array: runs leave the list in O(1), and each leaves it once. Matching follows CommonMark's
/// "process emphasis": each closer looks back for the nearest fitting opener, no further than where
/// the last search for the same kind of closer failed, so `*a **b ***c …` runs stay linear.
struct MarkdownDelimiterList {
    struct Run {
        let marker: UInt8
        let length: Int
        let canOpen: Bool
        let canClose: Bool
        /// Characters not yet used by emphasis; they are shown as text.
        var count: Int
        var previous: Int
        var next: Int
        /// Emphasis this run opens and closes, innermost first.
        var opens: [MarkdownEmphasis] = []
        var closes: [MarkdownEmphasis] = []
    }

    private(set) var runs: [Run] = []
    private var head = -1
    /// The last run still in the list, or -1.
    private(set) var last = -1
    private var nextID = 0

    mutating func append(marker: UInt8, length: Int, canOpen: Bool, canClose: Bool) -> Int {
        let index = runs.count
        runs.append(Run(marker: marker, length: length, canOpen: canOpen, canClose: canClose, count: length, previous: last, next: -1))
        if last == -1 { head = index } else { runs[last].next = index }
        last = index
        return index
    }

    private mutating func unlink(_ index: Int) {
        let previous = runs[index].previous, next = runs[index].next
        if previous == -1 { head = next } else { runs[previous].next = next }
        if next == -1 { last = previous } else { runs[next].previous = previous }
    }

    /// Matches the runs after `bottom` (-1: all), then drops them from the list: they are inside a
    /// link that just closed, or the leaf has ended.
    mutating func processEmphasis(above bottom: Int, steps: inout Int) {
        // Where the search for an opener stopped, per marker, per whether the closer can also open,
        // and per closer length mod 3 (the rule of 3 makes those searches differ).
        var openersBottom = [Int](repeating: bottom, count: 18)
        var current = bottom == -1 ? head : runs[bottom].next
        while current != -1 {
            steps += 1
            let closer = runs[current]
            guard closer.canClose else { current = closer.next; continue }
            let key = Self.markerIndex(closer.marker) * 6 + (closer.canOpen ? 3 : 0) + closer.length % 3
            var candidate = closer.previous
            var opener = -1
            while candidate > bottom && candidate > openersBottom[key] {
                steps += 1
                if Self.fits(runs[candidate], closer) { opener = candidate; break }
                candidate = runs[candidate].previous
            }
            guard opener != -1 else {
                openersBottom[key] = closer.previous
                if !closer.canOpen { unlink(current) }
                current = closer.next
                continue
            }
            let width = closer.marker == UInt8(ascii: "~") || (runs[opener].count >= 2 && closer.count >= 2) ? 2 : 1
            let kind: MarkdownEmphasis.Kind = closer.marker == UInt8(ascii: "~") ? .del : width == 2 ? .strong : .em
            let emphasis = MarkdownEmphasis(kind: kind, marker: closer.marker, id: nextID)
            nextID += 1
            runs[opener].count -= width
            runs[opener].opens.append(emphasis)
            runs[current].count -= width
            runs[current].closes.append(emphasis)
            // Runs between the two can no longer pair across them; they stay text.
            var between = runs[opener].next
            while between != current {
                steps += 1
                let next = runs[between].next
                unlink(between)
                between = next
            }
            if runs[opener].count == 0 { unlink(opener) }
            if runs[current].count == 0 {
                let next = runs[current].next
                unlink(current)
                current = next
            }
        }
        if bottom == -1 {
            head = -1
            last = -1
        } else {
            runs[bottom].next = -1
            last = bottom
        }
    }

    private static func markerIndex(_ marker: UInt8) -> Int {
        marker == UInt8(ascii: "*") ? 0 : marker == UInt8(ascii: "_") ? 1 : 2
    }

    /// Same marker, and the rule of 3: when either run could both open and close, their lengths may not
    /// add up to a multiple of 3 unless both are multiples of 3 (so `*a**b*` is not `<em>a</em>…`).
    private static func fits(_ opener: Run, _ closer: Run) -> Bool {
        guard opener.marker == closer.marker, opener.canOpen else { return false }
        guard closer.marker != UInt8(ascii: "~"), opener.canClose || closer.canOpen else { return true }
        return (opener.length + closer.length) % 3 != 0 || (opener.length % 3 == 0 && closer.length % 3 == 0)
    }
}

extension MarkdownInlineReader {
    /// A run of `*` or `_` (or exactly two `~`) that can open or close emphasis, by the flanking rules:
    /// it opens when it leans on the text after it, closes when it leans on the text before, and `_`
    /// never does either inside a word, so `snake_case_name` stays as written.
    mutating func delimiterRun(_ at: Int) -> Int {
        let marker = bytes[at]
        var end = at
        while end < bytes.count && bytes[end] == marker { end += 1 }
        steps += end - at
        // One `~` is "about" in "6~8 分钟"; only `~~` strikes through.
        if marker == UInt8(ascii: "~") && end - at != 2 { return end }
        let before = MarkdownCharacters.side(MarkdownCharacters.scalar(before: at, in: bytes))
        let after = MarkdownCharacters.side(MarkdownCharacters.scalar(at: end, in: bytes))
        let leftFlanking = after != .whitespace && (after != .punctuation || before != .other)
        let rightFlanking = before != .whitespace && (before != .punctuation || after != .other)
        var canOpen = leftFlanking, canClose = rightFlanking
        if marker == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || before == .punctuation)
            canClose = rightFlanking && (!leftFlanking || after == .punctuation)
        }
        guard canOpen || canClose else { return end }
        flushText(upTo: at)
        let index = delimiters.append(marker: marker, length: end - at, canOpen: canOpen, canClose: canClose)
        return emit(.delimiterRun(index), at: at, next: end)
    }
}
