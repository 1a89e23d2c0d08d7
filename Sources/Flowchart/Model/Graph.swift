/// The node types flowchart.js draws. Anything else is a diagnostic, never a crash.
public enum NodeType: String, Hashable, Sendable, Codable, CaseIterable {
    case start, end, operation, inputoutput, input, output, subroutine, condition, parallel

    /// The branches a link from this type may name besides `next`.
    public var branches: [Branch] {
        switch self {
        case .condition: return [.yes, .no]
        case .parallel: return [.path1, .path2, .path3]
        default: return [.next]
        }
    }
}

/// Which outgoing line of a node a link sets. Conditions have yes/no, parallels path1–3, the rest next.
public enum Branch: String, Hashable, Sendable, Codable, CaseIterable {
    case next, yes, no, path1, path2, path3
}

public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    case left, right, top, bottom
}

public struct Node: Hashable, Sendable {
    public var id: String
    public var type: NodeType
    /// The label as flowchart.js would show it (start/end default to "Start"/"End").
    public var text: String
    /// Where the node's key is written.
    public var position: SourcePosition
    /// Flowstate, link and parameters are rare; boxed so a node stays small and cheap to copy
    /// (a 50,000-node diagram copies nodes a lot).
    private var extras: Extras?

    public init(id: String, type: NodeType, text: String, flowstate: String? = nil, url: String? = nil,
                urlTarget: String? = nil, function: String? = nil, parameters: [String: String] = [:],
                position: SourcePosition) {
        self.id = id
        self.type = type
        self.text = text
        self.position = position
        if flowstate == nil && url == nil && urlTarget == nil && function == nil && parameters.isEmpty {
            extras = nil
        } else {
            extras = Extras(Details(flowstate: flowstate, url: url, urlTarget: urlTarget, function: function, parameters: parameters))
        }
    }

    /// A node with no flowstate, link or parameters, as most definitions are: the parser's plain path
    /// makes a thousand of these per chart and skips the checks and the empty dictionary of `init`.
    init(id: String, type: NodeType, plainText text: String, position: SourcePosition) {
        self.id = id
        self.type = type
        self.text = text
        self.position = position
        extras = nil
    }

    public var flowstate: String? {
        get { extras?.details.flowstate }
        set { update { $0.flowstate = newValue } }
    }

    public var url: String? {
        get { extras?.details.url }
        set { update { $0.url = newValue } }
    }

    public var urlTarget: String? {
        get { extras?.details.urlTarget }
        set { update { $0.urlTarget = newValue } }
    }

    public var function: String? {
        get { extras?.details.function }
        set { update { $0.function = newValue } }
    }

    public var parameters: [String: String] {
        get { extras?.details.parameters ?? [:] }
        set { update { $0.parameters = newValue } }
    }

    /// A note for the interviewer (Mermaid's comment shapes, kept as the `shape` parameter): not a step
    /// of the interview; its one `next` line names the node it is about.
    public var isNote: Bool {
        extras != nil && MermaidDrawnShape.from(parameter: extras!.details.parameters["shape"])?.isNote == true
    }

    private mutating func update(_ change: (inout Details) -> Void) {
        var details = extras?.details ?? Details()
        change(&details)
        extras = details == Details() ? nil : Extras(details)
    }

    private struct Details: Hashable, Sendable {
        var flowstate: String?
        var url: String?
        var urlTarget: String?
        var function: String?
        var parameters: [String: String] = [:]
    }

    /// Immutable, so sharing one between copies of a node is safe; a change makes a new box.
    private final class Extras: Hashable, Sendable {
        let details: Details

        init(_ details: Details) { self.details = details }

        static func == (a: Extras, b: Extras) -> Bool { a.details == b.details }
        func hash(into hasher: inout Hasher) { hasher.combine(details) }
    }
}

