import Vapor

/// API sign-in. `GET /api/v1/session` hands out the CSRF token (and starts the session cookie); the
/// other calls send it back in `X-CSRF-Token`.
struct APISessionController: RouteCollection {
    struct SessionInfo: Content {
        var csrf: String
        var user: UserInfo?
    }

    struct UserInfo: Content {
        var id: UUID
        var name: String
        var email: String
        var role: Role
        /// False once deactivated: a leaver's row read like anyone's (an account probe).
        var active: Bool

        init(_ user: User) throws {
            id = try user.requireID()
            name = user.name
            email = user.email
            role = user.role
            active = user.isActive
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.session, use: Self.show)
        routes.post(APIPath.session, use: Self.login)
        routes.delete(APIPath.session, use: Self.logout)
    }

    @Sendable static func show(req: Request) async throws -> SessionInfo {
        SessionInfo(csrf: CSRF.token(for: req), user: try req.auth.get(User.self).map(UserInfo.init))
    }

    @Sendable static func login(req: Request) async throws -> SessionInfo {
        let form = try req.content.decode(SessionController.LoginForm.self)
        switch try await SessionController.authenticate(email: form.email ?? "", password: form.password ?? "", req: req) {
        case .success: return try await show(req: req)
        case .failure(let reason, let retryAfter):
            var headers = HTTPHeaders()
            if let retryAfter { headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
            throw Abort(reason == .tooManyAttempts ? .tooManyRequests : reason == .accountDeactivated ? .forbidden : .unauthorized,
                        headers: headers, reason: SessionController.failureMessage(reason, retryAfter: retryAfter, req.language))
        }
    }

    @Sendable static func logout(req: Request) async throws -> HTTPStatus {
        try await SessionController.end(req)
        return .noContent
    }
}
