/// A named box around some of a chart's nodes: Mermaid's `subgraph id [title] … end`. flowchart.js has
/// none. The drawing frames each group; the interview ignores them (a group is how a chart reads, not
/// what it asks). A node belongs to the group its `subgraph` parameter names and to that group's parents.
public struct NodeGroup: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The index in `FlowGraph.groups` of the group this one is written in, or nil at the top.
    public var parent: Int?
    /// CSS declarations for its frame (Mermaid's `style`/`class` naming the subgraph), as for nodes.
    public var style: String?

    public init(id: String, title: String, parent: Int? = nil, style: String? = nil) {
        self.id = id
        self.title = title
        self.parent = parent
        self.style = style
    }
}

extension Array where Element == NodeGroup {
    /// Group `group` and the groups it is written in, innermost first, at most `limit` of them. A parent
    /// listed after its child (never from the reader) ends the chain there, so it always ends.
    func chain(from group: Int, limit: Int) -> [Int] {
        var chain: [Int] = []
        var g = group
        while g >= 0, g < count, chain.count < limit {
            chain.append(g)
            guard let parent = self[g].parent, parent < g else { break }
            g = parent
        }
        return chain
    }
}

extension FlowGraph {
    /// For each node, the index of its innermost group, or -1; ids that name no group count as none.
    /// (Groups are listed parents first, so the first group of an id is the outermost of that name.)
    public func innermostGroups() -> [Int] {
        guard !groups.isEmpty else { return Array(repeating: -1, count: nodes.count) }
        var byID: [String: Int] = [:]
        for (index, group) in groups.enumerated() where byID[group.id] == nil { byID[group.id] = index }
        return nodes.map { node in node.parameters["subgraph"].flatMap { byID[$0] } ?? -1 }
    }
}
