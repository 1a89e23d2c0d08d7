/// CSS colours written so flowchart.js can hold them: its node parameters cannot contain `(` or `,`.
enum StyleColors {
    /// The style's declarations flowchart.js can hold, `rgb()` colours as `#rrggbb`: one it cannot
    /// (`fill:rgba(…)`, `hsl(…)`) is left out alone, where the whole style went with it, stroke and all
    /// (a recheck); nil when none is left.
    static func holdable(_ style: String) -> String? {
        // `>` as well: `stroke:a->b` made the node's line read as a link (a probe); no colour has one.
        let kept = hexadecimal(style).split(separator: ";").filter { !$0.contains { "(),=>".contains($0) } }
        return kept.isEmpty ? nil : kept.joined(separator: ";")
    }

    /// Every `rgb(r, g, b)` of a style as `#rrggbb`; anything else (rgba, percentages, names) as written.
    static func hexadecimal(_ style: String) -> String {
        var out = ""
        var rest = Substring(style)
        while let open = rest.firstRange(of: "rgb(") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            let parts = after[..<close].split(separator: ",").map { String($0).trimmingSpaces() }
            let channels = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
            if parts.count == 3, channels.count == 3 {
                out += "#" + channels.map { hex($0) }.joined()
            } else {
                out += rest[open.lowerBound...close]
            }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[value / 16], digits[value % 16]])
    }
}
