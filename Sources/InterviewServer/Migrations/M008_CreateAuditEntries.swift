import Fluent

struct M008_CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("candidate_id", .uuid, .required)
            .field("action", .string, .required)
            .field("detail", .string, .required)
            .field("at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
