/// Names one link for highlighting: a node has at most one link per branch.
public struct EdgeRef: Sendable, Hashable {
    public var from: String
    public var branch: Branch

    public init(from: String, branch: Branch) {
        self.from = from
        self.branch = branch
    }
}

/// The path taken so far in an interview: these nodes and links are drawn in the accent colour.
public struct Highlight: Sendable, Hashable {
    public var nodes: Set<String>
    public var edges: Set<EdgeRef>

    public init(nodes: Set<String> = [], edges: Set<EdgeRef> = []) {
        self.nodes = nodes
        self.edges = edges
    }

    public static let none = Highlight()
}

public struct SVGOptions: Sendable {
    /// Becomes the drawing's `<title>`, read by screen readers and shown as a tooltip.
    public var title: String?
    public var highlight: Highlight = .none
    /// Put in front of the drawing's element ids (its arrowheads' markers): a page that inlines several
    /// drawings gives each its own, or its ids repeat (an accessibility audit counted ten `fc-arrow`).
    public var idScope: String = ""

    public init(title: String? = nil, highlight: Highlight = .none, idScope: String = "") {
        self.title = title
        self.highlight = highlight
        self.idScope = idScope
    }
}
