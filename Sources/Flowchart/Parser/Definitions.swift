#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `key[(params)]=>type[: text][|flowstate][:>url[target] | :$function]`, read as flowchart.js reads it.
extension ParserState {
    // Inlined into the parse loop (its one caller): passed to a call, the LogicalLine just built by
    // LineTable went through memory and stalled the loads that read it back (perf annotate).
    @inline(__always)
    mutating func define(_ line: LogicalLine) {
        let v = line.view
        guard let arrow = v.find(UInt8(ascii: "="), UInt8(ascii: ">"), in: v.range) else { return }
        if let plain = PlainDefinition(v, arrow: arrow) {
            let key = v.string(plain.key), keyBytes = Bytes(rebasing: v.storage[plain.key])
            // The node is copied once more on its way into the graph (perf: NodeVwcp); building it here in
            // the argument list, or inside FlowGraph, or not using `key` afterwards did not avoid that.
            let replaced = graph.define(Node(id: key, type: plain.type, plainText: v.string(plain.label, validUTF8IsASCII: plain.labelIsASCII),
                                             position: position(v, plain.key.lowerBound)),
                                        key: keyBytes, hash: KeyTable.hash(keyBytes))
            defined(key, replacing: replaced, keyRange: plain.key, v, line: line)
            return
        }
        var rest = (arrow + 2)..<v.end
        if let second = v.find(UInt8(ascii: "="), UInt8(ascii: ">"), in: rest) {
            let lost = v.string(second..<rest.upperBound)
            report(.warning, .arrowInLabel, v, at: second, LocalizedText(
                en: "flowchart.js drops everything after a second '=>' in a definition: '\(lost)' is lost",
                zh: "定义中第二个 '=>' 之后的内容都会被 flowchart.js 丢弃：'\(lost)' 会丢失"))
            rest = rest.lowerBound..<second
        }
        guard let (key, keyRange, parameters) = readKey(v, line: line, before: arrow) else { return }
        let typeStart = v.trimmed(rest).lowerBound
        let keyEnd = v.trimmed(v.start..<arrow).upperBound   // after any (params)
        if keyEnd < arrow || typeStart > rest.lowerBound {
            let readKey = v.string(keyRange.lowerBound..<arrow)
            let readType = "\(v.string(rest.lowerBound..<typeStart))\(v.string(typeStart..<rest.upperBound).prefix(10))…"
            let meant = v.string(keyRange.lowerBound..<keyEnd)
            report(.error, .spacesAroundArrow, v, at: keyEnd < arrow ? keyEnd : rest.lowerBound, LocalizedText(
                en: "spaces around '=>': flowchart.js reads the key as '\(readKey)' and the type as '\(readType)', and fails; write '\(meant)=>'",
                zh: "'=>' 两侧有空格：flowchart.js 会把键读成 '\(readKey)'、把类型读成 '\(readType)'，因而出错；请写成 '\(meant)=>'"),
                   fix: (keyEnd..<typeStart, "=>"))
        }
        rest = typeStart..<rest.upperBound

        var parts = splitTypeAndText(v, rest)
        let type = resolveType(v, &parts)
        var node = Node(id: key, type: type, text: "", parameters: parameters, position: position(v, keyRange.lowerBound))
        applySuffixes(v, parts, to: &node)
        let keyBytes = Bytes(rebasing: v.storage[keyRange])
        let replaced = graph.define(consume node, key: keyBytes, hash: KeyTable.hash(keyBytes))
        defined(key, replacing: replaced, keyRange: keyRange, v, line: line)
    }

