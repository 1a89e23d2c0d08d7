/// The graph by integer index, with every link's placement side resolved once. Links to or from
/// undefined nodes are left out: the parser reports them, layout just has nothing to draw.
struct IndexedGraph {
    struct Link {
        var edge: Int
        var from: Int
        var to: Int
        var branch: Branch
        /// Where the target goes when this link places it (flowchart.js's direction rules).
        var side: Direction
        var isExplicit: Bool
    }

    static let branchCount = Branch.allCases.count

    let nodeCount: Int
    private(set) var links: [Link] = []
    /// Notes (`Node.isNote`), the node each is about, and the side of it the note goes: across the flow
    /// there (right of a node in a top-down run, below one in a left-to-right run), so placement puts a
    /// note beside its node rather than as one more root at the top, or after the chart's end.
    private(set) var notes: [(note: Int, about: Int, side: Direction)] = []
    /// `nodeCount × branchCount` link indices (or -1), so a node's links come out in branch order:
    /// next, yes, no, path1, path2, path3 — the order flowchart.js places them in.
    private var slots: [Int]

    init(_ graph: FlowGraph) {
        nodeCount = graph.nodes.count
        slots = Array(repeating: -1, count: nodeCount * Self.branchCount)
        // The graph keeps each edge's node indices, so no key is looked up again here.
        for (index, edge) in graph.edges.enumerated() {
            let (from, to) = graph.ends[index]
            let side = Self.side(of: edge, in: graph)
            slots[from * Self.branchCount + edge.branch.slot] = links.count
            links.append(Link(edge: index, from: from, to: to, branch: edge.branch,
                              side: side, isExplicit: edge.direction != nil))
            if edge.branch == .next, graph.nodes[from].isNote { notes.append((from, to, .right)) }
        }
        guard !notes.isEmpty else { return }
        // The way the flow runs at a node: the side of the first line, not a note's, that leaves or enters it.
        var isNote = [Bool](repeating: false, count: nodeCount)
        for note in notes { isNote[note.note] = true }
        // The main way first (next, yes, path1), then any: a gate's sideways `no` into a node in a top-down
        // run put its note below it, in the line of its own next.
        var flow = [Direction?](repeating: nil, count: nodeCount)
        for mainOnly in [true, false] {
            for link in links where !isNote[link.from] && (!mainOnly || [.next, .yes, .path1].contains(link.branch)) {
                if flow[link.from] == nil { flow[link.from] = link.side }
                if flow[link.to] == nil { flow[link.to] = link.side }
            }
        }
        notes = notes.map { note in
            (note.note, note.about, flow[note.about] == .left || flow[note.about] == .right ? .bottom : .right)
        }
        // The tie runs straight back from the note to its node (below it, up; right of it, leftward), not
        // the chart's way: in a left-to-right chart it left the note rightward and rounded the node's top.
        for note in notes {
            let slot = slots[note.note * Self.branchCount + Branch.next.slot]
            if slot >= 0 { links[slot].side = note.side == .bottom ? .top : .left }
        }
    }

    /// Link indices leaving `node`, in branch order.
    func outgoing(_ node: Int) -> [Int] {
        let base = node * Self.branchCount
        return (base..<base + Self.branchCount).compactMap { slots[$0] >= 0 ? slots[$0] : nil }
    }

    /// yes goes below and no to the right, unless the author sent the other one there.
    private static func side(of edge: Edge, in graph: FlowGraph) -> Direction {
        if let direction = edge.direction { return direction }
        switch edge.branch {
        case .next, .path1:
            return .bottom
        case .yes:
            return graph.edge(from: edge.from, branch: .no)?.direction == .bottom ? .right : .bottom
        case .no:
            return graph.edge(from: edge.from, branch: .yes)?.direction == .right ? .bottom : .right
        case .path2:
            return .right
        case .path3:
            return .top
        }
    }
}
