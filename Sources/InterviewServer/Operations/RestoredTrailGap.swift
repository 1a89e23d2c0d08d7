import Flowchart
import Foundation
import InterviewCore
import VaporCSQLite

/// The security trail entries a restore takes out of the live trail: those the replaced database wrote
/// after the backup's last one. They are not lost (the replaced database is kept as `.before-restore`),
/// but the trail a year later would otherwise read as if nothing had happened between the backup and
/// the restore; the restore says how many, from when, and where they are.
public struct RestoredTrailGap: Equatable, Sendable {
    /// Entries in the replaced database newer than the backup's newest.
    public var count: Int
    /// The first of them.
    public var since: Date?

    /// Read from the two files before the restore replaces one with the other; nil when either cannot be
    /// read (the restore goes on: a gap it cannot count is no reason to refuse it).
    static func between(backup: String, replaced database: String) -> RestoredTrailGap? {
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        guard let newestKept = Self.newest(in: backup) else { return nil }
        return Self.after(newestKept ?? -Double.infinity, in: database)
    }

    /// The backup's newest entry (`.some(nil)` for an empty trail), nil when the file cannot be read.
    private static func newest(in path: String) -> Double?? {
        withDatabase(path) { db in
            query(db, "SELECT max(at) FROM security_events") { statement in
                sqlite_nio_sqlite3_column_type(statement, 0) == SQLITE_NULL ? Double?.none : sqlite_nio_sqlite3_column_double(statement, 0)
            }
        }
    }

    private static func after(_ time: Double, in path: String) -> RestoredTrailGap? {
        withDatabase(path) { db in
            query(db, "SELECT count(*), min(at) FROM security_events WHERE at > \(time.isFinite ? String(time) : "-1e300")") { statement in
                let count = Int(sqlite_nio_sqlite3_column_int64(statement, 0))
                let since = count > 0 ? Date(timeIntervalSince1970: sqlite_nio_sqlite3_column_double(statement, 1)) : nil
                return RestoredTrailGap(count: count, since: since)
            }
        }
    }

    private static func withDatabase<T>(_ path: String, _ body: (OpaquePointer) -> T?) -> T? {
        guard let db = try? SQLiteBackup.open(path, flags: SQLITE_OPEN_READONLY) else { return nil }
        defer { sqlite_nio_sqlite3_close_v2(db) }
        return body(db)
    }

    private static func query<T>(_ db: OpaquePointer, _ sql: String, _ row: (OpaquePointer) -> T) -> T? {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW else { return nil }
        return row(statement)
    }

    /// The marker's second line (`ErasureLedger.restoredMarker`), read back at the next start.
    var markerLine: String {
        "trail-gap \(count)" + (since.map { " " + SessionTimestamp.format($0) } ?? "")
    }

    static func fromMarker(_ line: Substring) -> RestoredTrailGap? {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0] == "trail-gap", let count = Int(parts[1]) else { return nil }
        return RestoredTrailGap(count: count, since: parts.count > 2 ? SessionTimestamp.parse(String(parts[2])) : nil)
    }

    /// For the security trail's `database.restored` entry and the restore command.
    public func text(kept: String) -> LocalizedText {
        let from = since.map { SessionTimestamp.format($0) }
        return LocalizedText(
            en: "\(count) security trail entr\(count == 1 ? "y" : "ies") written after this backup\(from.map { " (from \($0))" } ?? "") \(count == 1 ? "is" : "are") not in the restored trail; \(count == 1 ? "it is" : "they are") kept in \(kept)",
            zh: "此备份之后写入的 \(count) 条安全记录\(from.map { "（自 \($0) 起）" } ?? "")不在恢复后的记录中；它们保留在 \(kept) 中")
    }
}