/// A parsed diagram: nodes in definition order, at most one edge per (node, branch), and the start node,
/// which is the first node of the first link line, exactly as flowchart.js chooses it.
/// Edges are also kept by node index, so the parser and layout never hash a key twice.
public struct FlowGraph: Hashable, Sendable {
    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    public var start: String?
    /// Mermaid's subgraphs, parents before their children; empty for flowchart.js, unless the chart was
    /// converted from Mermaid and carries them in parameters (`GroupParameters`).
    public var groups: [NodeGroup] = []
    private var keys = KeyTable()
    /// Per node, one slot per branch: the index of its edge in `edges`, or -1. Grown by `link` for all
    /// nodes defined since, in one go rather than six entries per node; a node past the end has no edges.
    /// Int32, as in KeyTable: six per node add up, and a smaller heap is a faster parse (see LineTable).
    private var slots: [Int32] = []
    /// Per edge: the indices of its two nodes.
    private(set) var ends: [(from: Int, to: Int)] = []

    public init() {}

    /// A graph of `nodes` whose keys are in `keys` already, at the same indices: for a reader that made
    /// both while reading (Mermaid), so each key is not hashed and stored a second time by `define`
    /// (a sixth of a 1,000-node Mermaid parse). Edges are added with `link` as usual.
    init(nodes: [Node], keys: KeyTable, edgeCapacity: Int) {
        self.nodes = nodes
        self.keys = keys
        edges.reserveCapacity(edgeCapacity)
        ends.reserveCapacity(edgeCapacity)
    }

