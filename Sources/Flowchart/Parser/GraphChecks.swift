/// Checks on the whole graph once every line is read: what flowchart.js silently leaves out.
extension ParserState {
    mutating func checkGraph() {
        guard !graph.nodes.isEmpty else { return }
        guard let start = graph.start else {
            diagnostics.append(Diagnostic(.warning, .noLinks, at: graph.nodes[0].position, LocalizedText(
                en: "the flowchart has no link lines ('a->b'), so flowchart.js draws nothing",
                zh: "流程图里没有连线行（'a->b'），flowchart.js 什么也画不出来")))
            return
        }
        var linked = [Bool](repeating: false, count: graph.nodes.count)
        for end in graph.ends {
            linked[end.from] = true
            linked[end.to] = true
        }
        if let s = graph.index(of: start) { linked[s] = true }
        let reachable = graph.reachability()
        for i in graph.nodes.indices where !linked[i] || !reachable[i] || graph.type(ofNode: i) == .condition {
            if !linked[i] {
                let node = graph.nodes[i]
                diagnostics.append(Diagnostic(.warning, .unlinkedNode, at: node.position, LocalizedText(
                    en: "'\(node.id)' is defined but never linked; flowchart.js does not draw it",
                    zh: "'\(node.id)' 已定义但没有任何连线；flowchart.js 不会画出它")))
            } else if !reachable[i] {
                let node = graph.nodes[i]
                diagnostics.append(Diagnostic(.warning, .unreachableNode, at: node.position, LocalizedText(
                    en: "'\(node.id)' cannot be reached from the start '\(start)'; flowchart.js does not draw it",
                    zh: "从起点 '\(start)' 无法到达 '\(node.id)'；flowchart.js 不会画出它")))
            } else {
                // Two calls rather than a loop over `[.yes, .no]`: that array was allocated per condition.
                checkBranch(.yes, ofCondition: i)
                checkBranch(.no, ofCondition: i)
            }
        }
    }

    private mutating func checkBranch(_ branch: Branch, ofCondition i: Int) {
        guard graph.edgeIndex(from: i, branch: branch) == nil else { return }
        let node = graph.nodes[i]
        diagnostics.append(Diagnostic(.warning, .conditionMissingBranch, at: node.position, LocalizedText(
            en: "condition '\(node.id)' has no '\(branch.rawValue)' branch, so answering \(branch.rawValue) ends the topic there; add '\(node.id)(\(branch.rawValue))->…'",
            zh: "条件节点 '\(node.id)' 缺少 '\(branch.rawValue)' 分支，回答“\(branch == .yes ? "是" : "否")”后本主题就此结束；请添加 '\(node.id)(\(branch.rawValue))->…'")))
    }
}