    /// After the graph took a node: a key defined before was replaced, as flowchart.js does, and is
    /// reported; a new one remembers the line that defines it.
    private mutating func defined(_ key: String, replacing replaced: Node?, keyRange: Range<Int>, _ v: LineView, line: LogicalLine) {
        if let replaced {
            report(.error, .duplicateKey, v, at: keyRange.lowerBound, LocalizedText(
                en: "'\(key)' is already defined on line \(replaced.position.line); flowchart.js silently uses this later definition — rename one of them",
                zh: "'\(key)' 已在第 \(replaced.position.line) 行定义过；flowchart.js 会悄悄改用这个后面的定义——请重命名其中一个"))
        } else {
            definitionOrder.append(line.order)
        }
    }

    /// The key with any `(k=v,…)` parameters taken out, as flowchart.js's `/\(.*\)/` does.
    private mutating func readKey(_ v: LineView, line: LogicalLine, before arrow: Int)
        -> (String, Range<Int>, [String: String])? {
        var keyRange = v.trimmed(v.start..<arrow)
        var parameters: [String: String] = [:]
        if let open = v.find(UInt8(ascii: "("), in: keyRange),
           let close = v.findLast(UInt8(ascii: ")"), in: keyRange), close > open {
            for entry in v.string((open + 1)..<close).split(separator: ",", omittingEmptySubsequences: false) {
                let kv = entry.split(separator: "=", omittingEmptySubsequences: false)
                if kv.count == 2 { parameters[String(kv[0])] = String(kv[1]) }
                if kv.count == 2, kv[0].hasPrefix(GroupParameters.member) { namesGroups = true }
            }
            keyRange = v.trimmed(keyRange.lowerBound..<open)
        }
        guard !keyRange.isEmpty else {
            report(.error, .emptyKey, v, at: v.start, LocalizedText(
                en: "a definition needs a key before '=>', such as 'op1=>operation: …'",
                zh: "定义需要在 '=>' 前写一个键，例如 'op1=>operation: …'"))
            return nil
        }
        return (v.string(keyRange), keyRange, parameters)
    }

    struct TypeAndText {
        var type: Range<Int>
        var text: Range<Int>?
    }

    /// Type and text split at the first ': ' (colon and space), exactly where flowchart.js splits.
    private func splitTypeAndText(_ v: LineView, _ rest: Range<Int>) -> TypeAndText {
        var i = rest.lowerBound
        while i + 1 < rest.upperBound {
            if v.storage[i] == UInt8(ascii: ":") && v.storage[i + 1] == UInt8(ascii: " ") {
                return TypeAndText(type: rest.lowerBound..<i, text: (i + 2)..<rest.upperBound)
            }
            i += 1
        }
        return TypeAndText(type: rest, text: nil)
    }

