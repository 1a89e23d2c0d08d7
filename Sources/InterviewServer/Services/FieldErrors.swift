import Vapor

/// What is wrong with a submitted form, per field; pages show each message beside its field in the
/// user's language, the API answers 422 with the same map.
struct FieldErrors: Error, Sendable {
    var fields: [String: Text] = [:]
    /// The limit a field went past, said with `errTooLong` ("Too long." alone left people guessing).
    enum Limit: Sendable {
        case characters(Int), megabytes(Int)

        func text(_ language: Language) -> String {
            switch self {
            case .characters(let n): language == .zh ? "\(n) 个字符" : "\(n) characters"
            case .megabytes(let n): "\(n) MB"
            }
        }
    }

    var limits: [String: Limit] = [:]
    /// The range a number had to be in, put into its error's `{low}` and `{high}`: one text said "from 1 to
    /// 3650" for a field that takes 1 to 720.
    var ranges: [String: ClosedRange<Int>] = [:]

    var isEmpty: Bool { fields.isEmpty }

    /// The same errors under another field's name (a form's field and the API's may be called differently).
    mutating func rename(_ field: String, to other: String) {
        fields[other] = fields.removeValue(forKey: field) ?? fields[other]
        limits[other] = limits.removeValue(forKey: field) ?? limits[other]
        ranges[other] = ranges.removeValue(forKey: field) ?? ranges[other]
    }

    subscript(field: String) -> Text? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    func localized(_ language: Language) -> [String: String] {
        var out = fields.mapValues { $0.in(language) }
        for (field, limit) in limits where fields[field] == .errTooLong {
            out[field] = language == .zh ? "太长：最多 \(limit.text(language))。" : "Too long: at most \(limit.text(language))."
        }
        for (field, range) in ranges {
            out[field] = out[field]?.replacingOccurrences(of: "{low}", with: "\(range.lowerBound)")
                .replacingOccurrences(of: "{high}", with: "\(range.upperBound)")
        }
        return out
    }

    /// `text` (`errNumber` unless said otherwise) for `field`, with the range it must be in.
    mutating func outOfRange(_ field: String, _ range: ClosedRange<Int>, _ text: Text = .errNumber) {
        fields[field] = text
        ranges[field] = range
    }

    /// `errTooLong` for `field`, saying the limit ("200 characters" / "200 个字符").
    mutating func tooLong(_ field: String, _ limit: Limit) {
        fields[field] = .errTooLong
        limits[field] = limit
    }

    /// Throws self when anything was found.
    func check() throws {
        if !isEmpty { throw self }
    }

    /// The field's text as stored (`UserText.clean`, trimmed; one line unless `lines`), noting what is
    /// wrong with it.
    mutating func require(_ value: String?, _ field: String, max: Int = 200, lines: Bool = false) -> String {
        let trimmed = value.map(lines ? UserText.clean : UserText.line)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty { self[field] = .errRequired } else if Self.exceeds(trimmed, max) { tooLong(field, .characters(max)) }
        return trimmed
    }

    mutating func optional(_ value: String?, _ field: String, max: Int) -> String? {
        let trimmed = value.map(UserText.clean)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if Self.exceeds(trimmed, max) { tooLong(field, .characters(max)) }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Longer than `max` characters, or than four bytes a character. Characters alone are no limit: one
    /// character can hold any number of combining marks, so ten thousand of them on one letter would
    /// pass a count of characters and still be stored, indexed and drawn. Four bytes is the longest a
    /// single code point takes, so no honest text in any script is refused by the byte count.
    static func exceeds(_ text: String, _ max: Int) -> Bool {
        text.utf8.count > 4 * max || text.count > max
    }
}