    public static func == (a: FlowGraph, b: FlowGraph) -> Bool {
        a.nodes == b.nodes && a.edges == b.edges && a.start == b.start && a.groups == b.groups
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodes)
        hasher.combine(edges)
        hasher.combine(start)
        hasher.combine(groups)
    }

    public func index(of id: String) -> Int? {
        KeyTable.withBytes(of: id) { index(ofKey: $0, hash: KeyTable.hash($0)) }
    }

    /// `index(of:)` straight from UTF-8 bytes, for the parser.
    func index(ofKey bytes: Bytes, hash: UInt64) -> Int? {
        keys.find(bytes, hash: hash)
    }

    /// Room for a diagram of about this size, so a 50,000-node parse does not rehash as it grows.
    public mutating func reserveCapacity(nodes: Int, edges: Int) {
        self.nodes.reserveCapacity(nodes)
        keys.reserveCapacity(nodes)
        slots.reserveCapacity(nodes * Self.branchCount)
        self.edges.reserveCapacity(edges)
        ends.reserveCapacity(edges)
    }

    /// Changes a node in place, its id aside (the key table holds it): for a reader that fixes nodes up
    /// once the chart is read.
    mutating func updateNode(_ i: Int, _ change: (inout Node) -> Void) {
        let id = nodes[i].id
        change(&nodes[i])
        nodes[i].id = id
    }

    public func node(_ id: String) -> Node? {
        index(of: id).map { nodes[$0] }
    }

    public func edge(from id: String, branch: Branch) -> Edge? {
        guard let i = index(of: id), let slot = edgeIndex(from: i, branch: branch) else { return nil }
        return edges[slot]
    }

    /// One field of node `i`, read in place. `nodes[i].id` copies the whole node first (retaining and
    /// releasing its label and extras); the parser asks for ids and types on every link and every node.
    func id(ofNode i: Int) -> String { nodes.withUnsafeBufferPointer { $0[i].id } }
    func type(ofNode i: Int) -> NodeType { nodes.withUnsafeBufferPointer { $0[i].type } }

    func edgeIndex(from node: Int, branch: Branch) -> Int? {
        let i = node * Self.branchCount + branch.slot
        return i < slots.count && slots[i] >= 0 ? Int(slots[i]) : nil
    }

    public func outgoing(_ id: String) -> [Edge] {
        Branch.allCases.compactMap { edge(from: id, branch: $0) }
    }

    /// Per node index, the indices its lines lead to: for searches that visit every node from many
    /// places, which by id looked each key up again on every step.
    public func successors() -> [[Int]] {
        var next = [[Int]](repeating: [], count: nodes.count)
        for (from, to) in ends where from < nodes.count && to < nodes.count { next[from].append(to) }
        return next
    }

    static let branchCount = Branch.allCases.count

    /// Adds a node, or replaces the one with the same id in place (flowchart.js: the last definition wins).
    /// Returns the node it replaced.
    @discardableResult
    public mutating func define(_ node: Node) -> Node? {
        KeyTable.withBytes(of: node.id) { define(node, key: $0, hash: KeyTable.hash($0)) }
    }

    /// `define(_:)` for the parser, which has the key's bytes and hash at hand already.
    // Inlined into the parser's define (measured 0.286 -> 0.278 ms). The node is still copied once on
    // its way into `nodes` (NodeVwcp in perf): issue 2 left that open.
    @inline(__always)
    mutating func define(_ node: consuming Node, key: Bytes, hash: UInt64) -> Node? {
        if let old = index(ofKey: key, hash: hash) {
            let replaced = nodes[old]
            nodes[old] = node
            return replaced
        }
        keys.insert(index: nodes.count, key: key, hash: hash)
        nodes.append(node)
        return nil
    }

    /// Sets a branch; a second link on the same branch replaces the first, as in flowchart.js.
    /// Returns the edge it replaced. Edges between nodes that are not defined are ignored.
    @discardableResult
    public mutating func link(_ edge: Edge) -> Edge? {
        guard let from = index(of: edge.from), let to = index(of: edge.to) else { return nil }
        return link(edge, from: from, to: to)
    }

    /// `link(_:)` for callers that already hold the node indices.
    @discardableResult
    mutating func link(_ edge: consuming Edge, from: Int, to: Int) -> Edge? {
        if slots.count < nodes.count * Self.branchCount {
            slots.append(contentsOf: repeatElement(-1, count: nodes.count * Self.branchCount - slots.count))
        }
        let slot = from * Self.branchCount + edge.branch.slot
        if slots[slot] >= 0 {
            let i = Int(slots[slot])
            let old = edges[i]
            edges[i] = consume edge
            ends[i] = (from, to)
            return old
        }
        slots[slot] = Int32(edges.count)
        edges.append(consume edge)
        ends.append((from, to))
        return nil
    }

    public mutating func setStyle(from: String, to: String, _ style: [String: String]) -> Bool {
        guard let a = index(of: from), let b = index(of: to) else { return false }
        var found = false
        for branch in Branch.allCases {
            if let i = edgeIndex(from: a, branch: branch), ends[i].to == b {
                edges[i].style = style
                found = true
            }
        }
        return found
    }

    /// Per node index: whether it can be reached from the start node along edges.
    public func reachability() -> [Bool] {
        var seen = [Bool](repeating: false, count: nodes.count)
        guard let start, let s = index(of: start) else { return seen }
        var stack = [s]
        seen[s] = true
        while let n = stack.popLast() {
            let base = n * Self.branchCount
            // Indices rather than a slice of `slots`, which would retain the array for every node.
            var b = base
            while b < min(base + Self.branchCount, slots.count) {
                if slots[b] >= 0, case let m = ends[Int(slots[b])].to, !seen[m] {
                    seen[m] = true
                    stack.append(m)
                }
                b += 1
            }
        }
        // A note counts as reached when what it is about is: nothing leads to it, and it is no finding.
        for (from, to) in ends where !seen[from] && seen[to] && nodes[from].isNote {
            seen[from] = true
        }
        return seen
    }
}

extension Branch {
    /// Position among a node's branch slots; the order flowchart.js places children in.
    var slot: Int {
        switch self {
        case .next: 0
        case .yes: 1
        case .no: 2
        case .path1: 3
        case .path2: 4
        case .path3: 5
        }
    }
}
