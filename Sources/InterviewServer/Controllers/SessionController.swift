import Fluent
import Vapor

/// Logging in and out.
struct SessionController: RouteCollection {
    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    struct LoginPage: Encodable {
        var action = SiteURL.login.path
        var email = ""
        var message: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.components, use: Self.form)
        routes.post(SiteURL.login.components, use: Self.login)
        routes.post(SiteURL.logout.components, use: Self.logout)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: SiteURL.positions.path) }
        return try await req.page("login", LoginPage()).encodeResponse(for: req)
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        switch try await authenticate(email: form.email ?? "", password: form.password ?? "", req: req) {
        case .success:
            return req.redirect(to: SiteURL.positions.path)
        case .failure(let reason):
            let page = LoginPage(email: form.email ?? "", message: req.text(reason))
            let response = try await req.page("login", page).encodeResponse(for: req)
            response.status = reason == .tooManyAttempts ? .tooManyRequests : reason == .accountDeactivated ? .forbidden : .unauthorized
            return response
        }
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    enum Outcome: Equatable { case success, failure(Text) }

    /// Checks the password under the rate limit and logs the user in; shared with the API.
    static func authenticate(email: String, password: String, req: Request) async throws -> Outcome {
        let limiter = LoginRateLimiter(db: req.db, now: Date())
        let key = LoginRateLimiter.key(email: email, address: req.clientAddress)
        if try await limiter.isBlocked(key) { return .failure(.tooManyAttempts) }
        let user = try await User.query(on: req.db).filter(\.$email == User.normalized(email: email)).first()
        guard let user, try await req.password.async.verify(password, created: user.passwordHash) else {
            try await limiter.recordFailure(key)
            req.logger.notice("login failed")
            return .failure(.loginFailed)
        }
        try await limiter.clear(key)
        // Said only to someone who knows the password, so it tells a stranger nothing.
        guard user.isActive else { return .failure(.accountDeactivated) }
        try await startFreshSession(for: user, req: req)
        return .success
    }

    /// Logs `user` in under a new session id: an id someone planted before login (session fixation) is
    /// dropped. The session's data, including its CSRF token, carries over.
    static func startFreshSession(for user: User, req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.auth.login(user)
        req.session.authenticate(user)
    }
}
