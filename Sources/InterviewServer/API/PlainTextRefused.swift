import Vapor

/// No route takes a text/plain body, but Vapor's default coders read one into a String, so a JSON route
/// sent text answered 400 "could not decode" where the API documents 415 for a body of a type it does not
/// take (an account probe: a text/plain PATCH of a user). This decoder refuses it as such everywhere.
struct PlainTextRefused: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        throw Abort(.unsupportedMediaType)
    }

    /// Process-wide, like Vapor's own coders; the same every time it is called.
    static func install() {
        var content = ContentConfiguration.global
        content.use(decoder: PlainTextRefused(), for: .plainText)
        ContentConfiguration.global = content
    }
}
