import Flowchart
import InterviewCore
import Vapor

/// A request body that does not decode, answered with the field and what is wrong with it
/// (`DecodingProblem`, the wording a guide read from JSON gets too): Vapor's reason was the decoder's
/// description of its coding keys, which a client cannot act on (a probe).
enum DecodingErrorText {
    static func abort(_ error: DecodingError) -> Refusal {
        guard let field = DecodingProblem.described(error) else {
            return Refusal(text: LocalizedText(en: "The body is not valid JSON or form data.", zh: "请求正文不是有效的 JSON 或表单数据。"))
        }
        return Refusal(text: LocalizedText(en: field.en.prefix(1).uppercased() + field.en.dropFirst() + ".", zh: field.zh + "。"))
    }

    /// A 400 that carries its reason in both languages; the error middleware says the caller's.
    struct Refusal: AbortError {
        var text: LocalizedText
        var status: HTTPResponseStatus { .badRequest }
        var reason: String { text.en }
    }
}
