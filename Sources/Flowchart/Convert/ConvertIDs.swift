/// Node ids rewritten for a target syntax: an id the target can read is kept; any other has each
/// character it cannot hold replaced by `_` (and a reserved word gets a `_` appended), then `_2`, `_3`…
/// until it is unique. Deterministic: the same graph always gets the same ids.
enum ConvertIDs {
    static func rewrite(_ graph: FlowGraph, isLegal: (String) -> Bool, legalCharacter: (Unicode.Scalar) -> Bool,
                        reserved: Set<String>) -> [String: String] {
        var taken = Set(graph.nodes.map(\.id).filter { isLegal($0) && !reserved.contains($0) })
        var mapping: [String: String] = [:]
        for node in graph.nodes where mapping[node.id] == nil {
            if isLegal(node.id) && !reserved.contains(node.id) {
                mapping[node.id] = node.id
                continue
            }
            var base = String(String.UnicodeScalarView(node.id.unicodeScalars.map { legalCharacter($0) ? $0 : "_" }))
            if base.isEmpty { base = "node" }
            if reserved.contains(base) { base += "_" }
            var candidate = base, n = 2
            while taken.contains(candidate) || !isLegal(candidate) {
                candidate = "\(base)_\(n)"
                n += 1
            }
            taken.insert(candidate)
            mapping[node.id] = candidate
        }
        return mapping
    }

    /// The graph with every id replaced through `mapping`; the rest is unchanged.
    static func renamed(_ graph: FlowGraph, _ mapping: [String: String], label: (String) -> String = { $0 }) -> FlowGraph {
        var copy = FlowGraph()
        copy.reserveCapacity(nodes: graph.nodes.count, edges: graph.edges.count)
        for var node in graph.nodes {
            node.id = mapping[node.id] ?? node.id
            copy.define(node)
        }
        for var edge in graph.edges {
            edge.from = mapping[edge.from] ?? edge.from
            edge.to = mapping[edge.to] ?? edge.to
            if let text = edge.label { edge.label = label(text) }
            copy.link(edge)
        }
        copy.start = graph.start.map { mapping[$0] ?? $0 }
        return copy
    }
}
