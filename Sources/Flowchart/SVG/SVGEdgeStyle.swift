/// The part of a link's `@>` style we draw. flowchart.js hands the JSON to Raphaël as raw attributes;
/// we keep only known presentation keys and values of a known shape, so a style can neither break out
/// of the markup nor pull in external resources (no `url(…)`, no `;` to start another declaration).
struct SVGEdgeStyle: Hashable {
    var stroke: String?
    var strokeWidth: String?
    var dashArray: String?
    var opacity: String?
    var labelColor: String?
    var arrow: Arrow = .block
    /// A head at the line's start too: Mermaid's `<-->`, `o--o`, `x--x`.
    var startArrow: Arrow = .none

    /// `circle` and `cross` are Mermaid's `--o` and `--x` ends.
    enum Arrow: String { case block, open, none, circle, cross }

    init(_ style: [String: String]) {
        stroke = (style["stroke"] ?? style["line-color"]).flatMap(Self.color)
        strokeWidth = (style["stroke-width"] ?? style["line-width"]).flatMap { Self.number($0, upTo: 20) }
        dashArray = style["stroke-dasharray"].flatMap(Self.dashes)
        opacity = style["stroke-opacity"].flatMap { Self.number($0, upTo: 1) }
        // `font-color` in flowchart.js's line styles, `color` in Mermaid's linkStyle.
        labelColor = (style["font-color"] ?? style["color"]).flatMap(Self.color)
        if let end = style["arrow-end"] { arrow = Self.arrow(end) }
        if let start = style["arrow-start"] { startArrow = Self.arrow(start) }
    }

    /// Raphaël's names (`classic`, `block`, `open`, `none`…) and Mermaid's ends (`circle`, `cross`).
    static func arrow(_ name: String) -> Arrow {
        let name = name.lowercased()
        if name == "none" { return .none }
        if name.hasPrefix("open") { return .open }
        if name.hasPrefix("circle") || name == "oval" { return .circle }
        if name.hasPrefix("cross") { return .cross }
        return .block
    }

    /// The line's class and attributes: the stylesheet's defaults (`line`, `weight`) for what the author
    /// left unset, presentation attributes for the rest (see `SVGStyleSheet` for why not `style="…"`).
    var lineAttributes: String {
        var classes: [String] = []
        if stroke == nil { classes.append("line") }
        if strokeWidth == nil { classes.append("weight") }
        var out = classes.isEmpty ? "" : SVGEscape.attribute("class", classes.joined(separator: " "))
        if let stroke { out += SVGEscape.attribute("stroke", stroke) }
        if let strokeWidth { out += SVGEscape.attribute("stroke-width", strokeWidth) }
        if let dashArray { out += SVGEscape.attribute("stroke-dasharray", dashArray) }
        if let opacity { out += SVGEscape.attribute("stroke-opacity", opacity) }
        return out
    }

    /// `#rgb`, `#rrggbb` (with optional alpha), a colour keyword, or `rgb()`/`hsl()` with plain numbers.
    static func color(_ raw: String) -> String? {
        let value = trimmed(raw)
        guard !value.isEmpty, value.count <= 40 else { return nil }
        if value.hasPrefix("#") {
            // ASCII only: `Character.isHexDigit` also takes full-width digits (#ｆｆｆ), no colour at all.
            let digits = value.dropFirst()
            return [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) ? value : nil
        }
        // A colour's name, or none: a word that names no colour would paint the box black.
        let word = value.lowercased()
        if SVGColorContrast.keywords[word] != nil || word == "none" || word == "transparent" { return word }
        for function in ["rgb(", "rgba(", "hsl(", "hsla("] where value.lowercased().hasPrefix(function) {
            let inner = value.dropFirst(function.count)
            guard inner.hasSuffix(")") else { return nil }
            return inner.dropLast().allSatisfy { "0123456789., %/".contains($0) } ? value : nil
        }
        return nil
    }

    private static func trimmed(_ raw: String) -> String {
        String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    static func number(_ raw: String, upTo limit: Double) -> String? {
        var value = trimmed(raw)
        if value.hasSuffix("px") { value.removeLast(2) }
        guard let number = Double(value), number.isFinite, number >= 0 else { return nil }
        return LayoutNumber.compact(min(number, limit))
    }

    /// Numbers, or Raphaël's dash names ("-", ".", "- .", "--" …) which flowchart.js users write.
    static func dashes(_ raw: String) -> String? {
        let value = trimmed(raw)
        let named: [String: String] = [
            "": "", "-": "6 2", ".": "2 2", "-.": "6 2 2 2", "-..": "6 2 2 2 2 2", ". ": "2 6", "- ": "8 6",
            "--": "16 6", "- .": "8 6 2 6", "--.": "16 6 2 6", "--..": "16 6 2 6 2 6",
        ]
        if let dashes = named[raw] ?? named[value] { return dashes.isEmpty ? nil : dashes }
        let parts = value.split(whereSeparator: { $0 == "," || $0 == " " })
        let numbers = parts.compactMap { number(String($0), upTo: 1000) }
        return !numbers.isEmpty && numbers.count == parts.count && numbers.count <= 12 ? numbers.joined(separator: " ") : nil
    }
}
