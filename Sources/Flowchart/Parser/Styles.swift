/// `a@>b({"stroke":"Red"})@>c({…})`: the JSON in parentheses styles the line from the previous node.
extension ParserState {
    mutating func style(_ line: LogicalLine) {
        let v = line.view
        let pieces = v.split(UInt8(ascii: "@"), UInt8(ascii: ">"), in: v.range)
        guard pieces.count > 1 else { return }
        for i in 0..<(pieces.count - 1) {
            let current = v.trimmed(pieces[i])
            let next = v.trimmed(pieces[i + 1])
            let fromName = v.string(nameRange(v, current))
            let toRange = nameRange(v, next)
            let toName = v.string(toRange)
            guard let open = v.find(UInt8(ascii: "("), in: next),
                  let close = v.findLast(UInt8(ascii: ")"), in: next), close > open else {
                report(.error, .invalidStyle, v, at: toRange.upperBound, LocalizedText(
                    en: "expected a JSON style in parentheses after '\(toName)', such as \(toName)({\"stroke\":\"red\"}); flowchart.js fails without it",
                    zh: "'\(toName)' 后应有写在括号里的 JSON 样式，例如 \(toName)({\"stroke\":\"red\"})；缺少它 flowchart.js 会出错"))
                continue
            }
            let style: [String: String]
            switch StyleJSON.parse(v.storage, (open + 1)..<close) {
            case .success(let parsed): style = parsed
            case .failure(let failure):
                report(.error, .invalidStyle, v, at: failure.offset, LocalizedText(
                    en: "invalid line style: \(failure.message.en); flowchart.js fails on it",
                    zh: "连线样式无效：\(failure.message.zh)；flowchart.js 会因此出错"))
                continue
            }
            let known = [fromName, toName].allSatisfy { graph.index(of: $0) != nil }
            for (name, offset) in [(fromName, current.lowerBound), (toName, toRange.lowerBound)] where graph.index(of: name) == nil {
                report(.error, .undefinedNode, v, at: offset, LocalizedText(
                    en: "'\(name)' is not defined; flowchart.js fails on this line style",
                    zh: "'\(name)' 未定义；flowchart.js 会在这条连线样式上出错"))
            }
            if known && !graph.setStyle(from: fromName, to: toName, style) {
                report(.warning, .styleWithoutLine, v, at: current.lowerBound, LocalizedText(
                    en: "there is no line from '\(fromName)' to '\(toName)' to style; link them first with '\(fromName)->\(toName)'",
                    zh: "没有从 '\(fromName)' 到 '\(toName)' 的连线可设置样式；请先用 '\(fromName)->\(toName)' 把它们连起来"))
            }
        }
    }

    private func nameRange(_ v: LineView, _ piece: Range<Int>) -> Range<Int> {
        guard let open = v.find(UInt8(ascii: "("), in: piece) else { return piece }
        return v.trimmed(piece.lowerBound..<open)
    }
}
