/// Node markup: one `<g>` per node holding its outline and its label lines.
enum SVGNodes {
    static func render(_ box: NodeBox, style: SVGNodeStyle, drawn: MermaidDrawnShape? = nil, classes: [String], fontSize: Double,
                       into out: inout String) {
        // A note's braces and a junction's dot are not filled like a box: the class says which they are.
        let role = drawn.map { $0 == .junction ? ["junction"] : $0.isNote ? ["note"] : [] } ?? []
        out += "<g" + SVGEscape.attribute("class", (["node", box.type] + role + classes).joined(separator: " "))
        out += SVGEscape.attribute("data-node", box.id) + ">"
        out += drawn.map { shape(box, drawn: $0, outline: style.outline()) } ?? shape(box, outline: style.outline())
        label(box, text: style.text, fontSize: fontSize, into: &out)
        out += "</g>\n"
    }

    /// `outline`: the class and attributes of the outline (`SVGNodeStyle.outline`).
    private static func shape(_ box: NodeBox, outline: String) -> String {
        let n = SVGEscape.number
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let rect = "<rect" + outline + #" x="\#(n(x))" y="\#(n(y))" width="\#(n(w))" height="\#(n(h))""#
        switch NodeType(rawValue: box.type) {
        case .start, .end:
            let radius = n(NodeSizing.pillRadius(height: h))
            return rect + #" rx="\#(radius)" ry="\#(radius)"/>"#
        case .subroutine:
            let inset = NodeSizing.subroutineInset
            return rect + "/>" + #"<path class="detail" d="M\#(n(x + inset)) \#(n(y))V\#(n(y + h))M\#(n(x + w - inset)) \#(n(y))V\#(n(y + h))"/>"#
        case .inputoutput, .input, .output:
            let s = NodeSizing.skew(height: h)
            return polygon([(x + s, y), (x + w, y), (x + w - s, y + h), (x, y + h)], outline: outline)
        case .condition:
            return polygon([(x + w / 2, y), (x + w, y + h / 2), (x + w / 2, y + h), (x, y + h / 2)], outline: outline)
        case .operation, .parallel, nil:
            return rect + #" rx="3" ry="3"/>"#
        }
    }

