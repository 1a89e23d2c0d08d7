import Vapor

/// A secret that every state-changing request must echo: as the `csrf` form field, or the `X-CSRF-Token`
/// header for JSON. A page on another site cannot read it, so it cannot forge the request.
///
/// A signed-in session keeps its token in the session. A visitor without one (the login and setup pages)
/// gets it in a cookie of its own instead, which the form echoes (a double-submit cookie): a session row
/// for every anonymous page view let anyone fill the database with rows nothing removed (security review,
/// stop 23). Signing in starts the session and its own token, so a token read before login is worth
/// nothing after it.
enum CSRF {
    static let sessionKey = "csrf"
    static let formField = "csrf"
    static let header = "X-CSRF-Token"
    static let cookieName = "interviewflow-csrf"

    /// A visitor's token made on this request, for `CSRFCookie` to set on the response.
    struct PendingCookie: StorageKey { typealias Value = String }

    /// The session's token, when the session signs someone in. A session that has just ended (idle,
    /// revoked) still holds its token while this request runs, but is deleted with the response: a login
    /// page given that token sent a form nothing could match, and the first sign-in after a timeout was
    /// refused as forged (a probe).
    private static func sessionToken(_ req: Request) -> String? {
        guard req.hasSession, req.auth.has(User.self) else { return nil }
        return req.session.data[sessionKey]
    }

    /// The token to put in this request's page or JSON.
    static func token(for req: Request) -> String {
        if let token = sessionToken(req) { return token }
        if req.hasSession, req.auth.has(User.self) {
            let token = [UInt8].random(count: 32).hex
            req.session.data[sessionKey] = token
            return token
        }
        if let pending = req.storage[PendingCookie.self] { return pending }
        if let cookie = req.cookies[cookieName]?.string, isWellFormed(cookie) { return cookie }
        let token = [UInt8].random(count: 32).hex
        req.storage[PendingCookie.self] = token
        return token
    }

    /// The token a state-changing request must carry: the session's, or a visitor's cookie.
    static func expected(for req: Request) -> String? {
        if let token = sessionToken(req) { return token }
        guard let cookie = req.cookies[cookieName]?.string, isWellFormed(cookie) else { return nil }
        return cookie
    }

    /// 64 hex digits, as every token made here is; anything else in the cookie is ignored.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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
        let expected = CSRF.expected(for: req)
        if let header = req.headers.first(name: CSRF.header) {
            return Self.check(header, expected, req, next)
        }
        guard req.content.contentType != .json else {
            return Self.check(nil, expected, req, next)   // no header: refused, or answered as signed out
        }
        // The body is streamed until a route collects it; the token is inside, so collect it here: up to
        // the 6 MB a resume or a guide needs on the forms that take them, 1 MB anywhere else (a 5.5 MB
        // multipart post to a name form cost seconds of a core to decode, from any account).
        let max = Self.takesLargeBodies(req) ? req.application.routes.defaultMaxBodySize.value : 1 << 20
        return req.body.collect(max: max).flatMap { _ in
            Self.check((try? req.content.decode(Field.self))?.csrf, expected, req, next)
        }
    }

    /// The forms that carry a resume (adding a candidate, editing one) or a guide's Markdown (upload,
    /// edit, convert: 1 MB of Chinese is 3 MB once percent-encoded).
    static func takesLargeBodies(_ req: Request) -> Bool {
        let parts = req.url.path.split(separator: "/")
        guard let first = parts.first else { return false }
        switch first {
        case "guides": return true
        case "candidates": return parts.count == 1 || (parts.count == 2 && UUID(uuidString: String(parts[1])) != nil)
        default: return false
        }
    }

    private static func check(_ submitted: String?, _ expected: String?, _ req: Request, _ next: any Responder) -> EventLoopFuture<Response> {
        guard CSRF.matches(submitted, expected) else {
            // A session that has ended (signed out everywhere, deactivated, timed out) takes its token with
            // it: answered as signed out, as a GET is, not as a forged form (a console's next action read
            // "Missing or wrong CSRF token", and its client could not tell the person to sign in again).
            // Signing out of a session that has ended already: done, nothing to forge.
            if !req.auth.has(User.self), req.url.path == SiteURL.logout.path {
                return req.eventLoop.makeSucceededFuture(req.redirect(to: SiteURL.login.path))
            }
            if !req.auth.has(User.self), !Self.isOpenToVisitors(req) {
                return RequireUser(kind: req.url.path.hasPrefix("/" + APIPath.root.description + "/") ? .api : .page)
                    .respond(to: req, chainingTo: next)
            }
            return req.eventLoop.makeFailedFuture(Abort(.forbidden, reason: "Missing or wrong CSRF token."))
        }
        return next.respond(to: req)
    }

    /// The forms someone not signed in may send: signing in (page and API), the first admin, signing out.
    private static func isOpenToVisitors(_ req: Request) -> Bool {
        let path = req.url.path
        return [SiteURL.login.path, SiteURL.setup.path, SiteURL.logout.path, APIPath.sessionPath].contains(path)
    }
}

/// Sets a visitor's new CSRF token (`CSRF.PendingCookie`) on the response, whatever answered: a page, or
/// an error page rendered further in. For the browser's session only (no Max-Age), never readable by
/// scripts, and sent only with requests from our own pages.
struct CSRFCookie: AsyncMiddleware {
    let secure: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let token = req.storage[CSRF.PendingCookie.self] {
            response.cookies[CSRF.cookieName] = HTTPCookies.Value(string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                                                                  isSecure: secure, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
