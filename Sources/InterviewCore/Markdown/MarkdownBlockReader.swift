/// Reads a document's blocks line by line, as CommonMark describes it: a line first continues the open
/// containers it can (quote markers, list item indentation), then may open new blocks, and the rest
/// goes to the deepest open block — or, when nothing new started and the line is not blank, continues
/// an open paragraph lazily. A line costs its length plus a constant per open container, and there are
/// at most `maxNesting` of those, so reading is linear in the document's size.
final class MarkdownBlockReader {
    /// Quotes and list items nest at most this deep; a deeper marker is text. People write a few
    /// levels; the cap bounds the work per line and the depth the renderer recurses to.
    static let maxNesting = 32

    let text: [UInt8]
    let document = MarkdownBlock(.document)
    var definitions = MarkdownLinkDefinitions()
    /// The reader's unit of work, for the tests that hold it to a multiple of the input's size.
    var steps = 0
    /// The deepest open block.
    var tip: MarkdownBlock
    /// Where a thematic-break test failed on the current line, so the same run is not read again.
    var thematicMiss: (marker: UInt8, at: Int)?
    /// The deepest block the current line continued, and whether the open blocks below it are closed.
    var lastMatched: MarkdownBlock
    var unmatchedClosed = true
    /// Some open block has `blankSinceLastChild` set.
    var hasBlankMarks = false
    var previousLineWasBlank = false

    init(text: [UInt8]) {
        self.text = text
        tip = document
        lastMatched = document
    }

    func read() {
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != MarkdownCharacters.newline { end += 1 }
            steps += end - start + 1
            var line = MarkdownSourceLine(text: text, start: start, end: end)
            readLine(&line)
            start = end + 1
        }
        while tip !== document { close(tip) }
    }

    private func readLine(_ line: inout MarkdownSourceLine) {
        thematicMiss = nil
        // After one blank line every open block continues through the next (the ones that could not
        // were closed, and none of those left reads a blank line's indentation but code), so a run of
        // blank lines costs a step each, not one per open container.
        let blank = line.isBlank
        defer { previousLineWasBlank = blank }
        if blank && previousLineWasBlank {
            steps += 1
            switch tip.kind {
            case .fencedCode(let fence): line.skipColumns(fence.indent)
            case .indentedCode: line.skipColumns(4)
            default: break
            }
            if tip.isCode, !tip.isComment { appendCodeLine(tip, line) }
            markBlank(from: tip)
            return
        }
        // 1. Continue the open blocks the line belongs to.
        var container = document
        var depth = 0
        var allMatched = true
        descend: while let child = container.children.last, child.isOpen {
            steps += 1
            switch continuation(of: child, &line) {
            case .matched:
                container = child
                if child.isNestingContainer { depth += 1 }
            case .unmatched:
                allMatched = false
                break descend
            case .lineDone:
                close(child)
                clearBlankMarks()
                return
            }
        }
        // 2. Open new blocks.
        lastMatched = container
        unmatchedClosed = allMatched
        let lineDone = openBlocks(&line, in: &container, depth: depth)
        let openedAny = container !== lastMatched
        if lineDone {
            clearBlankMarks()
            return
        }
        // 3. The rest of the line: a lazy paragraph line, a blank line, or text for the deepest block.
        if !openedAny && !allMatched && !line.isBlank, case .paragraph = tip.kind {
            appendParagraphLine(tip, line)
            clearBlankMarks()
            return
        }
        closeUnmatched()
        if line.isBlank {
            if !openedAny { markBlank(from: container) }
            if container.isCode, !container.isComment { appendCodeLine(container, line) }
            return
        }
        switch container.kind {
        case .fencedCode, .indentedCode:
            appendCodeLine(container, line)
        case .htmlComment:
            break
        case .paragraph:
            appendParagraphLine(container, line)
        case .table(let alignments):
            let cells = MarkdownTable.cells(of: line.trimmedRest, steps: &steps)
            container.rows.append(cells.prefix(alignments.count).map { Array($0) })
        default:
            appendParagraphLine(open(.paragraph, in: container), line)
        }
        clearBlankMarks()
    }

    enum Continuation {
        case matched, unmatched, lineDone
    }

    private func continuation(of block: MarkdownBlock, _ line: inout MarkdownSourceLine) -> Continuation {
        switch block.kind {
        case .blockQuote:
            let (columns, next) = line.indent()
            guard columns < 4, next < line.end, text[next] == UInt8(ascii: ">") else { return .unmatched }
            line.skipColumns(columns)
            line.skipByte()
            line.skipColumns(1)
            return .matched
        case .item(let contentIndent):
            // A blank line stays in an item that has content; an item that began empty ends at one.
            if line.isBlank { return block.children.isEmpty ? .unmatched : .matched }
            guard line.indent().columns >= contentIndent else { return .unmatched }
            line.skipColumns(contentIndent)
            return .matched
        case .list:
            // A list goes on as long as its items do, or a new item starts; decided below.
            return .matched
        case .fencedCode(let fence):
            let (columns, next) = line.indent()
            if columns < 4 && line.closesFence(at: next, fence, steps: &steps) { return .lineDone }
            line.skipColumns(min(columns, fence.indent))
            return .matched
        case .indentedCode:
            if line.isBlank { line.skipColumns(4); return .matched }
            guard line.indent().columns >= 4 else { return .unmatched }
            line.skipColumns(4)
            return .matched
        case .paragraph, .table:
            return line.isBlank ? .unmatched : .matched
        case .htmlComment:
            // The line that holds `-->` ends the comment, and the rest of that line goes with it (CommonMark
            // passes it on as raw HTML, which this renderer does not write; lint warns: text-after-comment).
            return line.containsCommentEnd(steps: &steps) ? .lineDone : .matched
        case .document, .heading, .thematicBreak:
            return .unmatched
        }
    }
}

extension MarkdownBlock {
    /// Quotes and items count toward `MarkdownBlockReader.maxNesting`; lists come with their items.
    var isNestingContainer: Bool {
        switch kind {
        case .blockQuote, .item: true
        default: false
        }
    }

    /// Code, or a comment: blocks whose lines open nothing inside them.
    var isCode: Bool {
        switch kind {
        case .fencedCode, .indentedCode, .htmlComment: true
        default: false
        }
    }

    var isComment: Bool {
        if case .htmlComment = kind { true } else { false }
    }
}
