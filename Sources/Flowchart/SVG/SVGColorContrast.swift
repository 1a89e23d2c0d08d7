import Foundation

/// A label colour that reads on an author's fill. An author who writes `fill:#ffd8a8` and no `color`
/// expects Mermaid's dark text; our default text turns light on dark pages, which on that fill would
/// not read. So the text takes dark or white ink by the fill's relative luminance (WCAG 2's formula;
/// the two inks meet at about 0.18). A colour keyword we do not know the value of gets no choice here:
/// the label keeps the page's default.
enum SVGColorContrast {
    static let darkInk = "#1f2933"
    static let lightInk = "#ffffff"

    static func text(on fill: String) -> String? {
        guard let (r, g, b) = rgb(fill) else { return nil }
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        return luminance > 0.18 ? darkInk : lightInk
    }

    /// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)`/`rgba(…)` with 0–255 numbers or percentages,
    /// or one of the keywords below; nil for anything else (hsl(), unknown keywords).
    static func rgb(_ color: String) -> (Double, Double, Double)? {
        let value = color.lowercased()
        if value.hasPrefix("#") {
            let digits = Array(value.dropFirst())
            let pairs: [String]
            switch digits.count {
            case 3, 4: pairs = digits.prefix(3).map { String([$0, $0]) }
            case 6, 8: pairs = stride(from: 0, to: 6, by: 2).map { String(digits[$0...$0 + 1]) }
            default: return nil
            }
            let channels = pairs.compactMap { UInt8($0, radix: 16) }
            return channels.count == 3 ? (Double(channels[0]), Double(channels[1]), Double(channels[2])) : nil
        }
        if value.hasPrefix("rgb"), let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            let inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
            let parts = inner.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }).prefix(3)
            let channels = parts.compactMap { part -> Double? in
                if part.hasSuffix("%") { return Double(part.dropLast()).map { min(max($0, 0), 100) * 2.55 } }
                return Double(part).map { min(max($0, 0), 255) }
            }
            return channels.count == 3 ? (channels[0], channels[1], channels[2]) : nil
        }
        return keywords[value].map { (Double($0 >> 16), Double(($0 >> 8) & 0xFF), Double($0 & 0xFF)) }
    }

    /// The CSS colour keywords authors reach for in diagrams (their values from CSS Color 4).
    private static let keywords: [String: UInt32] = [
        "black": 0x000000, "white": 0xFFFFFF, "red": 0xFF0000, "green": 0x008000, "blue": 0x0000FF,
        "yellow": 0xFFFF00, "orange": 0xFFA500, "purple": 0x800080, "pink": 0xFFC0CB, "gray": 0x808080,
        "grey": 0x808080, "silver": 0xC0C0C0, "lime": 0x00FF00, "navy": 0x000080, "teal": 0x008080,
        "maroon": 0x800000, "olive": 0x808000, "aqua": 0x00FFFF, "cyan": 0x00FFFF, "fuchsia": 0xFF00FF,
        "magenta": 0xFF00FF, "brown": 0xA52A2A, "gold": 0xFFD700, "indigo": 0x4B0082, "violet": 0xEE82EE,
        "coral": 0xFF7F50, "salmon": 0xFA8072, "khaki": 0xF0E68C, "beige": 0xF5F5DC, "ivory": 0xFFFFF0,
        "lavender": 0xE6E6FA, "tomato": 0xFF6347, "crimson": 0xDC143C, "orchid": 0xDA70D6, "plum": 0xDDA0DD,
        "tan": 0xD2B48C, "wheat": 0xF5DEB3, "skyblue": 0x87CEEB, "steelblue": 0x4682B4, "royalblue": 0x4169E1,
        "lightblue": 0xADD8E6, "lightgreen": 0x90EE90, "lightgray": 0xD3D3D3, "lightgrey": 0xD3D3D3,
        "lightyellow": 0xFFFFE0, "lightpink": 0xFFB6C1, "lightcyan": 0xE0FFFF, "lightsalmon": 0xFFA07A,
        "darkblue": 0x00008B, "darkgreen": 0x006400, "darkred": 0x8B0000, "darkgray": 0xA9A9A9,
        "darkgrey": 0xA9A9A9, "darkorange": 0xFF8C00, "whitesmoke": 0xF5F5F5, "gainsboro": 0xDCDCDC,
        "honeydew": 0xF0FFF0, "mintcream": 0xF5FFFA, "aliceblue": 0xF0F8FF, "palegreen": 0x98FB98,
        "lemonchiffon": 0xFFFACD, "mistyrose": 0xFFE4E1, "seagreen": 0x2E8B57, "forestgreen": 0x228B22,
        "firebrick": 0xB22222, "slategray": 0x708090, "slategrey": 0x708090, "dimgray": 0x696969,
        "dimgrey": 0x696969, "midnightblue": 0x191970,
    ]
}
