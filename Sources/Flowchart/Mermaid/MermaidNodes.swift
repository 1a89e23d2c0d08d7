#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A node where it is written: `id`, `id[label]`, `id(label)`, … `id@{ shape: …, label: … }`, `id:::cls`.
/// The first mention decides its index and position; a later mention with a label sets the label.
extension MermaidReader {
    /// Words Mermaid reads as the start of a statement wherever they stand, so no node can have them as id
    /// (`end` has its own finding). Checked by length and first byte first: this runs for every node.
    /// (`direction` and `graph` before a link are read as nodes, as Mermaid's lexer does: `MermaidParserTests`.)
    static let statementKeywords: [[UInt8]] = ["style", "class", "click", "classDef", "linkStyle"].map { Array($0.utf8) }

    /// The keyword `idRange` spells, compared byte by byte: this runs for every node id, and making a String
    /// of each id of that length (`cond10` in a generated guide) cost an allocation per mention.
    @inline(__always)
    func statementKeyword(_ idRange: Range<Int>) -> String? {
        guard idRange.count >= 5, idRange.count <= 9 else { return nil }
        let first = s[idRange.lowerBound]
        guard first == 0x73 || first == 0x63 || first == 0x6C else { return nil }   // s c l
        for keyword in Self.statementKeywords where keyword.count == idRange.count {
            if keyword.indices.allSatisfy({ keyword[$0] == s[idRange.lowerBound + $0] }) { return String(decoding: keyword, as: UTF8.self) }
        }
        return nil
    }

