/// Formats coordinates for JSON and SVG. Hand-rolled instead of `String(format:)` so the bytes are
/// identical on every platform and locale, and so "-0" and "12.0" never appear.
enum LayoutNumber {
    /// At most one decimal, rounded half away from zero.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Clamped so absurd options (a font size of 1e300) print a big number instead of trapping.
        let tenths = Int((min(max(value, -1e15), 1e15) * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
