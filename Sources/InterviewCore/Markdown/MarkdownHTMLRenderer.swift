/// Writes the block tree as HTML, reading each leaf's inlines as it goes. It recurses into containers,
/// which is safe because the block reader nests them at most `MarkdownBlockReader.maxNesting` deep.
struct MarkdownHTMLRenderer {
    private(set) var writer = HTMLWriter()
    let definitions: MarkdownLinkDefinitions
    var referenceBudget: Int
    var steps = 0
    /// Levels added to every heading (h6 at most): a page whose own h1 names the document shows the
    /// document's `#` title as an h2, so the page keeps one h1.
    let headingShift: Int
    /// Each table inside a scrolling wrapper (`HTMLWriter.openTableScroller`), for pages: a wide table
    /// scrolls in its place instead of widening a phone's page, and stays a table to screen readers.
    let wrapsTables: Bool

    init(definitions: MarkdownLinkDefinitions, referenceBudget: Int, headingShift: Int = 0, wrapsTables: Bool = false) {
        self.definitions = definitions
        self.referenceBudget = referenceBudget
        self.headingShift = max(0, headingShift)
        self.wrapsTables = wrapsTables
    }

    private static let headings: [HTMLWriter.PlainElement] = [.h1, .h2, .h3, .h4, .h5, .h6]

    mutating func write(_ block: MarkdownBlock, tight: Bool = false) {
        steps += 1
        switch block.kind {
        case .document:
            for child in block.children { write(child) }
        case .blockQuote:
            writer.ensureNewline()
            writer.open(.blockquote)
            writer.newline()
            for child in block.children { write(child) }
            writer.ensureNewline()
            writer.close(.blockquote)
            writer.newline()
        case .list(let style):
            writer.ensureNewline()
            if style.ordered { writer.openOrderedList(start: style.start) } else { writer.open(.ul) }
            writer.newline()
            let tight = !block.isLooseList
            for item in block.children { write(item, tight: tight) }
            writer.close(style.ordered ? .ol : .ul)
            writer.newline()
        case .item:
            writer.ensureNewline()
            writer.open(.li)
            // In a tight list an item's paragraphs are bare text: `<li>one</li>`.
            for child in block.children { write(child, tight: tight) }
            writer.close(.li)
            writer.newline()
        case .paragraph:
            if tight {
                inline(block.content)
            } else {
                writer.ensureNewline()
                writer.open(.p)
                inline(block.content)
                writer.close(.p)
                writer.newline()
            }
        case .heading(let level):
            let element = Self.headings[min(level + headingShift, 6) - 1]
            writer.ensureNewline()
            writer.open(element)
            inline(block.content)
            writer.close(element)
            writer.newline()
        case .thematicBreak:
            writer.ensureNewline()
            writer.thematicBreak()
        case .fencedCode(let fence):
            code(block.content, language: fence.language)
        case .indentedCode:
            code(block.content, language: nil)
        case .htmlComment:
            break
        case .table(let alignments):
            table(alignments: alignments, rows: block.rows)
        }
    }

    private mutating func code(_ content: [UInt8], language: CodeLanguage?) {
        steps += content.count
        writer.ensureNewline()
        writer.open(.pre)
        writer.openCode(language: language)
        writer.text(content)
        writer.close(.code)
        writer.close(.pre)
        writer.newline()
    }

    private mutating func table(alignments: [HTMLWriter.Alignment?], rows: [[[UInt8]]]) {
        writer.ensureNewline()
        if wrapsTables { writer.openTableScroller() }
        writer.open(.table)
        writer.newline()
        for (index, row) in rows.enumerated() {
            let header = index == 0
            if header { writer.open(.thead); writer.newline() }
            if index == 1 { writer.open(.tbody); writer.newline() }
            writer.open(.tr)
            writer.newline()
            for (column, cell) in row.enumerated() {
                writer.openCell(header: header, alignment: alignments[column])
                inline(cell)
                writer.close(header ? .th : .td)
                writer.newline()
            }
            writer.close(.tr)
            writer.newline()
            if header { writer.close(.thead); writer.newline() }
        }
        if rows.count > 1 { writer.close(.tbody); writer.newline() }
        writer.close(.table)
        if wrapsTables { writer.closeTableScroller() }
        writer.newline()
    }

    private mutating func inline(_ text: [UInt8]) {
        var reader = MarkdownInlineReader(bytes: text, definitions: definitions, referenceBudget: referenceBudget)
        let pieces = reader.read()
        referenceBudget = reader.referenceBudget
        steps += reader.steps
        var html = MarkdownInlineHTML(bytes: text, delimiters: reader.delimiters)
        html.write(pieces, to: &writer, steps: &steps)
    }
}
