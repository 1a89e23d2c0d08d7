/// Text from a file made safe to print on a terminal. A control character in a guide (ESC starts the
/// sequences that recolour, retitle or rewrite a terminal's screen; a lone carriage return writes over
/// the start of the line) would act on the reader's terminal instead of showing; each is shown as its
/// Unicode control picture ("␛"), one cell wide, so columns under it still line up. Tabs, line feeds
/// and the carriage return of a CRLF line end stay.
public enum TerminalSafe {
    public static func visible(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func isKept(_ i: Int) -> Bool {
            let v = scalars[i].value
            if v == 0x0D { return i + 1 < scalars.count && scalars[i + 1] == "\n" }
            return !isControl(scalars[i])
        }
        guard scalars.indices.contains(where: { !isKept($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            let scalar = scalars[i]
            if isKept(i) {
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

    /// C0 controls but tab and line feed, DEL, and the C1 controls (U+0080–U+009F). A carriage return
    /// counts, except where `visible` keeps it before a line feed.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
