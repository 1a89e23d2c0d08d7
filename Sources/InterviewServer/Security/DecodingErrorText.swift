import Foundation
import Vapor

/// A request body that does not decode, said in the API's words: which field, and what is wrong with it.
/// Vapor's reason was the decoder's own description ("No such key 'clientID' at path ''. No value
/// associated with key CodingKeys(stringValue: \"clientID\", intValue: nil)…"), Swift internals a
/// client cannot act on (a probe).
enum DecodingErrorText {
    static func abort(_ error: DecodingError) -> Abort {
        Abort(.badRequest, reason: reason(error))
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "The field '\(path(context.codingPath + [key]))' is missing."
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "The field '\(path(context.codingPath))' should be \(kind(type))."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON or form data."
                : "The field '\(path(context.codingPath))' has a value this route does not take."
        @unknown default:
            return "The body is not what this route takes."
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
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
