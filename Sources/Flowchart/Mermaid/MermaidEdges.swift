/// `A & B --> C -- label --> D`: groups of nodes joined by links, every node of one group linked to every
/// node of the next, as Mermaid draws them.
extension MermaidReader {
    mutating func readVertexStatement() {
        var previous: [Int32] = [], group: [Int32] = []
        swap(&previous, &previousScratch)
        swap(&group, &groupScratch)
        defer {
            swap(&previous, &previousScratch)
            swap(&group, &groupScratch)
        }
        Self.empty(&previous)
        guard readGroup(into: &previous) else { return }
        while true {
            skipSpaces()
            if atStatementEnd { return }
            let arrowAt = i
            let findings = diagnostics.count
            var read = readArrow() ?? readMistakenArrow()
            if read == nil {
                // A link the arrow reader already reported (an unclosed `-- text`) needs no second finding.
                if diagnostics.count > findings { skipStatement(); return }
                // `A B`: two nodes with nothing between them; an arrow is the likeliest repair.
                let end = lineEndBeforeSeparator(from: i)
                if let (wide, meant) = fullWidthArrow(at: i, end: end) {
                    // `D —> C`: an input method's dash for `--`.
                    report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthArrow(string(wide), meant: meant), fix: (wide, meant))
                    // `B；B --> C`: the statement ends there, and the next one is read as written.
                    if meant == ";" { i = wide.upperBound; statementEndedEarly = true; return }
                    // `A ——>｜是｜ B`: read as the link meant, so B and its line are kept (they were dropped).
                    if let arrow = Self.arrow(meaning: meant, at: wide) {
                        read = arrow
                        i = wide.upperBound
                    }
                } else {
                    report(.error, .unexpectedText, at: i, MermaidText.expectedArrow(string(i..<end)),
                           fix: (i..<i, "--> "))
                    // `C[Q two] D[Q three]`: read as the link the fix writes when a node follows, so D and the
                    // chart after it stay reachable (they were lost: a probe). Not `A[Q] and more words`.
                    if nodeFollows(at: i, before: end) { read = Self.arrow(meaning: "-->", at: i..<i) }
                }
                if read == nil { i = end; return }
            }
            guard let arrow = read else { return }
            skipSpaces()
            Self.empty(&group)
            if atStatementEnd || !readGroup(into: &group) {
                report(.error, .emptyLink, at: arrowAt, MermaidText.arrowWithoutTarget)
                return
            }
            // Invisible links are kept too: `linkStyle` numbers count them. The builder leaves them out.
            let pairs = previous.count * group.count
            if pairs > 1 && groupLinks + pairs > Self.maxGroupLinksPerChart {
                report(.error, .tooManyBranches, at: arrowAt, MermaidText.tooManyPairs(previous.count, group.count, limit: Self.maxGroupLinksPerChart))
                inSkippedStatement.formUnion(previous)
                inSkippedStatement.formUnion(group)
                skipStatement()
                return
            }
            if pairs > 1 { groupLinks += pairs }
            let direction = openSubgraphs.last.map { subgraphs[$0].direction } ?? self.direction
            let scope = openSubgraphs.last.map { Int32($0) } ?? -1
            for a in previous {
                for b in group {
                    links.append(MermaidLink(from: a, to: b, label: arrow.label, labelOffset: arrow.labelOffset, labelEnd: arrow.labelEnd,
                                             stroke: arrow.stroke, head: arrow.head, tail: arrow.tail, id: arrow.id,
                                             direction: direction, offset: arrowAt, scope: scope))
                }
            }
            swap(&previous, &group)
        }
    }

    /// Whether `i..<end` starts with an id followed by a shape (`D[…]`, `D(…)`, `D{…}`, `D>…]`, `D@{…}`): a
    /// node where an arrow was forgotten. Not a bare word (`B[Q one] 追问细节`), more likely a stray remark
    /// than a question (read as one, it made B a forking question: a recheck).
    private func nodeFollows(at start: Int, before end: Int) -> Bool {
        var k = start
        while k < end, !Self.idStops.contains(s[k]) { k += 1 }
        guard k > start, k < end else { return false }
        return [UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: ">"), UInt8(ascii: "@")].contains(s[k])
    }

    private static let idStops: Set<UInt8> = Set(" \t\r\n;[({>@&|".utf8)

    /// Most groups hold one node: `removeLast` empties them for a tenth of what `removeAll(keepingCapacity:)`
    /// costs (its generic replaceSubrange was 0.15 of 7.1 million instructions a 1,000-node parse).
    @inline(__always)
    static func empty(_ group: inout [Int32]) {
        if group.count == 1 { group.removeLast() } else if !group.isEmpty { group.removeAll(keepingCapacity: true) }
    }

    /// `A`, `A[label]`, `A & B[label]:::cls`. False (with a finding) when no node starts here.
    mutating func readGroup(into group: inout [Int32]) -> Bool {
        skipSpaces()
        guard let first = readNode() else { return false }
        group.append(Int32(first))
        skipSpaces()
        // Most groups are one node: no marks to keep (growing them per node was 1% of a parse).
        guard byte(i) == 0x26 || isWideAmpersand(i) else { return true }   // &
        groupStamp += 1
        _ = mark(first)
        while byte(i) == 0x26 || isWideAmpersand(i) {
            if byte(i) == 0x26 {
                i += 1
            } else {
                // `B ＆ C`: the input method's ampersand, read as `&` (C and its lines were dropped), told.
                report(.error, .fullWidthSyntax, at: i, MermaidText.fullWidthArrow("＆", meant: "&"), fix: (i..<(i + 3), "&"))
                i += 3
            }
            skipSpaces()
            guard let node = readNode() else { return false }
            // `A & A` names A once: without this, 10,000 repeats on both sides made 10^8 links.
            if mark(node) { group.append(Int32(node)) }
            skipSpaces()
        }
        return true
    }

    /// A full-width ampersand (U+FF06) at `k`.
    private func isWideAmpersand(_ k: Int) -> Bool {
        k + 2 < s.count && s[k] == 0xEF && s[k + 1] == 0xBC && s[k + 2] == 0x86
    }

    /// Marks `node` as in the current `&` group; false if it was already.
    private mutating func mark(_ node: Int) -> Bool {
        if groupMarks.count < nodes.count { groupMarks.append(contentsOf: repeatElement(0, count: nodes.count - groupMarks.count)) }
        guard groupMarks[node] != groupStamp else { return false }
        groupMarks[node] = groupStamp
        return true
    }

    /// `A & B & … --> C & D & …` links every pair; past this many pairs made by `&` in one chart, a
    /// statement is refused, so no text can make the reader build links out of all proportion to its size.
    /// Per chart, not per statement: a chain of forty 300-node groups stayed under a per-statement limit
    /// of 100,000 and made 3.5 million links from 113 KB, which held the server for seconds per page (a
    /// security probe). An interview chart joins a few nodes with `&`, never thousands.
    static let maxGroupLinksPerChart = 10_000

    /// The link an ASCII repair (`-->`, `-.->`, `==>`, `---`, `-->|是|`) stands for, read where the
    /// full-width text was written; nil for what is not a link (`&`).
    static func arrow(meaning meant: String, at written: Range<Int>) -> Arrow? {
        let token = meant.prefix { $0 != "|" }
        let stroke: MermaidStroke = token.contains("=") ? .thick : token.contains(".") ? .dotted : .solid
        guard token.contains("-") || token.contains("=") else { return nil }
        let head: MermaidArrowHead = token.hasSuffix(">") ? .arrow : .none
        let label = meant.dropFirst(token.count)
        let text = label.count >= 2 ? String(label.dropFirst().dropLast()) : nil
        return Arrow(stroke: stroke, head: head, tail: .none, label: text, labelOffset: written.lowerBound, labelEnd: written.upperBound)
    }

    struct Arrow {
        var stroke: MermaidStroke
        var head: MermaidArrowHead
        var tail: MermaidArrowHead
        var label: String?
        var labelOffset: Int
        var labelEnd = 0
        var id: String?
    }

    /// A link token at the cursor, with its label in either form (`-- text -->` or `-->|text|`) and an
    /// optional edge id (`e1@-->`). Nil, with the cursor unmoved, when there is none.
    mutating func readArrow() -> Arrow? {
        let start = i
        var id: String?
        if isIDByte(byte(i)) {
            // `e1@-->` or the `o`/`x` tail of `o--o`/`x--x`.
            let idRange = readID()
            if byte(i) == 0x40, isArrowByte(byte(i + 1)) || byte(i + 1) == 0x3C {
                let edgeID = string(idRange)
                edgeIDs.insert(edgeID)
                id = edgeID
                i += 1
            } else {
                i = start
            }
        }
        var tail = MermaidArrowHead.none
        switch byte(i) {
        case 0x3C: tail = .arrow                 // <
        case 0x6F: tail = .circle                // o
        case 0x78: tail = .cross                 // x
        default: break
        }
        if tail != .none {
            guard isArrowByte(byte(i + 1)) else { i = start; return nil }
            i += 1
        }
        guard var arrow = readStroke(tail: tail) else { i = start; return nil }
        arrow.id = id
        readPipeLabel(&arrow)
        return arrow
    }

    /// An arrow from another notation where a link belongs: `->` and `=>` (flowchart.js, Markdown), `-=>`,
    /// `->>` (sequence diagrams), `→`. Reported with the fix that writes `-->` in its place, and read as
    /// that link, so the line and the node after it stay in the chart instead of every question below
    /// it turning unreachable.
    private mutating func readMistakenArrow() -> Arrow? {
        let start = i
        var sawHead = false
        while [0x2D, 0x3D, 0x2E, 0x7E, 0x3E].contains(byte(i)) {
            if byte(i) == 0x3E { sawHead = true }
            i += 1
        }
        if !(sawHead && i - start >= 2) {
            i = start
            guard let width = Self.unicodeArrowWidth(s, at: i) else { return nil }
            i += width
        }
        report(.error, .unexpectedText, at: start, MermaidText.mistakenArrow(string(start..<i)), fix: (start..<i, "-->"))
        var arrow = Arrow(stroke: .solid, head: .arrow, tail: .none, label: nil, labelOffset: 0)
        readPipeLabel(&arrow)
        return arrow
    }

    /// The UTF-8 length of an arrow character at `at` (→ ⇒ ⟶ ➔ ➜), or nil.
    private static func unicodeArrowWidth(_ s: Bytes, at: Int) -> Int? {
        let arrows: [[UInt8]] = [[0xE2, 0x86, 0x92], [0xE2, 0x87, 0x92], [0xE2, 0x9F, 0xB6], [0xE2, 0x9E, 0x94], [0xE2, 0x9E, 0x9C]]
        for arrow in arrows where at + arrow.count <= s.count && arrow.indices.allSatisfy({ s[at + $0] == arrow[$0] }) {
            return arrow.count
        }
        return nil
    }

    /// `|label|` after a link, if there is one.
    private mutating func readPipeLabel(_ arrow: inout Arrow) {
        if arrow.label == nil { (arrow.labelOffset, arrow.labelEnd) = (i, i) }
        skipSpaces()
        if byte(i) == 0x7C {   // |label|
            let open = i
            i += 1
            skipSpaces()
            arrow.labelOffset = i
            if byte(i) == 0x22 {
                arrow.label = readQuoted(open: i, place: (0x7C, 0x7C))
                skipSpaces()
            }
            let textStart = i
            while i < s.count, s[i] != 0x7C, s[i] != 0x0A { i += 1 }
            if arrow.label == nil {
                let text = trimmedRange(textStart..<i)
                arrow.label = MermaidLabel.text(s, text)
                arrow.labelEnd = text.upperBound
                // `-->|yes (go deeper)|`: Mermaid refuses parentheses in an unquoted link label as in a
                // node's; lint passed it and GitHub showed an error (a probe).
                if s[text].contains(0x28) || s[text].contains(0x29) {
                    report(.warning, .unquotedParentheses, at: text.lowerBound, MermaidText.unquotedParentheses,
                           fix: (text, "\"" + MermaidLabel.quotedEscaping(arrow.label ?? "") + "\""))
                }
            } else {
                arrow.labelEnd = i
            }
            if byte(i) == 0x7C {
                i += 1
            } else {
                report(.error, .unclosedBracket, at: open, MermaidText.unclosed("|", closer: "|"), fix: (i..<i, "|"))
            }
        } else if isFullWidthBar(i) {
            readFullWidthPipeLabel(&arrow)
        }
    }

    /// `｜`, the full-width bar a Chinese input method types for `|`.
    private func isFullWidthBar(_ at: Int) -> Bool { byte(at) == 0xEF && byte(at + 1) == 0xBD && byte(at + 2) == 0x9C }

    /// `-->｜是｜`: read as the label it was meant to be, with one error and its fix. Read as a node id,
    /// it made a question "｜是｜" behind the gate, and two more findings with fixes that disagreed.
    private mutating func readFullWidthPipeLabel(_ arrow: inout Arrow) {
        let open = i
        i += 3
        skipSpaces()
        arrow.labelOffset = i
        let textStart = i
        while i < s.count, s[i] != 0x0A, s[i] != 0x7C, !isFullWidthBar(i) { i += 1 }
        let text = trimmedRange(textStart..<i)
        arrow.label = MermaidLabel.text(s, text)
        arrow.labelEnd = text.upperBound
        i += byte(i) == 0x7C ? 1 : isFullWidthBar(i) ? 3 : 0
        let meant = "|" + string(text) + "|"
        report(.error, .fullWidthSyntax, at: open, MermaidText.fullWidthLabel(string(open..<i), meant: meant), fix: (open..<i, meant))
    }

    @inline(__always)
    func isArrowByte(_ b: UInt8) -> Bool { b == 0x2D || b == 0x3D || b == 0x2E || b == 0x7E }

    /// `-->`, `---`, `--o`, `--x`, `-.->`, `-.-`, `==>`, `===`, `~~~`, any length, or the opening half of
    /// a text label (`--`, `-.`, `==`) with the text and the closing half.
    private mutating func readStroke(tail: MermaidArrowHead) -> Arrow? {
        let b = byte(i)
        if b == 0x7E {   // ~~~
            var n = 0
            while byte(i) == 0x7E { i += 1; n += 1 }
            return n >= 3 ? Arrow(stroke: .invisible, head: .none, tail: tail, label: nil, labelOffset: 0) : nil
        }
        if b == 0x2D && byte(i + 1) == 0x2E {   // -.  dotted
            i += 1
            while byte(i) == 0x2E { i += 1 }
            if byte(i) == 0x2D {
                i += 1
                return Arrow(stroke: .dotted, head: readHead(), tail: tail, label: nil, labelOffset: 0)
            }
            return readTextLink(stroke: .dotted, tail: tail)
        }
        guard b == 0x2D || b == 0x3D else { return nil }
        let stroke: MermaidStroke = b == 0x2D ? .solid : .thick
        var n = 0
        while byte(i) == b { i += 1; n += 1 }
        guard n >= 2 else { return nil }
        let head = readHead()
        if head != .none || n >= 3 { return Arrow(stroke: stroke, head: head, tail: tail, label: nil, labelOffset: 0) }
        return readTextLink(stroke: stroke, tail: tail)
    }

    @inline(__always)
    private mutating func readHead() -> MermaidArrowHead {
        switch byte(i) {
        case 0x3E: i += 1; return .arrow
        // As in Mermaid, `o`/`x` straight after the line is its head: `A---oB` is a circle-ended link to B.
        case 0x6F, 0x78:
            let head: MermaidArrowHead = byte(i) == 0x6F ? .circle : .cross
            if isIDByte(byte(i + 1)) { gluedHead(at: i) }
            i += 1
            return head
        default: return .none
        }
    }

    /// `dev---ops`: Mermaid reads a circle head and a node `ps`, which is seldom what was meant. Said, with
    /// the space that keeps the name whole as the fix; the link is read as Mermaid reads it.
    @inline(never)
    private mutating func gluedHead(at offset: Int) {
        var end = offset + 1
        while end < s.count, isIDByte(s[end]) { end += 1 }
        let word = string(offset..<end), rest = string((offset + 1)..<end)
        report(.warning, .gluedArrowHead, at: offset, MermaidText.gluedArrowHead(word: word, head: string(offset..<offset + 1), rest: rest),
               fix: (offset..<offset, " "))
    }

    /// `-- text -->`, `-. text .->`, `== text ==>`: the text runs to the closing half on the same line.
    private mutating func readTextLink(stroke: MermaidStroke, tail: MermaidArrowHead) -> Arrow? {
        let open = i
        var end = lineEndBeforeSeparator(from: i)
        let mark: UInt8 = stroke == .thick ? 0x3D : (stroke == .dotted ? 0x2E : 0x2D)
        var j = i
        // A quoted text is one string, arrows and `;` (`#quot;`) and all (`-- "x --> y" -->`: Mermaid's lexer
        // reads it whole; it was cut at its inner arrow, or at a `;`, and its last word became a question: a
        // probe and a recheck). The closing half comes after it.
        var k = i
        while k < end, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
        if k < end, s[k] == 0x22 {
            let line = lineEnd(from: k)
            var q = k + 1
            while q < line, s[q] != 0x22 { q += 1 }
            if q < line {
                j = q + 1
                end = lineEndBeforeSeparator(from: j)
            }
        }
        while j + 1 < end {
            if s[j] == mark && s[j + 1] == (stroke == .dotted ? 0x2D : mark) {
                let textRange = trimmedRange(open..<j)
                i = j + 1
                while byte(i) == mark || (stroke == .dotted && byte(i) == 0x2D) { i += 1 }
                let head = readHead()
                if head == .none && stroke != .dotted && i - j < 3 { j += 1; continue }
                let label: String
                if textRange.lowerBound < textRange.upperBound, s[textRange.lowerBound] == 0x22 {
                    let saved = i
                    i = textRange.lowerBound
                    label = readQuoted(open: i)
                    i = saved
                } else {
                    label = MermaidLabel.text(s, textRange)
                }
                return Arrow(stroke: stroke, head: head, tail: tail, label: label, labelOffset: textRange.lowerBound,
                             labelEnd: textRange.upperBound)
            }
            j += 1
        }
        // `--＞ B`: the arrow's head typed full-width, so no head closed the "text" after `--`.
        if let (wide, meant) = fullWidthArrow(at: open - 2, end: end) {
            report(.error, .fullWidthSyntax, at: open - 2, MermaidText.fullWidthArrow(string(wide), meant: meant), fix: (wide, meant))
            // Read as the link meant, so the node after it is kept.
            if var arrow = Self.arrow(meaning: meant, at: wide) {
                arrow.tail = tail
                i = wide.upperBound
                return arrow
            }
        } else {
            report(.error, .unclosedBracket, at: open - 2, MermaidText.unclosedLinkText(string(open - 2..<open)))
        }
        i = end
        return nil
    }
}

