extension MarkdownBlockReader {
    /// Opens the blocks a line starts, from `container` on: quotes and list items may repeat (each
    /// then looks at the rest of the line), a leaf ends the search. True when the line is used up.
    func openBlocks(_ line: inout MarkdownSourceLine, in container: inout MarkdownBlock, depth: Int) -> Bool {
        if container.isCode { return false }
        var depth = depth
        while true {
            steps += 1
            let (columns, next) = line.indent()
            if columns >= 4 {
                // Indented code cannot interrupt a paragraph, not even one continued lazily.
                if case .paragraph = tip.kind { return false }
                if line.isBlank { return false }
                line.skipColumns(4)
                container = open(.indentedCode, in: container)
                return false
            }
            guard next < line.end else { return false }
            let canNest = depth < Self.maxNesting
            let inParagraph = if case .paragraph = container.kind { true } else { false }
            if text[next] == UInt8(ascii: ">") && canNest {
                line.skipColumns(columns)
                line.skipByte()
                line.skipColumns(1)
                container = open(.blockQuote, in: container)
                depth += 1
                continue
            }
            if text[next] == UInt8(ascii: "<"), line.opensComment(at: next) {
                let block = open(.htmlComment, in: container)
                if line.containsCommentEnd(steps: &steps) { close(block) }
                return true
            }
            if let heading = line.atxHeading(at: next, steps: &steps) {
                let block = open(.heading(level: heading.level), in: container)
                block.content = Array(heading.text)
                close(block)
                return true
            }
            if let fence = line.fenceOpening(at: next, steps: &steps) {
                let language = CodeLanguage(info: fence.info)
                open(.fencedCode(MarkdownFence(character: fence.character, length: fence.length, indent: columns, language: language)),
                     in: container)
                return true
            }
            if inParagraph, let level = line.setextLevel(at: next, steps: &steps), makeSetextHeading(container, level: level) {
                return true
            }
            if inParagraph, container.lineCount == 1, makeTable(container, delimiterRow: line.trimmedRest) {
                return true
            }
            if isThematicBreak(line, at: next) {
                close(open(.thematicBreak, in: container))
                return true
            }
            guard canNest, let marker = line.listMarker(at: next) else { return false }
            // An item may interrupt a paragraph only if it has text and, when numbered, starts at 1:
            // otherwise "the year\n2019. was good" would turn into a list.
            let empty = next + marker.width >= line.contentEnd
            if inParagraph && (empty || (marker.style.ordered && marker.style.start != 1)) { return false }
            line.skipColumns(columns)
            line.skipByte(marker.width)
            let spaces = line.indent().columns
            var contentIndent = columns + marker.width + 1
            if !empty && spaces < 5 {
                contentIndent = columns + marker.width + spaces
                line.skipColumns(spaces)
            } else if !empty {
                // Five or more spaces: the item's text is indented code starting one column in.
                line.skipColumns(1)
            }
            // A new item joins the list the line continued if its marker matches; otherwise it starts
            // a list (and `open` closes one of another kind).
            let continues = if case .list(let style) = container.kind { style.continues(marker.style) } else { false }
            let list = continues ? container : open(.list(marker.style), in: container)
            container = open(.item(contentIndent: contentIndent), in: list)
            depth += 1
        }
    }

    private func isThematicBreak(_ line: MarkdownSourceLine, at next: Int) -> Bool {
        if let miss = thematicMiss, next < miss.at, text[next] == miss.marker { return false }
        let result = line.thematicBreak(at: next, steps: &steps)
        if !result.isBreak && next < line.end { thematicMiss = (text[next], result.failedAt) }
        return result.isBreak
    }

    /// `Title` over `===` or `---`. Definitions at the paragraph's start are not part of the title; a
    /// paragraph that was only definitions makes no heading.
    private func makeSetextHeading(_ paragraph: MarkdownBlock, level: Int) -> Bool {
        takeDefinitions(from: paragraph)
        guard !paragraph.content.isEmpty else { return false }
        paragraph.kind = .heading(level: level)
        close(paragraph)
        return true
    }

    /// A one-line paragraph over a delimiter row with as many cells becomes a table's header.
    private func makeTable(_ paragraph: MarkdownBlock, delimiterRow: ArraySlice<UInt8>) -> Bool {
        guard let alignments = MarkdownTable.alignments(of: delimiterRow, steps: &steps) else { return false }
        let header = MarkdownTable.cells(of: paragraph.content[...], steps: &steps)
        guard header.count == alignments.count else { return false }
        paragraph.kind = .table(alignments: alignments)
        paragraph.rows = [header.map { Array($0) }]
        paragraph.content = []
        return true
    }

    /// Adds a block to `container`, first closing the blocks the line did not continue, then any open
    /// block that cannot hold the new one (a paragraph a heading interrupts, a list a paragraph ends).
    @discardableResult
    func open(_ kind: MarkdownBlock.Kind, in container: MarkdownBlock) -> MarkdownBlock {
        closeUnmatched()
        var parent = container
        while !parent.canContain(kind), let above = parent.parent {
            close(parent)
            parent = above
        }
        let block = MarkdownBlock(kind)
        // Whether a list is loose depends on blank lines between items and between an item's blocks.
        block.followsBlankLine = parent.blankSinceLastChild
        parent.append(block)
        tip = block
        return block
    }
}
