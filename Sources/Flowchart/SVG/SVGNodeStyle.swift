/// The part of a node's own style we draw: Mermaid's `style id …` and `classDef`/`class`/`:::`, kept
/// by the reader as CSS declarations in the node parameter `style`. As for lines (`SVGEdgeStyle`), only
/// known keys with values of a known shape pass, so a style can neither break out of the markup nor
/// fetch anything; the rest is dropped without a word, as Mermaid ignores what it cannot draw.
struct SVGNodeStyle: Hashable {
    var fill: String?
    var stroke: String?
    var strokeWidth: String?
    var dashArray: String?
    var fillOpacity: String?
    var textColor: String?
    var fontWeight: String?
    var fontStyle: String?

    init(css: String?) {
        guard let css else { return }
        var declared: [String: String] = [:]
        // Later declarations win, as in CSS: `classDef` first, then the node's own `style`.
        for declaration in css.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let key = declaration[..<colon].filter { !$0.isWhitespace }.lowercased()
            declared[key] = String(declaration[declaration.index(after: colon)...])
        }
        fill = declared["fill"].flatMap(SVGEdgeStyle.color)
        stroke = declared["stroke"].flatMap(SVGEdgeStyle.color)
        strokeWidth = declared["stroke-width"].flatMap { SVGEdgeStyle.number($0, upTo: 20) }
        dashArray = declared["stroke-dasharray"].flatMap(SVGEdgeStyle.dashes)
        fillOpacity = (declared["fill-opacity"] ?? declared["opacity"]).flatMap { SVGEdgeStyle.number($0, upTo: 1) }
        // A fill mostly see-through (fill-opacity under a half) shows the page: the page's text colour reads.
        let solid = fillOpacity.flatMap(Double.init).map { $0 >= 0.5 } ?? true
        textColor = declared["color"].flatMap(SVGEdgeStyle.color) ?? (solid ? fill.flatMap(SVGColorContrast.text(on:)) : nil)
        fontWeight = declared["font-weight"].flatMap { Self.word($0, in: ["normal", "bold", "bolder", "lighter"] + (1...9).map { "\($0)00" }) }
        fontStyle = declared["font-style"].flatMap { Self.word($0, in: ["normal", "italic", "oblique"]) }
    }

    var isEmpty: Bool { self == SVGNodeStyle(css: nil) }

    /// The outline's class and attributes: `plain` (`shape` for a node, `frame` for a subgraph) when
    /// nothing is the author's; otherwise `own` and the default classes of what the author left unset
    /// (`paint`, `line`, `weight`, which the stylesheet sets per kind of element).
    func outline(plain: String = "shape", own: String = "shape-own") -> String {
        if fill == nil && stroke == nil && strokeWidth == nil && dashArray == nil && fillOpacity == nil {
            return SVGEscape.attribute("class", plain)
        }
        var classes = [own]
        if fill == nil { classes.append("paint") }
        if stroke == nil { classes.append("line") }
        if strokeWidth == nil { classes.append("weight") }
        var out = SVGEscape.attribute("class", classes.joined(separator: " "))
        if let fill { out += SVGEscape.attribute("fill", fill) }
        if let fillOpacity { out += SVGEscape.attribute("fill-opacity", fillOpacity) }
        if let stroke { out += SVGEscape.attribute("stroke", stroke) }
        if let strokeWidth { out += SVGEscape.attribute("stroke-width", strokeWidth) }
        if let dashArray { out += SVGEscape.attribute("stroke-dasharray", dashArray) }
        return out
    }

    /// The label's colour and font: the author's colour, or one that reads on the author's fill, or the
    /// stylesheet's (`ink`), which follows light and dark pages.
    var text: String {
        var out = textColor.map { SVGEscape.attribute("fill", $0) } ?? #" class="ink""#
        if let fontWeight { out += SVGEscape.attribute("font-weight", fontWeight) }
        if let fontStyle { out += SVGEscape.attribute("font-style", fontStyle) }
        return out
    }

    private static func word(_ raw: String, in allowed: [String]) -> String? {
        let value = raw.trimmingSpaces().lowercased()
        return allowed.contains(value) ? value : nil
    }
}