    mutating func readNode() -> Int? {
        let at = i
        var idRange = readID()
        guard !idRange.isEmpty else {
            let end = lineEndBeforeSeparator(from: i)
            report(.error, .unexpectedText, at: at, MermaidText.expectedNode(string(at..<end)))
            i = end
            return nil
        }
        if byte(i) == 0x40 && byte(i + 1) == 0x7B, edgeIDs.contains(string(idRange)) {
            // `e1@{ animate: true }`: properties of an edge, for drawing only.
            while i < s.count, s[i] != 0x7D { i += 1 }
            if i < s.count { i += 1 }
            return nil
        }
        // `C＠{ … }`, `A@｛ … ｝`: shape data opened with the input method's ＠ or ｛, which the id took in
        // (a gate drawn so was the rhombus `C＠`, and `@｛` was an error that lost the node's shape and label).
        var wideOpener = 0
        if lastIDMayBeWide, let wide = firstOccurrence(Self.wideAt, in: idRange), wide > idRange.lowerBound,
           shapeDataOpener(at: wide) > 0 {
            idRange = idRange.lowerBound..<wide
            i = wide
        }
        if !idRange.isEmpty, byte(i) == 0x40 || byte(i) == 0xEF {
            let length = shapeDataOpener(at: i)
            if length > 2 { wideOpener = length }
        }
        if lastIDMayBeWide && wideOpener == 0 {
            if let index = wideBracketNode(idRange) { return index }
            fullWidthSyntax(in: idRange)
        }
        if idRange.count == 3, s[idRange.lowerBound] == 0x65, s[idRange.lowerBound + 1] == 0x6E, s[idRange.lowerBound + 2] == 0x64 {
            // `A --> end`: Mermaid's keyword, which breaks the chart there; read as a node all the same.
            report(.error, .endAsNodeID, at: at, MermaidText.endAsNodeID, fix: (idRange, "End"))
        } else if let word = statementKeyword(idRange) {
            // `S --> style[…]`: Mermaid reads the keyword and fails on the line; read as a node all the same.
            report(.error, .keywordAsNodeID, at: at, MermaidText.keywordAsNodeID(word), fix: (idRange, word + "_"))
        }
        let index = node(idRange)
        enterSubgraph(index)
        let b = byte(i)
        if wideOpener > 0 {
            let written = string(i..<(i + wideOpener))
            report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthArrow(written, meant: "@{"), fix: (i..<(i + wideOpener), "@{"))
            readShapeData(index, openerLength: wideOpener)
        } else if b == 0x40 && byte(i + 1) == 0x7B {   // @{
            readShapeData(index)
        } else if b == 0x5B || b == 0x28 || b == 0x7B || b == 0x3E {   // [ ( { >
            readShape(index)
            // `A[label]@{ shape: cyl }`: Mermaid's grammar takes shape data after the brackets too (the
            // shape from the data, the label from the brackets unless the data names one); it was "expected
            // a link" and the rest of the line was lost (a probe).
            if byte(i) == 0x40 && byte(i + 1) == 0x7B { readShapeData(index, afterBrackets: true) }
        }
        while byte(i) == 0x3A && byte(i + 1) == 0x3A && byte(i + 2) == 0x3A {   // :::class
            i += 3
            let cls = readID()
            if !cls.isEmpty { decorations[index, default: MermaidDecoration()].classes.append(string(cls)) }
        }
        return index
    }

    /// ＠ (U+FF20), the input method's at sign.
    static let wideAt: [UInt8] = [0xEF, 0xBC, 0xA0]

    /// The length of `@{` at `k` written with either half full-width (`＠{`, `@｛`, `＠｛`: 4 to 6 bytes),
    /// 2 for `@{` itself, 0 for anything else.
    func shapeDataOpener(at k: Int) -> Int {
        let at = byte(k) == 0x40 ? 1 : (byte(k) == 0xEF && byte(k + 1) == 0xBC && byte(k + 2) == 0xA0 ? 3 : 0)
        guard at > 0 else { return 0 }
        let brace = byte(k + at) == 0x7B ? 1 : (isWideBrace(k + at, close: false) ? 3 : 0)
        return brace > 0 ? at + brace : 0
    }

    /// ｛ (U+FF5B) or ｝ (U+FF5D) at `k`.
    func isWideBrace(_ k: Int, close: Bool) -> Bool {
        byte(k) == 0xEF && byte(k + 1) == 0xBD && byte(k + 2) == (close ? 0x9D : 0x9B)
    }

    /// The index of the node with this id, made on first mention.
    @inline(__always)
    mutating func node(_ idRange: Range<Int>) -> Int {
        let key = Bytes(rebasing: s[idRange])
        let hash = KeyTable.hash(key)
        if let found = keys.find(key, hash: hash) { return found }
        let index = nodes.count
        keys.insert(index: index, key: key, hash: hash)
        var high: UInt8 = 0
        for b in key { high |= b }
        let id = MermaidLabel.string(s, idRange, isASCII: high < 0x80)
        // Text is the id until a label is read; type and position are settled by the builder.
        graphNodes.append(Node(id: id, type: .operation, plainText: id, position: SourcePosition(line: 0, column: 0)))
        nodes.append(MermaidNode(offset: idRange.lowerBound))
        return index
    }

    /// The opening bracket(s) at the cursor, longest first, and the closers that may end them.
    private mutating func readShape(_ index: Int) {
        let open = i
        let b0 = byte(i), b1 = byte(i + 1), b2 = byte(i + 2)
        var shape = MermaidShape.box
        var drawn = MermaidDrawnShape.plain
        var opener = 1
        // Closers as up to three bytes; a second closer for the trapezoids, which share openers with
        // the parallelograms.
        var close: (UInt8, UInt8, UInt8, Int) = (0x5D, 0, 0, 1)
        switch (b0, b1) {
        case (0x28, 0x28) where b2 == 0x28: shape = .terminal; drawn = .doubleCircle; opener = 3; close = (0x29, 0x29, 0x29, 3)   // ((( )))
        case (0x28, 0x28): shape = .terminal; drawn = .circle; opener = 2; close = (0x29, 0x29, 0, 2)     // (( ))
        case (0x28, 0x5B): shape = .terminal; drawn = .stadium; opener = 2; close = (0x5D, 0x29, 0, 2)    // ([ ])
        case (0x28, 0x2D): drawn = .ellipse; opener = 2; close = (0x2D, 0x29, 0, 2)                      // (- -)
        case (0x28, _): close = (0x29, 0, 0, 1)                                                           // ( )
        case (0x5B, 0x5B): shape = .subroutine; drawn = .subroutine; opener = 2; close = (0x5D, 0x5D, 0, 2)   // [[ ]]
        case (0x5B, 0x28): drawn = .cylinder; opener = 2; close = (0x29, 0x5D, 0, 2)                      // [( )]
        case (0x5B, 0x2F), (0x5B, 0x5C): opener = 2; close = (0, 0x5D, 0, 2)                              // [/ /] [\ \] [/ \] [\ /]
        case (0x7B, 0x7B): drawn = .hexagon; opener = 2; close = (0x7D, 0x7D, 0, 2)                       // {{ }}
        case (0x7B, _): shape = .rhombus; close = (0x7D, 0, 0, 1)                                         // { }
        case (0x3E, _): drawn = .asymmetric; close = (0x5D, 0, 0, 1)                                      // > ]
        default: break                                                                                    // [ ]
        }
        i += opener
        let slanted = close.0 == 0
        let closeByte = slanted ? UInt8(0x5D) : close.0
        skipSpaces()
        var label: String
        var labelStart = i
        if byte(i) == 0x22 {
            // The closer as bytes, not an array: this runs for every quoted label (an array made here cost
            // a tenth of a 1,000-node Mermaid read).
            label = readQuoted(open: i, shapeCloser: slanted ? (b1, 0x5D, 0, 2) : close)
            skipSpaces()
        } else {
            label = ""
            labelStart = -1
        }
        let textStart = i
        // Raw text runs to the matching closer. Brackets of the opener's kind nest, so
        // `[Explain X (ref)]` and `(Why (ref))` keep their parenthesised reference answers.
        var depth = 0
        var found = -1
        // A `;` inside brackets is text (`#9829;`), not the end of the statement.
        let limit = lineEnd(from: i)
        var hasParens = false
        var j = i
        // `[/text]`: a plain `]` where `/]` belongs; the shape ends there, with the lean added by the fix.
        // (`[/Read [x] file/]` keeps its inner brackets.)
        var bareSlantEnd = -1, innerBrackets = 0
        while j < limit {
            let c = s[j]
            if c == closeByte && depth == 0 && (slanted ? (j > textStart && (s[j - 1] == 0x2F || s[j - 1] == 0x5C)) : matches(close, at: j)) {
                found = j
                break
            }
            if slanted && c == 0x5B { innerBrackets += 1 }
            if slanted && c == 0x5D {
                if innerBrackets == 0 {
                    bareSlantEnd = j
                    break
                }
                innerBrackets -= 1
            }
            // After the closer's test: the `)` that closes `B(ok)` is not a parenthesis in its label.
            if c == 0x28 || c == 0x29 { hasParens = true }
            if opener == 1 || close.3 == 1 {
                if c == b0 { depth += 1 } else if c == closeByte, depth > 0 { depth -= 1 }
            } else if closeByte == 0x29 {
                // `A((Redis (key value)))`: the label's own parentheses nest inside a circle's `))` (and a
                // double circle's or a cylinder's) as inside `( )`; the circle closed at `value))` and the
                // last `)` was an error the quoting fix did not mend (a probe).
                if c == 0x28 { depth += 1 } else if c == 0x29, depth > 0 { depth -= 1 }
            }
            j += 1
        }
        let closed = found >= 0
        if bareSlantEnd >= 0 {
            report(.error, .unclosedBracket, at: open, MermaidText.unclosed(string(open..<open + opener), closer: String(UnicodeScalar(b1)) + "]"),
                   fix: (bareSlantEnd..<bareSlantEnd, String(UnicodeScalar(b1))))
            i = bareSlantEnd + 1
            found = bareSlantEnd
        } else if !closed {
            let closer = slanted ? String(UnicodeScalar(b1)) + "]" : closerText(close)
            // `A[Question --> B[Next]`: the label was meant to end before the link. Closed there, the rest
            // of the line is read as written (the link and B), where the line's end took them all in.
            let end = linkInsideLabel(textStart..<limit) ?? limit
            // `e([End]`, `{{Gate}`: the closer begun and not finished. The fix adds what is missing (it
            // added the whole closer, `e([End]])`) and the label stops before the part written.
            let written = Self.closerBegun(closer, in: s, textStart..<end)
            let missing = String(closer.dropFirst(written))
            report(.error, .unclosedBracket, at: open, MermaidText.unclosed(string(open..<open + opener), closer: missing),
                   fix: (end..<end, missing))
            i = end
            found = end - written
        } else {
            i = found + (slanted ? 1 : close.3)
        }
        var textEnd = found
        // The slanted closer's first byte (`/` or `\`) is not text; an unclosed label keeps its whole line
        // (cutting a byte there could split a character).
        if slanted && closed {
            textEnd = max(textStart, found - 1)
            // [/ /] and [\ \] lean: parallelograms, read as input/output. [/ \] and [\ /] are trapezoids.
            if found >= 1, s[found - 1] == b1 { shape = .parallelogram }
            let slash = b1 == 0x2F, closingSlash = found >= 1 && s[found - 1] == 0x2F
            drawn = slash == closingSlash ? (slash ? .leanRight : .leanLeft) : (slash ? .trapezoid : .trapezoidTop)
        }
        if labelStart >= 0, case let rest = trimmedRange(textStart..<textEnd), !rest.isEmpty {
            // `["Say "hi""]`: the quote ended early. Mermaid fails here; we keep the label up to it.
            report(.error, .unexpectedText, at: rest.lowerBound, MermaidText.textAfterQuote(string(rest)))
        }
        if labelStart < 0 {
            var text = trimmedRange(textStart..<textEnd)
            // `B[“什么是 GIL(全局解释器锁)”]`: the input method's quotation marks where Mermaid's `"` go. As text
            // they were asked, and the reference answer inside was lost; read as the quotes meant, told.
            // Only a label with parentheses (which Mermaid refuses unquoted, and whose reference was lost)
            // and no other such mark inside: `[“鸭子类型”和“猴子补丁”]` quotes two terms, and `[“鸭子类型”]`
            // is text Mermaid shows as written.
            if hasParens, text.count >= 6, s[text.lowerBound] == 0xE2, s[text.lowerBound + 1] == 0x80, s[text.lowerBound + 2] == 0x9C,
               s[text.upperBound - 3] == 0xE2, s[text.upperBound - 2] == 0x80, s[text.upperBound - 1] == 0x9D,
               !string((text.lowerBound + 3)..<(text.upperBound - 3)).contains(where: { $0 == "“" || $0 == "”" }) {
                let inner = (text.lowerBound + 3)..<(text.upperBound - 3)
                let meant = "\"" + MermaidLabel.quotedEscaping(MermaidLabel.text(s, inner)) + "\""
                report(.error, .fullWidthSyntax, at: text.lowerBound, MermaidText.curlyQuotes(string(text), meant: meant), fix: (text, meant))
                text = inner
                hasParens = false
            }
            label = MermaidLabel.text(s, text)
            labelStart = text.lowerBound
            // Every shape's unquoted text, not only `[ ]`, `( )`, `{ }` and the slanted ones: `[[Sub (x)]]`,
            // `([Stad (x)])`, `[(Cyl (x))]` and `{{Hex (x)}}` passed lint and failed on GitHub (a probe).
            if hasParens {
                report(.warning, .unquotedParentheses, at: text.lowerBound, MermaidText.unquotedParentheses,
                       fix: (text, "\"" + MermaidLabel.quotedEscaping(label) + "\""))
            }
        }
        setLabel(index, label, shape: shape, at: labelStart)
        nodes[index].drawn = drawn
    }

    @inline(__always)
    private func matches(_ close: (UInt8, UInt8, UInt8, Int), at j: Int) -> Bool {
        switch close.3 {
        case 1: return true
        case 2: return byte(j + 1) == close.1
        default: return byte(j + 1) == close.1 && byte(j + 2) == close.2
        }
    }

    private func closerText(_ close: (UInt8, UInt8, UInt8, Int)) -> String {
        let bytes = [close.0, close.1, close.2].prefix(close.3)
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func setLabel(_ index: Int, _ label: String, shape: MermaidShape, at offset: Int) {
        if nodes[index].labelled, graphNodes[index].text != label { relabelled(index, label, at: offset) }
        if !nodes[index].labelled, !subgraphIndex.isEmpty, let subgraph = subgraphIndex[graphNodes[index].id] {
            nodeHidesSubgraph(graphNodes[index].id, subgraph: subgraph, at: offset)
        }
        nodes[index].labelled = true
        // In place through the buffer: the subscript's get-and-set copied the whole Node (2 of its
        // fields are references) once per label.
        graphNodes.withUnsafeMutableBufferPointer { $0[index].text = label }
        nodes[index].shape = shape
        nodes[index].labelOffset = offset
    }

    /// `subgraph 深入 … end` and then `深入[…]`: a link to `深入` went to the new node, and the subgraph's
    /// questions were only "unreachable" (a probe). Said where the node is given its label.
    @inline(never)
    mutating func nodeHidesSubgraph(_ id: String, subgraph: Int, at offset: Int) {
        let opened = position(subgraphs[subgraph].offset)
        report(.warning, .nodeHidesSubgraph, at: offset, MermaidText.nodeHidesSubgraph(id, at: opened))
    }

    /// Mermaid keeps the last label written for an id; in a guide the first one is a question that then
    /// silently never comes (a probe lost one to a copy-and-paste of `f1[…]`). Said where it happens.
    private mutating func relabelled(_ index: Int, _ label: String, at offset: Int) {
        let first = position(nodes[index].labelOffset)
        report(.warning, .nodeRelabelled, at: offset,
               MermaidText.relabelled(graphNodes[index].id, was: graphNodes[index].text, at: first))
    }

    /// `"…"` at `open`: the text up to the next quote, entity codes and `<br>` decoded; a Markdown string
    /// (`"`…`"`) may run over several lines. An unclosed quote is reported and ends at its first line's end.
    ///
    /// `shapeCloser`: the bytes that close the node's shape (`]`, `)]`, `}}` …). A quote left open in a line
    /// that ends with them (`C["What … (ref)]`) closes before them: one error, whose fix puts the quote
    /// there, and the label with its reference answer. (It ran to the line's end, took the `]` into the
    /// label, and a second error about the bracket offered a fix that was wrong too.)
    ///
    /// `place`: what ends the place the label stands in, for a link's `|"…"|` (`|`) or shape data's
    /// `label: "…"` (`,` or `}`). A quote not closed right before it (`-->|"yes| C`, `@{ label: "Why? }`)
    /// closes before the first such byte on its line: one error whose fix puts the quote there. (It ran to
    /// the line's end, and the link's bar or the `@{` was reported unclosed as well, with a wrong fix.)
    mutating func readQuoted(open: Int, shapeCloser: (UInt8, UInt8, UInt8, Int)? = nil,
                             place: (closer: UInt8, also: UInt8)? = nil) -> String {
        i = open + 1
        let markdown = byte(i) == 0x60
        var multiLine = false
        var j = i
        if markdown {
            // It closes with a backtick and a quote, so a quote of another label further down is not its end.
            j += 1
            while j < s.count, !(s[j] == 0x22 && s[j - 1] == 0x60) { j += 1 }
            if let closer = shapeCloser, let label = textAfterMarkdownString(open: open, closer: closer, closedAt: j) { return label }
            // Never closed: it ends with its first line, so the statements after it are still read.
            if j >= s.count { j = lineEnd(from: i) }
        } else if let base = s.baseAddress, i < s.count, let hit = memchr(base + i, 0x22, s.count - i) {
            // memchr to the closing quote, then a check that no line ended before it.
            let quote = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if let newline = memchr(base + i, 0x0A, quote - i) {
                // Over several lines, as Mermaid allows, when the quote that ends it closes the shape too
                // (`E["First line` … `second line"]`); otherwise unclosed, ending with its first line.
                if let closer = shapeCloser, quote - i <= Self.recoveryReach, closes(closer, after: quote + 1) {
                    multiLine = true
                    j = quote
                } else if let place, quote - i <= Self.recoveryReach, endsPlace(place, after: quote + 1) {
                    // A value of `@{ … }` over lines (`label: "What is a hash map?` … `(buckets)" }`), which
                    // Mermaid's shape data allows: its closing quote is followed by `,` or `}`.
                    multiLine = true
                    j = quote
                } else {
                    j = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                }
            } else {
                j = quote
            }
        } else {
            while j < s.count, s[j] != 0x0A { j += 1 }
        }
        if let closer = shapeCloser, j >= s.count || s[j] != 0x22 || !closes(closer, after: j + 1),
           let end = closerEndingLine(closer, from: i, lineEnd: j) {
            // Unclosed, or "closed" by the next label's opening quote (`A(["Start]) --> C["…"]`).
            j = end
        }
        var closedAtPlace = false
        if let place, !markdown, j >= s.count || s[j] != 0x22 || !endsPlace(place, after: j + 1),
           let end = firstByte(place.closer, or: place.also, from: i, before: lineEnd(from: i)) {
            j = end
            closedAtPlace = true
        }
        // Trimmed like flowchart.js labels, so a label reads the same in both syntaxes.
        let text = trimmedRange(i..<j)
        if j >= s.count || s[j] != 0x22 {
            let at = closedAtPlace ? text.upperBound : j
            report(.error, .unclosedQuote, at: open, MermaidText.unclosed("\"", closer: "\""), fix: (at..<at, "\""))
            i = j
        } else {
            i = j + 1
        }
        if multiLine { return MermaidLabel.lines(s, text) }
        return markdown ? MermaidLabel.markdown(s, text) : MermaidLabel.text(s, text)
    }
}

