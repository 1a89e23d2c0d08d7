import Fluent
import Vapor

struct APIPositionController: RouteCollection {
    struct Detail: Content {
        var position: PositionService.Summary
        var members: [APISessionController.UserInfo]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.positions, use: Self.index)
        routes.post(APIPath.positions, use: Self.create)
        routes.get(APIPath.position, use: Self.show)
        routes.patch(APIPath.position, use: Self.update)
        routes.post(APIPath.positionMembers, use: Self.addMember)
        routes.delete(APIPath.positionMember, use: Self.removeMember)
    }

    @Sendable static func index(req: Request) async throws -> [PositionService.Summary] {
        try await PositionService.list(for: req.user, search: try? req.query.get(String.self, at: "q"),
                                       limit: req.application.serverSettings.maxRetentionDays, on: req.db)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let position = try await PositionService.create(try req.content.decode(PositionService.Input.self), req: req)
        let response = try await detail(position, req: req).encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func show(req: Request) async throws -> Detail {
        try await detail(try await Access.position(req.parameters.get("id"), for: req.user, on: req.db), req: req)
    }

    @Sendable static func update(req: Request) async throws -> Detail {
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        try await PositionService.update(position, with: try req.content.decode(PositionService.Settings.self), req: req)
        return try await detail(position, req: req)
    }

    @Sendable static func addMember(req: Request) async throws -> Detail {
        struct Form: Content { var email: String? }
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        try await PositionService.addMember(email: try req.content.decode(Form.self).email, to: position, req: req)
        return try await detail(position, req: req)
    }

    /// Takes a member off the position (`PositionService.removeMember`); answers the position as it is now.
    @Sendable static func removeMember(req: Request) async throws -> Detail {
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        try await PositionService.removeMember(req.parameters.get("user", as: UUID.self), from: position, req: req)
        return try await detail(position, req: req)
    }

    static func detail(_ position: Position, req: Request) async throws -> Detail {
        let db = req.db
        try await position.$guide.load(on: db)
        try await position.$members.load(on: db)
        return Detail(position: try await PositionService.summary(position, limit: req.application.serverSettings.maxRetentionDays, on: db),
                      members: try position.members.map(APISessionController.UserInfo.init))
    }
}
