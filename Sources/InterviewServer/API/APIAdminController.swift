import Fluent
import Vapor

/// Accounts and the audit log over JSON, for admins only (404 to everyone else).
struct APIAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(APIPath.users, use: Self.users)
        admin.post(APIPath.users, use: Self.createUser)
        admin.patch(APIPath.user, use: Self.updateUser)
        admin.put(APIPath.userPassword, use: Self.resetPassword)
        admin.delete(APIPath.lockout, use: Self.liftLockout)
        admin.get(APIPath.audit, use: Self.candidateAudit)
        admin.get(APIPath.securityAudit, use: Self.securityAudit)
    }

    @Sendable static func users(req: Request) async throws -> [APISessionController.UserInfo] {
        try await User.query(on: req.db).sort(\.$name).all().map(APISessionController.UserInfo.init)
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        let user = try await AccountService.create(try req.content.decode(AccountService.Input.self), on: req.db,
                                                   hash: { try req.password.hash($0) })
        try await SecurityAudit.record(.userCreated, by: try req.user, subject: SecurityAudit.subject("user", user.id),
                                       detail: "role \(user.role.rawValue)", req: req)
        let response = try await APISessionController.UserInfo(user).encodeResponse(for: req)
        response.status = .created
        return response
    }

    /// What an admin changes on an account over JSON, as on the users page: any of these, all or nothing.
    struct AccountChange: Content {
        var name: String?
        var email: String?
        var role: Role?
        var active: Bool?
    }

    /// Name, email, role and active state (offboarding from a script): the users page's rules, each change
    /// in the security trail; a refused one changes nothing (422 with the reason under `account`).
    @Sendable static func updateUser(req: Request) async throws -> APISessionController.UserInfo {
        let user = try await account(req)
        let change = try req.content.decode(AccountChange.self)
        let actor = try req.user
        let changes = try await AccountAdministration.update(user, name: change.name, email: change.email, role: change.role,
                                                             active: change.active, by: actor, on: req.db)
        try await AccountAdministration.record(changes, of: user, by: actor, req: req)
        return try APISessionController.UserInfo(user)
    }

    struct NewPassword: Content {
        var password: String
    }

    /// An admin sets someone's password (there is no mail to send a link by): every session of theirs
    /// ends and a lockout of the account lifts, as on the users page.
    @Sendable static func resetPassword(req: Request) async throws -> HTTPStatus {
        let user = try await account(req)
        let password = try req.content.decode(NewPassword.self).password
        let admin = try req.user
        do {
            try await AccountAdministration.resetPassword(of: user, new: password, confirmation: password, by: admin, req: req)
        } catch var errors as FieldErrors {
            // The users page's form calls it "reset"; the JSON names the field sent.
            errors.rename("reset", to: "password")
            throw errors
        }
        try await SecurityAudit.record(.passwordReset, by: admin, subject: SecurityAudit.subject("user", user.id),
                                       detail: "sessions ended", req: req)
        return .noContent
    }

    struct Lifted: Content {
        /// Whether the address was locked out; its count of failures is cleared either way.
        var lifted: Bool
    }

    /// Lifts a client address's sign-in lockout, as the users page does (422 under `address` when the
    /// path names no IP address).
    @Sendable static func liftLockout(req: Request) async throws -> Lifted {
        Lifted(lifted: try await LockoutLift.lift(req.parameters.get("address") ?? "", by: try req.user, req: req))
    }

    private static func account(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else { throw Abort(.notFound) }
        return user
    }

    /// The candidate-data trail, a page at a time (`page`, `per`, `kind`, `actor`).
    @Sendable static func candidateAudit(req: Request) async throws -> AuditQuery.Page {
        var query = try req.query.decode(AuditQuery.self)
        query.log = "candidates"
        return try await query.run(on: req.db)
    }

    /// The security trail, a page at a time (`page`, `per`, `kind`, `actor`).
    @Sendable static func securityAudit(req: Request) async throws -> AuditQuery.Page {
        var query = try req.query.decode(AuditQuery.self)
        query.log = "security"
        return try await query.run(on: req.db)
    }
}
