import Crypto
import Vapor

/// A per-session secret that every state-changing request must echo: as the `csrf` form field, or the
/// `X-CSRF-Token` header for JSON. A page on another site cannot read it, so it cannot forge the request.
enum CSRF {
    static let sessionKey = "csrf"
    static let formField = "csrf"
    static let header = "X-CSRF-Token"

    /// The session's token, created on first use (which also starts the session).
    static func token(for req: Request) -> String {
        if let token = req.session.data[sessionKey] { return token }
        let token = [UInt8].random(count: 32).hex
        req.session.data[sessionKey] = token
        return token
    }

    static func matches(_ submitted: String?, _ expected: String?) -> Bool {
        guard let submitted, let expected, !expected.isEmpty else { return false }
        // Compare digests so the time taken says nothing about how much matched.
        return SHA256.hash(data: Data(submitted.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    private struct Field: Decodable { var csrf: String? }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        let expected = req.hasSession ? req.session.data[CSRF.sessionKey] : nil
        var submitted = req.headers.first(name: CSRF.header)
        if submitted == nil, req.content.contentType != .json {
            // The body is streamed until a route collects it; the token is inside, so collect it here.
            _ = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
            submitted = (try? req.content.decode(Field.self))?.csrf
        }
        guard CSRF.matches(submitted, expected) else {
            throw Abort(.forbidden, reason: "Missing or wrong CSRF token.")
        }
        return try await next.respond(to: req)
    }
}