    private mutating func resolveType(_ v: LineView, _ parts: inout TypeAndText) -> NodeType {
        let typeEnd = suffixStart(v, in: parts.type) ?? parts.type.upperBound
        let typeRange = parts.type.lowerBound..<lineEnd(v, parts.type.lowerBound..<typeEnd)
        if let type = NodeType(utf8: v.storage[typeRange]) { return type }
        let name = v.string(typeRange)
        // `operation:Text` — the missing space makes the whole thing the type.
        if parts.text == nil, let colon = v.find(UInt8(ascii: ":"), in: typeRange),
           let type = NodeType(utf8: v.storage[typeRange.lowerBound..<colon]) {
            report(.error, .missingSpaceAfterColon, v, at: colon, LocalizedText(
                en: "missing space after ':' — flowchart.js reads '\(name)' as the node type and fails; write '\(type.rawValue): …'",
                zh: "':' 后缺少空格——flowchart.js 会把 '\(name)' 整个当作节点类型，因而出错；请写成 '\(type.rawValue): …'"),
                   fix: ((colon + 1)..<(colon + 1), " "))
            parts.text = (colon + 1)..<parts.type.upperBound
            parts.type = parts.type.lowerBound..<colon
            return type
        }
        // `operation： text`: a Chinese input method's full-width colon, which flowchart.js does not split at.
        let wideColon: [UInt8] = [0xEF, 0xBC, 0x9A]
        if parts.text == nil, let colon = typeRange.first(where: { v.storage[$0...].starts(with: wideColon) }),
           let type = NodeType(utf8: v.storage[typeRange.lowerBound..<colon]) {
            let afterColon = colon + wideColon.count
            let hasSpace = afterColon < parts.type.upperBound && v.storage[afterColon] == UInt8(ascii: " ")
            report(.error, .missingSpaceAfterColon, v, at: colon, LocalizedText(
                en: "'：' is a full-width colon (an input method's): flowchart.js reads the whole '\(name)' as the node type and fails; write '\(type.rawValue): …'",
                zh: "'：' 是全角冒号（输入法打出的）：flowchart.js 会把 '\(name)' 整个当作节点类型，因而出错；请写成 '\(type.rawValue): …'"),
                   fix: (colon..<(hasSpace ? afterColon + 1 : afterColon), ": "))
            parts.text = (hasSpace ? afterColon + 1 : afterColon)..<parts.type.upperBound
            parts.type = parts.type.lowerBound..<colon
            return type
        }
        let known = NodeType.allCases.map(\.rawValue).joined(separator: ", ")
        if name.isEmpty {
            report(.error, .unknownType, v, at: typeRange.lowerBound, LocalizedText(
                en: "missing node type after '=>'; flowchart.js draws \(known)",
                zh: "'=>' 后缺少节点类型；flowchart.js 能画的类型有 \(known)"))
            return .operation
        }
        if let guess = Suggestions.nodeType(for: name) {
            report(.error, .unknownType, v, at: typeRange.lowerBound, LocalizedText(
                en: "unknown node type '\(name)' — did you mean '\(guess.rawValue)'?",
                zh: "未知的节点类型 '\(name)'——是不是想写 '\(guess.rawValue)'？"), fix: (typeRange, guess.rawValue))
            return guess
        }
        report(.error, .unknownType, v, at: typeRange.lowerBound, LocalizedText(
            en: "unknown node type '\(name)'; flowchart.js draws \(known)",
            zh: "未知的节点类型 '\(name)'；flowchart.js 能画的类型有 \(known)"))
        return .operation
    }

    /// Where a `:>url` or `:$function` suffix written on the type begins.
    private func suffixStart(_ v: LineView, in range: Range<Int>) -> Int? {
        guard v.find(UInt8(ascii: ":"), in: range) != nil else { return nil }
        let dollar = v.find(UInt8(ascii: ":"), UInt8(ascii: "$"), in: range)
        let link = v.find(UInt8(ascii: ":"), UInt8(ascii: ">"), in: range)
        return dollar ?? link
    }

    /// flowchart.js keeps only the first line of a type (a continuation line after `e=>end`).
    private func lineEnd(_ v: LineView, _ range: Range<Int>) -> Int {
        v.find(UInt8(ascii: "\n"), in: range) ?? range.upperBound
    }

    /// Where the suffix markers of a label are: found in one pass, since most labels have none.
    private struct LabelMarks {
        var function: Int?
        var url: Int?
        var lastBar: Int?
        var hasCarriageReturn = false

        init(_ v: LineView, _ range: Range<Int>) {
            // memchr per marker byte instead of a switch per label byte: the markers are rare.
            var from = range.lowerBound
            while from < range.upperBound - 1, let colon = v.find(UInt8(ascii: ":"), in: from..<(range.upperBound - 1)) {
                let next = v.storage[colon + 1]
                if next == UInt8(ascii: "$"), function == nil { function = colon }
                if next == UInt8(ascii: ">"), url == nil { url = colon }
                from = colon + 1
            }
            from = range.lowerBound
            while let bar = v.find(UInt8(ascii: "|"), in: from..<range.upperBound) {
                lastBar = bar
                from = bar + 1
            }
            hasCarriageReturn = v.find(0x0D, in: range) != nil
        }
    }

