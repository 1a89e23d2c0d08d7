import Fluent
import Foundation
import SQLKit

/// Removes the session rows no one can use any more, hourly with the retention sweep: rows that never
/// held a signed-in user (before stop 23 every visitor's page view wrote one, so a data folder from then
/// may hold any number), and rows past the idle timeout or the lifetime (`SessionPolicy` ends such a
/// session when it is next used; one never used again stayed for good). One statement, in each
/// database's own JSON functions, since the table keeps the session's data as JSON text (SQLite) or
/// jsonb (PostgreSQL) and no column of its own for the times.
enum SessionSweeper {
    static func sweep(on db: any Database, policy: SessionPolicy, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let table = SQLIdentifier(SessionRecord.schema)
        let idleSince = now.timeIntervalSince1970 - policy.idleTimeout
        let bornSince = now.timeIntervalSince1970 - policy.lifetime
        let user = "_\(User.self)Session", seen = SessionPolicy.seenKey, born = SessionPolicy.bornKey
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                DELETE FROM \(table) WHERE (data ->> \(bind: user)) IS NULL
                   OR (data ->> \(bind: seen)) IS NULL OR (data ->> \(bind: seen))::double precision < \(bind: idleSince)
                   OR (data ->> \(bind: born)) IS NULL OR (data ->> \(bind: born))::double precision < \(bind: bornSince)
                """).run()
        } else {
            try await sql.raw("""
                DELETE FROM \(table) WHERE json_extract(data, \(bind: "$." + user)) IS NULL
                   OR json_extract(data, \(bind: "$." + seen)) IS NULL OR CAST(json_extract(data, \(bind: "$." + seen)) AS REAL) < \(bind: idleSince)
                   OR json_extract(data, \(bind: "$." + born)) IS NULL OR CAST(json_extract(data, \(bind: "$." + born)) AS REAL) < \(bind: bornSince)
                """).run()
        }
    }
}
