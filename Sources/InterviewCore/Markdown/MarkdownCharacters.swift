/// Character classes the Markdown readers ask about. The syntax is ASCII, so the readers work on UTF-8
/// bytes; only the flanking rules of emphasis look at whole Unicode scalars, on each side of a run.
enum MarkdownCharacters {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")

    @inline(__always)
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// What a backslash can escape: ASCII punctuation, as in CommonMark.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// How a character beside a delimiter run counts for emphasis.
    enum Side {
        case whitespace, punctuation, cjk, other
    }

    /// CommonMark treats the start and end of the text as whitespace. CJK text has no spaces around
    /// emphasis, so `比较**“轻松”**的` would not be emphasis under the plain rules (a run between a letter
    /// and a quotation mark flanks neither way); counting a CJK character outside the run like
    /// punctuation fixes that, as the "CJK-friendly" amendment to CommonMark does.
    static func side(_ scalar: Unicode.Scalar?) -> Side {
        guard let scalar else { return .whitespace }
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            if byte == space || byte == tab || byte == newline || byte == 0x0C || byte == 0x0D { return .whitespace }
            return isASCIIPunctuation(byte) ? .punctuation : .other
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator:
            return .whitespace
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .punctuation
        default:
            return isCJK(scalar.value) ? .cjk : .other
        }
    }

    /// Ideographs, kana, hangul, and the CJK and full-width blocks.
    private static func isCJK(_ value: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3FFFF).contains(value)
    }

    /// The scalar that ends just before `index`, or nil at the start. The bytes are valid UTF-8 (they
    /// come from a Swift string and are only ever cut at ASCII bytes), so at most three steps back.
    static func scalar(before index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)
    }

    /// The scalar that starts at `index`, or nil at the end.
    static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
