/// Group markup (Mermaid subgraphs): a tinted frame with its title in the top-left corner, drawn under
/// the nodes and lines, outermost first so nested frames stack.
enum SVGFrames {
    static func render(_ frames: [GroupFrame], fontSize: Double, into out: inout String) {
        guard !frames.isEmpty else { return }
        let n = SVGEscape.number
        let size = (fontSize * 0.85).rounded()
        out += "<g class=\"groups\">\n"
        for frame in frames {
            out += "<g class=\"group\"" + SVGEscape.attribute("data-group", frame.id) + ">"
            out += #"<rect class="frame" x="\#(n(frame.x))" y="\#(n(frame.y))" width="\#(n(frame.width))" height="\#(n(frame.height))" rx="6" ry="6"/>"#
            let baseline = frame.y + FrameRoom.pad / 2 + size + 2
            out += #"<text class="frame-title ink" x="\#(n(frame.x + FrameRoom.pad))" y="\#(n(baseline))" font-size="\#(n(size))">"#
            out += SVGEscape.escaped(frame.title) + "</text></g>\n"
        }
        out += "</g>\n"
    }
}
