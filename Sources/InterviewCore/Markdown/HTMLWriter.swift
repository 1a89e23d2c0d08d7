/// The one place where rendered Markdown becomes HTML. The elements and attributes it can write are
/// the allow-list of the guidance security rules, spelled out as types: `PlainElement` for elements
/// without attributes, and one method for each element that has some (`a`, `img`, `ol`, `code`,
/// `th`/`td`, a table's scrolling `div`). Every text and attribute value is escaped here, at the sink, and every attribute is
/// double-quoted — so no Markdown, however odd, can make this writer emit markup it does not know.
struct HTMLWriter {
    enum PlainElement: String {
        case p, h1, h2, h3, h4, h5, h6, em, strong, del, code, pre, blockquote, ul, ol, li
        case table, thead, tbody, tr, th, td
    }

    enum Alignment: String {
        case left, center, right
    }

    private(set) var bytes: [UInt8] = []

    /// Links leave the site without a referrer or an opener, and vouch for nothing (search engines).
    private static let linkRel = Array(#" rel="noopener noreferrer nofollow""#.utf8)

    /// `<p>`, `<li>`, …; the ones that need attributes have their own methods below.
    mutating func open(_ element: PlainElement) { raw("<" + element.rawValue + ">") }

    mutating func close(_ element: PlainElement) { raw("</" + element.rawValue + ">") }

    mutating func openLink(href: SafeURL, title: [UInt8]?) {
        raw("<a")
        attribute("href", href.bytes)
        if let title { attribute("title", title) }
        bytes.append(contentsOf: Self.linkRel)
        raw(">")
    }

    mutating func closeLink() { raw("</a>") }

    mutating func image(src: SafeURL, alt: [UInt8], title: [UInt8]?) {
        raw("<img")
        attribute("src", src.bytes)
        attribute("alt", alt)
        if let title { attribute("title", title) }
        raw(">")
    }

    mutating func openOrderedList(start: Int) {
        raw(start == 1 ? "<ol>" : "<ol start=\"\(start)\">")
    }

    mutating func openCode(language: CodeLanguage?) {
        guard let language else { return raw("<code>") }
        raw("<code")
        attribute("class", Array(("language-" + language.name).utf8))
        raw(">")
    }

    mutating func openCell(header: Bool, alignment: Alignment?) {
        let name = header ? "th" : "td"
        raw(alignment.map { "<\(name) align=\"\($0.rawValue)\">" } ?? "<\(name)>")
    }

    /// The page stylesheet's `.scroll` wrapper around a table (`MarkdownHTMLRenderer.wrapsTables`).
    mutating func openTableScroller() { raw("<div class=\"scroll\">") }
    mutating func closeTableScroller() { raw("</div>") }

    mutating func lineBreak() { raw("<br>\n") }
    mutating func thematicBreak() { raw("<hr>\n") }

    /// Starts a new line unless the output is empty or already at one; blocks begin on their own line.
    mutating func ensureNewline() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    mutating func newline() { bytes.append(0x0A) }

    /// Text, escaped.
    mutating func text<Bytes: Sequence>(_ text: Bytes) where Bytes.Element == UInt8 {
        for byte in text { escape(byte) }
    }

    private mutating func attribute(_ name: String, _ value: [UInt8]) {
        raw(" " + name + "=\"")
        text(value)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// The five characters that can end text or an attribute value become references. Control
    /// characters other than tab and newline are not allowed in HTML text and are dropped (as
    /// `XMLText.escape` does); NUL never gets here, the reader made it U+FFFD.
    @inline(__always)
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])                // &amp;
        case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                      // &lt;
        case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                      // &gt;
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])         // &quot;
        case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])                // &#39;
        case 0x09, 0x0A: bytes.append(byte)
        case ..<0x20: break
        default: bytes.append(byte)
        }
    }
}

/// The language of a fenced code block for its `language-…` class: the info string's first word, kept
/// only when it is made of [A-Za-z0-9_+-], so an info string can neither leave the attribute nor add
/// a class of its own. Anything else is dropped, not repaired.
struct CodeLanguage: Equatable {
    let name: String

    init?<Bytes: Collection>(info: Bytes) where Bytes.Element == UInt8 {
        let word = info.prefix { $0 != 0x20 && $0 != 0x09 }
        guard !word.isEmpty, word.count <= 64, word.allSatisfy(Self.allowed) else { return nil }
        name = String(decoding: word, as: UTF8.self)
    }

    private static func allowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
