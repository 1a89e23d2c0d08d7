import Fluent
import Vapor

/// Accounts and the audit log over JSON, for admins only (404 to everyone else).
struct APIAdminController: RouteCollection {
    struct AuditLine: Content {
        var at: Date?
        var user: String?
        var action: AuditEntry.Action
        var candidateID: UUID
    }

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(APIPath.users, use: Self.users)
        admin.post(APIPath.users, use: Self.createUser)
        admin.get(APIPath.audit, use: Self.audit)
    }

    @Sendable static func users(req: Request) async throws -> [APISessionController.UserInfo] {
        try await User.query(on: req.db).sort(\.$name).all().map(APISessionController.UserInfo.init)
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        let user = try await AccountService.create(try req.content.decode(AccountService.Input.self), on: req.db,
                                                   hash: { try req.password.hash($0) })
        let response = try await APISessionController.UserInfo(user).encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func audit(req: Request) async throws -> [AuditLine] {
        try await AuditEntry.query(on: req.db).with(\.$user).sort(\.$at, .descending).limit(500).all().map {
            AuditLine(at: $0.at, user: $0.user?.email, action: $0.action, candidateID: $0.candidateID)
        }
    }
}