/// Punctuation a Chinese input method types in place of Mermaid's: `【问题】` for `[问题]`, `-->｜是｜` for
/// `-->|是|`, `—>` for `-->`. Being non-ASCII, such characters read as part of a node's id, and the chart
/// gained nodes called `D【问题三】` or `｜是｜` with no word about why.
enum FullWidthSyntax {
    /// The ASCII each stands for; `——` before `—`, so a doubled dash becomes one `--`.
    static let replacements: [(String, String)] = [
        ("【", "["), ("】", "]"), ("［", "["), ("］", "]"), ("（", "("), ("）", ")"), ("｛", "{"), ("｝", "}"),
        ("｜", "|"), ("——", "--"), ("—", "--"), ("－", "-"), ("＞", ">"), ("＜", "<"), ("＆", "&"),
    ]

    /// A link's text with every such character replaced, and also the input method's `》` and `《` (what
    /// Shift-. and Shift-, type with Chinese punctuation on: `--》` was a generic "no closing arrow" with no
    /// fix — a guide author's probe), which are no syntax in an id, where `《书名》` may well be meant.
    static func repairedLink(_ text: String) -> String? {
        let angled = text.replacingOccurrences(of: "》", with: "＞").replacingOccurrences(of: "《", with: "＜")
        return repaired(angled)
    }

