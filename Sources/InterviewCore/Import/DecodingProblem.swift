import Flowchart
import Foundation

/// A `DecodingError` in words a person can act on: which field, and what is wrong with it. The
/// decoder's own description names its coding keys ("No value associated with key
/// CodingKeys(stringValue: …)"). One wording for a guide read from JSON and for the server's API.
public enum DecodingProblem {
    /// "the field 'stages[0].title' is missing", "the field 'rating' should be a number"; nil when the
    /// problem is not one field's (the input is not JSON at all).
    public static func field(_ error: DecodingError) -> String? { described(error)?.en }

    /// The same in both languages: the server answers a Chinese caller in Chinese (its English sentence was
    /// parsed back into Chinese at first, a fix at the wrong end).
    public static func described(_ error: DecodingError) -> LocalizedText? {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return LocalizedText(en: "the field '\(field)' is missing", zh: "缺少字段 '\(field)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context.codingPath), (en, zh) = kind(type)
            return LocalizedText(en: "the field '\(field)' should be \(en)", zh: "字段 '\(field)' 应为\(zh)")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            return LocalizedText(en: "the field '\(field)' has a value that cannot be read", zh: "字段 '\(field)' 的值无法读取")
        default:
            return nil
        }
    }

    /// `stages[0].title`: keys joined with dots, list positions in brackets.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingPrefix(".").description
    }

    /// What the field should hold, in both languages (a space before a Latin word, as Chinese sets it).
    private static func kind(_ type: Any.Type) -> (String, String) {
        switch type {
        case is String.Type: ("text", "文本")
        case is Int.Type, is Double.Type: ("a number", "数字")
        case is Bool.Type: ("true or false", " true 或 false")
        case is [Any].Type: ("a list", "列表")
        default: ("a value of another kind", "另一种类型的值")
        }
    }
}