extension MermaidReader {
    /// A link typed with full-width dashes or `＞` (`—>`, `——>`, `－－＞`) at `start`: its range and the
    /// ASCII link meant.
    func fullWidthArrow(at start: Int, end: Int) -> (Range<Int>, String)? {
        guard start < end else { return nil }
        var j = start
        // Up to a space or the `|` of a label glued to it (`C —>|否| E`).
        while j < end, s[j] != 0x20, s[j] != 0x09, s[j] != 0x7C { j += 1 }
        // `；B`: the full-width semicolon alone, glued to the next statement.
        if j - start > 3, s[start] == 0xEF, s[start + 1] == 0xBC, s[start + 2] == 0x9B { j = start + 3 }
        let word = string(start..<j)
        let hasWide = s[start..<j].contains { $0 >= 0xE2 }
        if hasWide, var meant = FullWidthSyntax.repairedLink(word) {
            // Also the marks that are no syntax in an id (a 。 ends Chinese ids) but are in a link.
            meant = meant.replacingOccurrences(of: "。", with: ".").replacingOccurrences(of: "；", with: ";")
            if meant == "&" || meant == ";" { return (start..<j, meant) }
            let arrow = meant.prefix { $0 != "|" }
            if arrow.contains(where: { $0 == "-" || $0 == "=" }), arrow.allSatisfy({ "-=.>ox<".contains($0) }),
               arrow.hasSuffix(">") || arrow.hasSuffix("-") {
                let label = meant.dropFirst(arrow.count)
                guard label.isEmpty || (label.hasPrefix("|") && label.hasSuffix("|") && label.count >= 2) else { return nil }
                // `->` and `--` are no Mermaid links: `--｜是｜` was fixed to `--|是|`, which Mermaid reads as
                // an unclosed `-- text` (a probe). Read as the arrow, as the line was.
                return (start..<j, (arrow == "->" || arrow == "--" ? "-->" : String(arrow)) + label)
            }
            return nil
        }
        // `-。->`: ASCII dashes with the input method's full stop for Mermaid's dotted line.
        if hasWide {
            let meant = word.replacingOccurrences(of: "。", with: ".").replacingOccurrences(of: "；", with: ";")
            if meant == ";" { return (start..<j, ";") }
            if meant != word, meant.allSatisfy({ "-=.>ox<".contains($0) }), meant.contains("-") { return (start..<j, meant) }
        }
        return nil
    }
}
