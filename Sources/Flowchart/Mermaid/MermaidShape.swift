/// The shapes a Mermaid node can be drawn as, reduced to what decides its role in an interview.
/// Mermaid has some fifty shape names; most are just boxes, so they share `.box`.
enum MermaidShape: UInt8 {
    /// No shape written yet (a node only named in an edge), or a plain `[ ]`, `( )` or other box.
    case none, box
    case rhombus, subroutine, parallelogram
    /// Stadium, circle, double circle and the `start`/`stop` shapes: a start or an end when placed so.
    case terminal
    /// `@{ shape: fork }` / `join` / `junction`: a bar or dot that only splits or joins lines, so it is an
    /// instruction passed through, never a question (see `MermaidReader.forkAsks`).
    case fork
    /// `@{ shape: comment }`, `brace`, `brace-r`, `braces`: Mermaid's comment shapes, a remark tied to the
    /// node it is linked to. In an interview it is that step's note for the interviewer, never a question
    /// (read as one, "mention asyncio → go to 3.2" was asked and scored). Not `text`: Mermaid's text block
    /// is an ordinary node drawn without an outline, and read as a note, `A --> B@{ shape: text } --> C`
    /// lost B from the flow and C with it (a Mermaid probe).
    case note

    /// `@{ shape: … }` names (Mermaid 11's list, with its aliases and the older internal names it still
    /// accepts), mapped to the role they play.
    static let named: [String: MermaidShape] = {
        var table: [String: MermaidShape] = [:]
        let groups: [(MermaidShape, [String])] = [
            (.rhombus, ["diam", "diamond", "decision", "question", "rhombus", "choice"]),
            (.subroutine, ["fr-rect", "subproc", "subprocess", "subroutine", "framed-rectangle"]),
            (.parallelogram, ["lean-r", "lean-right", "in-out", "lean-l", "lean-left", "out-in", "lean_right", "lean_left"]),
            (.terminal, ["stadium", "terminal", "pill", "circle", "circ", "dbl-circ", "double-circle",
                         "sm-circ", "start", "small-circle", "fr-circ", "stop", "framed-circle",
                         "rounded", "event",
                         "roundedRect", "doublecircle", "stateStart", "stateEnd"]),
            // Mermaid's junction, a filled dot where lines meet: a connector like the bars.
            (.fork, ["fork", "join", "forkJoin", "f-circ", "filled-circle", "junction"]),
            (.note, ["comment", "brace", "brace-l", "brace-r", "braces"]),
            (.box, ["text", "rect", "proc", "process", "rectangle", "cyl", "db", "database", "cylinder", "hex",
                    "hexagon", "prepare", "trap-b", "priority", "trapezoid", "trapezoid-bottom", "trap-t",
                    "manual", "inv-trapezoid", "trapezoid-top", "notch-rect", "card", "notched-rectangle",
                    "lin-rect", "shaded-process", "lined-rectangle", "lined-process", "lin-proc", "squareRect",
                    "inv_trapezoid", "rect_left_inv_arrow", "bow-tie-rectangle", "class-box", "classBox",
                    "state", "note", "rectWithTitle", "labelRect", "iconSquare", "iconCircle", "iconRounded",
                    "imageSquare", "kanbanItem",
                    "hourglass", "collate", "doc", "document",
                    "docs", "documents", "st-doc", "stacked-document", "st-rect", "procs", "processes",
                    "stacked-rectangle", "tag-doc", "tagged-document", "tag-rect", "tag-proc",
                    "tagged-process", "tagged-rectangle", "curv-trap", "curved-trapezoid", "display",
                    "delay", "half-rounded-rectangle", "h-cyl", "das", "horizontal-cylinder", "lin-cyl",
                    "disk", "lined-cylinder", "lin-doc", "lined-document", "flag", "paper-tape",
                    "bow-rect", "stored-data", "bolt", "com-link", "lightning-bolt", "cross-circ",
                    "summary", "crossed-circle", "tri", "extract", "triangle", "flip-tri", "manual-file",
                    "flipped-triangle", "sl-rect", "manual-input", "sloped-rectangle", "win-pane",
                    "internal-storage", "window-pane", "odd", "notch-pent", "loop-limit", "notched-pentagon",
                    "div-rect", "div-proc", "divided-process", "divided-rectangle",
                    "cloud", "bang", "anchor", "icon", "image"]),
        ]
        for (shape, names) in groups { for name in names { table[name] = shape } }
        return table
    }()
}

extension MermaidShape {
    /// Shape names a Chinese author types for Mermaid's: read as the shape meant (with the unknown-shape
    /// error, whose fix writes Mermaid's name), as a misspelt name is.
    static let chineseNames: [String: String] = [
        "菱形": "diamond", "判断": "diamond", "条件": "diamond", "注释": "comment", "备注": "comment", "说明": "comment",
        "圆形": "circle", "圆": "circle", "矩形": "rect", "方框": "rect", "圆角": "rounded", "圆角矩形": "rounded",
        "数据库": "database", "开始": "start", "结束": "stop", "子程序": "subroutine", "六边形": "hex", "文本": "text",
    ]
}

/// How a Mermaid line is drawn: solid, dotted, thick, or not at all (`~~~`, a layout hint only).
enum MermaidStroke: UInt8 {
    case solid, dotted, thick, invisible
}

/// The end of a Mermaid line: an arrow, a circle (`o`), a cross (`x`), or nothing (`---`).
enum MermaidArrowHead: UInt8 {
    case none, arrow, circle, cross

    var styleValue: String {
        switch self {
        case .none: "none"
        case .arrow: "block"
        case .circle: "circle"
        case .cross: "cross"
        }
    }
}

/// The chart's (or a subgraph's) direction: `TD`/`TB` top-down, `BT`, `LR`, `RL`.
enum MermaidDirection: UInt8 {
    case topDown, bottomUp, leftRight, rightLeft

    var keyword: String {
        switch self {
        case .topDown: "TD"
        case .bottomUp: "BT"
        case .leftRight: "LR"
        case .rightLeft: "RL"
        }
    }

    /// Where a `next` line leaves its node in this direction.
    var forward: Direction {
        switch self {
        case .topDown: .bottom
        case .bottomUp: .top
        case .leftRight: .right
        case .rightLeft: .left
        }
    }

    init?(forward: Direction) {
        switch forward {
        case .bottom: self = .topDown
        case .top: self = .bottomUp
        case .right: self = .leftRight
        case .left: self = .rightLeft
        }
    }

    /// The side a branch leaves from: flowchart.js's top-down defaults (next, yes and path1 below,
    /// no and path2 to the right, path3 above) turned to this direction. Nil in top-down, where the
    /// defaults already hold, so a top-down chart's edges carry no direction, like flowchart.js's.
    func side(of branch: Branch) -> Direction? {
        guard self != .topDown else { return nil }
        let across: Direction = self == .bottomUp ? .right : .bottom
        switch branch {
        case .next, .yes, .path1: return forward
        case .no, .path2: return across
        case .path3: return self == .bottomUp ? .left : .top
        }
    }
}
