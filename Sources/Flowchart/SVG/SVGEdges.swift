/// Edge markup: a `<g>` per link with its polyline, arrowhead and optional label.
struct SVGEdges {
    let boxes: [String: NodeBox]
    let fontSize: Double
    /// The drawing's size, to keep labels inside it.
    let width: Double
    let height: Double
    /// In a chart with frames: the frames, whose sides a label should not sit across, and what else is in
    /// a label's way (`SVGLabelPlacement`). Empty otherwise, and labels stay where they always were.
    let frames: [GroupFrame]
    let obstacles: LabelObstacles?
    /// `SVGOptions.idScope`, for the markers a line names.
    var idScope = ""

    init(boxes: [String: NodeBox], fontSize: Double, width: Double, height: Double, frames: [GroupFrame] = [], lines: [EdgeRoute] = []) {
        self.boxes = boxes
        self.fontSize = fontSize
        self.width = width
        self.height = height
        self.frames = frames
        obstacles = frames.isEmpty ? nil : LabelObstacles(frames: frames, lines: lines, boxes: Array(boxes.values))
    }

    /// The arrowhead a line needs at an end; each distinct one becomes a `<marker>` in `<defs>`.
    struct Marker: Hashable, Comparable {
        var head: SVGEdgeStyle.Arrow
        var taken: Bool
        var color: String?
        /// At the line's start (`<-->`): the same head turned round (`auto-start-reverse`).
        var atStart = false
        var scope = ""

        var open: Bool { head == .open || head == .cross }

        var id: String {
            let name = switch head {
            case .open: "fc-arrow-open"
            case .circle: "fc-circle"
            case .cross: "fc-cross"
            case .block, .none: "fc-arrow"
            }
            var id = scope + name
            if atStart { id += "-start" }
            if taken { id += "-taken" } else if let color { id += "-" + Self.hash(color) }
            return id
        }

        static func < (a: Marker, b: Marker) -> Bool { a.id < b.id }

        /// FNV-1a: a stable id from the colour, so two drawings inlined in one page agree on it.
        private static func hash(_ text: String) -> String {
            var value: UInt32 = 2_166_136_261
            for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
            return String(value, radix: 16)
        }

