/// The words on a gate's two lines when the author wrote none of their own (a flowchart.js
/// `cond(yes)->…` link; Mermaid links carry the author's `|yes|` or `|是|`). flowchart.js draws "yes"
/// and "no" whatever the chart's language; a chart whose questions are written in Chinese gets 是 and 否,
/// so a Chinese guide does not read English on every branch.
public enum BranchWords: String, Sendable, Hashable, CaseIterable {
    case english, chinese

    /// Chinese when most of the chart's labels hold Chinese characters: one English term in a Chinese
    /// guide, or one Chinese name in an English one, does not change the chart's language.
    public init(of graph: FlowGraph) {
        self.init(of: graph.nodes)
    }

    /// Stops as soon as the count is decided: the Mermaid reader asks on every chart it reads. An array,
    /// not any collection: unspecialised, each node was boxed on the heap as it was read (callgrind).
    public init(of nodes: [Node]) {
        let count = nodes.count
        var chinese = 0
        for i in nodes.indices {
            if ChineseText.appears(in: nodes[i].text) { chinese += 1 }
            if chinese * 2 > count { self = .chinese; return }
            if (chinese + count - i - 1) * 2 <= count { break }
        }
        self = .english
    }

    public func word(for branch: Branch) -> String? {
        switch (self, branch) {
        case (.english, .yes): return "yes"
        case (.english, .no): return "no"
        case (.chinese, .yes): return "是"
        case (.chinese, .no): return "否"
        default: return nil
        }
    }
}
