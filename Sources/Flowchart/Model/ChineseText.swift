/// Whether a text is written (at least partly) in Chinese: it holds characters of the CJK Unified
/// Ideographs block or its extension A. Used to pick a language where none is declared: a guide's title,
/// a chart's labels, a reason already in Chinese.
public enum ChineseText {
    public static func appears(in text: String) -> Bool {
        // Over the UTF-8 bytes (the Mermaid reader asks of half a chart's labels): those characters are
        // three bytes with a lead byte E3–E9, so only those are decoded.
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            while i + 2 < bytes.count {
                let lead = bytes[i]
                if lead >= 0xE3 && lead <= 0xE9 {
                    let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if isChinese(scalar) { return true }
                    i += 3
                } else {
                    i += 1
                }
            }
            return false
        } ?? text.unicodeScalars.contains { isChinese($0.value) }
    }

    private static func isChinese(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
    }
}
