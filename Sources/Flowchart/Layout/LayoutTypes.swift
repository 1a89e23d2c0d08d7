/// Knobs for `FlowchartLayout.layout`. Defaults match flowchart.js's look closely enough that users
/// recognise their charts.
public struct LayoutOptions: Sendable, Hashable {
    public var fontSize: Double = 14
    /// Labels wrap at this width; conditions use a narrower share so diamonds stay compact.
    public var maxLabelWidth: Double = 220
    /// Space between a label and its shape's outline.
    public var padding: Double = 10
    /// Minimum space between two columns or two rows (flowchart.js uses 50 px between rows).
    public var gap: Double = 40
    /// Space around the whole drawing.
    public var margin: Double = 20
    /// Distance between two parallel lines sharing a gutter.
    public var laneSpacing: Double = 8

    public init() {}

    public var lineHeight: Double { Self.lineHeight(fontSize: fontSize) }

    static func lineHeight(fontSize: Double) -> Double { (fontSize * 1.3).rounded(.up) }
}

/// A placed node. `x`, `y` is the top-left corner of the shape's bounding box.
public struct NodeBox: Sendable, Hashable, Codable {
    public var id: String
    public var type: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// The label wrapped into the lines drawn.
    public var lines: [String]

    public init(id: String, type: String, x: Double, y: Double, width: Double, height: Double, lines: [String]) {
        self.id = id
        self.type = type
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.lines = lines
    }

    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
}

/// A routed link: an orthogonal polyline from a point on the source's border to one on the target's.
public struct EdgeRoute: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    /// The `Branch` raw value: next, yes, no, path1, path2, path3.
    public var branch: String
    /// The text drawn beside the line, if any (yes/no for conditions, or the link's `@label`).
    public var label: String?
    /// `[x, y]` pairs, each segment horizontal or vertical.
    public var points: [[Double]]

    public init(from: String, to: String, branch: String, label: String?, points: [[Double]]) {
        self.from = from
        self.to = to
        self.branch = branch
        self.label = label
        self.points = points
    }
}

/// The result of laying out a `FlowGraph`: boxes in definition order, routes in link order.
public struct FlowLayout: Sendable, Hashable {
    public var nodes: [NodeBox]
    public var edges: [EdgeRoute]
    public var width: Double
    public var height: Double
    /// Nodes the start cannot reach; flowchart.js silently drops them, we draw them apart.
    public var unreachable: Set<String>
    /// The font size the labels were measured at, so the drawing uses the same.
    public var fontSize: Double
    /// The groups' frames (Mermaid subgraphs), outermost first; empty without groups.
    public var frames: [GroupFrame]

    public init(nodes: [NodeBox], edges: [EdgeRoute], width: Double, height: Double, unreachable: Set<String>,
                fontSize: Double = LayoutOptions().fontSize, frames: [GroupFrame] = []) {
        self.frames = frames
        self.nodes = nodes
        self.edges = edges
        self.width = width
        self.height = height
        self.unreachable = unreachable
        self.fontSize = fontSize
    }
}
