/// `[label]: destination "title"` lines, which name a target for `[text][label]`, `[label][]` and
/// `[label]`. They are read from the start of paragraphs when a paragraph closes, are never printed,
/// and the first definition of a label wins. A definition is not checked here: an unsafe destination
/// simply never becomes a link where it is used.
struct MarkdownLinkDefinitions {
    struct Definition {
        var destination: [UInt8]
        var title: [UInt8]?
    }

    private var byLabel: [String: Definition] = [:]

    var isEmpty: Bool { byLabel.isEmpty }

    func definition(for label: ArraySlice<UInt8>, steps: inout Int) -> Definition? {
        guard !byLabel.isEmpty, let key = MarkdownLinkSyntax.normalizedLabel(label, steps: &steps) else { return nil }
        return byLabel[key]
    }

    /// Reads the definitions at the start of a paragraph's text and returns how many bytes they took.
    /// Each one read moves the start on, and the first text that is not one ends the reading, so a
    /// paragraph is read once.
    mutating func read(from content: [UInt8], steps: inout Int) -> Int {
        var start = 0
        while let next = definition(in: content, at: start, steps: &steps) { start = next }
        return start
    }

    private mutating func definition(in b: [UInt8], at start: Int, steps: inout Int) -> Int? {
        guard start < b.count, b[start] == UInt8(ascii: "["),
              let close = MarkdownLinkSyntax.labelEnd(b, from: start + 1, steps: &steps),
              close + 1 < b.count, b[close + 1] == UInt8(ascii: ":"),
              let key = MarkdownLinkSyntax.normalizedLabel(b[(start + 1)..<close], steps: &steps) else { return nil }
        let destinationStart = MarkdownLinkSyntax.skipWhitespace(b, from: close + 2, steps: &steps)
        guard let destination = MarkdownLinkSyntax.destination(b, from: destinationStart, steps: &steps) else { return nil }
        // A title must be set off by whitespace and end its line; otherwise the definition ends with the
        // destination's line, and a line that only looked like a title is paragraph text.
        var title: Range<Int>?
        var end: Int
        let titleStart = MarkdownLinkSyntax.skipWhitespace(b, from: destination.next, steps: &steps)
        if titleStart > destination.next, let found = MarkdownLinkSyntax.title(b, from: titleStart, steps: &steps),
           let lineEnd = Self.lineEnd(b, ifBlankFrom: found.next, steps: &steps) {
            title = found.raw
            end = lineEnd
        } else if let lineEnd = Self.lineEnd(b, ifBlankFrom: destination.next, steps: &steps) {
            end = lineEnd
        } else {
            return nil
        }
        if byLabel[key] == nil {
            byLabel[key] = Definition(destination: MarkdownLinkSyntax.unescape(b, destination.raw, steps: &steps),
                                      title: title.map { MarkdownLinkSyntax.unescape(b, $0, steps: &steps) })
        }
        end = min(end + 1, b.count)
        return end
    }

    /// The index of the newline (or the end) after `from`, when only spaces and tabs come before it.
    private static func lineEnd(_ b: [UInt8], ifBlankFrom from: Int, steps: inout Int) -> Int? {
        var at = from
        while at < b.count && MarkdownCharacters.isSpaceOrTab(b[at]) { at += 1 }
        steps += at - from + 1
        return at == b.count || b[at] == MarkdownCharacters.newline ? at : nil
    }
}
