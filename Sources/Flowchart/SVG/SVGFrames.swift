/// Group markup (Mermaid subgraphs): tinted frames drawn under the nodes and lines, outermost first so
/// nested frames stack, and their titles drawn above the lines, each in its frame's top-left corner or,
/// where a line or a line's label passes there, moved right along the band to the first clear place.
/// Only when the band has none does a title sit on a backing that hides the line under it.
enum SVGFrames {
    /// `styles`: the author's `style`/`class` of a subgraph, by group id, drawn as for nodes (`SVGNodeStyle`).
    static func renderFrames(_ frames: [GroupFrame], styles: [String: SVGNodeStyle], into out: inout String) {
        guard !frames.isEmpty else { return }
        let n = SVGEscape.number
        out += "<g class=\"groups\">\n"
        for frame in frames {
            out += "<g class=\"group\"" + SVGEscape.attribute("data-group", frame.id) + ">"
            out += "<rect" + (styles[frame.id] ?? SVGNodeStyle(css: nil)).outline(plain: "frame", own: "frame-own")
            out += #" x="\#(n(frame.x))" y="\#(n(frame.y))" width="\#(n(frame.width))" height="\#(n(frame.height))" rx="6" ry="6"/>"#
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    static func renderTitles(_ frames: [GroupFrame], fontSize: Double, edges: [EdgeRoute], labels: [Obstacle],
                             styles: [String: SVGNodeStyle], into out: inout String) {
        guard !frames.isEmpty else { return }
        let n = SVGEscape.number
        let size = FrameRoom.titleSize(fontSize: fontSize)
        let segments = edges.flatMap { route in
            zip(route.points, route.points.dropFirst()).compactMap { a, b -> Obstacle? in
                guard a.count >= 2, b.count >= 2 else { return nil }
                return Obstacle(x: min(a[0], b[0]) - 2, y: min(a[1], b[1]) - 2, width: abs(a[0] - b[0]) + 4, height: abs(a[1] - b[1]) + 4)
            }
        }
        let obstacles = segments + labels
        out += "<g class=\"group-titles\">\n"
        for frame in frames {
            let width = FrameRoom.titleWidth(frame.title, size: size)
            let top = frame.y + FrameRoom.pad / 2, height = size * 1.3
            let (left, clear) = place(width, top: top, height: height, in: frame, avoiding: obstacles)
            let baseline = top + size + 2
            out += "<g class=\"group-title\"" + SVGEscape.attribute("data-group", frame.id) + ">"
            if !clear {
                out += #"<rect class="title-backing" x="\#(n(left - 2))" y="\#(n(top))" width="\#(n(width + 4))" height="\#(n(height))" rx="2"/>"#
            }
            // The author's text colour, or one that reads on their fill, else the page's (`ink`).
            let color = styles[frame.id]?.textColor
            out += #"<text class="frame-title\#(color == nil ? " ink" : "")" x="\#(n(left))" y="\#(n(baseline))" font-size="\#(n(size))""#
            out += (color.map { SVGEscape.attribute("fill", $0) } ?? "") + ">"
            out += SVGEscape.escaped(frame.title) + "</text></g>\n"
        }
        out += "</g>\n"
    }

    /// Something a title keeps clear of: a line's segment (with a little room) or a line's label.
    struct Obstacle {
        var x: Double, y: Double, width: Double, height: Double
    }

    /// The leftmost place along the frame's top band where the title touches nothing; the corner, on
    /// a backing, when there is none.
    static func place(_ width: Double, top: Double, height: Double, in frame: GroupFrame, avoiding obstacles: [Obstacle]) -> (Double, Bool) {
        let first = frame.x + FrameRoom.pad, last = frame.x + frame.width - FrameRoom.pad - width
        let inBand = obstacles.filter { $0.y < top + height && top < $0.y + $0.height && $0.x + $0.width > first && $0.x < frame.x + frame.width }
        let candidates = ([first] + inBand.map { $0.x + $0.width + 2 }).filter { $0 >= first && $0 <= last }.sorted()
        for x in candidates where !inBand.contains(where: { $0.x < x + width && x < $0.x + $0.width }) {
            return (x, true)
        }
        return (first, inBand.isEmpty)
    }
}
