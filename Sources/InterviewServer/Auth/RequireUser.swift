import Vapor

/// Pages send someone without a session to the login page; the API answers 401.
struct RequireUser: Middleware {
    enum Kind { case page, api }
    let kind: Kind

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard req.auth.has(User.self) else {
            switch kind {
            case .page: return req.eventLoop.makeSucceededFuture(req.redirect(to: SiteURL.login.path))
            case .api: return req.eventLoop.makeFailedFuture(Abort(.unauthorized, reason: "Sign in first."))
            }
        }
        return next.respond(to: req)
    }
}

extension Request {
    /// The logged-in user; routes behind `RequireUser` always have one.
    var user: User {
        get throws { try auth.require(User.self) }
    }
}
