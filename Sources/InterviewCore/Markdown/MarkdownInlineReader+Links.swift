/// Links and images: `[text](dest "title")`, `[text][ref]`, `[ref][]`, `[ref]`, and the same after `!`.
extension MarkdownInlineReader {
    struct Bracket {
        /// The `[` or `![` text piece, which becomes the link's opening tag.
        var piece: Int
        /// Where the `[` is.
        var position: Int
        var image: Bool
        /// The last delimiter run before the bracket: emphasis inside the link is matched above it.
        var delimiterBottom: Int
    }

    mutating func openBracket(_ at: Int, image: Bool) -> Int {
        let width = image ? 2 : 1
        flushText(upTo: at)
        brackets.append(Bracket(piece: pieces.count, position: at + width - 1, image: image, delimiterBottom: delimiters.last))
        lastBracket = at + width - 1
        return emit(.text(at..<(at + width)), at: at, next: at + width)
    }

    /// A `]` closes the nearest opener if a destination follows it (or its text names a definition).
    /// Either way the opener leaves the stack, so each bracket is handled once.
    mutating func closeBracket(_ at: Int) -> Int {
        let textIsLabel = lastBracket == brackets.last?.position
        lastBracket = at
        guard let opener = brackets.last else { return at + 1 }
        if !opener.image && brackets.count - 1 < linksInactiveBelow {
            dropOpener()
            return at + 1
        }
        // An unsafe destination is not made a link: the brackets and the target are shown as text.
        guard let target = linkTarget(after: at, opener: opener, textIsLabel: textIsLabel),
              let url = SafeURL(target.destination) else {
            dropOpener()
            return at + 1
        }
        let tag: MarkdownInlineTag = opener.image ? .image(url, title: target.title) : .link(url, title: target.title)
        pieces[opener.piece] = .open(tag)
        _ = emit(.close(tag), at: at, next: target.next)
        delimiters.processEmphasis(above: opener.delimiterBottom, steps: &steps)
        brackets.removeLast()
        // Links do not contain links, so every `[` before this one can no longer open one (images can).
        linksInactiveBelow = opener.image ? min(linksInactiveBelow, brackets.count) : brackets.count
        return target.next
    }

    private mutating func dropOpener() {
        brackets.removeLast()
        linksInactiveBelow = min(linksInactiveBelow, brackets.count)
    }

    /// The destination and title after the `]` at `close`, and where the link syntax ends.
    private mutating func linkTarget(after close: Int, opener: Bracket, textIsLabel: Bool)
        -> (destination: [UInt8], title: [UInt8]?, next: Int)? {
        let next = close + 1
        if next < bytes.count && bytes[next] == UInt8(ascii: "("),
           let inline = MarkdownLinkSyntax.inlineLink(bytes, from: next + 1, steps: &steps) {
            return inline
        }
        guard !definitions.isEmpty else { return nil }
        // `[text][label]`, `[label][]`, or `[label]`; the text is a label only when no bracket is in it.
        var label: Range<Int>? = textIsLabel ? (opener.position + 1)..<close : nil
        var end = next
        if next < bytes.count && bytes[next] == UInt8(ascii: "["),
           let labelClose = MarkdownLinkSyntax.labelEnd(bytes, from: next + 1, steps: &steps) {
            if labelClose > next + 1 { label = (next + 1)..<labelClose }
            end = labelClose + 1
        }
        guard let label, label.count <= MarkdownLinkSyntax.maxLabelLength,
              let definition = definitions.definition(for: bytes[label], steps: &steps) else { return nil }
        let cost = definition.destination.count + (definition.title?.count ?? 0)
        guard cost <= referenceBudget else { return nil }
        referenceBudget -= cost
        return (definition.destination, definition.title, end)
    }
}

extension MarkdownLinkSyntax {
    /// After `](`: optional whitespace, a destination, a title set off by whitespace, whitespace, `)`.
    static func inlineLink(_ b: [UInt8], from: Int, steps: inout Int) -> (destination: [UInt8], title: [UInt8]?, next: Int)? {
        var at = skipWhitespace(b, from: from, steps: &steps)
        var destinationRange = at..<at
        if at < b.count && b[at] != UInt8(ascii: ")") {
            guard let found = destination(b, from: at, steps: &steps) else { return nil }
            destinationRange = found.raw
            at = found.next
        }
        let afterDestination = at
        at = skipWhitespace(b, from: at, steps: &steps)
        var titleRange: Range<Int>?
        if at > afterDestination, let found = title(b, from: at, steps: &steps) {
            titleRange = found.raw
            at = skipWhitespace(b, from: found.next, steps: &steps)
        }
        guard at < b.count, b[at] == UInt8(ascii: ")") else { return nil }
        let title = titleRange.map { unescape(b, $0, steps: &steps) }
        return (unescape(b, destinationRange, steps: &steps), title, at + 1)
    }
}

/// The two forms of `<…>` autolink.
enum MarkdownAutolink {
    /// `scheme:rest`, the scheme a letter and then 1 to 31 letters, digits, `+`, `.` or `-`. (The
    /// reader already stopped the rest at spaces, controls, `<` and `>`.)
    static func isURI(_ text: ArraySlice<UInt8>) -> Bool {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), let first = text.first else { return false }
        let scheme = text[text.startIndex..<colon]
        guard (2...32).contains(scheme.count), (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        return scheme.allSatisfy { MarkdownCharacters.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `local@domain`: the local part from the characters HTML allows there, the domain dot-separated
    /// labels of letters, digits and inner hyphens.
    static func isEmail(_ text: ArraySlice<UInt8>) -> Bool {
        guard let at = text.firstIndex(of: UInt8(ascii: "@")), at > text.startIndex else { return false }
        let localExtras = Array(".!#$%&'*+/=?^_`{|}~-".utf8)
        guard text[text.startIndex..<at].allSatisfy({ MarkdownCharacters.isASCIIAlphanumeric($0) || localExtras.contains($0) }) else { return false }
        let labels = text[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !labels.isEmpty && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.allSatisfy { MarkdownCharacters.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
    }
}