    /// `:$fn`, `:>url[target]` and `|flowstate`, tried in flowchart.js's order.
    private mutating func applySuffixes(_ v: LineView, _ parts: TypeAndText, to node: inout Node) {
        var text = parts.text
        let marks = text.map { LabelMarks(v, $0) }
        // One look for a colon in the type instead of two searches for ':$' and ':>'.
        let typeHasColon = v.find(UInt8(ascii: ":"), in: parts.type) != nil
        if let t = text, let at = marks?.function {
            node.function = v.string((at + 2)..<t.upperBound)
            text = t.lowerBound..<at
        } else if typeHasColon, let at = v.find(UInt8(ascii: ":"), UInt8(ascii: "$"), in: parts.type) {
            node.function = v.string((at + 2)..<parts.type.upperBound)
        } else if let t = text, let at = marks?.url {
            setURL(v, (at + 2)..<t.upperBound, on: &node)
            text = t.lowerBound..<at
        } else if typeHasColon, let at = v.find(UInt8(ascii: ":"), UInt8(ascii: ">"), in: parts.type) {
            setURL(v, (at + 2)..<parts.type.upperBound, on: &node)
        }
        let lastBar = marks?.lastBar.flatMap { bar in
            text.flatMap { bar < $0.upperBound ? bar : v.findLast(UInt8(ascii: "|"), in: $0) }
        }
        if let t = text, let bar = lastBar {
            let state = v.string(v.trimmed((bar + 1)..<t.upperBound))
            // An empty flowstate (a trailing '|') loses nothing: it is how a label keeps a '|' of its own,
            // as `guide convert` writes one.
            if !state.isEmpty && !Self.looksLikeFlowstate(state) {
                report(.warning, .pipeInLabel, v, at: bar, LocalizedText(
                    en: "flowchart.js cuts the label at '|' and takes '\(state)' as a flowstate, so it disappears from the label; write '｜' or '/' instead",
                    zh: "flowchart.js 会在 '|' 处截断标签，把 '\(state)' 当作 flowstate，这段文字就从标签中消失了；请改用 '｜' 或 '/'"),
                       fix: (bar..<(bar + 1), "｜"))
            }
            node.flowstate = state
            text = t.lowerBound..<bar
        }
        if let t = text {
            node.text = marks?.hasCarriageReturn == true ? Self.withoutCarriageReturns(v.string(t)) : v.string(t)
        } else {
            node.text = node.type == .start ? "Start" : node.type == .end ? "End" : ""
        }
    }

    private func setURL(_ v: LineView, _ range: Range<Int>, on node: inout Node) {
        if let open = v.find(UInt8(ascii: "["), in: range),
           let close = v.find(UInt8(ascii: "]"), in: (open + 1)..<range.upperBound) {
            node.url = v.string(range.lowerBound..<open)
            node.urlTarget = v.string((open + 1)..<close)
        } else {
            node.url = v.string(range)
        }
    }

    /// A flowstate names a style (`past`, `current`, `approved`…): a plain identifier.
    static func looksLikeFlowstate(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }

    static func withoutCarriageReturns(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "\r" }))
    }
}

extension NodeType {
    /// The type spelled by these bytes, compared without building a String (every definition asks).
    init?(utf8 bytes: Slice<Bytes>) {
        func spells(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount == bytes.count
                && bytes.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, word.utf8Start, bytes.count) == 0 } == true
        }
        switch bytes.count {
        case 3: if spells("end") { self = .end; return }
        case 5: if spells("start") { self = .start; return }
                if spells("input") { self = .input; return }
        case 6: if spells("output") { self = .output; return }
        case 8: if spells("parallel") { self = .parallel; return }
        case 9: if spells("operation") { self = .operation; return }
                if spells("condition") { self = .condition; return }
        case 10: if spells("subroutine") { self = .subroutine; return }
        case 11: if spells("inputoutput") { self = .inputoutput; return }
        default: break
        }
        return nil
    }
}
