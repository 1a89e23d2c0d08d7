import Vapor

/// Everyone's own account: who they are, their password, and the time zone pages show.
struct AccountController: RouteCollection {
    struct AccountPage: Encodable {
        struct ZoneOption: Encodable {
            var name: String
            var selected: Bool
        }

        var name: String
        var email: String
        var role: String
        var action = SiteURL.accountPassword.path
        var signOutEverywhere = SiteURL.accountSignOutEverywhere.path
        var timeZoneAction = SiteURL.accountTimeZone.path
        var nameAction = SiteURL.accountName.path
        var changed = false
        var nameChanged = false
        var zoneSaved = false
        /// Following the browser (no zone fixed here): the list's first entry is chosen.
        var followsBrowser = true
        var zones: [ZoneOption] = []
        var errors: [String: String] = [:]
    }

    struct ZoneForm: Content {
        /// Empty: follow the browser.
        var zone: String?
        /// The browser's own zone, filled in by zone.js, so following it shows at once.
        var browserZone: String?
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
        routes.post(SiteURL.accountTimeZone.components, use: Self.chooseTimeZone)
        routes.post(SiteURL.accountName.components, use: Self.changeName)
    }

    /// One's own name as colleagues see it (the email, which signs one in, is the admins' to change).
    @Sendable static func changeName(req: Request) async throws -> Response {
        struct Form: Content { var name: String? }
        let user = try req.user
        do {
            let changes = try await AccountAdministration.update(user, name: try req.content.decode(Form.self).name ?? "", email: nil,
                                                                 role: nil, active: nil, by: user, on: req.db)
            try await AccountAdministration.record(changes, of: user, by: user, req: req)
            return req.redirect(to: SiteURL.account.path + "?name=1")
        } catch let errors as FieldErrors {
            let response = try await render(req, changed: false, errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    /// Kept in cookies, like the language: the zone belongs to where someone reads, not to the account
    /// (the same interviewer on a laptop abroad and on the office desktop).
    @Sendable static func chooseTimeZone(req: Request) async throws -> Response {
        let form = try req.content.decode(ZoneForm.self)
        let chosen = form.zone.flatMap { $0.isEmpty ? nil : $0 }
        if let chosen, DisplayZone.zone(named: chosen) == nil { throw Abort(.unprocessableEntity) }
        let response = req.redirect(to: SiteURL.account.path + "?zone=1#time-zone")
        let secure = req.application.serverSettings.secureCookies
        // Not HttpOnly: zone.js reads and writes them. They name a time zone and nothing else. Gone
        // with a zero Max-Age on the same path (Vapor's `.expired` has none, and would miss "/").
        func cookie(_ value: String?) -> HTTPCookies.Value {
            HTTPCookies.Value(string: value ?? "", expires: nil, maxAge: value == nil ? 0 : 60 * 60 * 24 * 365, path: "/",
                              isSecure: secure, isHTTPOnly: false, sameSite: .lax)
        }
        if let chosen {
            response.cookies[DisplayZone.cookieName] = cookie(chosen)
            response.cookies[DisplayZone.fixedCookieName] = cookie("1")
        } else {
            if let browser = form.browserZone, DisplayZone.zone(named: browser) != nil {
                response.cookies[DisplayZone.cookieName] = cookie(browser)
            } else {
                response.cookies[DisplayZone.cookieName] = cookie(nil)
            }
            response.cookies[DisplayZone.fixedCookieName] = cookie(nil)
        }
        return response
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
        try await render(req, changed: req.query[String.self, at: "changed"] == "1", errors: [:],
                         zoneSaved: req.query[String.self, at: "zone"] == "1", nameChanged: req.query[String.self, at: "name"] == "1")
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

    private static func render(_ req: Request, changed: Bool, errors: [String: String], zoneSaved: Bool = false,
                               nameChanged: Bool = false) async throws -> View {
        let user = try req.user
        let fixed = DisplayZone.isFixed(by: req) ? DisplayZone.preferred(by: req).identifier : nil
        return try await req.page("account", AccountPage(
            name: user.name, email: user.email, role: user.role.label(req.language), changed: changed, nameChanged: nameChanged, zoneSaved: zoneSaved,
            followsBrowser: fixed == nil, zones: DisplayZone.known.map { .init(name: $0, selected: $0 == fixed) }, errors: errors))
    }
}
