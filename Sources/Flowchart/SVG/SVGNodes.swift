/// Node markup: one `<g>` per node holding its outline and its label lines.
enum SVGNodes {
    static func render(_ box: NodeBox, style: SVGNodeStyle, classes: [String], fontSize: Double, into out: inout String) {
        out += "<g" + SVGEscape.attribute("class", (["node", box.type] + classes).joined(separator: " "))
        out += SVGEscape.attribute("data-node", box.id) + ">"
        out += shape(box, outline: style.outline())
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
