/// Turning two neighbouring pieces of a link chain into an edge, with the branch the source allows.
extension ParserState {
    mutating func connect(_ a: LinkPiece, to b: LinkPiece, _ v: LineView) {
        guard let fromIndex = a.index, let toIndex = b.index else { return }
        let from = graph.id(ofNode: fromIndex), to = graph.id(ofNode: toIndex)
        let branch = allowedBranch(a, fromIndex, v)
        let edge = Edge(from: from, to: to, branch: branch, label: a.spec.label.map { v.string($0) },
                        direction: a.spec.direction, unstyledAt: position(v, a.offset))
        if let replaced = graph.link(consume edge, from: fromIndex, to: toIndex), replaced.to != to {
            let written = branch == .next ? from : "\(from)(\(branch.rawValue))"
            report(.warning, .branchReassigned, v, at: a.offset, LocalizedText(
                en: "'\(written)' already leads to '\(replaced.to)' (line \(replaced.position.line)); flowchart.js keeps only this later link to '\(to)'",
                zh: "'\(written)' 已连到 '\(replaced.to)'（第 \(replaced.position.line) 行）；flowchart.js 只保留这条后写的、连到 '\(to)' 的连线"))
        }
    }

    /// Conditions take yes/no, parallels path1–3, everything else next. flowchart.js silently ignores a
    /// branch its node type does not have; we report it and use the branch the author most likely meant.
    private mutating func allowedBranch(_ a: LinkPiece, _ sourceIndex: Int, _ v: LineView) -> Branch {
        let written = a.spec.branch ?? .next
        let type = graph.type(ofNode: sourceIndex)
        switch (type, written) {
        case (.condition, .yes), (.condition, .no), (.parallel, .path1), (.parallel, .path2), (.parallel, .path3): return written
        case (.condition, _), (.parallel, _): break
        case (_, .next): return .next
        default: break
        }
        let source = graph.nodes[sourceIndex]
        let allowed = source.type.branches
        if written == .next {
            let free = allowed.first { graph.edgeIndex(from: sourceIndex, branch: $0) == nil } ?? allowed[allowed.count - 1]
            let choices = allowed.map { "(\($0.rawValue))" }
            report(.error, .branchOnWrongType, v, at: a.offset, LocalizedText(
                en: "a link from \(source.type.rawValue) '\(source.id)' needs \(choices.joined(separator: " or ")); flowchart.js ignores it — taken as '\(source.id)(\(free.rawValue))'",
                zh: "从 \(source.type.rawValue) 节点 '\(source.id)' 出发的连线必须写明 \(choices.joined(separator: " 或 "))；flowchart.js 会忽略这条连线——按 '\(source.id)(\(free.rawValue))' 处理"))
            return free
        }
        let isCondition = written == .yes || written == .no
        report(.error, .branchOnWrongType, v, at: a.offset, LocalizedText(
            en: "'(\(written.rawValue))' applies only to \(isCondition ? "conditions" : "parallels"); '\(source.id)' is \(article(source.type)) \(source.type.rawValue), so flowchart.js ignores this link — write '\(source.id)->'",
            zh: "'(\(written.rawValue))' 只能用于\(isCondition ? "条件节点" : "并行节点")；'\(source.id)' 是 \(source.type.rawValue) 节点，flowchart.js 会忽略这条连线——请写成 '\(source.id)->'"))
        return allowed[0]
    }

    private func article(_ type: NodeType) -> String {
        ["a", "e", "i", "o", "u"].contains(type.rawValue.first.map(String.init) ?? "") ? "an" : "a"
    }
}
