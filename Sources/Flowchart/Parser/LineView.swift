#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One logical line of flowchart.js input: a physical line, or several glued together by a trailing
/// backslash or by continuation lines. Offsets are local; `sourceOffset` maps them back to the file
/// so every diagnostic points at the byte the author wrote.
struct LineView {
    /// The bytes the offsets index: the source itself for a one-piece line, a glued copy otherwise.
    let storage: Bytes
    var start: Int
    var end: Int
    /// Where each glued piece starts locally and in the source; empty for a one-piece line.
    let pieces: UnsafeBufferPointer<GluePiece>
    /// The physical line (0-based) the logical line starts on: positions are found from there
    /// instead of by searching the whole file.
    var lineHint: Int

    init(source: Bytes, range: Range<Int>, lineHint: Int) {
        storage = source
        start = range.lowerBound
        end = range.upperBound
        pieces = UnsafeBufferPointer(start: nil, count: 0)
        self.lineHint = lineHint
    }

    init(glued storage: Bytes, pieces: UnsafeBufferPointer<GluePiece>, lineHint: Int) {
        self.storage = storage
        start = 0
        end = storage.count
        self.pieces = pieces
        self.lineHint = lineHint
    }

    var isEmpty: Bool { start >= end }
    var range: Range<Int> { start..<end }

    func sourceOffset(_ local: Int) -> Int {
        guard !pieces.isEmpty else { return local }
        var chosen = pieces[0]
        for piece in pieces where piece.local <= local { chosen = piece }
        return chosen.source + (local - chosen.local)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: storage[range], as: UTF8.self)
    }

    /// `string(_:)` without validating the bytes again. Only for a range that starts and ends at ASCII
    /// delimiters (or line ends): the source came from a String, so such a range is whole, valid UTF-8.
    /// Issue 2: `String(decoding:)` re-validated every label, a ninth of a parse for Chinese labels.
    /// `isASCII` must be exact: the String keeps it as a flag that its comparisons rely on.
    func string(_ range: Range<Int>, validUTF8IsASCII isASCII: Bool) -> String {
        // Checked, not trusted (see `UTF8Bounds`): a range cut inside a character is validated instead.
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *), UTF8Bounds.areWhole(storage, range) {
            let bytes = Bytes(rebasing: storage[range])
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return string(range)
    }

    /// First occurrence of a two-byte marker such as `=>` within `range`. memchr finds the candidates:
    /// the first byte of a marker is rare in a label, and labels are most of the bytes.
    // The small searches below are inlined into their callers: they run a dozen times per line, and
    // a call passes this 56-byte view by value each time.
    @inline(__always)
    func find(_ a: UInt8, _ b: UInt8, in range: Range<Int>) -> Int? {
        var from = range.lowerBound
        let last = range.upperBound - 1
        while from < last, let i = find(a, in: from..<last) {
            if storage[i + 1] == b { return i }
            from = i + 1
        }
        return nil
    }

    @inline(__always)
    func find(_ a: UInt8, in range: Range<Int>) -> Int? {
        // A loop over the first bytes, where keys, types and link pieces end and most hits are;
        // memchr for the rest of a long range such as a label, where its call overhead pays off.
        let head = min(range.upperBound, range.lowerBound + 16)
        var i = range.lowerBound
        while i < head {
            if storage[i] == a { return i }
            i += 1
        }
        guard head < range.upperBound, let base = storage.baseAddress,
              let hit = memchr(base + head, Int32(a), range.upperBound - head) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    func findLast(_ a: UInt8, in range: Range<Int>) -> Int? {
        var i = range.upperBound - 1
        while i >= range.lowerBound {
            if storage[i] == a { return i }
            i -= 1
        }
        return nil
    }

    /// Calls `body` with each piece of `range` between occurrences of a two-byte marker;
    /// `isLast` is true for the final piece. No array is built: link lines are the hot path.
    func forEachPiece(split a: UInt8, _ b: UInt8, in range: Range<Int>, _ body: (Range<Int>, Int, Bool) -> Void) {
        var pieceStart = range.lowerBound
        var i = range.lowerBound
        var index = 0
        while i < range.upperBound - 1 {
            if storage[i] == a && storage[i + 1] == b {
                body(pieceStart..<i, index, false)
                index += 1
                i += 2
                pieceStart = i
            } else {
                i += 1
            }
        }
        body(pieceStart..<range.upperBound, index, true)
    }

    /// All pieces of `range` between occurrences of a two-byte marker.
    func split(_ a: UInt8, _ b: UInt8, in range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        forEachPiece(split: a, b, in: range) { piece, _, _ in pieces.append(piece) }
        return pieces
    }

    /// `range` without the whitespace JavaScript's `trim()` removes (ASCII, NBSP, ideographic space, BOM).
    @inline(__always)
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, let n = Whitespace.length(storage, at: lo, limit: hi) { lo += n }
        while lo < hi, let n = Whitespace.lengthBefore(storage, end: hi, limit: lo) { hi -= n }
        return lo..<hi
    }
}

enum Whitespace {
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    /// Length of a whitespace character starting at `i`, if there is one.
    @inline(__always)
    static func length(_ s: Bytes, at i: Int, limit: Int) -> Int? {
        let b = s[i]
        if b < 0x80 { return isASCIISpace(b) ? 1 : nil }
        if b == 0xC2, i + 1 < limit, s[i + 1] == 0xA0 { return 2 }                                    // U+00A0
        if b == 0xE3, i + 2 < limit, s[i + 1] == 0x80, s[i + 2] == 0x80 { return 3 }                  // U+3000
        if b == 0xEF, i + 2 < limit, s[i + 1] == 0xBB, s[i + 2] == 0xBF { return 3 }                  // U+FEFF
        return nil
    }

    /// Length of a whitespace character ending just before `end`, if there is one.
    @inline(__always)
    static func lengthBefore(_ s: Bytes, end: Int, limit: Int) -> Int? {
        let b = s[end - 1]
        if b < 0x80 { return isASCIISpace(b) ? 1 : nil }
        if end - 2 >= limit, s[end - 2] == 0xC2, b == 0xA0 { return 2 }
        if end - 3 >= limit, s[end - 3] == 0xE3, s[end - 2] == 0x80, b == 0x80 { return 3 }
        if end - 3 >= limit, s[end - 3] == 0xEF, s[end - 2] == 0xBB, b == 0xBF { return 3 }
        return nil
    }
}
