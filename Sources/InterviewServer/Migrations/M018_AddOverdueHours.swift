import Fluent

/// How long after an interview its scorecards count as overdue on the interviewers' to-do list; a
/// position setting (nil: the default of 24 hours).
struct M018_AddOverdueHours: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Position.schema).field("overdue_hours", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Position.schema).deleteField("overdue_hours").update()
    }
}
