import Foundation
import NIOCore

/// A small JSON writer for the console's answers. `JSONEncoder` goes through `Codable`'s generic
/// containers, which cost more than the rest of a rating together; the console view is one fixed
/// shape, so it writes itself. The output is standard JSON (a test reads it back with JSONDecoder
/// and compares it with what `Codable` produces). It writes UTF-8 bytes, which go out as the body
/// without being copied into a String first.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(2048) }

    /// The document as text (for tests and logs; answers use `bytes`).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func object(_ body: (inout JSONText) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONText, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { body(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts a member of the enclosing object: its key, then the value written next.
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func value(_ string: String?) {
        separate()
        if let string { self.string(string) } else { literal("null") }
        needsComma = true
    }

    mutating func value(_ number: Double?) {
        separate()
        if let number, number.isFinite {
            if number == number.rounded() && abs(number) < 1e15 {
                integer(Int64(number))
            } else {
                bytes.append(contentsOf: String(number).utf8)
            }
        } else {
            literal("null")
        }
        needsComma = true
    }

    mutating func value(_ number: Int?) {
        separate()
        if let number { integer(Int64(number)) } else { literal("null") }
        needsComma = true
    }

    mutating func value(_ flag: Bool) {
        separate()
        literal(flag ? "true" : "false")
        needsComma = true
    }

    /// `key` and `value` together; a nil value leaves the member out, as `Codable` does.
    mutating func member(_ name: String, _ string: String?) {
        guard let string else { return }
        key(name)
        value(string)
    }

    mutating func member(_ name: String, _ number: Double?) {
        guard let number else { return }
        key(name)
        value(number)
    }

    mutating func member(_ name: String, _ number: Int?) {
        guard let number else { return }
        key(name)
        value(number)
    }

    mutating func member(_ name: String, _ flag: Bool?) {
        guard let flag else { return }
        key(name)
        value(flag)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plainStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                switch byte {
                case 0x22: literal("\\\"")
                case 0x5C: literal("\\\\")
                case 0x0A: literal("\\n")
                case 0x0D: literal("\\r")
                case 0x09: literal("\\t")
                default:
                    // Other control characters as \u00XX, lower-case hex like JSONEncoder.
                    literal("\\u00")
                    for nibble in [byte >> 4, byte & 0x0F] {
                        bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
                    }
                }
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
