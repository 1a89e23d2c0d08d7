import Fluent

struct M002_CreateSetupTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SetupToken.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SetupToken.schema).delete()
    }
}
