/// `subgraph id [title]` … `end`, nested to any depth, each with its own `direction`.
extension MermaidReader {
    mutating func readSubgraph(keywordAt at: Int) {
        skipSpaces()
        let parent = openSubgraphs.last ?? -1
        let inherited = parent >= 0 ? subgraphs[parent].direction : direction
        var id = "", title = ""
        if atStatementEnd {
            id = "subGraph\(subgraphs.count)"
        } else if byte(i) == 0x22 {   // "title" alone
            title = readQuoted(open: i)
            id = title
        } else {
            var idRange = readID()
            // `subgraph 深入【进阶题】`: the input method's brackets around the title, which the id took in.
            if let open = wideTitleOpener(in: idRange) {
                let lineEnd = lineEndBeforeSeparator(from: open.upperBound)
                var close = open.upperBound
                while close + 3 <= lineEnd, !(s[close] == 0xE3 && s[close + 1] == 0x80 && s[close + 2] == 0x91) { close += 1 }
                let closed = close + 3 <= lineEnd
                let titleRange = trimmedRange(open.upperBound..<(closed ? close : lineEnd))
                let written = trimmedRange(idRange.lowerBound..<(closed ? close + 3 : lineEnd))
                title = string(titleRange)
                let meant = string(idRange.lowerBound..<open.lowerBound) + "[" + title + "]"
                report(.error, .fullWidthSyntax, at: open.lowerBound, MermaidText.fullWidthSyntax("【…】", in: string(written), meant: meant),
                       fix: (written, meant))
                idRange = idRange.lowerBound..<open.lowerBound
                id = string(idRange)
                i = written.upperBound
            } else {
                id = string(idRange)
            }
            skipSpaces()
            if !title.isEmpty {
                // read above
            } else if byte(i) == 0x5B {   // [title] or ["title"]
                title = readSubgraphTitle()
            } else if !atStatementEnd {
                // `subgraph Two words`: Mermaid takes the whole text as id and title.
                let end = lineEndBeforeSeparator(from: i)
                let rest = trimmedRange(idRange.lowerBound..<end)
                id = string(rest)
                i = end
            }
            if title.isEmpty { title = id }
        }
        // A repeated id would merge two boxes into one frame (and nodes into the wrong parent): this one
        // gets an id of its own, and the author is told.
        if let next = subgraphIDs[id] {
            var n = next
            while subgraphIDs["\(id)-\(n)"] != nil { n += 1 }
            let renamed = "\(id)-\(n)"
            report(.warning, .duplicateSubgraph, at: at, MermaidText.duplicateSubgraph(id, renamed))
            subgraphIDs[id] = n + 1
            subgraphIDs[renamed] = 2
            id = renamed
        } else {
            subgraphIDs[id] = 2
        }
        subgraphIndex[id] = subgraphs.count
        subgraphs.append(MermaidSubgraph(id: id, title: title, direction: inherited, parent: parent, offset: at, inherited: inherited))
        openSubgraphs.append(subgraphs.count - 1)
    }

    /// Where `【` stands in a subgraph's id, after its first character.
    private func wideTitleOpener(in idRange: Range<Int>) -> Range<Int>? {
        var k = idRange.lowerBound + 1
        while k + 3 <= idRange.upperBound {
            if s[k] == 0xE3, s[k + 1] == 0x80, s[k + 2] == 0x90 { return k..<(k + 3) }
            k += 1
        }
        return nil
    }

    private mutating func readSubgraphTitle() -> String {
        let open = i
        i += 1
        skipSpaces()
        if byte(i) == 0x22 {
            let title = readQuoted(open: i)
            skipSpaces()
            if byte(i) == 0x5D { i += 1 }
            return title
        }
        let start = i
        while i < s.count, s[i] != 0x5D, s[i] != 0x0A { i += 1 }
        let text = trimmedRange(start..<i)
        if byte(i) == 0x5D {
            i += 1
        } else {
            report(.error, .unclosedBracket, at: open, MermaidText.unclosed("[", closer: "]"), fix: (i..<i, "]"))
        }
        let title = MermaidLabel.text(s, text)
        // `subgraph S1 [Group (one)]`: Mermaid refuses it as it does a node's label (a recheck).
        if s[text].contains(0x28) || s[text].contains(0x29) {
            report(.warning, .unquotedParentheses, at: text.lowerBound, MermaidText.unquotedParentheses,
                   fix: (text, "\"" + MermaidLabel.quotedEscaping(title) + "\""))
        }
        return title
    }

    mutating func closeSubgraph(at offset: Int, after: Int) {
        i = after
        if openSubgraphs.popLast() == nil {
            report(.error, .unmatchedEnd, at: offset, MermaidText.unmatchedEnd, fix: (offset..<after, ""))
        }
    }

    /// Every subgraph still open at the end of the text is reported where it opened, innermost last,
    /// with an `end` to append.
    mutating func closeOpenSubgraphs() {
        guard !openSubgraphs.isEmpty else { return }
        // The end of the text is found once: asked per subgraph, each search walked from that subgraph's
        // line to the last, and 50,000 unclosed subgraphs took minutes.
        let end = position(s.count)
        for open in openSubgraphs {
            let sub = subgraphs[open]
            diagnostics.append(Diagnostic(.error, .unclosedSubgraph, at: position(sub.offset), MermaidText.unclosedSubgraph(sub.id),
                                          fix: Fix(start: end, end: end, replacement: "\nend")))
        }
        openSubgraphs.removeAll()
    }

    /// Puts node `index` in the innermost open subgraph, as Mermaid decides: a node belongs to the first
    /// subgraph to *close* that names it. So a node in no subgraph yet, or in one still open around this
    /// one (which will close after it), moves here; a node in a subgraph already closed stays there.
    @inline(__always)
    mutating func enterSubgraph(_ index: Int) {
        guard let open = openSubgraphs.last else { return }
        if subgraphs[open].first > index { subgraphs[open].first = index }
        if subgraphs[open].last < index { subgraphs[open].last = index }
        let current = Int(nodes[index].subgraph)
        if current < 0 || (current != open && openSubgraphs.contains(current)) { nodes[index].subgraph = Int32(open) }
    }
}
