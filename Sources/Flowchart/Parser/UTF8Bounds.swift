/// Whether a byte range of valid UTF-8 begins and ends on whole characters, for the places that make a
/// String from source bytes without validating them again (`LineView.string(_:validUTF8IsASCII:)`,
/// `MermaidLabel.string`). In valid UTF-8 a character starts at any byte that is not a continuation
/// byte (10xxxxxx), so two byte tests decide it; a range that fails them is made by the validating
/// initializer instead, which is how a reader's off-by-one shows as U+FFFD rather than a malformed String.
enum UTF8Bounds {
    @inline(__always)
    static func areWhole(_ bytes: Bytes, _ range: Range<Int>) -> Bool {
        (range.lowerBound >= bytes.count || bytes[range.lowerBound] & 0xC0 != 0x80)
            && (range.upperBound >= bytes.count || bytes[range.upperBound] & 0xC0 != 0x80)
    }
}
