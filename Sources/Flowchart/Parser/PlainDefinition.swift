/// The definition nearly every line is, `key=>type: label`, recognised in a few scans. Issue 2: the
/// general reading in Definitions.swift makes a dozen passes over each line for everything flowchart.js
/// allows or trips on; a line with none of that gets exactly the same node from here, and any line with
/// a byte that could mean more — '(' in the key, spaces around '=>', another '=', a ':' other than the
/// one after the type, '|', CR, a line break, an unknown type — is left to the general reading.
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

    /// Nil if the label holds ':', '|', '=' or CR, else whether it is all ASCII: one pass over the
    /// label instead of four searches and a validation, and labels are most of a chart's bytes.
    /// Sixteen bytes at a time (SSE2 compares); the last sixteen overlap the ones before, so no byte
    /// loop is needed for the tail of a label of sixteen bytes or more.
    private static func plainLabelIsASCII(_ v: LineView, _ label: Range<Int>) -> Bool? {
        guard label.count >= 16, let base = UnsafeRawPointer(v.storage.baseAddress) else {
            return shortLabelIsASCII(v, label)
        }
        // Byte-wise XOR with each marker is zero where the marker is; the running minimum of those
        // is zero exactly when one was found (written with pointwiseMin: the SIMDMask operators were
        // not lowered to vector compares and cost fifty times more).
        let colon = SIMD16<UInt8>(repeating: 0x3A), bar = SIMD16<UInt8>(repeating: 0x7C)
        let equals = SIMD16<UInt8>(repeating: 0x3D), cr = SIMD16<UInt8>(repeating: 0x0D)
        var least = SIMD16<UInt8>(repeating: 0xFF)
        var high = SIMD16<UInt8>(repeating: 0)
        var i = label.lowerBound
        while true {
            let bytes = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            least = pointwiseMin(least, pointwiseMin(pointwiseMin(bytes ^ colon, bytes ^ bar),
                                                     pointwiseMin(bytes ^ equals, bytes ^ cr)))
            high |= bytes
            if i + 16 == label.upperBound { break }
            i = min(i + 16, label.upperBound - 16)
        }
        if least.min() == 0 { return nil }
        return high.max() < 0x80
    }

    private static func shortLabelIsASCII(_ v: LineView, _ label: Range<Int>) -> Bool? {
        var bits: UInt8 = 0
        for i in label {
            switch v.storage[i] {
            case 0x3A, 0x7C, 0x3D, 0x0D: return nil
            case let b: bits |= b
            }
        }
        return bits & 0x80 == 0
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