    /// The id's text with every such character replaced, or nil when it has none.
    static func repaired(_ id: String) -> String? {
        var text = id
        for (wide, ascii) in replacements { text = text.replacingOccurrences(of: wide, with: ascii) }
        return text == id ? nil : text
    }
}

extension MermaidReader {
    /// `p1【XSS 和 CSRF 的区别？】`: an input method's brackets around a label, spaces and all. The id
    /// stops at the first space, so only `p1【XSS` was seen: its fix left `】` behind and the rest of the
    /// line was an error of its own, and the question with everything after it was lost (a probe). Read
    /// as `p1[XSS 和 CSRF 的区别？]`, with one error whose fix rewrites both brackets. Nil when the id has
    /// no such opener after a first character, or its closer is not on the line.
    @inline(never)
    mutating func wideBracketNode(_ idRange: Range<Int>) -> Int? {
        let pairs: [(open: String, close: String, ascii: (String, String), shape: MermaidShape)] = [
            ("【", "】", ("[", "]"), .box), ("［", "］", ("[", "]"), .box), ("（", "）", ("(", ")"), .box), ("｛", "｝", ("{", "}"), .rhombus),
            ("「", "」", ("[", "]"), .box), ("『", "』", ("[", "]"), .box),
        ]
        // The opener written first: `q「持久化方式（RDB）」` is a 「」 label holding full-width brackets, and
        // taking the pairs in list order read it as the id `q「持久化方式` labelled `RDB` (a probe).
        let first = pairs.compactMap { pair -> (at: Int, pair: (open: String, close: String, ascii: (String, String), shape: MermaidShape))? in
            guard let at = firstOccurrence(Array(pair.open.utf8), in: idRange), at > idRange.lowerBound else { return nil }
            return (at, pair)
        }.min { $0.at < $1.at }
        if let (at, pair) = first {
            let open = Array(pair.open.utf8), close = Array(pair.close.utf8)
            let labelStart = at + open.count
            // At most a long label's length ahead: each such id scanned to its line's end made a long line
            // of them quadratic (a security review: 55 KB on one line took 12.7 s).
            let lineEnd = lineEndBeforeSeparator(from: labelStart, limit: labelStart + Self.recoveryReach)
            // Closed by its own closer, by the ASCII one (`【问题]`), or never: then the label runs to the
            // next link on the line or the line's end (`B【解释 GIL` left B an id of its own, unreachable,
            // and every node after it unreachable too).
            // `e（（结束））`: a circle, closed by its doubled closer.
            let doubled = pair.open == "（" && labelStart + open.count <= lineEnd
                && (0..<open.count).allSatisfy { s[labelStart + $0] == open[$0] }
            let closer = doubled ? close + close : close
            let end: Int, closerLength: Int
            if let wide = firstOccurrence(closer, in: labelStart..<lineEnd) {
                (end, closerLength) = (wide, closer.count)
            } else if let ascii = firstOccurrence(Array(pair.ascii.1.utf8), in: labelStart..<lineEnd) {
                (end, closerLength) = (ascii, 1)
            } else {
                (end, closerLength) = (nextLink(from: labelStart, before: lineEnd), 0)
            }
            let id = string(idRange.lowerBound..<at)
            var label = string(labelStart..<end).trimmingCharacters(in: .whitespaces)
            var meant = id + pair.ascii.0 + label + pair.ascii.1
            // `开始（[开始]）` means `开始([开始])`, the stadium its fix writes, and `（(开始)）` the circle: the
            // inner brackets are the shape, not the label (the label was "[开始]", a question: a probe).
            var shape = pair.shape
            if doubled && closerLength == closer.count {
                label = String(label.dropFirst()).trimmingCharacters(in: .whitespaces)
                meant = id + "((" + label + "))"
                shape = .terminal
            } else if pair.open == "（", label.count >= 2,
               let inner = [("[", "]"), ("(", ")"), ("（", "）")].first(where: { label.hasPrefix($0.0) && label.hasSuffix($0.1) }) {
                label = String(label.dropFirst(inner.0.count).dropLast(inner.1.count)).trimmingCharacters(in: .whitespaces)
                shape = .terminal
            }
            // In bytes, not from the decoded text: an invalid byte decodes to three, and the cursor ran past
            // the end of the chart.
            let writtenRange = trimmedRange(idRange.lowerBound..<(end + closerLength))
            let written = string(writtenRange)
            let shown = closerLength == close.count ? pair.open + "…" + pair.close : pair.open
            report(.error, .fullWidthSyntax, at: at, MermaidText.fullWidthSyntax(shown, in: written, meant: meant),
                   fix: (writtenRange, meant))
            let index = node(idRange.lowerBound..<at)
            enterSubgraph(index)
            setLabel(index, label, shape: shape, at: labelStart)
            i = writtenRange.upperBound
            return index
        }
        return nil
    }

