/// A small JSON reader for `@>` line styles. flowchart.js hands the text to `JSON.parse` and crashes
/// on a mistake; we want the column of the mistake instead, so we read it ourselves.
/// The result keeps top-level scalar values as text (`{"stroke":"Red","stroke-width":2}`).
struct StyleJSON {
    struct Failure: Error {
        var offset: Int
        var message: LocalizedText
    }

    private let bytes: Bytes
    private var i: Int
    private let end: Int

    static func parse(_ bytes: Bytes, _ range: Range<Int>) -> Result<[String: String], Failure> {
        var reader = StyleJSON(bytes: bytes, i: range.lowerBound, end: range.upperBound)
        do {
            reader.skipSpace()
            let object = try reader.object()
            reader.skipSpace()
            if reader.i < reader.end { throw Failure(offset: reader.i, message: LocalizedText(en: "unexpected text after the JSON object", zh: "JSON 对象后面有多余的文字")) }
            return .success(object)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(offset: range.lowerBound, message: LocalizedText(en: "invalid JSON", zh: "JSON 无效")))
        }
    }

    private mutating func skipSpace() {
        while i < end, Whitespace.isASCIISpace(bytes[i]) { i += 1 }
    }

    private mutating func expect(_ c: Character) throws {
        skipSpace()
        guard i < end, bytes[i] == c.asciiValue! else {
            throw Failure(offset: min(i, end), message: LocalizedText(en: "expected '\(c)'", zh: "这里应为 '\(c)'") + found())
        }
        i += 1
    }

    private func found() -> LocalizedText {
        guard i < end else { return LocalizedText(en: " but the style ends here", zh: "，但样式在此结束") }
        let byte = String(decoding: [bytes[i]], as: UTF8.self)
        return LocalizedText(en: " but found '\(byte)'", zh: "，实际却是 '\(byte)'")
    }

    private mutating func object() throws -> [String: String] {
        guard i < end, bytes[i] == UInt8(ascii: "{") else {
            throw Failure(offset: min(i, end), message: LocalizedText(
                en: "a line style must be a JSON object such as {\"stroke\":\"red\"}",
                zh: "连线样式必须是 JSON 对象，例如 {\"stroke\":\"red\"}"))
        }
        i += 1
        var result: [String: String] = [:]
        skipSpace()
        if i < end, bytes[i] == UInt8(ascii: "}") { i += 1; return result }
        while true {
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: "\"") else {
                throw Failure(offset: min(i, end), message: LocalizedText(en: "expected a quoted key", zh: "这里应为带双引号的键") + found())
            }
            let key = try string()
            try expect(":")
            skipSpace()
            if let value = try value() { result[key] = value }
            skipSpace()
            guard i < end else { throw Failure(offset: end, message: LocalizedText(en: "expected ',' or '}'", zh: "这里应为 ',' 或 '}'") + found()) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return result }
            throw Failure(offset: i, message: LocalizedText(en: "expected ',' or '}'", zh: "这里应为 ',' 或 '}'") + found())
        }
    }

    /// A scalar as text; nested objects and arrays are read and dropped (no SVG attribute takes them).
    private mutating func value() throws -> String? {
        guard i < end else { throw Failure(offset: end, message: LocalizedText(en: "expected a value", zh: "这里应为一个值") + found()) }
        switch bytes[i] {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "{"): _ = try object(); return nil
        case UInt8(ascii: "["): try array(); return nil
        default: return try literal()
        }
    }

    private mutating func array() throws {
        i += 1
        skipSpace()
        if i < end, bytes[i] == UInt8(ascii: "]") { i += 1; return }
        while true {
            skipSpace()
            _ = try value()
            skipSpace()
            guard i < end else { throw Failure(offset: end, message: LocalizedText(en: "expected ',' or ']'", zh: "这里应为 ',' 或 ']'") + found()) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return }
            throw Failure(offset: i, message: LocalizedText(en: "expected ',' or ']'", zh: "这里应为 ',' 或 ']'") + found())
        }
    }

    private mutating func literal() throws -> String {
        let start = i
        while i < end, !"{}[],: \t\r\n".utf8.contains(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if text == "true" || text == "false" || text == "null" { return text }
        if Self.isNumber(Array(text.utf8)) { return text }
        i = start
        throw Failure(offset: start, message: text.isEmpty ? LocalizedText(en: "expected a value", zh: "这里应为一个值") + found()
                      : LocalizedText(en: "'\(text)' is not a JSON value (strings need double quotes)",
                                      zh: "'\(text)' 不是 JSON 值（字符串要用双引号）"))
    }

    private mutating func string() throws -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < end else { break }
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                default: out.append(e)
                }
                i += 2
                continue
            }
            if b < 0x20 { throw Failure(offset: i, message: LocalizedText(en: "a control character inside a JSON string", zh: "JSON 字符串里有控制字符")) }
            out.append(b)
            i += 1
        }
        throw Failure(offset: open, message: LocalizedText(en: "this string is never closed with '\"'", zh: "这个字符串没有用 '\"' 闭合"))
    }

    /// JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
    static func isNumber(_ s: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < s.count, (0x30...0x39).contains(s[i]) { i += 1 }
            return i - start
        }
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < s.count else { return false }
        if s[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == s.count
    }
}
