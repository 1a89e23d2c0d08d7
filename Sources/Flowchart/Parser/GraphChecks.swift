/// Checks on the whole graph once every line is read: what flowchart.js silently leaves out.
extension ParserState {
    mutating func checkGraph() {
        guard !graph.nodes.isEmpty else { return }
        guard let start = graph.start else {
            diagnostics.append(Diagnostic(.warning, .noLinks, at: graph.nodes[0].position,
                "the flowchart has no link lines ('a->b'), so flowchart.js draws nothing"))
            return
        }
        var linked = [Bool](repeating: false, count: graph.nodes.count)
        for end in graph.ends {
            linked[end.from] = true
            linked[end.to] = true
        }
        if let s = graph.index(of: start) { linked[s] = true }
        let reachable = graph.reachability()
        for i in graph.nodes.indices where !linked[i] || !reachable[i] || graph.nodes[i].type == .condition {
            let node = graph.nodes[i]
            if !linked[i] {
                diagnostics.append(Diagnostic(.warning, .unlinkedNode, at: node.position,
                    "'\(node.id)' is defined but never linked; flowchart.js does not draw it"))
            } else if !reachable[i] {
                diagnostics.append(Diagnostic(.warning, .unreachableNode, at: node.position,
                    "'\(node.id)' cannot be reached from the start '\(start)'; flowchart.js does not draw it"))
            } else if node.type == .condition {
                for branch in [Branch.yes, .no] where graph.edgeIndex(from: i, branch: branch) == nil {
                    diagnostics.append(Diagnostic(.warning, .conditionMissingBranch, at: node.position,
                        "condition '\(node.id)' has no '\(branch.rawValue)' branch; add '\(node.id)(\(branch.rawValue))->…'"))
                }
            }
        }
    }
}
