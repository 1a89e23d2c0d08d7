extension TextMetrics {
    /// Wraps `text` into lines no wider than `maxWidth` px (a single character wider than that still
    /// gets a line of its own). Explicit newlines are kept; Latin text breaks at spaces, words longer
    /// than a line are cut; CJK may break between any two characters, but a line never starts with
    /// closing punctuation nor ends with opening punctuation when a character can move down instead.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        if text.isEmpty { return [] }
        var lines: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let value = scalars[index].value
            guard value == 0x0A || value == 0x0D || (0x0B...0x0C).contains(value) || value == 0x85
                || value == 0x2028 || value == 0x2029 else {
                index = scalars.index(after: index)
                continue
            }
            lines += wrapParagraph(Substring(scalars[start..<index]), maxWidth: maxWidth, fontSize: fontSize)
            index = scalars.index(after: index)
            if value == 0x0D, index < scalars.endIndex, scalars[index].value == 0x0A { index = scalars.index(after: index) }
            start = index
        }
        lines += wrapParagraph(Substring(scalars[start...]), maxWidth: maxWidth, fontSize: fontSize)
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, maxWidth: Double, fontSize: Double) -> [String] {
        // Most labels fit on one line as they are: measuring once is far cheaper than breaking up.
        if let first = paragraph.unicodeScalars.first, let last = paragraph.unicodeScalars.last,
           kind(of: first) != .space, kind(of: last) != .space, width(of: paragraph, fontSize: fontSize) <= maxWidth {
            return [String(paragraph)]
        }
        var builder = LineBuilder(maxWidth: maxWidth, fontSize: fontSize)
        for unit in breakUnits(paragraph) { builder.add(unit) }
        return builder.finish()
    }

    /// A piece a line may break around: a run of spaces, a Latin word, or one wide character.
    struct BreakUnit {
        var text: Substring
        var kind: UnitKind
        /// In em.
        var width: Double
    }

    enum UnitKind {
        case space, word, wide
    }

    static func breakUnits(_ paragraph: Substring) -> [BreakUnit] {
        let scalars = paragraph.unicodeScalars
        var units: [BreakUnit] = []
        var start = scalars.startIndex
        var kind = UnitKind.word
        var width = 0.0
        var glued = false
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let advance = advance(of: scalar)
            let zeroWidth = glued || scalar.value == 0x200D || (scalar.value >= 0x80 && advance == 0)
            // Zero-width scalars and whatever follows a joiner stay with their glyph: no break inside.
            if !zeroWidth {
                let next = Self.kind(of: scalar)
                if index > start, next != kind || next == .wide {
                    units.append(BreakUnit(text: Substring(scalars[start..<index]), kind: kind, width: width))
                    start = index
                    width = 0
                }
                kind = next
                width += advance
            }
            glued = !glued && scalar.value == 0x200D
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex { units.append(BreakUnit(text: Substring(scalars[start...]), kind: kind, width: width)) }
        return units
    }

    private static func kind(of scalar: Unicode.Scalar) -> UnitKind {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 ? .space : .word }
        if isWide(scalar) { return scalar.value == 0x3000 ? .space : .wide }
        return scalar.properties.isWhitespace ? .space : .word
    }

    /// Characters that look wrong at the start of a line (CJK and Latin closing punctuation).
    static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "，。、；：！？）」』】〉》〕〗〙〛…‥・ー～,.;:!?)]}%".unicodeScalars.contains(scalar)
    }

    /// Characters that look wrong at the end of a line (CJK and Latin opening punctuation).
    static func isOpeningPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "（「『【〈《〔〖〘〚“‘([{".unicodeScalars.contains(scalar)
    }

    /// Where a cut inside a long word reads naturally: after a slash, hyphen, comma …
    static func breaksAfter(_ scalar: Unicode.Scalar) -> Bool {
        "/-_,.;:|)]}&".unicodeScalars.contains(scalar)
    }
}
