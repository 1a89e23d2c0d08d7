/// Mermaid 11's `id@{ shape: …, label: … }`, which may span lines.
extension MermaidReader {
    /// `id@{ shape: diam, label: "Go deeper?" }` (Mermaid 11). Unknown keys are skipped; an unknown shape
    /// is reported with the nearest name.
    /// `openerLength` is 2 for `@{`, more when it was typed full-width (`readNode` told that); a closing
    /// ｝ is read as `}` and told, wherever the data was opened.
    mutating func readShapeData(_ index: Int, openerLength: Int = 2, afterBrackets: Bool = false) {
        let open = i
        i += openerLength
        var shape = MermaidShape.box
        var label: String?
        var labelAt = -1
        // After the last `key: value` read: an unclosed `@{` ends there, so the next statement (on the
        // next line) is read as one rather than swallowed, and the fix closes it where it stops.
        var lastValueEnd = i
        while true {
            skipBlankInside()
            if atEnd || byte(i) == 0x7D || isWideBrace(i, close: true) { break }
            var keyRange = readID()
            // `shape：` with the input method's colon, which the id took in: the key is what comes before it.
            if keyRange.count > 3, s[keyRange.upperBound - 3] == 0xEF, s[keyRange.upperBound - 2] == 0xBC, s[keyRange.upperBound - 1] == 0x9A {
                keyRange = keyRange.lowerBound..<(keyRange.upperBound - 3)
                i = keyRange.upperBound
            }
            skipBlankInside()
            let wideColon = byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) == 0x9A
            guard !keyRange.isEmpty, byte(i) == 0x3A || wideColon else {
                while i < s.count, s[i] != 0x2C, s[i] != 0x7D, s[i] != 0x0A { i += 1 }
                if byte(i) == 0x2C { i += 1; continue }
                break
            }
            if wideColon {
                // Read as `:` (the note or gate it names was lost, and the finding blamed a line), told.
                report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthColon(string(keyRange)), fix: (i..<(i + 3), ":"))
                i += 3
            } else {
                i += 1
            }
            skipBlankInside()
            let valueAt = i
            var value: String
            if byte(i) == 0x22 {
                value = readQuoted(open: i, place: (0x7D, 0x2C))
            } else {
                let start = i
                while i < s.count, s[i] != 0x2C, s[i] != 0x7D, s[i] != 0x0A, !isWideComma(i), !isWideBrace(i, close: true) { i += 1 }
                value = string(trimmedRange(start..<i))
                // Shape data is YAML: 'single quotes' enclose a string, with '' for a quote inside.
                if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
                    value = String(value.dropFirst().dropLast()).replacing("''", with: "'")
                } else if value.count >= 2, value.hasPrefix("“"), value.hasSuffix("”") {
                    // `label: “备注”`: the input method's quotation marks, read as the quotes meant, told.
                    let inner = String(value.dropFirst().dropLast())
                    let meant = "\"" + MermaidLabel.quotedEscaping(inner) + "\""
                    report(.error, .fullWidthSyntax, at: start, MermaidText.curlyQuotes(value, meant: meant), fix: (trimmedRange(start..<i), meant))
                    value = inner
                }
                if let style = value.first, style == "|" || style == ">", value.count <= 2 {
                    value = readBlockScalar(keyAt: keyRange.lowerBound, folded: style == ">")
                }
            }
            switch string(keyRange) {
            case "shape":
                if let known = MermaidShape.named[value] {
                    shape = known
                    nodes[index].drawn = MermaidDrawnShape.named[value] ?? .plain
                } else {
                    // A Chinese name (菱形, 注释) is no misspelling: its meaning, not the nearest Latin letters ('db').
                    let guess = MermaidShape.chineseNames[value]
                        ?? (value.utf8.allSatisfy { $0 < 0x80 } ? Suggestions.closest(to: value, in: MermaidShape.named.keys.sorted(), maxDistance: 2) : nil)
                    report(.error, .unknownShape, at: valueAt, MermaidText.unknownShape(value, guess: guess),
                           fix: guess.map { (valueAt..<valueAt + value.utf8.count, $0) })
                    // Read as the shape the fix names, as a misspelt `flowchar` is read as `flowchart`: a
                    // `dimond` with yes and no lines was asked as a question that forks (a probe).
                    if let guess, let meant = MermaidShape.named[guess] {
                        shape = meant
                        nodes[index].drawn = MermaidDrawnShape.named[guess] ?? .plain
                    }
                }
            case "label":
                label = value
                labelAt = valueAt
            default:
                break
            }
            lastValueEnd = i
            skipBlankInside()
            if byte(i) == 0x2C {
                i += 1
                lastValueEnd = i
            } else if isWideComma(i) {
                // `shape: braces， label: …`: the input method's comma between keys, read as `,`, told.
                report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthArrow("，", meant: ","), fix: (i..<(i + 3), ","))
                i += 3
                lastValueEnd = i
            }
        }
        if byte(i) == 0x7D {
            i += 1
        } else if isWideBrace(i, close: true) {
            report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthArrow("｝", meant: "}"), fix: (i..<(i + 3), "}"))
            i += 3
        } else {
            i = lastValueEnd
            report(.error, .unclosedBracket, at: open, MermaidText.unclosed("@{", closer: "}"), fix: (i..<i, " }"))
        }
        if shape == .note { hasNotes = true }
        if let label {
            // `A[from brackets]@{ label: "from data" }` is one node whose data names its label: no second
            // definition to warn about (a recheck found "node-relabelled" there).
            if afterBrackets { nodes[index].labelled = false }
            setLabel(index, label, shape: shape, at: labelAt)
        } else {
            nodes[index].shape = shape
            // After `A[label]`, the label and its place are the brackets'.
            if !afterBrackets { nodes[index].labelOffset = open }
        }
    }

    /// YAML's block scalar after `label: |` (lines kept) or `label: >` (lines folded into one): the lines
    /// below indented deeper than the key, up to one that is not or a `}`. Mermaid's own tests write
    /// labels so ("Multi line strings should be supported"); the block's lines were read as nodes, four
    /// errors for a valid chart (a probe).
    private mutating func readBlockScalar(keyAt: Int, folded: Bool) -> String {
        var lineStart = keyAt
        while lineStart > 0, s[lineStart - 1] != 0x0A { lineStart -= 1 }
        let keyIndent = keyAt - lineStart
        var lines: [String] = []
        var blockIndent: Int?
        // From the line after the one the indicator is on.
        while i < s.count, s[i] != 0x0A { i += 1 }
        while i < s.count {
            let start = i + 1
            var end = start
            while end < s.count, s[end] != 0x0A { end += 1 }
            var first = start
            while first < end, s[first] == 0x20 || s[first] == 0x09 { first += 1 }
            let text = trimmedRange(first..<end)
            if text.isEmpty { lines.append(""); i = end; continue }
            let indent = first - start
            guard indent > keyIndent, s[first] != 0x7D else { break }
            let from = start + min(indent, blockIndent ?? indent)
            if blockIndent == nil { blockIndent = indent }
            // Mermaid's lexer ends the shape data at a `}`, on the block's last line too (`world }`).
            var stop = end
            for k in from..<end where s[k] == 0x7D { stop = k; break }
            lines.append(MermaidLabel.text(s, trimmedRange(from..<stop)))
            if stop < end { i = stop; break }
            i = end
        }
        while lines.last == "" { lines.removeLast() }
        guard folded else { return lines.joined(separator: "\n") }
        // Folded as YAML folds: lines of a paragraph joined by a space, a blank line a line break.
        var text = ""
        var blank = true
        for line in lines {
            if line.isEmpty { text += "\n"; blank = true; continue }
            text += (blank ? "" : " ") + line
            blank = false
        }
        return text
    }

    /// A full-width comma (U+FF0C) at `k`.
    private func isWideComma(_ k: Int) -> Bool {
        k + 2 < s.count && s[k] == 0xEF && s[k + 1] == 0xBC && s[k + 2] == 0x8C
    }

    /// Inside `@{ … }`, which may span lines.
    private mutating func skipBlankInside() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0D || s[i] == 0x0A { i += 1 }
    }
}
