/// Interview-shaped diagrams of any size: chains of questions with a go-deeper gate every fifth
/// node (yes → the deeper question, no → skip past it), Chinese and English labels with reference
/// answers in parentheses, links written both as chains and one per line like pyflowchart does.
enum GeneratedDiagram {
    static func text(nodes: Int) -> String {
        precondition(nodes >= 3)
        var lines = ["st=>start: 开始"]
        let middle = nodes - 2
        var ids: [String] = ["st"]
        for i in 1...middle {
            if i % 5 == 0 {
                lines.append("cond\(i)=>condition: 是否深入第\(i)题? Go deeper?")
                ids.append("cond\(i)")
            } else {
                lines.append("op\(i)=>operation: 问题\(i)：解释 topic \(i % 97) 的底层实现(参考答案 answer \(i))")
                ids.append("op\(i)")
            }
        }
        lines.append("e=>end: 结束")
        ids.append("e")
        var chain: [String] = []
        for (index, id) in ids.enumerated() {
            if id.hasPrefix("cond") {
                chain.append(id + "(yes)")
                lines.append(chain.joined(separator: "->") + "->" + ids[index + 1])
                chain = []
                let skip = min(index + 2, ids.count - 1)
                lines.append("\(id)(no, right)->\(ids[skip])")
            } else if index + 1 < ids.count {
                chain.append(id)
                if chain.count == 4 {
                    lines.append(chain.joined(separator: "->") + "->" + ids[index + 1])
                    chain = []
                }
            }
        }
        if !chain.isEmpty { lines.append(chain.joined(separator: "->") + "->e") }
        return lines.joined(separator: "\n")
    }

    /// The same interview as `text(nodes:)` in Mermaid: the same nodes, labels and gates, node
    /// statements first and then chains of `-->` with `|yes|`/`|no|` on a gate's edges. Labels are
    /// quoted because they hold parentheses, which Mermaid reads as a shape inside `[…]`.
    static func mermaid(nodes: Int) -> String {
        precondition(nodes >= 3)
        var lines = ["flowchart TD", "    st([开始])"]
        var ids: [String] = ["st"]
        for i in 1...(nodes - 2) {
            if i % 5 == 0 {
                lines.append("    cond\(i){\"是否深入第\(i)题? Go deeper?\"}")
                ids.append("cond\(i)")
            } else {
                lines.append("    op\(i)[\"问题\(i)：解释 topic \(i % 97) 的底层实现(参考答案 answer \(i))\"]")
                ids.append("op\(i)")
            }
        }
        lines.append("    e([结束])")
        ids.append("e")
        var chain: [String] = []
        for (index, id) in ids.enumerated() where index + 1 < ids.count {
            if id.hasPrefix("cond") {
                chain.append(id)
                lines.append("    " + chain.joined(separator: " --> ") + " -->|yes| " + ids[index + 1])
                chain = []
                lines.append("    \(id) -->|no| \(ids[min(index + 2, ids.count - 1)])")
            } else {
                chain.append(id)
                if chain.count == 4 {
                    lines.append("    " + chain.joined(separator: " --> ") + " --> " + ids[index + 1])
                    chain = []
                }
            }
        }
        if !chain.isEmpty { lines.append("    " + chain.joined(separator: " --> ") + " --> e") }
        return lines.joined(separator: "\n")
    }
}