    /// A Mermaid shape in the node's box: the layout sized and placed the box, and lines meet its border,
    /// so each shape is drawn inside it (a circle in a wide box is an ellipse).
    private static func shape(_ box: NodeBox, drawn: MermaidDrawnShape, outline: String) -> String {
        let n = SVGEscape.number
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let slant = NodeSizing.skew(height: h)
        switch drawn {
        case .plain:
            return shape(box, outline: outline)
        case .stadium:
            let radius = n(NodeSizing.pillRadius(height: h))
            return "<rect" + outline + #" x="\#(n(x))" y="\#(n(y))" width="\#(n(w))" height="\#(n(h))" rx="\#(radius)" ry="\#(radius)"/>"#
        case .junction:
            return "<ellipse" + outline + #" cx="\#(n(x + w / 2))" cy="\#(n(y + h / 2))" rx="\#(n(w / 2))" ry="\#(n(h / 2))"/>"#
        case .circle, .doubleCircle, .ellipse:
            var out = "<ellipse" + outline + #" cx="\#(n(x + w / 2))" cy="\#(n(y + h / 2))" rx="\#(n(w / 2))" ry="\#(n(h / 2))"/>"#
            if drawn == .doubleCircle {
                out += #"<ellipse class="detail" fill="none" cx="\#(n(x + w / 2))" cy="\#(n(y + h / 2))" rx="\#(n(max(w / 2 - 4, 1)))" ry="\#(n(max(h / 2 - 4, 1)))"/>"#
            }
            return out
        case .cylinder:
            let ry = NodeSizing.cylinderCap
            let body = "M\(n(x)) \(n(y + ry))A\(n(w / 2)) \(n(ry)) 0 0 1 \(n(x + w)) \(n(y + ry))V\(n(y + h - ry))"
                + "A\(n(w / 2)) \(n(ry)) 0 0 1 \(n(x)) \(n(y + h - ry))Z"
            return "<path" + outline + #" d="\#(body)"/>"#
                + #"<path class="detail" fill="none" d="M\#(n(x)) \#(n(y + ry))A\#(n(w / 2)) \#(n(ry)) 0 0 0 \#(n(x + w)) \#(n(y + ry))"/>"#
        case .hexagon:
            return polygon([(x + slant, y), (x + w - slant, y), (x + w, y + h / 2), (x + w - slant, y + h), (x + slant, y + h), (x, y + h / 2)],
                           outline: outline)
        case .asymmetric:
            return polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x + slant, y + h / 2)], outline: outline)
        case .trapezoid:
            return polygon([(x + slant, y), (x + w - slant, y), (x + w, y + h), (x, y + h)], outline: outline)
        case .trapezoidTop:
            return polygon([(x, y), (x + w, y), (x + w - slant, y + h), (x + slant, y + h)], outline: outline)
        case .leanLeft:
            return polygon([(x, y), (x + w - slant, y), (x + w, y + h), (x + slant, y + h)], outline: outline)
        case .leanRight:
            return polygon([(x + slant, y), (x + w, y), (x + w - slant, y + h), (x, y + h)], outline: outline)
        case .subroutine:
            let inset = NodeSizing.subroutineInset
            return "<rect" + outline + #" x="\#(n(x))" y="\#(n(y))" width="\#(n(w))" height="\#(n(h))"/>"#
                + #"<path class="detail" d="M\#(n(x + inset)) \#(n(y))V\#(n(y + h))M\#(n(x + w - inset)) \#(n(y))V\#(n(y + h))"/>"#
        case .textBlock:
            return ""
        case .brace, .braceRight, .braces:
            // A note is text beside a brace, no box: drawn as a box it read as one more question.
            var d = ""
            if drawn != .braceRight { d += brace(x: x, y: y, h: h, facing: 1) }
            if drawn != .brace { d += brace(x: x + w, y: y, h: h, facing: -1) }
            return "<path" + outline + #" fill="none" d="\#(d)"/>"#
        }
    }

    /// A curly brace along a side of the box, its point outward: `facing` 1 on the left side, -1 on the right.
    private static func brace(x: Double, y: Double, h: Double, facing: Double) -> String {
        let n = SVGEscape.number
        let arm = NodeSizing.braceWidth * facing, mid = y + h / 2, curl = min(6, h / 4)
        let inner = x + arm, edge = x + arm / 2
        return "M\(n(inner)) \(n(y))Q\(n(edge)) \(n(y)) \(n(edge)) \(n(y + curl))V\(n(mid - curl))Q\(n(edge)) \(n(mid)) \(n(x)) \(n(mid))"
            + "Q\(n(edge)) \(n(mid)) \(n(edge)) \(n(mid + curl))V\(n(y + h - curl))Q\(n(edge)) \(n(y + h)) \(n(inner)) \(n(y + h))"
    }

    private static func polygon(_ corners: [(Double, Double)], outline: String) -> String {
        let points = corners.map { SVGEscape.number($0.0) + "," + SVGEscape.number($0.1) }.joined(separator: " ")
        return "<polygon" + outline + #" points="\#(points)"/>"#
    }

    /// Lines centred on the box; each `<tspan>` has an absolute position so no renderer has to agree
    /// with us about line height or baseline rules.
    private static func label(_ box: NodeBox, text: String, fontSize: Double, into out: inout String) {
        guard !box.lines.isEmpty else { return }
        let lineHeight = LayoutOptions.lineHeight(fontSize: fontSize)
        let top = box.y + box.height / 2 - Double(box.lines.count) * lineHeight / 2
        let centre = SVGEscape.number(box.x + box.width / 2)
        out += #"<text text-anchor="middle""# + text + ">"
        for (index, line) in box.lines.enumerated() {
            // 0.35 em below the middle of the line puts the x-height's centre there.
            let baseline = top + (Double(index) + 0.5) * lineHeight + fontSize * 0.35
            out += #"<tspan x="\#(centre)" y="\#(SVGEscape.number(baseline))">"# + SVGEscape.escaped(line) + "</tspan>"
        }
        out += "</text>"
    }
}
