import Fluent

struct M009_CreateScorecards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScorecardRecord.schema)
            .id()
            .field("interview_id", .uuid, .required, .references(Interview.schema, "id", onDelete: .cascade))
            .field("interviewer_id", .uuid, .required, .references(User.schema, "id"))
            .field("event_count", .int, .required)
            .field("submitted_at", .datetime)
            .field("generation", .int, .required)
            .field("draft_note", .string)
            .field("overall", .double)
            .field("coverage", .double)
            .field("band", .string)
            .field("updated_at", .datetime)
            .unique(on: "interview_id", "interviewer_id")
            .create()
        try await database.schema(ScorecardEvent.schema)
            .id()
            .field("scorecard_id", .uuid, .required, .references(ScorecardRecord.schema, "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("client_id", .string)
            .field("event", .string, .required)
            .unique(on: "scorecard_id", "seq")
            .unique(on: "scorecard_id", "client_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScorecardEvent.schema).delete()
        try await database.schema(ScorecardRecord.schema).delete()
    }
}
