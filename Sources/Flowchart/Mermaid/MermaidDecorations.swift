/// `classDef`, `class`, `style`, `linkStyle` and `click`: how nodes and lines are drawn and where they
/// link to. Kept on the graph (node parameters `class`/`style`, url, edge style) for the SVG.
extension MermaidReader {
    /// `classDef name[,name2] fill:#f9f,stroke:#333`
    mutating func readClassDef() {
        skipSpaces()
        let names = readWord()
        skipSpaces()
        let css = cssText(readRest())
        // A class declared again adds to what it had, later declarations winning, as in Mermaid.
        for name in names.split(separator: ",") {
            classDefs[String(name)] = classDefs[String(name)].map { $0 + ";" + css } ?? css
        }
    }

    /// `class a,b name`
    mutating func readClass() {
        if keywordStartsALink(length: 5) { return }
        skipSpaces()
        let targetsAt = i
        let targets = readWord()
        skipSpaces()
        let name = readWord()
        guard !name.isEmpty else {
            report(.error, .unexpectedText, at: targetsAt, MermaidText.classWithoutName)
            return
        }
        for (target, at) in Self.commaList(targets, at: targetsAt) {
            withNode(target, at: at, orSubgraph: true) { $0.classes.append(name) }
        }
    }

    /// `a,b,c` as ids with each one's own offset: a finding about the third was put at the first (a recheck).
    static func commaList(_ list: String, at offset: Int) -> [(String, Int)] {
        var out: [(String, Int)] = []
        var at = offset
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            if !part.isEmpty { out.append((String(part), at)) }
            at += part.utf8.count + 1
        }
        return out
    }

    /// `style --> E`: the keyword used as a node's id at the start of a link. Read again as the link it is
    /// (its node named by `readNode`'s keyword finding), instead of a style for a node called '-->'.
    mutating func keywordStartsALink(length: Int) -> Bool {
        var j = i
        while j < s.count, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
        guard j < s.count, s[j] == 0x2D || s[j] == 0x3D || s[j] == 0x26 else { return false }   // - = &
        i -= length
        readVertexStatement()
        return true
    }

    /// `style id fill:#f9f,stroke:#333`
    mutating func readStyle() {
        if keywordStartsALink(length: 5) { return }
        skipSpaces()
        let at = i
        let id = readWord()
        skipSpaces()
        let css = cssText(readRest())
        withNode(id, at: at, orSubgraph: true) { $0.style = $0.style.map { $0 + ";" + css } ?? css }
    }

    /// `linkStyle 0,2 stroke:#f00,stroke-width:2px` or `linkStyle default …`: by the link's number in
    /// the order links are written, counting each pair an `&` makes, as Mermaid does.
    mutating func readLinkStyle() {
        skipSpaces()
        let at = i
        let which = readWord()
        skipSpaces()
        let style = Self.styleDictionary(readRest())
        for piece in which.split(separator: ",") {
            if piece == "default" {
                linkStyles.append((-1, style, at))
            } else if let n = Int(piece), n >= 0 {
                linkStyles.append((n, style, at))
            } else {
                report(.error, .unexpectedText, at: at, MermaidText.badLinkNumber(String(piece)))
            }
        }
    }

    /// `click id href "url" "tip" _blank`, `click id "url"`, `click id callback`, `click id call fn()`.
    mutating func readClick() {
        skipSpaces()
        let at = i
        let id = readWord()
        skipSpaces()
        var words: [String] = []
        while !atStatementEnd {
            if byte(i) == 0x22 {
                words.append(readQuoted(open: i))
            } else if words == ["call"] {
                words.append(readCall())
            } else {
                words.append(readWord())
            }
            skipSpaces()
        }
        if words.first == "href" { words.removeFirst() }
        guard let first = words.first else {
            report(.error, .unexpectedText, at: at, MermaidText.clickWithoutTarget(id))
            return
        }
        // `click A,B "url"`: Mermaid sets the link on each id of a comma list (its setLink splits them).
        for (target, targetAt) in Self.commaList(id, at: at) {
            withNode(target, at: targetAt) { node in
                Self.applyClick(words, first: first, to: &node)
            }
        }
    }

    private static func applyClick(_ words: [String], first: String, to node: inout MermaidDecoration) {
        if first == "call" {
            node.function = words.count > 1 ? words[1] : nil
        } else if first.contains(":") || first.hasPrefix("/") || first.hasPrefix("#") || first.hasPrefix(".") {
            node.url = first
            node.urlTarget = words.dropFirst().first { $0.hasPrefix("_") }
        } else {
            node.function = first
        }
    }

    /// `fn("hash map", 2)` after `call`: the name and its arguments up to their `)`, spaces and quotes
    /// included, as Mermaid reads them (read a word at a time, the function was cut at its first space
    /// and a conversion wrote `fn("hash`).
    mutating func readCall() -> String {
        let start = i
        while !atStatementEnd, s[i] != 0x28, s[i] != 0x20, s[i] != 0x09 { i += 1 }
        guard byte(i) == 0x28 else { return string(start..<i) }
        let end = lineEnd(from: i)
        var k = i
        while k < end, s[k] != 0x29 { k += 1 }
        i = k < end ? k + 1 : end
        return string(trimmedRange(start..<i))
    }

    /// A run of bytes up to a space or the statement's end.
    mutating func readWord() -> String {
        let start = i
        while !atStatementEnd, s[i] != 0x20, s[i] != 0x09, s[i] != 0x0D { i += 1 }
        return string(start..<i)
    }

    /// The rest of the statement, trimmed.
    mutating func readRest() -> String {
        let start = i
        i = lineEndBeforeSeparator(from: i)
        return string(trimmedRange(start..<i))
    }

    /// Mermaid writes declarations with commas (`fill:#f9f,stroke:#333`); CSS wants semicolons, and
    /// a comma would clash with flowchart.js's own `key(a=1,b=2)` parameters when written back.
    func cssText(_ text: String) -> String {
        Self.declarations(text).map { $0.trimmingSpaces() }.joined(separator: ";")
    }

    /// The declarations of `fill:rgb(255,0,0),stroke:#333`: split at the commas outside parentheses, so
    /// a colour function stays whole (it became `fill:rgb(255;0;0)` and was dropped).
    static func declarations(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0, start = text.startIndex
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0, ";" where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func styleDictionary(_ text: String) -> [String: String] {
        var style: [String: String] = [:]
        for declaration in declarations(text) {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let key = declaration[..<colon].trimmingSpaces().lowercased(), value = declaration[declaration.index(after: colon)...].trimmingSpaces()
            if !key.isEmpty { style[key] = value }
        }
        return style
    }

    /// Runs `change` on the node called `id`, reporting an id no statement has used yet. With
    /// `orSubgraph`, an id of a subgraph opened above decorates that subgraph (its frame) instead: a link
    /// naming the subgraph makes a node of that id too, which stands for the subgraph and is not drawn.
    /// An id not used yet is kept for the chart's end (`applyPendingDecorations`): Mermaid applies
    /// `style I fill:red` to a node `I` written further down, and a warning then said it was not applied.
    private mutating func withNode(_ id: String, at offset: Int, orSubgraph: Bool = false,
                                   _ change: @escaping (inout MermaidDecoration) -> Void) {
        if !decorate(id, orSubgraph: orSubgraph, change) {
            pendingDecorations.append(PendingDecoration(id: id, offset: offset, orSubgraph: orSubgraph, change: change))
        }
    }

    /// Whether `id` names a node (or, with `orSubgraph`, a subgraph) now; if so, `change` is applied.
    private mutating func decorate(_ id: String, orSubgraph: Bool, _ change: (inout MermaidDecoration) -> Void) -> Bool {
        if orSubgraph, let group = subgraphIndex[id] {
            change(&groupDecorations[group, default: MermaidDecoration()])
            return true
        }
        let found = KeyTable.withBytes(of: id) { keys.find($0, hash: KeyTable.hash($0)) }
        guard let index = found else { return false }
        change(&decorations[index, default: MermaidDecoration()])
        return true
    }

    /// Decorations of ids that were not used where the decoration was written, in written order, once
    /// the whole chart is read; an id no statement ever used is reported then.
    mutating func applyPendingDecorations() {
        guard !pendingDecorations.isEmpty else { return }
        let pending = pendingDecorations
        pendingDecorations = []
        // An edge's id (`A e1@--> B`, then `class e1 animate`, the docs' animation example) is no node, and
        // no mistake: the class is Mermaid's to draw, and nothing here keeps it.
        for item in pending where !decorate(item.id, orSubgraph: item.orSubgraph, item.change) && !edgeIDs.contains(item.id) {
            report(.warning, .undefinedNode, at: item.offset, MermaidText.decoratesUnknownNode(item.id))
        }
    }
}

/// A `class`, `style` or `click` written before its node (`MermaidReader.applyPendingDecorations`).
struct PendingDecoration {
    var id: String
    var offset: Int
    var orSubgraph: Bool
    var change: (inout MermaidDecoration) -> Void
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
