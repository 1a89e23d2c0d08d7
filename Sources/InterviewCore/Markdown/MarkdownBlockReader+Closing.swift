extension MarkdownBlockReader {
    /// Closes the tip (blocks close deepest first) and finishes its text.
    func close(_ block: MarkdownBlock) {
        assert(block === tip, "only the deepest open block closes")
        block.isOpen = false
        tip = block.parent ?? document
        switch block.kind {
        case .paragraph:
            takeDefinitions(from: block)
            if block.content.isEmpty {
                // Only definitions: the paragraph goes, but a blank line before it still separates
                // what came before it from what comes after.
                tip.removeLastChild()
                if block.followsBlankLine { markBlankAfterLastChild(of: tip) }
            }
        case .item:
            // An item that ended in a blank line is separated from the next item by it.
            if block.blankSinceLastChild { markBlankAfterLastChild(of: tip) }
        case .indentedCode:
            // Blank lines at the end of indented code belong to what follows, not to the code. Each line
            // in `content` ends with a newline.
            while let last = block.content.indices.last {
                var start = last
                while start > 0 && block.content[start - 1] != MarkdownCharacters.newline { start -= 1 }
                steps += last - start + 1
                guard block.content[start..<last].allSatisfy(MarkdownCharacters.isSpaceOrTab) else { break }
                block.content.removeSubrange(start...)
            }
        default:
            break
        }
    }

    /// Closes the open blocks below the deepest one the current line continued, once per line.
    func closeUnmatched() {
        guard !unmatchedClosed else { return }
        unmatchedClosed = true
        while tip !== lastMatched { close(tip) }
    }

    /// Moves the link definitions at the start of a paragraph into `definitions`, and trims the rest.
    func takeDefinitions(from paragraph: MarkdownBlock) {
        if paragraph.content.first == UInt8(ascii: "[") {
            let used = definitions.read(from: paragraph.content, steps: &steps)
            if used > 0 { paragraph.content.removeFirst(used) }
        }
        while let last = paragraph.content.last,
              MarkdownCharacters.isSpaceOrTab(last) || last == MarkdownCharacters.newline {
            paragraph.content.removeLast()
        }
        paragraph.lineCount = paragraph.content.isEmpty ? 0 : max(paragraph.lineCount, 1)
    }

    /// A blank line inside `block`: it and the containers around it, up to the nearest quote (whose
    /// `>` made the line not blank further out), now have a blank line after their last child. A
    /// marked block's ancestors are marked already, so a run of blank lines costs one walk.
    func markBlank(from block: MarkdownBlock) {
        // A blank line in fenced code is code, and separates nothing (even if the fence never closes).
        if case .fencedCode = block.kind { return }
        var current: MarkdownBlock? = block
        while let marked = current, !marked.blankSinceLastChild {
            steps += 1
            if case .blockQuote = marked.kind { break }
            marked.blankSinceLastChild = true
            hasBlankMarks = true
            current = marked.parent
        }
    }

    private func markBlankAfterLastChild(of block: MarkdownBlock) {
        block.blankSinceLastChild = true
        hasBlankMarks = true
    }

    /// After a line with text, earlier blank lines no longer end the open blocks' last children (a
    /// blank line inside fenced code, continued by more code, keeps the list tight).
    func clearBlankMarks() {
        guard hasBlankMarks else { return }
        hasBlankMarks = false
        var current: MarkdownBlock? = tip
        while let marked = current {
            steps += 1
            marked.blankSinceLastChild = false
            current = marked.parent
        }
    }

    func appendParagraphLine(_ paragraph: MarkdownBlock, _ line: MarkdownSourceLine) {
        if paragraph.lineCount > 0 { paragraph.content.append(MarkdownCharacters.newline) }
        let text = line.restTrimmingLeadingWhitespace
        paragraph.content.append(contentsOf: text)
        paragraph.lineCount += 1
        steps += text.count
    }

    func appendCodeLine(_ code: MarkdownBlock, _ line: MarkdownSourceLine) {
        let text = line.rest
        code.content.append(contentsOf: text)
        code.content.append(MarkdownCharacters.newline)
        steps += text.count
    }
}
