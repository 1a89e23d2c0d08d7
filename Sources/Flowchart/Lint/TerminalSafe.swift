/// Text from a file made safe to print on a terminal. A control character in a guide (ESC starts the
/// sequences that recolour, retitle or rewrite a terminal's screen; a lone carriage return writes over
/// the start of the line) would act on the reader's terminal instead of showing; each is shown as its
/// Unicode control picture ("␛"), one cell wide, so columns under it still line up. Tabs, line feeds
/// and the carriage return of a CRLF line end stay.
public enum TerminalSafe {
    public static func visible(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { acts(scalars, at: $0) }) else { return text }
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            let scalar = scalars[i]
            guard acts(scalars, at: i) else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + scalar.value)!)   // ␀ … ␟
            case 0x7F: out.append("\u{2421}")                                         // ␡
            default: out.append("\u{FFFD}")                                           // C1: no picture
            }
        }
        return String(out)
    }

    /// The text without the characters that would act on a terminal (`acts`): for text that is stored,
    /// where a picture in their place would be read as content.
    public static func removed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { acts(scalars, at: $0) }) else { return text }
        var out = String.UnicodeScalarView()
        for i in scalars.indices where !acts(scalars, at: i) { out.append(scalars[i]) }
        return String(out)
    }

    /// Whether the scalar at `i` would act on a terminal: a control (`isControl`), but not the carriage
    /// return of a CRLF line end.
    public static func acts(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        if scalars[i] == "\r" { return !(i + 1 < scalars.count && scalars[i + 1] == "\n") }
        return isControl(scalars[i])
    }

    /// C0 controls but tab and line feed, DEL, and the C1 controls (U+0080–U+009F). A carriage return
    /// counts; `acts` lets the one of a CRLF line end be.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
