import Foundation

/// A `DecodingError` in words a person can act on: which field, and what is wrong with it. The
/// decoder's own description names its coding keys ("No value associated with key
/// CodingKeys(stringValue: …)"). One wording for a guide read from JSON and for the server's API.
public enum DecodingProblem {
    /// "the field 'stages[0].title' is missing", "the field 'rating' should be a number"; nil when the
    /// problem is not one field's (the input is not JSON at all).
    public static func field(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context):
            return "the field '\(path(context.codingPath + [key]))' is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "the field '\(path(context.codingPath))' should be \(kind(type))"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "the field '\(path(context.codingPath))' has a value that cannot be read"
        default:
            return nil
        }
    }

    /// `stages[0].title`: keys joined with dots, list positions in brackets.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingPrefix(".").description
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "a value of another kind"
        }
    }
}
