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
        /// Where the cursor starts: the email field until one was given (Leaf takes an empty string for
        /// true, so testing `email` itself put a first visitor's typed email into the password field).
        var emailGiven: Bool

        init(email: String = "", message: String? = nil) {
            self.email = email
            self.message = message
            emailGiven = !email.isEmpty
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.components, use: Self.form)
        routes.post(SiteURL.login.components, use: Self.login)
        routes.post(SiteURL.logout.components, use: Self.logout)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        if let user = req.auth.get(User.self) { return req.redirect(to: SiteURL.landing(for: user).path) }
        return try await req.page("login", LoginPage()).encodeResponse(for: req)
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        switch try await authenticate(email: form.email ?? "", password: form.password ?? "", req: req) {
        case .success:
            return req.redirect(to: SiteURL.landing(for: try req.user).path)
        case .failure(let reason, let retryAfter):
            let page = LoginPage(email: form.email ?? "", message: failureMessage(reason, retryAfter: retryAfter, req.language))
            let response = try await req.page("login", page).encodeResponse(for: req)
            response.status = reason == .tooManyAttempts ? .tooManyRequests : reason == .accountDeactivated ? .forbidden : .unauthorized
            if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
            return response
        }
    }

    /// What a refused login says; a lockout says how long it lasts ("a little later" left people trying
    /// every minute, each try answered the same).
    static func failureMessage(_ reason: Text, retryAfter: Int?, _ language: Language) -> String {
        guard reason == .tooManyAttempts, let retryAfter else { return reason.in(language) }
        let minutes = max(1, (retryAfter + 59) / 60)
        return language == .zh ? "失败次数过多，请在 \(minutes) 分钟后再试。"
                               : "Too many failed attempts. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        try await end(req)
        return req.redirect(to: SiteURL.login.path)
    }

    /// Ends this session (the page's and the API's logout): the row is deleted, so the old cookie,
    /// replayed, signs nobody in.
    static func end(_ req: Request) async throws {
        if let user = req.auth.get(User.self) {
            try await SecurityAudit.record(.logout, by: user, subject: SecurityAudit.subject("user", user.id), req: req)
        }
        req.auth.logout(User.self)
        req.session.destroy()
    }

    enum Outcome: Equatable { case success, failure(Text, retryAfter: Int? = nil) }

    /// Checks the password under the rate limits and logs the user in; shared with the API.
    ///
    /// The same work whatever the email: an unknown one is checked against a dummy hash, so the time
    /// taken does not tell a stranger which emails have accounts; and unknown emails are counted and
    /// locked like known ones.
    static func authenticate(email: String, password: String, req: Request) async throws -> Outcome {
        let limiter = LoginRateLimiter(db: req.db, now: Date())
        let account = LoginRateLimiter.Scope.account(email), address = LoginRateLimiter.Scope.address(req.clientAddress)
        let user = try await User.query(on: req.db).filter(\.$email == User.normalized(email: email)).first()
        if case .refused(let wait, let first) = try await limiter.reserve(account) {
            ServerMetrics.loginFailed(.throttled)
            if first {
                try await SecurityAudit.record(.loginLocked, by: user, subject: SecurityAudit.subject("user", user?.id), detail: "account", req: req)
            }
            return .failure(.tooManyAttempts, retryAfter: wait)
        }
        if case .refused(let wait, let first) = try await limiter.reserve(address) {
            ServerMetrics.loginFailed(.throttled)
            try await limiter.release(account)
            if first {
                try await SecurityAudit.record(.loginLocked, by: user, subject: SecurityAudit.subject("user", user?.id), detail: "address", req: req)
            }
            return .failure(.tooManyAttempts, retryAfter: wait)
        }
        let correct = try await req.password.async.verify(password, created: user?.passwordHash ?? req.application.dummyPasswordHash)
        guard let user, correct else {
            ServerMetrics.loginFailed(user == nil ? .unknownAccount : .wrongPassword)
            try await SecurityAudit.record(.loginFailed, by: user, subject: user == nil ? "" : SecurityAudit.subject("user", user?.id),
                                           detail: user == nil ? "unknown account" : "wrong password", req: req)
            req.logger.notice("login failed")
            return .failure(.loginFailed)
        }
        // Said only to someone who knows the password, so it tells a stranger nothing. In the trail: someone
        // who left still trying their password is what an admin looks there for (it left no trace). It
        // keeps its places in the limit like a wrong password, so it cannot write rows without end.
        guard user.isActive else {
            ServerMetrics.loginFailed(.deactivated)
            try await SecurityAudit.record(.loginFailed, by: user, subject: SecurityAudit.subject("user", user.id), detail: "deactivated", req: req)
            return .failure(.accountDeactivated)
        }
        try await limiter.clear(account)
        try await limiter.release(address)
        try await startFreshSession(for: user, req: req)
        try await SecurityAudit.record(.loginSucceeded, by: user, subject: SecurityAudit.subject("user", user.id), req: req)
        return .success
    }

    /// Logs `user` in under a new session id and a new CSRF token: an id someone planted before login
    /// (session fixation) is dropped, and a token read before login is worth nothing after it.
    static func startFreshSession(for user: User, req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        SessionPolicy.stamp(req.session, for: user, now: req.application.sessionClock())
        _ = CSRF.token(for: req)
    }
}
