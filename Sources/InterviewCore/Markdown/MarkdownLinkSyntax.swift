/// The pieces of link syntax that inline links and reference definitions share: destinations, titles
/// and labels. Each scanner reads forward once, adds what it read to `steps`, and has a bound where
/// input could otherwise make the inline reader scan the same text again and again: parentheses in a
/// destination nest at most 32 deep, and a label is at most 999 bytes (as in CommonMark).
enum MarkdownLinkSyntax {
    static let maxParenDepth = 32
    static let maxLabelLength = 999

    private static let backslash = UInt8(ascii: "\\")

    /// Past spaces and tabs and at most one newline.
    static func skipWhitespace(_ b: [UInt8], from: Int, steps: inout Int) -> Int {
        var at = from, newlines = 0
        while at < b.count {
            if b[at] == MarkdownCharacters.newline {
                guard newlines == 0 else { break }
                newlines += 1
            } else if !MarkdownCharacters.isSpaceOrTab(b[at]) {
                break
            }
            at += 1
        }
        steps += at - from
        return at
    }

    /// `<…>` (no newline or `<` inside), or a non-empty run without spaces or controls whose
    /// parentheses balance. The raw range, escapes not yet decoded, and where it ended.
    static func destination(_ b: [UInt8], from: Int, steps: inout Int) -> (raw: Range<Int>, next: Int)? {
        guard from < b.count else { return nil }
        var at = from
        defer { steps += at - from + 1 }
        if b[at] == UInt8(ascii: "<") {
            at += 1
            while at < b.count {
                switch b[at] {
                case backslash where at + 1 < b.count && MarkdownCharacters.isASCIIPunctuation(b[at + 1]): at += 2
                case UInt8(ascii: ">"): return (from + 1..<at, at + 1)
                case MarkdownCharacters.newline, UInt8(ascii: "<"): return nil
                default: at += 1
                }
            }
            return nil
        }
        var depth = 0
        scan: while at < b.count {
            switch b[at] {
            case backslash where at + 1 < b.count && MarkdownCharacters.isASCIIPunctuation(b[at + 1]):
                at += 2
                continue scan
            case ...0x20, 0x7F:
                break scan
            case UInt8(ascii: "("):
                depth += 1
                if depth > maxParenDepth { return nil }
            case UInt8(ascii: ")"):
                if depth == 0 { break scan }
                depth -= 1
            default:
                break
            }
            at += 1
        }
        guard depth == 0, at > from else { return nil }
        return (from..<at, at)
    }

    /// `"…"`, `'…'` or `(…)`; a `(` title may not contain an unescaped `(`.
    static func title(_ b: [UInt8], from: Int, steps: inout Int) -> (raw: Range<Int>, next: Int)? {
        guard from < b.count else { return nil }
        let open = b[from]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var at = from + 1
        defer { steps += at - from }
        while at < b.count {
            if b[at] == backslash { at += 2; continue }
            if b[at] == close { return (from + 1..<at, at + 1) }
            if open == UInt8(ascii: "(") && b[at] == open { return nil }
            at += 1
        }
        return nil
    }

    /// With `from` just after a `[`: the index of the `]` that closes the label. Nil when an unescaped
    /// `[` comes first, or none comes within `maxLabelLength` bytes.
    static func labelEnd(_ b: [UInt8], from: Int, steps: inout Int) -> Int? {
        var at = from
        let limit = min(b.count, from + maxLabelLength + 1)
        defer { steps += at - from + 1 }
        while at < limit {
            switch b[at] {
            case backslash: at += 2
            case UInt8(ascii: "]"): return at
            case UInt8(ascii: "["): return nil
            default: at += 1
            }
        }
        return nil
    }

    /// The key a label is looked up by: trimmed, each run of whitespace one space, case-folded, so
    /// `[Redis  Docs]` finds `[redis docs]: …`. Nil for a blank label, which names nothing.
    static func normalizedLabel(_ label: ArraySlice<UInt8>, steps: inout Int) -> String? {
        steps += label.count
        var folded: [UInt8] = []
        folded.reserveCapacity(label.count)
        var pendingSpace = false
        for byte in label {
            if byte == MarkdownCharacters.space || byte == MarkdownCharacters.tab || byte == MarkdownCharacters.newline {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace { folded.append(MarkdownCharacters.space); pendingSpace = false }
            folded.append(byte)
        }
        guard !folded.isEmpty else { return nil }
        return String(decoding: folded, as: UTF8.self).lowercased()
    }

    /// A destination's or title's text: backslash escapes and entity references decoded.
    static func unescape(_ b: [UInt8], _ range: Range<Int>, steps: inout Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var at = range.lowerBound
        while at < range.upperBound {
            let byte = b[at]
            if byte == backslash && at + 1 < range.upperBound && MarkdownCharacters.isASCIIPunctuation(b[at + 1]) {
                out.append(b[at + 1])
                at += 2
            } else if byte == UInt8(ascii: "&"), let entity = HTMLEntities.decode(b, at: at, steps: &steps),
                      at + entity.length <= range.upperBound {
                out.append(contentsOf: entity.utf8)
                at += entity.length
            } else {
                out.append(byte)
                at += 1
            }
        }
        steps += range.count
        return out
    }
}
