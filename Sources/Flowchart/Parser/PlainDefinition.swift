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
              let colon = Self.typeEnd(v, rest),
              let type = NodeType(utf8: v.storage[rest.lowerBound..<colon]) else { return nil }
        let label = (colon + 2)..<rest.upperBound
        guard let isASCII = Self.plainLabelIsASCII(v, label) else { return nil }
        key = v.start..<arrow
        self.type = type
        self.label = label
        labelIsASCII = isASCII
    }

    /// Nil if the label holds ':', '|', '=' or CR, else whether it is all ASCII; eight bytes at a time:
    /// one pass over the label instead of four searches and a validation, and labels are most of a
    /// chart's bytes.
    private static func plainLabelIsASCII(_ v: LineView, _ label: Range<Int>) -> Bool? {
        var i = label.lowerBound
        var high: UInt64 = 0
        if let base = UnsafeRawPointer(v.storage.baseAddress) {
            while i + 8 <= label.upperBound {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasByte(word, 0x3A) || hasByte(word, 0x7C) || hasByte(word, 0x3D) || hasByte(word, 0x0D) { return nil }
                high |= word
                i += 8
            }
        }
        var tail: UInt8 = 0
        while i < label.upperBound {
            switch v.storage[i] {
            case 0x3A, 0x7C, 0x3D, 0x0D: return nil
            case let b:
                tail |= b
                i += 1
            }
        }
        return high & 0x8080_8080_8080_8080 == 0 && tail & 0x80 == 0
    }

    /// Whether any byte of `word` is `byte` (the zero-byte test of "Bit Twiddling Hacks", exact).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The ': ' after the type, if the type before it holds no other ':' and no line break.
    private static func typeEnd(_ v: LineView, _ rest: Range<Int>) -> Int? {
        var i = rest.lowerBound
        while i + 1 < rest.upperBound {
            switch v.storage[i] {
            case UInt8(ascii: ":"): return v.storage[i + 1] == UInt8(ascii: " ") ? i : nil
            case UInt8(ascii: "\n"), UInt8(ascii: "="): return nil
            default: i += 1
            }
        }
        return nil
    }
}