    /// Where a link (`--`, `==`, `-.`, `~~~`, `&`) starts in `start..<end`, or `end`: the end of an
    /// unclosed label that a recovery reads.
    private func nextLink(from start: Int, before end: Int) -> Int {
        var k = start
        while k + 1 < end {
            let a = s[k], b = s[k + 1]
            if (a == 0x2D && (b == 0x2D || b == 0x2E)) || (a == 0x3D && b == 0x3D) || (a == 0x7E && b == 0x7E) || a == 0x26 { return k }
            k += 1
        }
        return end
    }

    /// Whether the place's closer (or its other ending) follows `offset`, spaces aside.
    private func endsPlace(_ place: (closer: UInt8, also: UInt8), after offset: Int) -> Bool {
        var k = offset
        while k < s.count, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
        return k >= s.count || s[k] == place.closer || s[k] == place.also || s[k] == 0x0A || s[k] == 0x0D
    }

    /// The first `a` or `b` in `start..<end`, looking no further than a recovery reaches.
    private func firstByte(_ a: UInt8, or b: UInt8, from start: Int, before end: Int) -> Int? {
        var k = start
        let end = min(end, start + Self.recoveryReach)
        while k < end {
            if s[k] == a || s[k] == b { return k }
            k += 1
        }
        return nil
    }

