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
    public var flowstate: String?
    public var url: String?
    public var urlTarget: String?
    public var function: String?
    public var parameters: [String: String]
    /// Where the node's key is written.
    public var position: SourcePosition

    public init(id: String, type: NodeType, text: String, flowstate: String? = nil, url: String? = nil,
                urlTarget: String? = nil, function: String? = nil, parameters: [String: String] = [:],
                position: SourcePosition) {
        self.id = id
        self.type = type
        self.text = text
        self.flowstate = flowstate
        self.url = url
        self.urlTarget = urlTarget
        self.function = function
        self.parameters = parameters
        self.position = position
    }
}

public struct Edge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var branch: Branch
    /// An `@label` given in the link, shown instead of yes/no.
    public var label: String?
    /// The side of `from` the line leaves from, when the author chose one.
    public var direction: Direction?
    /// `@>` line style: SVG presentation attributes such as `stroke`.
    public var style: [String: String]
    /// Where the link is written (the source piece of the link line).
    public var position: SourcePosition

    public init(from: String, to: String, branch: Branch, label: String? = nil, direction: Direction? = nil,
                style: [String: String] = [:], position: SourcePosition) {
        self.from = from
        self.to = to
        self.branch = branch
        self.label = label
        self.direction = direction
        self.style = style
        self.position = position
    }
}

/// A parsed diagram: nodes in definition order, at most one edge per (node, branch), and the start node,
/// which is the first node of the first link line, exactly as flowchart.js chooses it.
public struct FlowGraph: Hashable, Sendable {
    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    public var start: String?
    private var indexByID: [String: Int] = [:]
    private var edgeIndex: [EdgeKey: Int] = [:]

    private struct EdgeKey: Hashable {
        var from: String
        var branch: Branch
    }

    public init() {}

    public func index(of id: String) -> Int? { indexByID[id] }

    public func node(_ id: String) -> Node? {
        indexByID[id].map { nodes[$0] }
    }

    public func edge(from id: String, branch: Branch) -> Edge? {
        edgeIndex[EdgeKey(from: id, branch: branch)].map { edges[$0] }
    }

    public func outgoing(_ id: String) -> [Edge] {
        Branch.allCases.compactMap { edge(from: id, branch: $0) }
    }

    /// Adds a node, or replaces the one with the same id in place (flowchart.js: the last definition wins).
    public mutating func define(_ node: Node) {
        if let i = indexByID[node.id] {
            nodes[i] = node
        } else {
            indexByID[node.id] = nodes.count
            nodes.append(node)
        }
    }

    /// Sets a branch; a second link on the same branch replaces the first, as in flowchart.js.
    /// Returns the edge it replaced.
    @discardableResult
    public mutating func link(_ edge: Edge) -> Edge? {
        let key = EdgeKey(from: edge.from, branch: edge.branch)
        if let i = edgeIndex[key] {
            let old = edges[i]
            edges[i] = edge
            return old
        }
        edgeIndex[key] = edges.count
        edges.append(edge)
        return nil
    }

    public mutating func setStyle(from: String, to: String, _ style: [String: String]) -> Bool {
        var found = false
        for branch in Branch.allCases {
            if let i = edgeIndex[EdgeKey(from: from, branch: branch)], edges[i].to == to {
                edges[i].style = style
                found = true
            }
        }
        return found
    }

    /// Per node index: whether it can be reached from the start node along edges.
    public func reachability() -> [Bool] {
        var seen = [Bool](repeating: false, count: nodes.count)
        guard let start, let s = indexByID[start] else { return seen }
        var successors = [[Int]](repeating: [], count: nodes.count)
        for edge in edges {
            if let a = indexByID[edge.from], let b = indexByID[edge.to] { successors[a].append(b) }
        }
        var stack = [s]
        seen[s] = true
        while let n = stack.popLast() {
            for m in successors[n] where !seen[m] {
                seen[m] = true
                stack.append(m)
            }
        }
        return seen
    }
}
