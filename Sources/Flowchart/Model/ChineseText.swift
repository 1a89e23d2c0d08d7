/// Whether a text is written (at least partly) in Chinese: it holds characters of the CJK Unified
/// Ideographs block or its extension A. Used to pick a language where none is declared: a guide's title,
/// a chart's labels, a reason already in Chinese.
public enum ChineseText {
    public static func appears(in text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