    /// Whether the shape's closer follows `offset`, spaces aside: where a label's closing quote belongs.
    /// `q["`**装饰器** 的原理`（闭包）"]`: text after the Markdown string's closing backtick, before the
    /// quote that closes the shape. Mermaid fails on it (a Markdown string ends with a backtick and a
    /// quote together); the fix added a quote, which never mended it, so applied again and again it added
    /// one more (a probe). Said so, fixed by moving the backtick after the text, and read as meant.
    /// Nil unless the line has such a quote and no backtick-quote ends the string on it.
    private mutating func textAfterMarkdownString(open: Int, closer: (UInt8, UInt8, UInt8, Int), closedAt end: Int) -> String? {
        guard end >= lineEnd(from: open) else { return nil }
        // The string may run over lines (`"`多行` … `第二行`（参考）"`); the text after its backtick is on
        // the line of the quote, which is where a string of several lines ends too.
        var quote = -1
        var k = open + 2
        let reach = min(s.count, open + Self.recoveryReach)
        while k < reach {
            if s[k] == 0x22, closes(closer, after: k + 1) { quote = k; break }
            k += 1
        }
        guard quote > open + 2 else { return nil }
        var tick = quote - 1
        while tick > open + 1, s[tick] != 0x60, s[tick] != 0x0A { tick -= 1 }
        guard tick > open + 1, s[tick] == 0x60, tick + 1 < quote else { return nil }
        let after = string((tick + 1)..<quote)
        report(.error, .unclosedQuote, at: open, MermaidText.textAfterMarkdownString(after), fix: (tick..<quote, after + "`"))
        i = quote + 1
        return (MermaidLabel.markdown(s, (open + 1)..<(tick + 1)) + MermaidLabel.text(s, (tick + 1)..<quote)).trimmingSpaces()
    }

