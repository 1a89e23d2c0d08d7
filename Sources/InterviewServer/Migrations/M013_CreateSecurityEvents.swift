import Fluent
import SQLKit

/// The security trail (`SecurityEvent`), indexed for the audit page's newest-first pages and filters.
struct M013_CreateSecurityEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecurityEvent.schema)
            .id()
            .field("at", .datetime)
            .field("kind", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_email", .string)
            .field("address", .string, .required)
            .field("subject", .string, .required)
            .field("detail", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "security_events_at").on(SecurityEvent.schema).column("at").run()
            try await sql.create(index: "security_events_kind_at").on(SecurityEvent.schema).column("kind").column("at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SecurityEvent.schema).delete()
    }
}
