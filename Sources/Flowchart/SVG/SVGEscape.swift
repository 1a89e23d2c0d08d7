/// Escaping for user text in SVG. Labels, ids and styles come straight from the author's file, so every
/// one goes through here: nothing can close an attribute or open an element.
enum SVGEscape {
    static func escaped(_ text: String) -> String {
        // Most labels need nothing; one byte scan spares rebuilding them scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                // Characters XML 1.0 forbids outright would make the whole file unreadable.
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `name="value"` with the value escaped, preceded by a space.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escaped(value))\""
    }

    static func number(_ value: Double) -> String { LayoutNumber.compact(value) }
}