    private func closes(_ closer: (UInt8, UInt8, UInt8, Int), after offset: Int) -> Bool {
        var k = offset
        while k < s.count, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
        return byte(k) == closer.0 && matches(closer, at: k)
    }

    /// How far a recovery looks ahead for a closer: longer than any label a guide asks, short enough that a
    /// line of thousands of broken labels stays linear.
    static let recoveryReach = 2_000

    /// Where `closer` first stands as the end of a node: followed, spaces aside, by the line's end or a
    /// link (`-->`, `---`, `==>`, `-.->`, `~~~`, `&`, `;`), as in `C["What … (ref)] --> D[…]`.
    func closerEndingLine(_ closer: (UInt8, UInt8, UInt8, Int), from start: Int, lineEnd: Int) -> Int? {
        var at = start + 1
        let lineEnd = min(lineEnd, start + Self.recoveryReach)   // linear over a line of many unclosed labels
        while at + closer.3 <= lineEnd {
            if s[at] == closer.0 && matches(closer, at: at) {
                var next = at + closer.3
                while next < lineEnd, s[next] == 0x20 || s[next] == 0x09 || s[next] == 0x0D { next += 1 }
                if next >= lineEnd { return at }
                let b = s[next], b2 = byte(next + 1)
                if b == 0x26 || b == 0x3B || (b == 0x2D && (b2 == 0x2D || b2 == 0x2E)) || (b == 0x3D && b2 == 0x3D) || (b == 0x7E && b2 == 0x7E) {
                    return at
                }
            }
            at += 1
        }
        return nil
    }

