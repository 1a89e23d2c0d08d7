/// Markdown to HTML, written here rather than taken from a library so that we control the output
/// completely (security issue: a library wrote code-fence info strings, image alt and link targets into
/// attributes unescaped, and backtracked exponentially on unmatched `[`). The pipeline:
/// `MarkdownBlockReader` (lines → block tree and link definitions) → `MarkdownInlineReader` (each
/// leaf's text → flat inline pieces) → `HTMLWriter` (the only code that writes markup: an allow-list of
/// elements and attributes, `SafeURL` targets, everything escaped at the sink).
///
/// Raw HTML is not part of this Markdown: it is shown as text, except comments (`<!-- … -->`), which are
/// hidden as GitHub hides them. Work is linear in the input's size for
/// any input; `render` reports it, and the tests hold it to a multiple of the size.
enum MarkdownRenderer {
    static func html(_ markdown: String, headingShift: Int = 0, wrapsTables: Bool = false) -> String {
        render(markdown, headingShift: headingShift, wrapsTables: wrapsTables).html
    }

    /// The HTML and the work it took, in steps: bytes read, containers continued, delimiters and
    /// brackets handled, pieces written.
    static func render(_ markdown: String, headingShift: Int = 0, wrapsTables: Bool = false) -> (html: String, steps: Int) {
        let text = normalized(markdown)
        let reader = MarkdownBlockReader(text: text)
        reader.read()
        // Reference links may add about twice the guide's size in targets, and no more (see
        // `MarkdownInlineReader.referenceBudget`).
        var renderer = MarkdownHTMLRenderer(definitions: reader.definitions, referenceBudget: 2 * text.count + 65_536,
                                            headingShift: headingShift, wrapsTables: wrapsTables)
        renderer.write(reader.document)
        return (String(decoding: renderer.writer.bytes, as: UTF8.self), reader.steps + renderer.steps)
    }

    /// UTF-8 with "\n" line ends. NUL becomes U+FFFD, as CommonMark asks: a NUL never reaches the page.
    static func normalized(_ markdown: String) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(markdown.utf8.count)
        var afterCR = false
        for byte in markdown.utf8 {
            switch byte {
            case 0: text.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case UInt8(ascii: "\r"): text.append(MarkdownCharacters.newline)
            case MarkdownCharacters.newline where afterCR: break
            default: text.append(byte)
            }
            afterCR = byte == UInt8(ascii: "\r")
        }
        return text
    }
}
