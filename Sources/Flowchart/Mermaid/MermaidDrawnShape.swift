/// How a Mermaid node is drawn, beyond the role its shape gives it (`MermaidShape`): a cylinder is a
/// question like a box, but its author drew a database. Kept as the node's `shape` parameter wherever it
/// differs from the way its type is drawn anyway, so the SVG draws what the author wrote and a conversion
/// to flowchart.js and back keeps it (flowchart.js ignores a parameter it does not know).
enum MermaidDrawnShape: UInt8 {
    /// Drawn as its type is: a box, a rounded box, a diamond, the start and end pills.
    case plain
    case stadium, circle, doubleCircle, cylinder, hexagon, asymmetric, trapezoid, trapezoidTop, leanLeft, leanRight, subroutine
    /// The comment shapes: a brace on the left (`comment`, `brace`), on the right (`brace-r`), on both
    /// sides (`braces`). The parameter also tells every reader of the graph that the node is a note
    /// (`Node.isNote`), so the role survives a conversion to flowchart.js and back.
    case brace, braceRight, braces
    /// Mermaid's text block (`text`): the words alone, no outline; a step like a box.
    case textBlock
    /// `(-text-)`, in Mermaid's grammar though not its documentation: a question drawn as an ellipse.
    case ellipse
    /// Mermaid's junction (`f-circ`): a small filled dot where lines meet, with no text.
    case junction

    var isNote: Bool { self == .brace || self == .braceRight || self == .braces }

    /// The parameter's value: Mermaid's own short name for the shape.
    var name: String {
        switch self {
        case .plain: "rect"
        case .stadium: "stadium"
        case .circle: "circle"
        case .doubleCircle: "dbl-circ"
        case .cylinder: "cyl"
        case .hexagon: "hex"
        case .asymmetric: "odd"
        case .trapezoid: "trap-b"
        case .trapezoidTop: "trap-t"
        case .leanLeft: "lean-l"
        case .leanRight: "lean-r"
        case .subroutine: "subproc"
        case .brace: "brace"
        case .braceRight: "brace-r"
        case .braces: "braces"
        case .textBlock: "text"
        case .junction: "f-circ"
        case .ellipse: "ellipse"
        }
    }

    /// Whether a node of `type` is drawn this way without being told.
    func isDrawnAnyway(as type: NodeType) -> Bool {
        switch self {
        case .plain: true
        case .stadium: type == .start || type == .end
        case .leanRight: type == .inputoutput || type == .input || type == .output
        case .subroutine: type == .subroutine
        default: false
        }
    }

    /// `@{ shape: … }` names and their aliases that draw as something other than a box.
    static let named: [String: MermaidDrawnShape] = {
        var table: [String: MermaidDrawnShape] = [:]
        let groups: [(MermaidDrawnShape, [String])] = [
            (.stadium, ["stadium", "terminal", "pill"]),
            (.circle, ["circle", "circ", "sm-circ", "small-circle", "start"]),
            (.junction, ["f-circ", "filled-circle", "junction"]),
            // Only as a parameter: `@{ shape: ellipse }` is no Mermaid name (`MermaidShape.named` decides).
            (.ellipse, ["ellipse"]),
            (.doubleCircle, ["dbl-circ", "double-circle", "doublecircle", "fr-circ", "framed-circle", "stop"]),
            (.cylinder, ["cyl", "db", "database", "cylinder"]),
            (.hexagon, ["hex", "hexagon", "prepare"]),
            (.asymmetric, ["odd", "rect_left_inv_arrow"]),
            (.trapezoid, ["trap-b", "priority", "trapezoid", "trapezoid-bottom"]),
            (.trapezoidTop, ["trap-t", "manual", "inv-trapezoid", "trapezoid-top", "inv_trapezoid"]),
            (.leanLeft, ["lean-l", "lean-left", "out-in", "lean_left"]),
            (.leanRight, ["lean-r", "lean-right", "in-out", "lean_right"]),
            (.subroutine, ["fr-rect", "subproc", "subprocess", "subroutine", "framed-rectangle"]),
            (.brace, ["brace", "brace-l", "comment"]),
            (.braceRight, ["brace-r"]),
            (.braces, ["braces"]),
            (.textBlock, ["text"]),
        ]
        for (shape, names) in groups { for name in names { table[name] = shape } }
        return table
    }()

    /// The shape a `shape` parameter names, for drawing and for writing Mermaid back.
    static func from(parameter value: String?) -> MermaidDrawnShape? {
        guard let value, let shape = named[value], shape != .plain else { return nil }
        return shape
    }
}
