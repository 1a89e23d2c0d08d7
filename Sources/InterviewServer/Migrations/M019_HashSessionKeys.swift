import Fluent
import Vapor

/// From this version the sessions table keeps each session id's digest (`HashedSessions`). The rows
/// written before keep working: their keys are replaced by their digests, so nobody is signed out by
/// the upgrade. Rows are rewritten in pages to keep a large table's upgrade in bounded memory.
struct M019_HashSessionKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            var seen = 0
            while true {
                let page = try await SessionRecord.query(on: db).sort(\.$id).range(seen..<(seen + 500)).all()
                for record in page where !record.key.string.hasPrefix("sha256:") {
                    record.key = SessionID(string: HashedSessions.digest(record.key.string))
                    try await record.update(on: db)
                }
                if page.count < 500 { break }
                seen += page.count
            }
        }
    }

    /// Digests cannot be turned back into ids: going back signs everyone out.
    func revert(on database: any Database) async throws {
        try await SessionRecord.query(on: database).delete()
    }
}
