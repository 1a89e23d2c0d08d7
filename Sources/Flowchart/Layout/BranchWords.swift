/// The words on a gate's two lines when the author wrote none of their own (a flowchart.js
/// `cond(yes)->…` link; Mermaid links carry the author's `|yes|` or `|是|`). flowchart.js draws "yes"
/// and "no" whatever the chart's language; a chart whose questions are written in Chinese gets 是 and 否,
/// so a Chinese guide does not read English on every branch.
public enum BranchWords: String, Sendable, Hashable, CaseIterable {
    case english, chinese

    /// Chinese when most of the chart's labels hold Chinese characters: one English term in a Chinese
    /// guide, or one Chinese name in an English one, does not change the chart's language.
    public init(of graph: FlowGraph) {
        let chinese = graph.nodes.reduce(0) { $0 + (ChineseText.appears(in: $1.text) ? 1 : 0) }
        self = chinese * 2 > graph.nodes.count ? .chinese : .english
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
