import Fluent
import Vapor

/// Accounts, for admins: the list with each account's role and state, and the form to add someone.
struct UserController: RouteCollection {
    struct UsersIndex: Encodable {
        struct Row: Encodable {
            var name: String
            var email: String
            var role: String
            var roles: [RoleOption]
            var isActive: Bool
            var isSelf: Bool
            var roleAction: String
            var activeAction: String
            var passwordAction: String
            var detailsAction: String
            /// A refused password or details change for this account: shown in its own form, opened again.
            var resetError: String?
            var detailsError: String?
        }
        struct RoleOption: Encodable { var value: String; var label: String; var selected: Bool }

        var users: [Row]
        var roles: [RoleOption]
        var action = SiteURL.users.path
        var name = ""
        var email = ""
        var errors: [String: String] = [:]
        var lockoutAction = SiteURL.usersLockout.path
        /// The address typed into a refused lockout form, shown back in that form only.
        var lockoutAddress = ""
        /// `ChangeNotice`: what the change just made did.
        var notice: String?
    }

    struct RoleForm: Content { var role: String? }
    struct ActiveForm: Content { var active: String? }
    struct PasswordForm: Content { var password: String?; var confirmation: String? }
    struct DetailsForm: Content { var name: String?; var email: String? }
    struct LockoutForm: Content { var address: String? }

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(SiteURL.users.components, use: Self.index)
        admin.post(SiteURL.users.components, use: Self.create)
        admin.post(SiteURL.pattern(SiteURL.userRole), use: Self.changeRole)
        admin.post(SiteURL.pattern(SiteURL.userActive), use: Self.setActive)
        admin.post(SiteURL.pattern(SiteURL.userPassword), use: Self.resetPassword)
        admin.post(SiteURL.pattern(SiteURL.userDetails), use: Self.changeDetails)
        admin.post(SiteURL.usersLockout.components, use: Self.liftLockout)
    }

    @Sendable static func liftLockout(req: Request) async throws -> Response {
        let typed = try req.content.decode(LockoutForm.self).address ?? ""
        do {
            let lifted = try await LockoutLift.lift(typed, by: try req.user, req: req)
            return req.redirect(to: SiteURL.users.path + (lifted ? ChangeNotice.lockoutLifted : .noLockout).query(user: nil))
        } catch let errors as FieldErrors {
            var shown = try await page(req, input: .init(), errors: errors.localized(req.language))
            shown.lockoutAddress = String(typed.prefix(64))
            let response = try await req.page("users", shown).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func changeDetails(req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(DetailsForm.self)
        do {
            let admin = try req.user
            let changes = try await AccountAdministration.update(user, name: form.name ?? "", email: form.email ?? "", role: nil, active: nil,
                                                                 by: admin, on: req.db)
            try await AccountAdministration.record(changes, of: user, by: admin, req: req)
            return req.redirect(to: SiteURL.users.path + ChangeNotice.details.query(user: user.id))
        } catch let errors as FieldErrors {
            // Beside the list, like a refused password: the row's own form is folded away.
            var shown = errors.localized(req.language)
            shown["details"] = [shown["name"], shown["email"]].compactMap { $0 }.joined(separator: " ")
            shown["name"] = nil
            shown["email"] = nil
            let response = try await render(req, input: .init(), errors: shown, failedFor: user.id).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func index(req: Request) async throws -> View {
        try await render(req, input: .init(), errors: [:])
    }

    /// The `?done=` notice, naming the account from the database (nothing typed comes back in the address).
    private static func notice(_ req: Request, users: [User]) -> String? {
        guard let done = (try? req.query.get(String.self, at: "done")).flatMap(ChangeNotice.init(rawValue:)) else { return nil }
        // About an address, not an account: the notice names neither (nothing typed comes back).
        if done == .lockoutLifted || done == .noLockout { return done.text(name: "", req.language) }
        guard let id = try? req.query.get(UUID.self, at: "user"), let user = users.first(where: { $0.id == id }) else { return nil }
        // A crafted link cannot claim what is not so ("deactivated" of an active account).
        if done == .deactivated && user.isActive || done == .reactivated && !user.isActive { return nil }
        return done.text(name: user.name, role: user.role.label(req.language), req.language)
    }

    @Sendable static func changeRole(req: Request) async throws -> Response {
        let user = try await find(req)
        guard let role = Role(rawValue: try req.content.decode(RoleForm.self).role ?? "") else { throw Abort(.badRequest) }
        return try await applying(req, done: .role, user: user.id) {
            let admin = try req.user
            let changes = try await AccountAdministration.update(user, name: nil, email: nil, role: role, active: nil, by: admin, on: req.db)
            try await AccountAdministration.record(changes, of: user, by: admin, req: req)
        }
    }

    @Sendable static func setActive(req: Request) async throws -> Response {
        let user = try await find(req)
        // Anything but "true" or "false" deactivated the account (an account probe posted garbage).
        guard let active = Bool(try req.content.decode(ActiveForm.self).active ?? "") else { throw Abort(.badRequest) }
        return try await applying(req, done: active ? .reactivated : .deactivated, user: user.id) {
            let admin = try req.user
            let changes = try await AccountAdministration.update(user, name: nil, email: nil, role: nil, active: active, by: admin, on: req.db)
            try await AccountAdministration.record(changes, of: user, by: admin, req: req)
        }
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(PasswordForm.self)
        do {
            let admin = try req.user
            try await AccountAdministration.resetPassword(of: user, new: form.password ?? "", confirmation: form.confirmation ?? "",
                                                          by: admin, req: req)
            try await SecurityAudit.record(.passwordReset, by: admin, subject: SecurityAudit.subject("user", user.id),
                                           detail: "sessions ended", req: req)
            return req.redirect(to: SiteURL.users.path + ChangeNotice.password.query(user: user.id))
        } catch let errors as FieldErrors {
            let response = try await render(req, input: .init(), errors: errors.localized(req.language), failedFor: user.id).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    /// Back to the list, or the list again with the reason a rule refused the change.
    private static func applying(_ req: Request, done: ChangeNotice, user: UUID?, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return req.redirect(to: SiteURL.users.path + done.query(user: user))
        } catch let errors as FieldErrors {
            let response = try await render(req, input: .init(), errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .conflict
            return response
        }
    }

    private static func find(_ req: Request) async throws -> User {
        guard let user = try await User.find(req.parameters.get("id"), on: req.db) else { throw Abort(.notFound) }
        return user
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(AccountService.Input.self)
        do {
            let user = try await AccountService.create(input, on: req.db, hash: { try req.password.hash($0) })
            try await SecurityAudit.record(.userCreated, by: try req.user, subject: SecurityAudit.subject("user", user.id),
                                           detail: "role \(user.role.rawValue)", req: req)
            return req.redirect(to: SiteURL.users.path + ChangeNotice.created.query(user: user.id))
        } catch let errors as FieldErrors {
            let response = try await render(req, input: input, errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    /// `failedFor`: the account whose password or details change was refused; its row's form opens again
    /// with the reason in it, and the reason at the top names the account (it named no one).
    static func render(_ req: Request, input: AccountService.Input, errors: [String: String], failedFor: UUID? = nil) async throws -> View {
        try await req.page("users", try await page(req, input: input, errors: errors, failedFor: failedFor))
    }

    private static func page(_ req: Request, input: AccountService.Input, errors: [String: String], failedFor: UUID? = nil) async throws -> UsersIndex {
        let language = req.language
        let users = try await User.query(on: req.db).sort(\.$name).all()
        let chosen = Role(rawValue: input.role ?? "") ?? .interviewer
        let me = try req.user.id
        var page = try UsersIndex(
            users: users.map { user in
                let id = try user.requireID()
                return .init(name: user.name, email: user.email, role: user.role.label(language),
                             roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label(language), selected: $0 == user.role) },
                             isActive: user.isActive, isSelf: id == me,
                             roleAction: SiteURL.userRole(id).path, activeAction: SiteURL.userActive(id).path,
                             passwordAction: SiteURL.userPassword(id).path, detailsAction: SiteURL.userDetails(id).path,
                             resetError: id == failedFor ? errors["reset"] : nil, detailsError: id == failedFor ? errors["details"] : nil)
            },
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label(language), selected: $0 == chosen) },
            name: input.name ?? "", email: input.email ?? "", errors: errors.mapValues { message in
                guard let failedFor, let name = users.first(where: { $0.id == failedFor })?.name else { return message }
                return name + (language == .zh ? "：" : ": ") + message
            })
        if req.method == .GET { page.notice = notice(req, users: users) }
        return page
    }
}

/// Admin-only pages answer 404 to everyone else, like anything a user may not see.
struct RequireAdmin: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try req.user.isAdmin else { throw Abort(.notFound) }
        return try await next.respond(to: req)
    }
}
