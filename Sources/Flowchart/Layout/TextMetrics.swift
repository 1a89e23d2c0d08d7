/// Text measurement without a font engine. Layout runs on servers with no fonts installed and must
/// give the same numbers everywhere, so widths come from character classes instead of glyph metrics.
/// The estimates lean wide: a label that is measured too wide only gets a roomier box.
public enum TextMetrics {
    /// Width in px of `text` at `fontSize`.
    public static func width(of text: some StringProtocol, fontSize: Double) -> Double {
        var ems = 0.0
        var glued = false
        for scalar in text.unicodeScalars {
            // Scalars after a zero-width joiner draw as part of the glyph before (emoji sequences).
            if glued {
                glued = false
                continue
            }
            if scalar.value == 0x200D { glued = true }
            ems += advance(of: scalar)
        }
        return ems * fontSize
    }

    /// Width in em of one user-perceived character: that of its first scalar, since the rest
    /// (combining accents, joined emoji) draw into the same glyph.
    public static func advance(of character: Character) -> Double {
        character.unicodeScalars.first.map { advance(of: $0) } ?? 0
    }

    /// Width in em of a scalar. Scanning scalars instead of grapheme clusters keeps measuring cheap,
    /// which matters: every label of a 50,000-node chart is measured and wrapped.
    static func advance(of scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value < 0x80 { return asciiAdvance(value) }
        if isWide(scalar) { return 1 }
        return isZeroWidth(scalar) ? 0 : 0.6
    }

    /// Marks, joiners and variation selectors: they draw on the character before.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return scalar.value < 0xA0 && scalar.value >= 0x80 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth characters (UAX #11), approximated by block, plus emoji, which
    /// browsers also draw a full em wide.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F,       // Hangul Jamo initials
             0x2E80...0x303E,       // CJK radicals, Kangxi, ideographic description, CJK punctuation
             0x3041...0x33FF,       // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
             0x3400...0x4DBF,       // CJK extension A
             0x4E00...0x9FFF,       // CJK unified ideographs
             0xA000...0xA4CF,       // Yi
             0xA960...0xA97F,       // Hangul Jamo extended A
             0xAC00...0xD7A3,       // Hangul syllables
             0xF900...0xFAFF,       // CJK compatibility ideographs
             0xFE10...0xFE19,       // vertical forms
             0xFE30...0xFE6F,       // CJK compatibility and small forms
             0xFF00...0xFF60,       // full-width forms
             0xFFE0...0xFFE6,       // full-width signs
             0x1F300...0x1F64F,     // pictographs and emoticons
             0x1F900...0x1F9FF,     // supplemental pictographs
             0x20000...0x3FFFD:     // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    private static func asciiAdvance(_ value: UInt32) -> Double {
        switch value {
        // A tab is drawn as a space (SVG collapses white space).
        case 0x20, 0x09: return 0.33
        case 0..<0x20, 0x7F: return 0
        // i l j . , : ; ' ! | ` are visibly narrow in every sans-serif; brackets, f and t a little less.
        case 0x69, 0x6C, 0x6A, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x21, 0x7C, 0x60: return 0.3
        case 0x28, 0x29, 0x5B, 0x5D, 0x66, 0x74: return 0.4
        // m w M W @ % are the widest Latin glyphs.
        case 0x6D, 0x77, 0x4D, 0x57, 0x40, 0x25: return 0.9
        case 0x41...0x5A: return 0.7
        default: return 0.6
        }
    }
}
