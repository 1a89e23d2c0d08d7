/// A node of the block tree the block reader builds: containers (document, quote, list, item) hold
/// blocks; leaves hold the text their inlines are read from. A class, because the reader keeps the
/// open ones as a chain it walks for every line; the tree is never deeper than
/// `MarkdownBlockReader.maxNesting` containers, so walking it recursively is safe.
final class MarkdownBlock {
    enum Kind {
        case document, blockQuote
        case list(MarkdownListStyle)
        case item(contentIndent: Int)
        case paragraph, thematicBreak
        case heading(level: Int)
        case fencedCode(MarkdownFence)
        case indentedCode
        /// `<!-- … -->` on lines of its own (CommonMark's HTML block of type 2): a maintainer's note that
        /// GitHub, GitLab and every editor hide, and so do we. It holds no text and writes nothing.
        case htmlComment
        /// A pipe table's column alignments; its rows are in `rows`.
        case table(alignments: [HTMLWriter.Alignment?])
    }

    var kind: Kind
    private(set) weak var parent: MarkdownBlock?
    private(set) var children: [MarkdownBlock] = []
    var isOpen = true
    /// Paragraph, heading and code text, lines joined by "\n".
    var content: [UInt8] = []
    /// Lines in `content`, for paragraphs (a table's header must be a one-line paragraph).
    var lineCount = 0
    /// A table's rows of cell texts, the header first. Kept here, not in `kind`, so adding a row
    /// changes the array in place instead of copying the table each time.
    var rows: [[[UInt8]]] = []
    /// A blank line came after this container's last child while it stayed open.
    var blankSinceLastChild = false
    /// A blank line separates this block from the one before it in the same list or item.
    var followsBlankLine = false

    init(_ kind: Kind) { self.kind = kind }

    var isContainer: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item: true
        default: false
        }
    }

    /// Lists hold only items, items only live in lists, leaves hold no blocks.
    func canContain(_ child: Kind) -> Bool {
        switch (kind, child) {
        case (.list, .item): true
        case (.list, _), (_, .item): false
        default: isContainer
        }
    }

    func append(_ child: MarkdownBlock) {
        child.parent = self
        children.append(child)
    }

    func removeLastChild() { children.removeLast() }

    /// A list is loose (its paragraphs get `<p>`) when a blank line separates two of its items, or two
    /// blocks of one item. Decided from the finished tree, so a paragraph that turned out to hold only
    /// link definitions, and so vanished, separates nothing.
    var isLooseList: Bool {
        children.dropFirst().contains(where: \.followsBlankLine)
            || children.contains { $0.children.dropFirst().contains(where: \.followsBlankLine) }
    }
}

/// What makes list items belong to the same list: the bullet, or the delimiter after the number.
struct MarkdownListStyle: Equatable {
    var ordered: Bool
    /// `-`, `+`, `*` for bullets; `.` or `)` for ordered lists.
    var marker: UInt8
    var start: Int

    func continues(_ other: MarkdownListStyle) -> Bool { ordered == other.ordered && marker == other.marker }
}

/// An open code fence: what closes it, how far its lines are unindented, and its language.
struct MarkdownFence {
    var character: UInt8
    var length: Int
    var indent: Int
    var language: CodeLanguage?
}
