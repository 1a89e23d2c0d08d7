/// What a link piece's parentheses say: `(yes)`, `(no@Label, right)`, `(path2, top)`, `(right)`.
/// Plain data (the label is a range, made a String only for an edge that is drawn), so the scratch
/// chain of pieces is copied and cleared without reference counting — link lines are the hot path.
struct LinkSpec {
    var branch: Branch?
    var label: Range<Int>?
    var direction: Direction?
}

/// One node of a link chain as written, resolved to a defined node or not.
struct LinkPiece {
    /// The node's index in the graph, nil when the name is not defined.
    var index: Int?
    var spec: LinkSpec
    var offset: Int
}

/// `a[(spec)]->b[(spec)]->…`: each piece links the previous node's branch to the next node.
extension ParserState {
    @inline(__always)   // one caller; see `define`
    mutating func link(_ line: LogicalLine) {
        let v = line.view
        // Scratch arrays reused across lines: a 50,000-node chart has tens of thousands of link lines.
        var rawPieces: [Range<Int>] = [], chain: [LinkPiece] = []
        swap(&rawPieces, &scratch.pieces)   // moved out, so appending does not copy
        swap(&chain, &scratch.chain)
        chain.removeAll(keepingCapacity: true)
        if !readPlainChain(v, order: line.order, into: &chain) {
            chain.removeAll(keepingCapacity: true)
            rawPieces.removeAll(keepingCapacity: true)
            v.forEachPiece(split: UInt8(ascii: "-"), UInt8(ascii: ">"), in: v.range) { piece, _, _ in rawPieces.append(piece) }
            checkSpaces(v, rawPieces)
            for (index, raw) in rawPieces.enumerated() {
                let piece = v.trimmed(raw)
                if piece.isEmpty {
                    report(.error, .emptyLink, v, at: index == 0 ? raw.upperBound : raw.lowerBound - 2, LocalizedText(
                        en: "'->' has no node \(index == 0 ? "before" : "after") it; flowchart.js fails here",
                        zh: "'->' \(index == 0 ? "前" : "后")面没有节点；flowchart.js 会在这里出错"))
                    continue
                }
                readPiece(v, piece, line: line, isLast: index == rawPieces.count - 1, into: &chain)
            }
            // Undefined pieces are left out, so the chain goes on from the node before to the node after.
            if chain.contains(where: { $0.index == nil }) { chain.removeAll { $0.index == nil } }
        }
        if graph.start == nil, let first = chain.first?.index { graph.start = graph.id(ofNode: first) }
        if chain.count > 1 {
            for i in 0..<(chain.count - 1) {
                connect(chain[i], to: chain[i + 1], v)
            }
        }
        swap(&rawPieces, &scratch.pieces)
        swap(&chain, &scratch.chain)
    }

    /// flowchart.js does not trim link pieces: `st -> op1` looks for a node called "st ".
    private mutating func checkSpaces(_ v: LineView, _ pieces: [Range<Int>]) {
        guard pieces.count > 1 else { return }
        guard let spaced = pieces.first(where: { !$0.isEmpty && v.trimmed($0) != $0 }) else { return }
        let trimmed = v.trimmed(spaced)
        let at = trimmed.lowerBound > spaced.lowerBound ? spaced.lowerBound : trimmed.upperBound
        let written = pieces.map { v.string(v.trimmed($0)) }.joined(separator: "->")
        report(.error, .spacesAroundArrow, v, at: at, LocalizedText(
            en: "spaces around '->': flowchart.js looks for a node named '\(v.string(spaced))' and fails; write '\(written)'",
            zh: "'->' 两侧有空格：flowchart.js 会去找名为 '\(v.string(spaced))' 的节点，因而出错；请写成 '\(written)'"),
               fix: (v.range, written))
    }