        var markup: String {
            // A coloured head takes its colour as an attribute, so it leaves the default `arrowhead`
            // class (whose colour would win) for `arrowhead-own`.
            var classes = "arrowhead" + (open ? " open" : "") + (taken ? " taken" : "")
            var style = ""
            if !taken, let color {
                classes = "arrowhead-own" + (open ? " open" : "")
                style = SVGEscape.attribute(open ? "stroke" : "fill", color)
            }
            // A circle or a cross sits on the line's end, just short of the box, as Mermaid draws them.
            let (shape, refX) = switch head {
            case .circle: (#"<circle class="\#(classes)" cx="5" cy="5" r="4"\#(style)/>"#, "9")
            case .cross: (#"<path class="\#(classes)" d="M1.5,1.5L8.5,8.5M8.5,1.5L1.5,8.5"\#(style)/>"#, "5")
            case .open: (#"<path class="\#(classes)" d="M1,1L10,5L1,9"\#(style)/>"#, "10")
            case .block, .none: (#"<path class="\#(classes)" d="M0,0L10,5L0,10z"\#(style)/>"#, "10")
            }
            let orient = atStart ? "auto-start-reverse" : "auto"
            return #"<marker id="\#(id)" viewBox="0 0 10 10" refX="\#(refX)" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="\#(orient)">"#
                + shape + "</marker>"
        }
    }

    /// The markers a line's ends need: at its end (none for `arrow-end: none`) and at its start.
    static func markers(for style: SVGEdgeStyle, taken: Bool, scope: String) -> (end: Marker?, start: Marker?) {
        (style.arrow == .none ? nil : Marker(head: style.arrow, taken: taken, color: style.stroke, scope: scope),
         style.startArrow == .none ? nil : Marker(head: style.startArrow, taken: taken, color: style.stroke, atStart: true, scope: scope))
    }

    /// Returns the box its label covers, if it has one, for the frame titles and later labels to keep
    /// clear of; `placed` are the labels drawn before it.
    @discardableResult
    func render(_ route: EdgeRoute, style: SVGEdgeStyle, classes: [String], placed: [SVGFrames.Obstacle] = [],
                into out: inout String) -> SVGFrames.Obstacle? {
        // Layouts are Codable, so one may come from outside: malformed points are dropped, not trapped on.
        var route = route
        route.points = route.points.filter { $0.count >= 2 }
        let taken = classes.contains("taken")
        out += "<g" + SVGEscape.attribute("class", (["edge"] + classes).joined(separator: " "))
        out += SVGEscape.attribute("data-from", route.from) + SVGEscape.attribute("data-to", route.to)
        out += SVGEscape.attribute("data-branch", route.branch) + ">"
        out += "<path d=\""
        appendPathData(route, to: &out)
        out += "\"" + style.lineAttributes
        let markers = Self.markers(for: style, taken: taken, scope: idScope)
        if let end = markers.end { out += SVGEscape.attribute("marker-end", "url(#\(end.id))") }
        if let start = markers.start { out += SVGEscape.attribute("marker-start", "url(#\(start.id))") }
        out += "/>"
        var box: SVGFrames.Obstacle?
        if let label = route.label, !label.isEmpty, route.points.count >= 2 { box = labelMarkup(label, route, style, placed: placed, into: &out) }
        out += "</g>\n"
        return box
    }

    /// Only digits, spaces and M/L go into the path, so it needs no escaping.
    private func appendPathData(_ route: EdgeRoute, to out: inout String) {
        let count = route.points.count
        for (index, point) in route.points.enumerated() {
            var point = point
            // A parallelogram's slanted side meets the middle of its box side skew/2 further in.
            if index == 0, count >= 2 { point = inset(point, toward: route.points[1], box: boxes[route.from]) }
            if index == count - 1, count >= 2 { point = inset(point, toward: route.points[count - 2], box: boxes[route.to]) }
            out += index == 0 ? "M" : "L"
            out += LayoutNumber.compact(point[0])
            out += " "
            out += LayoutNumber.compact(point[1])
        }
    }

    private func inset(_ point: [Double], toward next: [Double], box: NodeBox?) -> [Double] {
        guard let box, ["inputoutput", "input", "output"].contains(box.type), point[1] == next[1] else { return point }
        let shift = NodeSizing.skew(height: box.height) / 2
        if abs(point[0] - box.x) < 0.01 { return [point[0] + shift, point[1]] }
        if abs(point[0] - box.x - box.width) < 0.01 { return [point[0] - shift, point[1]] }
        return point
    }

    /// Where a line's label goes: beside the line just after it leaves its source (x of its left end,
    /// baseline, text width, font size). Frame titles keep clear of it (`SVGFrames`); in a chart with
    /// frames it keeps off their sides and off the labels `placed` before it (`clearOfFrames`).
    func labelPlace(_ label: String, _ route: EdgeRoute, placed: [SVGFrames.Obstacle] = []) -> (left: Double, baseline: Double, width: Double, size: Double) {
        let size = (fontSize * 0.85).rounded()
        let width = TextMetrics.width(of: label, fontSize: size)
        let (start, next) = (route.points[0], route.points[1])
        let goesLeft = next[0] < start[0], goesDown = next[1] > start[1]
        let left = labelLeft(goesLeft ? start[0] - 6 - width : start[0] + 6, width: width)
        let baseline = labelBaseline(goesDown ? start[1] + size + 4 : start[1] - 6, size: size)
        guard !frames.isEmpty else { return (left, baseline, width, size) }
        let place = clearOfFrames(route, left: left, baseline: baseline, width: width, size: size, placed: placed)
        return (place.left, place.baseline, width, size)
    }

    /// A label's left end, kept inside the drawing.
    func labelLeft(_ x: Double, width: Double) -> Double { min(max(x, 2), max(self.width - width - 2, 2)) }

    /// A label's baseline, kept inside the drawing.
    func labelBaseline(_ y: Double, size: Double) -> Double { min(max(y, size + 2), max(height - size * 0.25 - 2, size + 2)) }

    /// The box a line's label covers, backing included, when `placed` were drawn before it; nil for a line
    /// without one. (The drawing takes it from `render`, which places each label once.)
    func labelBox(_ route: EdgeRoute, placed: [SVGFrames.Obstacle] = []) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let label = route.label, !label.isEmpty, route.points.count >= 2, route.points.allSatisfy({ $0.count >= 2 }) else { return nil }
        let (left, baseline, width, size) = labelPlace(label, route, placed: placed)
        return (left - 2, baseline - size, width + 4, size * 1.25)
    }

    /// The label sits beside the line just after it leaves its source, on a backing so it stays
    /// legible where it crosses other lines.
    private func labelMarkup(_ label: String, _ route: EdgeRoute, _ style: SVGEdgeStyle, placed: [SVGFrames.Obstacle],
                             into out: inout String) -> SVGFrames.Obstacle {
        let (left, baseline, width, size) = labelPlace(label, route, placed: placed)
        let n = SVGEscape.number
        out += #"<g class="edge-label"><rect x="\#(n(left - 2))" y="\#(n(baseline - size))" width="\#(n(width + 4))" height="\#(n(size * 1.25))" rx="2"/>"#
        out += #"<text x="\#(n(left))" y="\#(n(baseline))" font-size="\#(n(size))""#
        out += style.labelColor.map { SVGEscape.attribute("fill", $0) } ?? #" class="ink""#
        out += ">" + SVGEscape.escaped(label) + "</text></g>"
        return SVGFrames.Obstacle(x: left - 2, y: baseline - size, width: width + 4, height: size * 1.25)
    }
}
