/// Reads the inline content of one paragraph, heading or table cell into flat pieces, left to right in
/// one pass. Brackets and emphasis use CommonMark's stack algorithm: an opener waits on a stack, a
/// closer looks only at the nearest opener, and every look-ahead is bounded or reads text no other
/// look-ahead of its kind reads again — so work is linear in the text for any input (issue: one request
/// with unmatched `[` pinned a core for seconds in the library we had before).
struct MarkdownInlineReader {
    let bytes: [UInt8]
    let definitions: MarkdownLinkDefinitions
    /// Bytes that reference links may still add to the page. A definition with a long destination used
    /// many times would make the page many times larger than the guide; past this, `[x][ref]` is text.
    var referenceBudget: Int
    var steps = 0
    var pieces: [MarkdownInline] = []
    var delimiters = MarkdownDelimiterList()
    var brackets: [Bracket] = []
    /// Link openers (`[`, not `![`) below this stack index are inactive: links do not contain links.
    var linksInactiveBelow = 0
    /// The last `[` or `]` met, so a closer can tell whether its text holds another bracket (it is then
    /// no reference label) without reading the text again.
    var lastBracket = -1
    /// The start of the text not yet made a piece.
    var textStart = 0
    private var backticks: MarkdownBacktickRuns?
    /// Where a search for a comment's `-->` found none to the end: no later `<!--` closes either, so none
    /// searches again (linear for a paragraph of a thousand `<!--`).
    private var commentEndMissingFrom = Int.max

    init(bytes: [UInt8], definitions: MarkdownLinkDefinitions, referenceBudget: Int) {
        self.bytes = bytes
        self.definitions = definitions
        self.referenceBudget = referenceBudget
    }

    private static let special: [Bool] = (0...255).map { Array("\\`*_~[]!<&\n".utf8).contains(UInt8($0)) }

    mutating func read() -> [MarkdownInline] {
        var at = 0
        while at < bytes.count {
            steps += 1
            let byte = bytes[at]
            guard Self.special[Int(byte)] else { at += 1; continue }
            switch byte {
            case UInt8(ascii: "\\"): at = backslash(at)
            case UInt8(ascii: "`"): at = codeSpan(at)
            case UInt8(ascii: "["): at = openBracket(at, image: false)
            case UInt8(ascii: "!"):
                at = at + 1 < bytes.count && bytes[at + 1] == UInt8(ascii: "[") ? openBracket(at, image: true) : at + 1
            case UInt8(ascii: "]"): at = closeBracket(at)
            case UInt8(ascii: "<"): at = autolink(at)
            case UInt8(ascii: "&"): at = entity(at)
            case MarkdownCharacters.newline: at = lineBreak(at)
            default: at = delimiterRun(at)
            }
        }
        flushText(upTo: bytes.count)
        delimiters.processEmphasis(above: -1, steps: &steps)
        return pieces
    }

    /// Makes the text before `index` a piece of its own, so another kind of piece can follow it.
    mutating func flushText(upTo index: Int) {
        if textStart < index { pieces.append(.text(textStart..<index)) }
        textStart = index
    }

    /// Adds `piece` for the bytes from `index` to `next`, and returns `next`.
    mutating func emit(_ piece: MarkdownInline, at index: Int, next: Int) -> Int {
        flushText(upTo: index)
        pieces.append(piece)
        textStart = next
        return next
    }

    private mutating func backslash(_ at: Int) -> Int {
        guard at + 1 < bytes.count else { return at + 1 }
        let next = bytes[at + 1]
        if next == MarkdownCharacters.newline { return emit(.hardBreak, at: at, next: at + 2) }
        guard MarkdownCharacters.isASCIIPunctuation(next) else { return at + 1 }
        return emit(.literal([next]), at: at, next: at + 2)
    }