    /// Reads `name(spec)`. A name that is not a node but splits into nodes at a stray '-' or '→' is a
    /// broken arrow and comes back as two pieces, so the rest of the chain still links.
    private mutating func readPiece(_ v: LineView, _ piece: Range<Int>, line: LogicalLine, isLast: Bool,
                                    into chain: inout [LinkPiece]) {
        var nameRange = piece
        var spec = LinkSpec()
        if let open = v.find(UInt8(ascii: "("), in: piece) {
            nameRange = v.trimmed(piece.lowerBound..<open)
            let close = v.find(UInt8(ascii: ")"), in: (open + 1)..<piece.upperBound)
            if close == nil, let wide = fullWidthParentheses(v, piece) {
                chain.append(wide)
                return
            }
            if close == nil {
                let closed = "\(v.string(nameRange))(\(v.string((open + 1)..<piece.upperBound)))"
                report(.error, .unknownBranch, v, at: open, LocalizedText(
                    en: "'(' is never closed; write '\(closed)'",
                    zh: "'(' 没有闭合；请写成 '\(closed)'"),
                       fix: (piece.upperBound..<piece.upperBound, ")"))
            } else if let close, close + 1 < piece.upperBound {
                let extra = v.string((close + 1)..<piece.upperBound)
                report(.error, .unknownBranch, v, at: close + 1, LocalizedText(
                    en: "unexpected text '\(extra)' after ')'",
                    zh: "')' 后面有多余的文字 '\(extra)'"))
            }
            spec = readSpec(v, (open + 1)..<(close ?? piece.upperBound))
        }
        let nameBytes = Bytes(rebasing: v.storage[nameRange])
        if let index = graph.index(ofKey: nameBytes, hash: KeyTable.hash(nameBytes)) {
            if definitionOrder[index] > line.order { noteUse(index, name: v.string(nameRange), v, at: nameRange.lowerBound, line: line) }
            chain.append(LinkPiece(index: index, spec: spec, offset: nameRange.lowerBound))
            return
        }
        if let wide = fullWidthParentheses(v, piece) {
            chain.append(wide)
            return
        }
        let name = v.string(nameRange)
        if let split = brokenArrow(v, nameRange) {
            let left = v.string(nameRange.lowerBound..<split.lowerBound)
            let right = v.string(split.upperBound..<nameRange.upperBound)
            report(.error, .brokenArrow, v, at: nameRange.lowerBound, LocalizedText(
                en: "'\(name)' is not a node — did you mean '\(left)->\(right)'?",
                zh: "'\(name)' 不是节点——是不是想写 '\(left)->\(right)'？"), fix: (split, "->"))
            let leftIndex = graph.index(of: left)!
            noteUse(leftIndex, name: left, v, at: nameRange.lowerBound, line: line)
            chain.append(LinkPiece(index: leftIndex, spec: LinkSpec(), offset: nameRange.lowerBound))
            let rightIndex = resolve(right, v, at: split.upperBound, line: line, isLast: isLast)
            chain.append(LinkPiece(index: rightIndex, spec: spec, offset: split.upperBound))
            return
        }
        chain.append(LinkPiece(index: resolve(name, v, at: nameRange.lowerBound, line: line, isLast: isLast),
                               spec: spec, offset: nameRange.lowerBound))
    }

