import Fluent

/// People leave: an admin deactivates their account instead of deleting it, so the scorecards and
/// notes they wrote keep their author.
struct M010_AddUserDeactivation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("deactivated_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("deactivated_at").update()
    }
}
