import Vapor

/// Everyone's own account: who they are, and changing their password.
struct AccountController: RouteCollection {
    struct AccountPage: Encodable {
        var name: String
        var email: String
        var role: String
        var action = SiteURL.accountPassword.path
        var signOutEverywhere = SiteURL.accountSignOutEverywhere.path
        var changed = false
        var errors: [String: String] = [:]
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirmation: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.components, use: Self.show)
        routes.post(SiteURL.accountPassword.components, use: Self.changePassword)
        routes.post(SiteURL.accountSignOutEverywhere.components, use: Self.signOutEverywhere)
    }

    /// Ends every session of the account, this one included: for a lost laptop or a shared computer.
    @Sendable static func signOutEverywhere(req: Request) async throws -> Response {
        let user = try req.user
        try await AccountAdministration.endAllSessions(of: user, on: req.db)
        try await SecurityAudit.record(.sessionsEnded, by: user, subject: SecurityAudit.subject("user", user.id), req: req)
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await render(req, changed: req.query[String.self, at: "changed"] == "1", errors: [:])
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let user = try req.user
        do {
            try await AccountAdministration.changePassword(of: user, current: form.current ?? "", new: form.new ?? "",
                                                           confirmation: form.confirmation ?? "", req: req)
            try await SecurityAudit.record(.passwordChanged, by: user, subject: SecurityAudit.subject("user", user.id),
                                           detail: "other sessions ended", req: req)
            return req.redirect(to: SiteURL.account.path + "?changed=1")
        } catch let errors as FieldErrors {
            let response = try await render(req, changed: false, errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    private static func render(_ req: Request, changed: Bool, errors: [String: String]) async throws -> View {
        let user = try req.user
        return try await req.page("account", AccountPage(name: user.name, email: user.email, role: user.role.label(req.language),
                                                         changed: changed, errors: errors))
    }
}