    /// A run of n backticks up to the next run of exactly n; without one the run is text.
    private mutating func codeSpan(_ at: Int) -> Int {
        var end = at
        while end < bytes.count && bytes[end] == UInt8(ascii: "`") { end += 1 }
        steps += end - at
        if backticks == nil { backticks = MarkdownBacktickRuns(bytes, steps: &steps) }
        guard let close = backticks?.next(length: end - at, from: end, steps: &steps) else { return end }
        var content = end..<close
        steps += content.count
        // One space on each side is padding (so `` ` `` can show a backtick), unless it is all spaces.
        let isSpace = { (byte: UInt8) in byte == MarkdownCharacters.space || byte == MarkdownCharacters.newline }
        if content.count >= 2, isSpace(bytes[content.lowerBound]), isSpace(bytes[content.upperBound - 1]),
           !bytes[content].allSatisfy(isSpace) {
            content = (content.lowerBound + 1)..<(content.upperBound - 1)
        }
        return emit(.code(content), at: at, next: close + (end - at))
    }

    private mutating func entity(_ at: Int) -> Int {
        guard let entity = HTMLEntities.decode(bytes, at: at, steps: &steps) else { return at + 1 }
        return emit(.literal(entity.utf8), at: at, next: at + entity.length)
    }

    /// Two or more spaces before a newline make a hard break; otherwise it is a soft one, and the
    /// spaces go either way.
    private mutating func lineBreak(_ at: Int) -> Int {
        var textEnd = at
        while textEnd > textStart && bytes[textEnd - 1] == MarkdownCharacters.space { textEnd -= 1 }
        let hard = at - textEnd >= 2
        flushText(upTo: textEnd)
        return emit(hard ? .hardBreak : .softBreak, at: textEnd, next: at + 1)
    }

    /// `<scheme:…>` or `<address@domain>`. Raw HTML is not Markdown here: a `<` that starts neither
    /// stays text, so `<script>` is shown, never run.
    private mutating func autolink(_ at: Int) -> Int {
        if at + 3 < bytes.count, bytes[at + 1] == UInt8(ascii: "!"), bytes[at + 2] == UInt8(ascii: "-"), bytes[at + 3] == UInt8(ascii: "-") {
            return comment(at)
        }
        // Everything an autolink may hold stops at a space, `<` or `>`, so each `<` reads only up to
        // the next one and `<<<…` is linear.
        var end = at + 1
        while end < bytes.count && bytes[end] > 0x20 && bytes[end] != 0x7F
                && bytes[end] != UInt8(ascii: "<") && bytes[end] != UInt8(ascii: ">") { end += 1 }
        steps += end - at
        guard end < bytes.count, bytes[end] == UInt8(ascii: ">") else { return at + 1 }
        let inside = (at + 1)..<end
        let url: SafeURL?
        if MarkdownAutolink.isURI(bytes[inside]) {
            url = SafeURL(Array(bytes[inside]))
        } else if MarkdownAutolink.isEmail(bytes[inside]) {
            url = SafeURL(mailto: bytes[inside])
        } else {
            url = nil
        }
        guard let url else { return at + 1 }
        let tag = MarkdownInlineTag.link(url, title: nil)
        _ = emit(.open(tag), at: at, next: inside.lowerBound)
        pieces.append(.text(inside))
        pieces.append(.close(tag))
        textStart = end + 1
        return end + 1
    }

    /// `<!-- … -->` inside a paragraph, a maintainer's note as in a block of its own: left out of the
    /// page, as GitHub and editors leave it out. Unclosed, it is text.
    private mutating func comment(_ at: Int) -> Int {
        guard at < commentEndMissingFrom else { return at + 1 }
        var end = at + 2   // `<!-->` and `<!--->` are comments too
        while end + 2 < bytes.count {
            if bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">") {
                steps += end - at
                flushText(upTo: at)
                textStart = end + 3
                return end + 3
            }
            end += 1
        }
        steps += end - at
        commentEndMissingFrom = at
        return at + 1
    }
}