    func firstOccurrence(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var j = range.lowerBound
        while j + needle.count <= range.upperBound {
            if s[j] == first, (1..<needle.count).allSatisfy({ s[j + $0] == needle[$0] }) { return j }
            j += 1
        }
        return nil
    }

    /// An id holding full-width syntax (`FullWidthSyntax`): an error at the first such character, with the
    /// id as it was meant as the fix. Only ids with a byte of 0xE2 or above are looked at (all these
    /// characters start with one), so plain ids cost nothing more.
    @inline(never)   // rare: kept out of `readNode`, which every node goes through
    mutating func fullWidthSyntax(in idRange: Range<Int>) {
        let id = string(idRange)
        guard let fixed = FullWidthSyntax.repaired(id) else { return }
        let first = FullWidthSyntax.replacements.compactMap { wide, _ in id.range(of: wide) }.min { $0.lowerBound < $1.lowerBound }
        let offset = first.map { idRange.lowerBound + id.utf8.distance(from: id.startIndex, to: $0.lowerBound) } ?? idRange.lowerBound
        let character = first.map { String(id[$0]) } ?? ""
        report(.error, .fullWidthSyntax, at: offset, MermaidText.fullWidthSyntax(character, in: id, meant: fixed), fix: (idRange, fixed))
    }
}

extension MermaidReader {
    /// Where, in an unclosed label, a link written with spaces around it begins (` --> `, ` --- `,
    /// ` ==> `, ` -.-> `): the space before it.
    func linkInsideLabel(_ range: Range<Int>) -> Int? {
        var j = range.lowerBound
        while j + 4 < range.upperBound {
            if s[j] == 0x20 {
                let a = s[j + 1], b = s[j + 2], c = s[j + 3]
                let isLink = (a == 0x2D && b == 0x2D && (c == 0x3E || c == 0x2D))   // --> ---
                    || (a == 0x3D && b == 0x3D && c == 0x3E)                         // ==>
                    || (a == 0x2D && b == 0x2E && c == 0x2D)                         // -.-
                if isLink { return j }
            }
            j += 1
        }
        return nil
    }
}

extension MermaidReader {
    /// How many bytes of `closer` (ASCII, two or three long) the text already ends with, short of all of
    /// it: 1 for `End]` and `])`, 2 for `x))` and `)))`; 0 when none.
    static func closerBegun(_ closer: String, in s: Bytes, _ text: Range<Int>) -> Int {
        let bytes = Array(closer.utf8)
        var k = bytes.count - 1
        while k > 0 {
            if text.count >= k, (0..<k).allSatisfy({ s[text.upperBound - k + $0] == bytes[$0] }),
               !closesItsOwn(s, text.lowerBound..<(text.upperBound - k), bytes[0]) { return k }
            k -= 1
        }
        return 0
    }

    /// Whether the label's text before a trailing `)`, `]` or `}` holds one of its openers unclosed: then
    /// that bracket is the label's own (`[(Store (cache)`), not the closer begun (the review).
    private static func closesItsOwn(_ s: Bytes, _ text: Range<Int>, _ close: UInt8) -> Bool {
        let open: UInt8 = switch close {
        case 0x29: 0x28
        case 0x5D: 0x5B
        case 0x7D: 0x7B
        default: 0
        }
        var depth = 0
        for i in text {
            if s[i] == open { depth += 1 } else if s[i] == close, depth > 0 { depth -= 1 }
        }
        return depth > 0
    }
}
