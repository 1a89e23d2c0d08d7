/// One logical line of flowchart.js input: a physical line, or several glued together by a trailing
/// backslash or by continuation lines. Offsets are local; `sourceOffset` maps them back to the file
/// so every diagnostic points at the byte the author wrote.
struct LineView {
    /// The bytes the offsets index. For a one-piece line this *is* the source buffer (shared, not copied).
    let storage: [UInt8]
    var start: Int
    var end: Int
    /// Where each glued piece starts locally and in the source; empty for a one-piece line.
    let pieces: [(local: Int, source: Int)]

    init(source: [UInt8], range: Range<Int>) {
        storage = source
        start = range.lowerBound
        end = range.upperBound
        pieces = []
    }

    init(glued storage: [UInt8], pieces: [(local: Int, source: Int)]) {
        self.storage = storage
        start = 0
        end = storage.count
        self.pieces = pieces
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

    /// First occurrence of a two-byte marker such as `=>` within `range`.
    func find(_ a: UInt8, _ b: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        let last = range.upperBound - 1
        while i < last {
            if storage[i] == a && storage[i + 1] == b { return i }
            i += 1
        }
        return nil
    }

    func find(_ a: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if storage[i] == a { return i }
            i += 1
        }
        return nil
    }

    func findLast(_ a: UInt8, in range: Range<Int>) -> Int? {
        var i = range.upperBound - 1
        while i >= range.lowerBound {
            if storage[i] == a { return i }
            i -= 1
        }
        return nil
    }

    /// All occurrences of a two-byte marker, splitting `range` into the pieces between them.
    func split(_ a: UInt8, _ b: UInt8, in range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var pieceStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound - 1 {
            if storage[i] == a && storage[i + 1] == b {
                pieces.append(pieceStart..<i)
                i += 2
                pieceStart = i
            } else {
                i += 1
            }
        }
        pieces.append(pieceStart..<range.upperBound)
        return pieces
    }

    /// `range` without the whitespace JavaScript's `trim()` removes (ASCII, NBSP, ideographic space).
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
    static func length(_ s: [UInt8], at i: Int, limit: Int) -> Int? {
        let b = s[i]
        if isASCIISpace(b) { return 1 }
        if b == 0xC2, i + 1 < limit, s[i + 1] == 0xA0 { return 2 }                       // U+00A0
        if b == 0xE3, i + 2 < limit, s[i + 1] == 0x80, s[i + 2] == 0x80 { return 3 }     // U+3000
        return nil
    }

    /// Length of a whitespace character ending just before `end`, if there is one.
    static func lengthBefore(_ s: [UInt8], end: Int, limit: Int) -> Int? {
        let b = s[end - 1]
        if isASCIISpace(b) { return 1 }
        if end - 2 >= limit, s[end - 2] == 0xC2, b == 0xA0 { return 2 }
        if end - 3 >= limit, s[end - 3] == 0xE3, s[end - 2] == 0x80, b == 0x80 { return 3 }
        return nil
    }
}
