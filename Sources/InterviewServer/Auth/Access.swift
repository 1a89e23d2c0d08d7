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

    /// Scheduling, cancelling and completing interviews, adding and editing candidates, exporting and
    /// erasing them, adding members: admins and the hiring managers of the position. Callers have
    /// already checked that the position is visible to `user` (for a hiring manager: a member), so
    /// the role settles it. The full matrix is in docs/security.md.
    static func canManage(_ user: User) -> Bool { user.role.managesPositions }

    /// Throws 403: the thing is visible to `user`, so refusing says nothing new about it.
    static func requireManager(_ user: User) throws {
        guard canManage(user) else { throw Abort(.forbidden) }
    }

    /// A position's retention period: its owner and admins.
    static func canChangeRetention(of position: Position, _ user: User) -> Bool {
        user.isAdmin || (user.role.managesPositions && position.$owner.id != nil && position.$owner.id == user.id)
    }

    /// Saving a new version of a guide: its owner and admins.
    static func canEdit(_ guide: GuideRecord, _ user: User) -> Bool {
        user.isAdmin || (user.role.managesPositions && guide.$owner.id != nil && guide.$owner.id == user.id)
    }
}
