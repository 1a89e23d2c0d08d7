/// Draws a laid-out flowchart as a self-contained SVG: no scripts, fonts, images or links to fetch,
/// so it can be saved, mailed, or inlined into a page as is. Output bytes depend only on the input.
public enum SVGRenderer {
    /// The drawing's text alternative (WCAG 1.1.1): the drawing is one image to a screen reader, and its
    /// questions and expected answers would otherwise be only its name. Every box's text, numbered in the
    /// order the chart writes them (the order it is asked in, for a guide), start and end left out.
    static func description(_ graph: FlowGraph) -> String {
        let texts = graph.nodes.filter { $0.type != .start && $0.type != .end && !$0.text.isEmpty }.map(\.text)
        guard !texts.isEmpty else { return "" }
        let lines = texts.enumerated().map { "\($0.offset + 1). " + SVGEscape.escaped($0.element.replacingOccurrences(of: "\n", with: " ")) }
        return "<desc>" + lines.joined(separator: "\n") + "</desc>\n"
    }

    public static func render(_ graph: FlowGraph, layout: FlowLayout, options: SVGOptions = .init()) -> String {
        let n = SVGEscape.number
        let highlight = options.highlight
        // Written into id="…" and url(#…) as it is: letters, digits, '-' and '_' only, whoever passes it.
        let idScope = String(options.idScope.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            .map(Character.init))
        var boxes: [String: NodeBox] = [:]
        for box in layout.nodes { boxes[box.id] = box }
        // Only Mermaid's `style`/`classDef` set this; most charts have none, and pay one lookup per node.
        var nodeStyles: [String: SVGNodeStyle] = [:]
        // The shape a Mermaid author drew (`shape`: a cylinder, a hexagon), where it differs from the type's.
        var drawnShapes: [String: MermaidDrawnShape] = [:]
        for node in graph.nodes where !node.parameters.isEmpty {
            if let css = node.parameters["style"] { nodeStyles[node.id] = SVGNodeStyle(css: css) }
            if let drawn = MermaidDrawnShape.from(parameter: node.parameters["shape"]) { drawnShapes[node.id] = drawn }
        }
        let styles = layout.edges.map { route in
            Branch(rawValue: route.branch)
                .flatMap { graph.edge(from: route.from, branch: $0) }
                .map { SVGEdgeStyle($0.style) } ?? SVGEdgeStyle([:])
        }
        let taken = layout.edges.map { route in
            Branch(rawValue: route.branch).map { highlight.edges.contains(EdgeRef(from: route.from, branch: $0)) } ?? false
        }

        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="flowchart""#
        out += #" width="\#(n(layout.width))" height="\#(n(layout.height))" viewBox="0 0 \#(n(layout.width)) \#(n(layout.height))""#
        out += #" font-size="\#(n(layout.fontSize))" role="img">"# + "\n"
        if let title = options.title { out += "<title>" + SVGEscape.escaped(title) + "</title>\n" }
        out += description(graph)
        out += "<style>" + SVGStyleSheet.elementText + "</style>\n"

        let markers = Set(zip(styles, taken).flatMap { style, taken in
            let ends = SVGEdges.markers(for: style, taken: taken, scope: idScope)
            return [ends.end, ends.start].compactMap { $0 }
        }).sorted()
        out += "<defs>" + markers.map(\.markup).joined() + "</defs>\n"

        // Frames under everything; nodes next, lines after: lines never cross boxes, and arrowheads stay
        // on top of outlines.
        var groupStyles: [String: SVGNodeStyle] = [:]
        for group in graph.groups {
            if let css = group.style, groupStyles[group.id] == nil { groupStyles[group.id] = SVGNodeStyle(css: css) }
        }
        SVGFrames.renderFrames(layout.frames, styles: groupStyles, into: &out)
        out += "<g class=\"nodes\">\n"
        for box in layout.nodes {
            var classes: [String] = []
            if highlight.nodes.contains(box.id) { classes.append("taken") }
            if layout.unreachable.contains(box.id) { classes.append("unreachable") }
            SVGNodes.render(box, style: nodeStyles[box.id] ?? SVGNodeStyle(css: nil), drawn: drawnShapes[box.id], classes: classes,
                            fontSize: layout.fontSize, into: &out)
        }
        out += "</g>\n<g class=\"edges\">\n"
        var edges = SVGEdges(boxes: boxes, fontSize: layout.fontSize, width: layout.width, height: layout.height,
                             frames: layout.frames, lines: layout.frames.isEmpty ? [] : layout.edges)
        edges.idScope = idScope
        var labels: [SVGFrames.Obstacle] = []
        for (index, route) in layout.edges.enumerated() {
            var classes: [String] = []
            if taken[index] { classes.append("taken") }
            if layout.unreachable.contains(route.from) { classes.append("unreachable") }
            if let label = edges.render(route, style: styles[index], classes: classes, placed: labels, into: &out) { labels.append(label) }
        }
        out += "</g>\n"
        if !layout.frames.isEmpty {
            // The labels as drawn: placing one again for the titles would repeat its search.
            SVGFrames.renderTitles(layout.frames, fontSize: layout.fontSize, edges: layout.edges, labels: labels,
                                   styles: groupStyles, into: &out)
        }
        out += "</svg>\n"
        return out
    }
}
