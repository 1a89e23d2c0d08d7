import Fluent
import Vapor

/// Who may see what: admins see every position; everyone else only the positions they are a member of,
/// and the candidates and interviews in them. Anything outside is reported as not found, so its
/// existence is not revealed.
enum Access {
    /// Ids of the positions `user` may see; nil means all (admin).
    static func visiblePositionIDs(for user: User, on db: any Database) async throws -> [UUID]? {
        if user.isAdmin { return nil }
        return try await PositionMember.query(on: db)
            .filter(\.$user.$id == user.requireID())
            .all()
            .map { $0.$position.id }
    }

    static func position(_ id: UUID?, for user: User, on db: any Database) async throws -> Position {
        guard let id, let position = try await Position.find(id, on: db),
              try await canSee(positionID: id, user: user, on: db) else { throw Abort(.notFound) }
        return position
    }

    static func candidate(_ id: UUID?, for user: User, on db: any Database) async throws -> Candidate {
        guard let id, let candidate = try await Candidate.find(id, on: db),
              try await canSee(positionID: candidate.$position.id, user: user, on: db) else { throw Abort(.notFound) }
        return candidate
    }

    static func canSee(positionID: UUID, user: User, on db: any Database) async throws -> Bool {
        guard let visible = try await visiblePositionIDs(for: user, on: db) else { return true }
        return visible.contains(positionID)
    }

    /// Exporting and erasing are for admins and the hiring managers of the position.
    static func canManage(_ user: User) -> Bool { user.role.managesPositions }
}
