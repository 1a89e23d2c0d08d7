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

    /// Whether the submitted token is the session's. Compared byte by byte without stopping at the
    /// first difference, so the time taken says nothing about how much matched (a length difference
    /// says only that it is wrong; every real token has the same length).
    static func matches(_ submitted: String?, _ expected: String?) -> Bool {
        guard let submitted, let expected, !expected.isEmpty, submitted.utf8.count == expected.utf8.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(submitted.utf8, expected.utf8) { difference |= a ^ b }
        return difference == 0
    }
}

struct CSRFMiddleware: Middleware {
    private struct Field: Decodable { var csrf: String? }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        switch req.method {
        case .POST, .PUT, .PATCH, .DELETE: break
        default: return next.respond(to: req)
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
