/// The definition nearly every line is, `key=>type: label`, recognised in a few scans. Issue 2: the
/// general reading in Definitions.swift makes a dozen passes over each line for everything flowchart.js
/// allows or trips on; a line with none of that gets exactly the same node from here, and any line with
/// bytes that could mean more — '(' in the key, spaces around '=>', another '=>', ':$' or ':>' in the
/// label, '|', CR, a line break, an unknown type — is left to the general reading.
struct PlainDefinition {
    let key: Range<Int>
    let type: NodeType
    let label: Range<Int>
    /// Found in the same pass as the markers, so the label's String is made without another look.
    let labelIsASCII: Bool

    @inline(__always)   // returned from a call, the optional went through memory and stalled its reader
    init?(_ v: LineView, arrow: Int) {
        let rest = (arrow + 2)..<v.end
        guard arrow > v.start, rest.count > 2,
              Whitespace.length(v.storage, at: v.start, limit: arrow) == nil,
              Whitespace.lengthBefore(v.storage, end: arrow, limit: v.start) == nil,
              Whitespace.length(v.storage, at: rest.lowerBound, limit: rest.upperBound) == nil,
              v.find(UInt8(ascii: "("), in: v.start..<arrow) == nil,
              let (type, colon) = Self.typeAndColon(v, rest) else { return nil }
        let label = (colon + 2)..<rest.upperBound
        guard let isASCII = Self.plainLabelIsASCII(v, label) else { return nil }
        key = v.start..<arrow
        self.type = type
        self.label = label
        labelIsASCII = isASCII
    }

    /// Nil if the label holds '|', CR, ':$', ':>' or '=>' (a flowstate, a function, a link or a lost
    /// tail: the general reading's business), else whether it is all ASCII: one pass over the label
    /// instead of four searches and a validation, and labels are most of a chart's bytes. A ':' or '='
    /// before anything else means nothing to flowchart.js (`input: a, b`, `x = y + 1`), so such a label
    /// is checked byte by byte and stays plain. Issue 16: pyflowchart writes those in half its labels,
    /// which all took the general reading.
    /// Sixteen bytes at a time; the last sixteen overlap the ones before, so no byte loop is needed for
    /// the tail of a label of sixteen bytes or more.
    private static func plainLabelIsASCII(_ v: LineView, _ label: Range<Int>) -> Bool? {
        guard label.count >= 16, let base = UnsafeRawPointer(v.storage.baseAddress) else {
            return shortLabelIsASCII(v, label)
        }
        // Two words per load, each tested for the marker bytes with the zero-byte test of "Bit
        // Twiddling Hacks" (exact), lane-wise: SIMD2<UInt64> arithmetic is lowered to SSE2 in place,
        // where pointwiseMin and SIMDMask comparisons were calls that passed vectors through memory.
        @inline(__always)
        func hasByte(_ word: SIMD2<UInt64>, _ byte: UInt64) -> SIMD2<UInt64> {
            let x = word ^ SIMD2(repeating: 0x0101_0101_0101_0101 &* byte)
            return (x &- SIMD2(repeating: 0x0101_0101_0101_0101)) & ~x
        }
        var found = SIMD2<UInt64>(repeating: 0)
        var soft = SIMD2<UInt64>(repeating: 0)
        var high = SIMD2<UInt64>(repeating: 0)
        var i = label.lowerBound
        while true {
            let words = base.loadUnaligned(fromByteOffset: i, as: SIMD2<UInt64>.self)
            found |= hasByte(words, 0x7C) | hasByte(words, 0x0D)
            soft |= hasByte(words, 0x3A) | hasByte(words, 0x3D)
            high |= words
            if i + 16 == label.upperBound { break }
            i = min(i + 16, label.upperBound - 16)
        }
        if (found[0] | found[1]) & 0x8080_8080_8080_8080 != 0 { return nil }
        if (soft[0] | soft[1]) & 0x8080_8080_8080_8080 != 0, !colonsAndEqualsArePlain(v, label) { return nil }
        return (high[0] | high[1]) & 0x8080_8080_8080_8080 == 0
    }

    private static func shortLabelIsASCII(_ v: LineView, _ label: Range<Int>) -> Bool? {
        var bits: UInt8 = 0
        var soft = false
        for i in label {
            switch v.storage[i] {
            case 0x7C, 0x0D: return nil
            case 0x3A, 0x3D: soft = true
            case let b: bits |= b
            }
        }
        if soft, !colonsAndEqualsArePlain(v, label) { return nil }
        return bits & 0x80 == 0
    }

    /// No ':' of the label is followed by '$' or '>' and no '=' by '>' (a marker's last byte is never the
    /// label's last, so the general reading ignores a ':' or '=' there too). ':' and '=' are ASCII, so
    /// the label's other bytes need not be looked at for ASCII here.
    private static func colonsAndEqualsArePlain(_ v: LineView, _ label: Range<Int>) -> Bool {
        var i = label.lowerBound
        while i + 1 < label.upperBound {
            switch (v.storage[i], v.storage[i + 1]) {
            case (0x3A, 0x24), (0x3A, 0x3E), (0x3D, 0x3E): return false
            default: i += 1
            }
        }
        return true
    }

    /// The type the rest of the line starts with and the ': ' right after it. The same answer as
    /// finding the first ':' (with no line break or '=' before it) and then reading the type before it,
    /// since no type's name holds those bytes; but the first byte picks the one or two names to compare.
    @inline(__always)
    private static func typeAndColon(_ v: LineView, _ rest: Range<Int>) -> (NodeType, Int)? {
        let s = v.storage, at = rest.lowerBound
        @inline(__always)
        func spelled(_ word: StaticString, _ type: NodeType) -> (NodeType, Int)? {
            let colon = at + word.utf8CodeUnitCount
            guard colon + 1 < rest.upperBound, s[colon] == UInt8(ascii: ":"), s[colon + 1] == UInt8(ascii: " ") else { return nil }
            let name = word.utf8Start
            var i = 1   // the first byte chose this word
            while i < word.utf8CodeUnitCount {
                if s[at + i] != name[i] { return nil }
                i += 1
            }
            return (type, colon)
        }
        switch s[at] {
        case UInt8(ascii: "o"): return spelled("operation", .operation) ?? spelled("output", .output)
        case UInt8(ascii: "c"): return spelled("condition", .condition)
        case UInt8(ascii: "s"): return spelled("start", .start) ?? spelled("subroutine", .subroutine)
        case UInt8(ascii: "e"): return spelled("end", .end)
        case UInt8(ascii: "i"): return spelled("input", .input) ?? spelled("inputoutput", .inputoutput)
        case UInt8(ascii: "p"): return spelled("parallel", .parallel)
        default: return nil
        }
    }
}
