import Fluent
import SQLKit

/// Ending every session of an account (password change, deactivation, "sign out everywhere") raises
/// a counter on the account rather than searching the sessions table; see `SessionPolicy`.
struct M012_AddSessionEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field("session_epoch", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("session_epoch").update()
    }
}
