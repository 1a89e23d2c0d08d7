/// The statement loop: the `flowchart TD` header, then one statement per line or per `;`.
extension MermaidReader {
    mutating func readChart() {
        readHeader()
        while true {
            skipBlank()
            if atEnd { break }
            let start = i
            readStatement()
            // Whatever a statement left unread up to its end is reported once, then skipped.
            skipSpaces()
            if statementEndedEarly {
                statementEndedEarly = false
            } else if !atStatementEnd {
                let end = lineEndBeforeSeparator(from: i)
                report(.error, .unexpectedText, at: i, MermaidText.unexpected(string(i..<end)))
                i = end
            }
            if i == start { i += 1 }   // never stand still, whatever the input
        }
        closeOpenSubgraphs()
    }

    /// Blank lines, `;`, `%%` comments and `%%{ … }%%` directives between statements.
    mutating func skipBlank() {
        while i < s.count {
            let b = s[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0x3B { i += 1; continue }
            if b == 0x25 && byte(i + 1) == 0x25 {
                if byte(i + 2) == 0x7B { skipDirective() } else { skipToLineEnd() }
                continue
            }
            break
        }
    }

    /// A `%%{init: … }%%` directive, which Mermaid lets run over several lines (a theme's JSON written
    /// out): everything up to its `}%%`. One never closed is a comment to its line's end, as before.
    mutating func skipDirective() {
        var j = i + 3
        while j + 2 < s.count {
            if s[j] == 0x7D && s[j + 1] == 0x25 && s[j + 2] == 0x25 {
                i = j + 3
                return
            }
            j += 1
        }
        skipToLineEnd()
    }

    func lineEndBeforeSeparator(from offset: Int, limit: Int = .max) -> Int {
        var j = offset
        let end = min(s.count, limit)
        while j < end, s[j] != 0x0A, s[j] != 0x3B { j += 1 }
        return j
    }

    /// Front matter (`---` … `---`) and comments are skipped; the first statement must be
    /// `flowchart`/`graph` with an optional direction. Without one the chart is still read.
    mutating func readHeader() {
        skipBlank()
        // A byte-order mark or a zero-width space, joiner or word joiner at the chart's start (a block pasted
        // from a file or a page that had one): invisible, and no part of the header. Lint's import removed
        // it; a conversion read '\u{FEFF}flowchart' as a misspelt header and failed (a probe, a recheck).
        while i + 3 <= s.count, (s[i] == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
                || (s[i] == 0xE2 && s[i + 1] == 0x80 && (0x8B...0x8D).contains(s[i + 2]))
                || (s[i] == 0xE2 && s[i + 1] == 0x81 && s[i + 2] == 0xA0) {
            i += 3
            skipBlank()
        }
        if i + 3 <= s.count, s[i] == 0x2D, s[i + 1] == 0x2D, s[i + 2] == 0x2D {
            skipToLineEnd()
            while i < s.count {
                i += 1
                let end = lineEnd(from: i)
                let line = trimmedRange(i..<end)
                i = end
                if line.count == 3, s[line.lowerBound] == 0x2D, s[line.lowerBound + 1] == 0x2D, s[line.lowerBound + 2] == 0x2D { break }
            }
            skipBlank()
        }
        let start = i
        if isKeyword("flowchart-elk", at: i) {
            i += 13
        } else if isKeyword("flowchart", at: i) {
            i += 9
        } else if isKeyword("graph", at: i) {
            i += 5
        } else {
            var wordEnd = start
            while wordEnd < s.count, !(s[wordEnd] == 0x20 || s[wordEnd] == 0x09 || s[wordEnd] == 0x0D || s[wordEnd] == 0x0A || s[wordEnd] == 0x3B) {
                wordEnd += 1
            }
            let word = string(start..<wordEnd)
            guard let meant = MermaidText.closestHeader(word) else {
                // Read on as top-down: the statements are most likely a chart whose header was forgotten.
                report(.error, .missingHeader, at: start, MermaidText.missingHeader, fix: (start..<start, "flowchart TD\n"))
                return
            }
            // `Flowchart TD`, `flowchar LR`: the header misspelt; read as what it was meant to be.
            report(.error, .missingHeader, at: start, MermaidText.misspeltHeader(word, meant), fix: (start..<wordEnd, meant))
            i = wordEnd
        }
        skipSpaces()
        if !atStatementEnd { direction = readDirection(fallback: .topDown) }
    }

    /// `TD`, `TB`, `BT`, `LR`, `RL` (and Mermaid's `<`, `>`, `^`, `v`); anything else is reported with the
    /// closest of the five and read as `fallback`.
    mutating func readDirection(fallback: MermaidDirection) -> MermaidDirection {
        let start = i
        while i < s.count, !(s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0D || s[i] == 0x0A || s[i] == 0x3B) { i += 1 }
        let word = start..<i
        if word.count == 2 {
            switch (s[start] | 0x20, s[start + 1] | 0x20) {
            case (0x74, 0x64), (0x74, 0x62): return .topDown       // td, tb
            case (0x62, 0x74): return .bottomUp                    // bt
            case (0x6C, 0x72): return .leftRight                   // lr
            case (0x72, 0x6C): return .rightLeft                   // rl
            default: break
            }
        } else if word.count == 1 {
            switch s[start] {
            case 0x3E: return .leftRight    // >
            case 0x3C: return .rightLeft    // <
            case 0x5E: return .bottomUp     // ^
            case 0x76: return .topDown      // v
            default: break
            }
        }
        let written = string(word)
        let guess = MermaidText.closestDirection(written) ?? fallback.keyword
        report(.error, .unknownDirection, at: start, MermaidText.unknownDirection(written, guess: guess),
               fix: (word, guess))
        return MermaidDirection.fromKeyword(guess) ?? fallback
    }

    mutating func readStatement() {
        let b = s[i]
        if b == 0x73 {  // s
            if isKeyword("subgraph", at: i) { i += 8; return readSubgraph(keywordAt: i - 8) }
            if isKeyword("style", at: i), followedBySpace(i + 5) { i += 5; return readStyle() }
        } else if b == 0x65, isKeyword("end", at: i) {          // e
            let after = i + 3
            var j = after
            while j < s.count, s[j] == 0x20 || s[j] == 0x09 || s[j] == 0x0D { j += 1 }
            if j >= s.count || s[j] == 0x0A || s[j] == 0x3B || (s[j] == 0x25 && byte(j + 1) == 0x25) {
                return closeSubgraph(at: i, after: after)
            }
        } else if b == 0x63 {   // c
            if isKeyword("classDef", at: i), followedBySpace(i + 8) { i += 8; return readClassDef() }
            if isKeyword("class", at: i), followedBySpace(i + 5) { i += 5; return readClass() }
            if isKeyword("click", at: i), followedBySpace(i + 5) { i += 5; return readClick() }
        } else if b == 0x64, isKeyword("direction", at: i), followedBySpace(i + 9), !linkFollows(i + 9) {   // d
            i += 9
            skipSpaces()
            if let open = openSubgraphs.last {
                subgraphs[open].direction = readDirection(fallback: subgraphs[open].direction)
                subgraphs[open].ownDirection = true
            } else {
                direction = readDirection(fallback: direction)
            }
            return
        } else if b == 0x6C, isKeyword("linkStyle", at: i), followedBySpace(i + 9) {   // l
            i += 9
            return readLinkStyle()
        } else if b == 0x61 {   // a
            if isKeyword("accTitle", at: i) || isKeyword("accDescr", at: i) { return readAccessibility() }
        } else if b == 0x66 || b == 0x67 {   // f, g: a second header is harmless; its direction counts
            if isKeyword("flowchart", at: i) || isKeyword("graph", at: i), !linkFollows(i + (s[i] == 0x66 ? 9 : 5)) {
                i += s[i] == 0x66 ? 9 : 5
                skipSpaces()
                if !atStatementEnd { direction = readDirection(fallback: direction) }
                return
            }
        }
        readVertexStatement()
    }

    func followedBySpace(_ offset: Int) -> Bool {
        offset < s.count && (s[offset] == 0x20 || s[offset] == 0x09)
    }

    /// Whether, after spaces, a link or `&` comes next: `direction --> B` names a node called
    /// direction (Mermaid reads it so), where `direction LR` is the keyword.
    func linkFollows(_ offset: Int) -> Bool {
        var j = offset
        while j < s.count, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
        guard j < s.count else { return false }
        switch s[j] {
        case 0x2D, 0x3D, 0x2E, 0x7E, 0x26: return true   // - = . ~ &
        case 0x3C: return byte(j + 1) == 0x2D || byte(j + 1) == 0x3D   // <-- <==, not the direction <
        default: return false
        }
    }

    func trimmedRange(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, let n = Whitespace.length(s, at: lo, limit: hi) { lo += n }
        while lo < hi, let n = Whitespace.lengthBefore(s, end: hi, limit: lo) { hi -= n }
        return lo..<hi
    }

    /// `accTitle: text`, `accDescr: text`, `accDescr { … }`: read for the screen reader, not the interview.
    mutating func readAccessibility() {
        i += 8
        skipSpaces()
        if byte(i) == 0x7B {   // {
            let open = i
            while i < s.count, s[i] != 0x7D { i += 1 }
            if i >= s.count {
                report(.error, .unclosedBracket, at: open, MermaidText.unclosed("{", closer: "}"),
                       fix: (s.count..<s.count, "}"))
                return
            }
            i += 1
            return
        }
        skipToLineEnd()
    }
}
