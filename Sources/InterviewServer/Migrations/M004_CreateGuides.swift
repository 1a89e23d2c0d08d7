import Fluent

/// Guides and their versions. `current_version_id` is added without a foreign key: the two tables
/// point at each other and SQLite cannot add a constraint after creation.
struct M004_CreateGuides: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuideRecord.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("language", .string)
            .field("current_version_id", .uuid)
            .unique(on: "slug")
            .create()
        try await database.schema(GuideVersion.schema)
            .id()
            .field("guide_id", .uuid, .required, .references(GuideRecord.schema, "id"))
            .field("content_hash", .string, .required)
            .field("markdown", .string, .required)
            .field("author_id", .uuid, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuideVersion.schema).delete()
        try await database.schema(GuideRecord.schema).delete()
    }
}
