import Vapor

/// What is wrong with a submitted form, per field; pages show each message beside its field in the
/// user's language, the API answers 422 with the same map.
struct FieldErrors: Error, Sendable {
    var fields: [String: Text] = [:]

    var isEmpty: Bool { fields.isEmpty }

    subscript(field: String) -> Text? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    func localized(_ language: Language) -> [String: String] {
        fields.mapValues { $0.in(language) }
    }

    /// Throws self when anything was found.
    func check() throws {
        if !isEmpty { throw self }
    }

    /// The field's text as stored (`UserText.clean`, trimmed), noting what is wrong with it.
    mutating func require(_ value: String?, _ field: String, max: Int = 200) -> String {
        let trimmed = value.map(UserText.clean)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty { self[field] = .errRequired } else if Self.exceeds(trimmed, max) { self[field] = .errTooLong }
        return trimmed
    }

    mutating func optional(_ value: String?, _ field: String, max: Int) -> String? {
        let trimmed = value.map(UserText.clean)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if Self.exceeds(trimmed, max) { self[field] = .errTooLong }
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
