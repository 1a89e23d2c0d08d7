import Foundation

/// A small JSON writer for the console's answers. `JSONEncoder` goes through `Codable`'s generic
/// containers, which cost more than the rest of a rating together; the console view is one fixed
/// shape, so it writes itself. The output is standard JSON (a test reads it back with JSONDecoder
/// and compares it with what `Codable` produces).
struct JSONText {
    private(set) var text = ""
    private var needsComma = false

    init() { text.reserveCapacity(2048) }

    mutating func object(_ body: (inout JSONText) -> Void) {
        separate()
        text += "{"
        needsComma = false
        body(&self)
        text += "}"
        needsComma = true
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONText, S.Element) -> Void) {
        separate()
        text += "["
        needsComma = false
        for item in items { body(&self, item) }
        text += "]"
        needsComma = true
    }

    /// Starts a member of the enclosing object: its key, then the value written next.
    mutating func key(_ name: String) {
        separate()
        string(name)
        text += ":"
        needsComma = false
    }

    mutating func value(_ string: String?) {
        separate()
        if let string { self.string(string) } else { text += "null" }
        needsComma = true
    }

    mutating func value(_ number: Double?) {
        separate()
        if let number, number.isFinite {
            text += number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        } else {
            text += "null"
        }
        needsComma = true
    }

    mutating func value(_ number: Int?) {
        separate()
        text += number.map(String.init) ?? "null"
        needsComma = true
    }

    mutating func value(_ flag: Bool) {
        separate()
        text += flag ? "true" : "false"
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
        if needsComma { text += "," }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    private mutating func string(_ value: String) {
        text += "\""
        // Most strings need no escape at all: copy them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            text += value
            text += "\""
            return
        }
        var plainStart = value.unicodeScalars.startIndex
        var index = plainStart
        let scalars = value.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? = switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escape {
                text.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                text += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        text.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        text += "\""
    }
}
