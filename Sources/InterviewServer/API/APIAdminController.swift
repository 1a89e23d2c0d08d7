import Fluent
import Vapor

/// Accounts and the audit log over JSON, for admins only (404 to everyone else).
struct APIAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(APIPath.users, use: Self.users)
        admin.post(APIPath.users, use: Self.createUser)
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
