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

struct CSRFMiddleware: Middleware {
    private struct Field: Decodable { var csrf: String? }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return next.respond(to: req)
        }
        let expected = req.hasSession ? req.session.data[CSRF.sessionKey] : nil
        if let header = req.headers.first(name: CSRF.header) {
            return Self.check(header, expected, req, next)
        }
        guard req.content.contentType != .json else {
            return req.eventLoop.makeFailedFuture(Abort(.forbidden, reason: "Missing or wrong CSRF token."))
        }
        // The body is streamed until a route collects it; the token is inside, so collect it here.
        return req.body.collect(max: req.application.routes.defaultMaxBodySize.value).flatMap { _ in
            Self.check((try? req.content.decode(Field.self))?.csrf, expected, req, next)
        }
    }

    private static func check(_ submitted: String?, _ expected: String?, _ req: Request, _ next: any Responder) -> EventLoopFuture<Response> {
        guard CSRF.matches(submitted, expected) else {
            return req.eventLoop.makeFailedFuture(Abort(.forbidden, reason: "Missing or wrong CSRF token."))
        }
        return next.respond(to: req)
    }
}