    /// `cond1（no）`, as a Chinese input method types the parentheses: read as `cond1(no)`, with an error
    /// that says so and fixes it (flowchart.js itself finds no node called "cond1（no）" and fails). Nil
    /// when the piece has no full-width parenthesis or what comes before it is not a node.
    private mutating func fullWidthParentheses(_ v: LineView, _ piece: Range<Int>) -> LinkPiece? {
        let wideOpen: [UInt8] = [0xEF, 0xBC, 0x88], wideClose: [UInt8] = [0xEF, 0xBC, 0x89]
        let bytes = Array(v.storage[piece])
        func find(_ needle: [UInt8], from: Int = 0) -> Int? {
            guard bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
            return (from...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        guard find(wideOpen) != nil || find(wideClose) != nil else { return nil }
        let asciiOpen = bytes.firstIndex(of: UInt8(ascii: "("))
        let open = [find(wideOpen), asciiOpen].compactMap { $0 }.min()
        guard let open else { return nil }
        let openWidth = bytes[open] == UInt8(ascii: "(") ? 1 : 3
        let closeAt = [find(wideClose, from: open + openWidth), bytes[(open + openWidth)...].firstIndex(of: UInt8(ascii: ")"))]
            .compactMap { $0 }.min()
        let nameRange = v.trimmed(piece.lowerBound..<(piece.lowerBound + open))
        let nameBytes = Bytes(rebasing: v.storage[nameRange])
        guard let index = graph.index(ofKey: nameBytes, hash: KeyTable.hash(nameBytes)) else { return nil }
        let innerEnd = piece.lowerBound + (closeAt ?? bytes.count)
        let inner = (piece.lowerBound + open + openWidth)..<innerEnd
        let written = v.string(piece)
        let meant = v.string(nameRange) + "(" + v.string(inner).replacingOccurrences(of: "，", with: ", ") + ")"
        report(.error, .fullWidthSyntax, v, at: piece.lowerBound + open, LocalizedText(
            en: "'\(written)' has full-width parentheses (as a Chinese input method types them); flowchart.js reads only '(' and ')' — write '\(meant)'",
            zh: "'\(written)' 用了全角括号（中文输入法打出的那种）；flowchart.js 只认半角的 '(' 和 ')'——请写成 '\(meant)'"),
               fix: (piece, meant))
        return LinkPiece(index: index, spec: readSpec(v, inner), offset: nameRange.lowerBound)
    }

    private mutating func resolve(_ name: String, _ v: LineView, at offset: Int, line: LogicalLine, isLast: Bool) -> Int? {
        if let index = graph.index(of: name) {
            noteUse(index, name: name, v, at: offset, line: line)
            return index
        }
        let consequence = isLast
            ? LocalizedText(en: "flowchart.js silently drops the link to it", zh: "flowchart.js 会悄悄丢掉连到它的连线")
            : LocalizedText(en: "flowchart.js fails here", zh: "flowchart.js 会在这里出错")
        if let guess = Suggestions.nodeKey(for: name, among: graph.nodes.map(\.id)) {
            report(.error, .undefinedNode, v, at: offset, LocalizedText(
                en: "'\(name)' is not defined — did you mean '\(guess)'? (\(consequence.en))",
                zh: "'\(name)' 未定义——是不是想写 '\(guess)'？（\(consequence.zh)）"),
                   fix: (offset..<(offset + name.utf8.count), guess))
        } else {
            report(.error, .undefinedNode, v, at: offset, LocalizedText(
                en: "'\(name)' is not defined; \(consequence.en)",
                zh: "'\(name)' 未定义；\(consequence.zh)"))
        }
        return nil
    }

    /// A node used on a line before the line that defines it: flowchart.js cannot see it yet.
    private mutating func noteUse(_ index: Int, name: String, _ v: LineView, at offset: Int, line: LogicalLine) {
        guard definitionOrder[index] > line.order else { return }
        let line = graph.nodes[index].position.line
        report(.error, .forwardReference, v, at: offset, LocalizedText(
            en: "'\(name)' is used before its definition on line \(line); flowchart.js needs every node defined before a link uses it — move the definition up",
            zh: "'\(name)' 在第 \(line) 行才定义，这里却已用到；flowchart.js 要求节点先定义、后连线——请把定义移到前面"))
    }

    /// Where a stray separator splits an unknown name into a defined node and something after it:
    /// `op6-op7`, `op6>op7`, `op6→op7`, `op6—>op7`.
    private func brokenArrow(_ v: LineView, _ name: Range<Int>) -> Range<Int>? {
        let separators: [[UInt8]] = [Array("=>".utf8), Array("—>".utf8), Array("－>".utf8), Array("→".utf8), Array("—".utf8),
                                     Array("－".utf8), Array("-".utf8), Array(">".utf8), Array("=".utf8)]
        var i = name.lowerBound + 1
        while i < name.upperBound {
            for sep in separators where i + sep.count < name.upperBound && v.storage[i..<(i + sep.count)].elementsEqual(sep) {
                let left = v.string(name.lowerBound..<i)
                if graph.index(of: left) != nil { return i..<(i + sep.count) }
            }
            i += 1
        }
        return nil
    }

    private mutating func readSpec(_ v: LineView, _ range: Range<Int>) -> LinkSpec {
        var spec = LinkSpec()
        // The common case, `(yes)` / `(no)`, without building strings or arrays.
        if let branch = Self.exactBranch(v.storage[range]) {
            spec.branch = branch
            return spec
        }
        let parts = SpecParts(v, range)
        var branchPart: Range<Int>? = parts.first
        if parts.count == 1 {
            // `op(right)`: a bare direction for the plain next link.
            let word = v.string(v.trimmed(parts.first))
            if let dir = Direction(rawValue: word) {
                spec.direction = dir
                return spec
            }
            if !Self.branchWords.contains(word.lowercased()),
               Suggestions.closest(to: word.lowercased(), in: Direction.allCases.map(\.rawValue), maxDistance: 2) != nil {
                spec.direction = readDirection(v, v.trimmed(parts.first))
                return spec
            }
        }
        if parts.count > 1 {
            spec.direction = readDirection(v, v.trimmed(parts.second))
            if parts.count > 2 {
                report(.error, .unknownDirection, v, at: parts.secondComma, LocalizedText(
                    en: "a link takes at most a branch and a direction, such as '(yes, right)'",
                    zh: "一条连线最多带一个分支和一个方向，例如 '(yes, right)'"))
            }
        }
        if var b = branchPart {
            if let at = v.find(UInt8(ascii: "@"), in: b) {
                spec.label = v.trimmed((at + 1)..<b.upperBound)
                b = b.lowerBound..<at
            }
            branchPart = b
            spec.branch = readBranch(v, b, alone: parts.count == 1)
        }
        return spec
    }

    /// The comma-separated parts of a spec: only the first two and where a third starts are ever read,
    /// so they are found without building an array (`(no, right)` is on every other gate of a diagram).
    private struct SpecParts {
        var count = 1
        var first: Range<Int>
        /// Empty when there is no comma.
        var second: Range<Int>
        /// The second comma, when `count > 2`.
        var secondComma: Int

        init(_ v: LineView, _ range: Range<Int>) {
            var commas = (range.upperBound, range.upperBound)
            var i = range.lowerBound
            while i < range.upperBound {
                if v.storage[i] == UInt8(ascii: ",") {
                    if count == 1 { commas.0 = i } else if count == 2 { commas.1 = i }
                    count += 1
                }
                i += 1
            }
            first = range.lowerBound..<commas.0
            second = count > 1 ? (commas.0 + 1)..<commas.1 : range.upperBound..<range.upperBound
            secondComma = commas.1
        }
    }

    /// Words that mean a branch, exact or as authors misspell them; anything else may be a direction.
    static let branchWords: Set<String> = ["yes", "y", "true", "是", "ok", "no", "n", "false", "否", "path1", "path2", "path3"]

    static func exactBranch(_ bytes: Slice<Bytes>) -> Branch? {
        if spells(bytes, "yes") { return .yes }
        if spells(bytes, "no") { return .no }
        return nil
    }

    /// Byte comparison with an ASCII word, without going through String.UTF8View.
    static func spells(_ bytes: Slice<Bytes>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        var i = bytes.startIndex
        for k in 0..<word.utf8CodeUnitCount {
            if bytes[i] != word.utf8Start[k] { return false }
            i += 1
        }
        return true
    }

    private mutating func readBranch(_ v: LineView, _ range: Range<Int>, alone: Bool) -> Branch? {
        if let exact = Self.exactBranch(v.storage[range]) { return exact }
        let written = v.string(range)
        switch written {
        case "yes", "no", "path1", "path2", "path3": return Branch(rawValue: written)
        case "true" where alone: return .yes
        case "false" where alone: return .no
        case "": return nil
        default: break
        }
        let trimmed = v.string(v.trimmed(range)).lowercased()
        let meant: Branch? = switch trimmed {
        case "yes", "y", "true", "是", "ok": .yes
        case "no", "n", "false", "否": .no
        case "path1", "path2", "path3": Branch(rawValue: trimmed)
        default: Suggestions.closest(to: trimmed, in: ["yes", "path1", "path2", "path3"], maxDistance: 1).flatMap(Branch.init(rawValue:))
        }
        guard let meant else {
            report(.error, .unknownBranch, v, at: range.lowerBound, LocalizedText(
                en: "unknown branch '\(written)'; a link takes yes, no (conditions) or path1–path3 (parallels)",
                zh: "未知的分支 '\(written)'；连线可用 yes、no（条件节点）或 path1–path3（并行节点）"))
            return nil
        }
        let why = (written == "true" || written == "false")
            ? LocalizedText(en: "flowchart.js reads '\(written)' as yes/no only when it stands alone",
                            zh: "只有单独写时，flowchart.js 才把 '\(written)' 当作 yes/no")
            : LocalizedText(en: "flowchart.js matches branch names exactly", zh: "flowchart.js 要求分支名完全一致")
        report(.error, .unknownBranch, v, at: range.lowerBound, LocalizedText(
            en: "'\(written)' is not a branch — \(why.en); write '\(meant.rawValue)'",
            zh: "'\(written)' 不是分支名——\(why.zh)；请写成 '\(meant.rawValue)'"), fix: (range, meant.rawValue))
        return meant
    }

    private mutating func readDirection(_ v: LineView, _ range: Range<Int>) -> Direction? {
        if let exact = Direction(utf8: v.storage[range]) { return exact }
        let written = v.string(range)
        if let dir = Direction(rawValue: written) { return dir }
        let guess = Suggestions.closest(to: written.lowercased(), in: Direction.allCases.map(\.rawValue), maxDistance: 2)
        if let guess {
            report(.error, .unknownDirection, v, at: range.lowerBound, LocalizedText(
                en: "unknown direction '\(written)' — did you mean '\(guess)'?",
                zh: "未知的方向 '\(written)'——是不是想写 '\(guess)'？"), fix: (range, guess))
            return Direction(rawValue: guess)
        }
        report(.error, .unknownDirection, v, at: range.lowerBound, LocalizedText(
            en: "unknown direction '\(written)'; use left, right, top or bottom",
            zh: "未知的方向 '\(written)'；请用 left、right、top 或 bottom"))
        return nil
    }
}

extension Direction {
    /// The direction spelled exactly by these bytes; anything else goes the String way, with suggestions.
    init?(utf8 bytes: Slice<Bytes>) {
        switch bytes.count {
        case 3 where ParserState.spells(bytes, "top"): self = .top
        case 4 where ParserState.spells(bytes, "left"): self = .left
        case 5 where ParserState.spells(bytes, "right"): self = .right
        case 6 where ParserState.spells(bytes, "bottom"): self = .bottom
        default: return nil
        }
    }
}
