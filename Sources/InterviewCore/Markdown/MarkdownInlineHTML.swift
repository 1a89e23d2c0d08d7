/// Writes a leaf's inline pieces. Elements come as flat open/close pieces, so this is one loop, not a
/// recursion, however deep the input nests.
struct MarkdownInlineHTML {
    /// Emphasis nested deeper than this is shown as its delimiters: nobody writes 33 levels of
    /// emphasis, and the page's DOM stays shallow whatever the input.
    static let maxEmphasisNesting = 32

    let bytes: [UInt8]
    let delimiters: MarkdownDelimiterList
    private var emphasisDepth = 0
    private var shownAsText: Set<Int> = []
    /// Inside an image, content becomes the `alt` text: characters only, no elements.
    private var imageDepth = 0
    private var alt: [UInt8] = []

    init(bytes: [UInt8], delimiters: MarkdownDelimiterList) {
        self.bytes = bytes
        self.delimiters = delimiters
    }

    mutating func write(_ pieces: [MarkdownInline], to writer: inout HTMLWriter, steps: inout Int) {
        for piece in pieces {
            steps += 1
            switch piece {
            case .text(let range):
                text(bytes[range], &writer)
            case .literal(let utf8):
                text(utf8, &writer)
            case .code(let range):
                let content = bytes[range].map { $0 == MarkdownCharacters.newline ? MarkdownCharacters.space : $0 }
                if imageDepth > 0 { alt += content; continue }
                writer.open(.code)
                writer.text(content)
                writer.close(.code)
            case .softBreak:
                if imageDepth > 0 { alt.append(MarkdownCharacters.space) } else { writer.newline() }
            case .hardBreak:
                if imageDepth > 0 { alt.append(MarkdownCharacters.space) } else { writer.lineBreak() }
            case .delimiterRun(let index):
                let run = delimiters.runs[index]
                for emphasis in run.closes { close(emphasis, &writer) }
                text(Array(repeating: run.marker, count: run.count), &writer)
                for emphasis in run.opens.reversed() { open(emphasis, &writer) }
            case .open(.link(let url, let title)):
                if imageDepth == 0 { writer.openLink(href: url, title: title) }
            case .close(.link):
                if imageDepth == 0 { writer.closeLink() }
            case .open(.image):
                imageDepth += 1
            case .close(.image(let url, let title)):
                imageDepth -= 1
                if imageDepth == 0 {
                    writer.image(src: url, alt: alt, title: title)
                    alt = []
                }
            }
        }
    }

    private mutating func text<Bytes: Sequence>(_ text: Bytes, _ writer: inout HTMLWriter) where Bytes.Element == UInt8 {
        if imageDepth > 0 { alt.append(contentsOf: text) } else { writer.text(text) }
    }

    private mutating func open(_ emphasis: MarkdownEmphasis, _ writer: inout HTMLWriter) {
        if imageDepth > 0 { return }
        if emphasisDepth >= Self.maxEmphasisNesting {
            shownAsText.insert(emphasis.id)
            writer.text(Array(repeating: emphasis.marker, count: emphasis.width))
            return
        }
        emphasisDepth += 1
        writer.open(Self.element(emphasis.kind))
    }

    private mutating func close(_ emphasis: MarkdownEmphasis, _ writer: inout HTMLWriter) {
        if imageDepth > 0 { return }
        if shownAsText.contains(emphasis.id) {
            writer.text(Array(repeating: emphasis.marker, count: emphasis.width))
            return
        }
        emphasisDepth -= 1
        writer.close(Self.element(emphasis.kind))
    }

    private static func element(_ kind: MarkdownEmphasis.Kind) -> HTMLWriter.PlainElement {
        switch kind {
        case .em: .em
        case .strong: .strong
        case .del: .del
        }
    }
}
