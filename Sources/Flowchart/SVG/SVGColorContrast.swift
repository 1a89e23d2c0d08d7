import Foundation

/// A label colour that reads on an author's fill. An author who writes `fill:#ffd8a8` and no `color`
/// expects Mermaid's dark text; our default text turns light on dark pages, which on that fill would
/// not read. So the text takes dark or white ink by the fill's relative luminance (WCAG 2's formula;
/// the two inks meet at about 0.18).
enum SVGColorContrast {
    static let darkInk = "#1f2933"
    static let lightInk = "#ffffff"

    /// nil when the fill is mostly see-through (`#0000`, `rgba(…, 0.1)`, `none`): the page shows through
    /// it, so the page's own text colour is the one that reads.
    static func text(on fill: String) -> String? {
        guard let (r, g, b, alpha) = rgba(fill), alpha >= 0.5 else { return nil }
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        return luminance > 0.18 ? darkInk : lightInk
    }

    /// Red, green, blue (0–255) and alpha (0–1) of `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`
    /// (numbers or percentages), `hsl()`/`hsla()`, or a named colour; nil for anything else.
    static func rgba(_ color: String) -> (Double, Double, Double, Double)? {
        let value = color.lowercased()
        if value == "transparent" || value == "none" { return (0, 0, 0, 0) }
        if value.hasPrefix("#") {
            let digits = Array(value.dropFirst())
            let pairs: [String]
            switch digits.count {
            case 3, 4: pairs = digits.map { String([$0, $0]) }
            case 6, 8: pairs = stride(from: 0, to: digits.count, by: 2).map { String(digits[$0...$0 + 1]) }
            default: return nil
            }
            let channels = pairs.compactMap { UInt8($0, radix: 16) }
            guard channels.count == pairs.count else { return nil }
            return (Double(channels[0]), Double(channels[1]), Double(channels[2]), channels.count == 4 ? Double(channels[3]) / 255 : 1)
        }
        if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
            let name = value[..<open]
            let inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
            let parts = inner.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }).map(String.init)
            guard parts.count >= 3 else { return nil }
            let alpha = parts.count > 3 ? fraction(parts[3]) ?? 1 : 1
            if name == "rgb" || name == "rgba" {
                let channels = parts.prefix(3).compactMap { part -> Double? in
                    if part.hasSuffix("%") { return Double(part.dropLast()).map { min(max($0, 0), 100) * 2.55 } }
                    return Double(part).map { min(max($0, 0), 255) }
                }
                return channels.count == 3 ? (channels[0], channels[1], channels[2], alpha) : nil
            }
            if name == "hsl" || name == "hsla", let h = Double(parts[0].replacingDegrees()),
               let s = fraction(parts[1]), let l = fraction(parts[2]) {
                let (r, g, b) = fromHSL(hue: h, saturation: s, lightness: l)
                return (r * 255, g * 255, b * 255, alpha)
            }
            return nil
        }
        return keywords[value].map { (Double($0 >> 16), Double(($0 >> 8) & 0xFF), Double($0 & 0xFF), 1) }
    }

    /// `50%` → 0.5, `0.5` → 0.5, clamped to 0–1.
    private static func fraction(_ text: String) -> Double? {
        let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        return value.map { min(max($0, 0), 1) }
    }

    /// CSS's HSL to RGB (each 0–1).
    private static func fromHSL(hue: Double, saturation s: Double, lightness l: Double) -> (Double, Double, Double) {
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 30
        let a = s * min(l, 1 - l)
        func f(_ n: Double) -> Double {
            let k = (n + h).truncatingRemainder(dividingBy: 12)
            return l - a * max(-1, min(k - 3, 9 - k, 1))
        }
        return (f(0), f(8), f(4))
    }

    /// The CSS named colours (CSS Color 4, all 148), by value. A fill or stroke keyword must be one of
    /// these: a misspelt one (`ligthblue`) would be no colour at all, and the box would be drawn black.
    static let keywords: [String: UInt32] = [
        "aliceblue": 0xF0F8FF, "antiquewhite": 0xFAEBD7, "aqua": 0x00FFFF, "aquamarine": 0x7FFFD4,
        "azure": 0xF0FFFF, "beige": 0xF5F5DC, "bisque": 0xFFE4C4, "black": 0x000000,
        "blanchedalmond": 0xFFEBCD, "blue": 0x0000FF, "blueviolet": 0x8A2BE2, "brown": 0xA52A2A,
        "burlywood": 0xDEB887, "cadetblue": 0x5F9EA0, "chartreuse": 0x7FFF00, "chocolate": 0xD2691E,
        "coral": 0xFF7F50, "cornflowerblue": 0x6495ED, "cornsilk": 0xFFF8DC, "crimson": 0xDC143C,
        "cyan": 0x00FFFF, "darkblue": 0x00008B, "darkcyan": 0x008B8B, "darkgoldenrod": 0xB8860B,
        "darkgray": 0xA9A9A9, "darkgreen": 0x006400, "darkgrey": 0xA9A9A9, "darkkhaki": 0xBDB76B,
        "darkmagenta": 0x8B008B, "darkolivegreen": 0x556B2F, "darkorange": 0xFF8C00, "darkorchid": 0x9932CC,
        "darkred": 0x8B0000, "darksalmon": 0xE9967A, "darkseagreen": 0x8FBC8F, "darkslateblue": 0x483D8B,
        "darkslategray": 0x2F4F4F, "darkslategrey": 0x2F4F4F, "darkturquoise": 0x00CED1, "darkviolet": 0x9400D3,
        "deeppink": 0xFF1493, "deepskyblue": 0x00BFFF, "dimgray": 0x696969, "dimgrey": 0x696969,
        "dodgerblue": 0x1E90FF, "firebrick": 0xB22222, "floralwhite": 0xFFFAF0, "forestgreen": 0x228B22,
        "fuchsia": 0xFF00FF, "gainsboro": 0xDCDCDC, "ghostwhite": 0xF8F8FF, "gold": 0xFFD700,
        "goldenrod": 0xDAA520, "gray": 0x808080, "green": 0x008000, "greenyellow": 0xADFF2F,
        "grey": 0x808080, "honeydew": 0xF0FFF0, "hotpink": 0xFF69B4, "indianred": 0xCD5C5C,
        "indigo": 0x4B0082, "ivory": 0xFFFFF0, "khaki": 0xF0E68C, "lavender": 0xE6E6FA,
        "lavenderblush": 0xFFF0F5, "lawngreen": 0x7CFC00, "lemonchiffon": 0xFFFACD, "lightblue": 0xADD8E6,
        "lightcoral": 0xF08080, "lightcyan": 0xE0FFFF, "lightgoldenrodyellow": 0xFAFAD2, "lightgray": 0xD3D3D3,
        "lightgreen": 0x90EE90, "lightgrey": 0xD3D3D3, "lightpink": 0xFFB6C1, "lightsalmon": 0xFFA07A,
        "lightseagreen": 0x20B2AA, "lightskyblue": 0x87CEFA, "lightslategray": 0x778899, "lightslategrey": 0x778899,
        "lightsteelblue": 0xB0C4DE, "lightyellow": 0xFFFFE0, "lime": 0x00FF00, "limegreen": 0x32CD32,
        "linen": 0xFAF0E6, "magenta": 0xFF00FF, "maroon": 0x800000, "mediumaquamarine": 0x66CDAA,
        "mediumblue": 0x0000CD, "mediumorchid": 0xBA55D3, "mediumpurple": 0x9370DB, "mediumseagreen": 0x3CB371,
        "mediumslateblue": 0x7B68EE, "mediumspringgreen": 0x00FA9A, "mediumturquoise": 0x48D1CC, "mediumvioletred": 0xC71585,
        "midnightblue": 0x191970, "mintcream": 0xF5FFFA, "mistyrose": 0xFFE4E1, "moccasin": 0xFFE4B5,
        "navajowhite": 0xFFDEAD, "navy": 0x000080, "oldlace": 0xFDF5E6, "olive": 0x808000,
        "olivedrab": 0x6B8E23, "orange": 0xFFA500, "orangered": 0xFF4500, "orchid": 0xDA70D6,
        "palegoldenrod": 0xEEE8AA, "palegreen": 0x98FB98, "paleturquoise": 0xAFEEEE, "palevioletred": 0xDB7093,
        "papayawhip": 0xFFEFD5, "peachpuff": 0xFFDAB9, "peru": 0xCD853F, "pink": 0xFFC0CB,
        "plum": 0xDDA0DD, "powderblue": 0xB0E0E6, "purple": 0x800080, "rebeccapurple": 0x663399,
        "red": 0xFF0000, "rosybrown": 0xBC8F8F, "royalblue": 0x4169E1, "saddlebrown": 0x8B4513,
        "salmon": 0xFA8072, "sandybrown": 0xF4A460, "seagreen": 0x2E8B57, "seashell": 0xFFF5EE,
        "sienna": 0xA0522D, "silver": 0xC0C0C0, "skyblue": 0x87CEEB, "slateblue": 0x6A5ACD,
        "slategray": 0x708090, "slategrey": 0x708090, "snow": 0xFFFAFA, "springgreen": 0x00FF7F,
        "steelblue": 0x4682B4, "tan": 0xD2B48C, "teal": 0x008080, "thistle": 0xD8BFD8,
        "tomato": 0xFF6347, "turquoise": 0x40E0D0, "violet": 0xEE82EE, "wheat": 0xF5DEB3,
        "white": 0xFFFFFF, "whitesmoke": 0xF5F5F5, "yellow": 0xFFFF00, "yellowgreen": 0x9ACD32,
    ]
}

private extension String {
    /// `120deg` → `120`: hsl()'s hue may carry its unit.
    func replacingDegrees() -> String { hasSuffix("deg") ? String(dropLast(3)) : self }
}
