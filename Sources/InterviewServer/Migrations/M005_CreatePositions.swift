import Fluent

struct M005_CreatePositions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Position.schema)
            .id()
            .field("title", .string, .required)
            .field("guide_id", .uuid, .required, .references(GuideRecord.schema, "id"))
            .field("retention_days", .int)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PositionMember.schema)
            .id()
            .field("position_id", .uuid, .required, .references(Position.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "position_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PositionMember.schema).delete()
        try await database.schema(Position.schema).delete()
    }
}
