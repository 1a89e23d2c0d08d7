import InterviewCore
import Vapor

/// A request body that does not decode, answered with the field and what is wrong with it
/// (`DecodingProblem`, the wording a guide read from JSON gets too): Vapor's reason was the decoder's
/// description of its coding keys, which a client cannot act on (a probe).
enum DecodingErrorText {
    static func abort(_ error: DecodingError) -> Abort {
        guard let field = DecodingProblem.field(error) else {
            return Abort(.badRequest, reason: "The body is not valid JSON or form data.")
        }
        return Abort(.badRequest, reason: field.prefix(1).uppercased() + field.dropFirst() + ".")
    }
}
