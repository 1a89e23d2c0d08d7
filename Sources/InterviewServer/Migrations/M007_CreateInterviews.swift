import Fluent

struct M007_CreateInterviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Interview.schema)
            .id()
            .field("candidate_id", .uuid, .required, .references(Candidate.schema, "id"))
            .field("guide_version_id", .uuid, .required, .references(GuideVersion.schema, "id"))
            .field("scheduled_at", .datetime, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(InterviewInterviewer.schema)
            .id()
            .field("interview_id", .uuid, .required, .references(Interview.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "interview_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InterviewInterviewer.schema).delete()
        try await database.schema(Interview.schema).delete()
    }
}
