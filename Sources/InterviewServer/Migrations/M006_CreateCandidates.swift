import Fluent

struct M006_CreateCandidates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Candidate.schema)
            .id()
            .field("position_id", .uuid, .required, .references(Position.schema, "id"))
            .field("name", .string)
            .field("contact", .string)
            .field("resume_text", .string)
            .field("resume_pdf", .data)
            .field("notes", .string)
            .field("erased_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Candidate.schema).delete()
    }
}
