import Foundation
import VaporCSQLite

/// Copies of the embedded database, made with SQLite's online backup API: a consistent snapshot while
/// the server keeps running and writing (the copy reads under one read transaction, which WAL lets
/// live beside the writer), and a restore that writes a snapshot back into a stopped server's folder.
/// Written on SQLite's C API because neither Fluent nor SQLiteNIO exposes the backup functions.
public enum SQLiteBackup {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The database file inside a data folder, as `interview serve --data` names it.
    public static func databasePath(inDataFolder folder: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent("interviewflow.sqlite").path
    }

    /// Writes a consistent copy of `source` to `destination` (which must not exist yet), and checks it.
    public static func backup(_ source: String, to destination: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw Failure(description: "no database at \(source)") }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw Failure(description: "\(destination) exists already; choose a new file name")
        }
        try copy(from: source, readOnly: true, to: destination, selfContained: true)
        try check(destination)
    }

    /// Restores `snapshot` into a data folder, holding the folder's lock so that no server can start on
    /// it meanwhile; refused while a server runs there (it would keep serving its copies in memory).
    /// Returns where the folder's previous database was kept, if it had one.
    @discardableResult
    public static func restore(_ snapshot: String, dataFolder: String) throws -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: dataFolder, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(description: "\(dataFolder) is a file; --data names the data folder (the one holding interviewflow.sqlite)")
        }
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        let database = databasePath(inDataFolder: dataFolder)
        let lock: DataFolderLock
        do { lock = try DataFolderLock(databasePath: database) } catch is DataFolderLock.InUse {
            throw Failure(description: "a server is running on \(dataFolder): stop it before restoring")
        }
        defer { lock.release() }
        return try restore(snapshot, into: database)
    }

    /// Replaces the database in a data folder with `snapshot`, after checking the snapshot. The caller
    /// holds the folder's lock, so no server runs on it meanwhile.
    ///
    /// The snapshot must be an InterviewFlow database: any SQLite file (an empty one, another program's)
    /// once replaced a folder's data without a word. The database it replaces is kept beside it, as
    /// `interviewflow.sqlite.before-restore` (a consistent copy, its log included), and its path returned,
    /// so a restore of the wrong backup can be undone.
    @discardableResult
    public static func restore(_ snapshot: String, into database: String) throws -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: snapshot, isDirectory: &isFolder) else { throw Failure(description: "no backup at \(snapshot)") }
        if isFolder.boolValue { throw Failure(description: "\(snapshot) is a folder; name the backup file 'interview backup' wrote") }
        try check(snapshot)
        try checkHoldsInterviewFlowData(snapshot)
        var kept: String?
        if FileManager.default.fileExists(atPath: database) {
            let copy = database + ".before-restore"
            try? FileManager.default.removeItem(atPath: copy)
            try self.copy(from: database, readOnly: true, to: copy, selfContained: true)
            kept = copy
        }
        // The old database's log and index of the log belong to the file being replaced.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try copy(from: snapshot, readOnly: true, to: database)
        try check(database)
        return kept
    }

    /// The tables every InterviewFlow database has from its first migration on.
    static let ourTables = ["_fluent_migrations", "users", "candidates", "interviews"]

    private static func checkHoldsInterviewFlowData(_ path: String) throws {
        let db = try open(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        let names = ourTables.map { "'\($0)'" }.joined(separator: ",")
        guard sqlite_nio_sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (\(names))", -1,
                                           &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "\(path) is not an SQLite database: \(message(db))")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW, sqlite_nio_sqlite3_column_int(statement, 0) == Int32(ourTables.count) else {
            throw Failure(description: "\(path) is an SQLite database but not an InterviewFlow one (no \(ourTables.joined(separator: ", ")) tables); nothing was restored")
        }
    }

    /// `PRAGMA integrity_check` answers "ok" for a sound file.
    public static func check(_ path: String) throws {
        let db = try open(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "\(path) is not an SQLite database: \(message(db))")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW, let text = sqlite_nio_sqlite3_column_text(statement, 0) else {
            throw Failure(description: "\(path) is not an SQLite database: \(message(db))")
        }
        let verdict = String(cString: text)
        guard verdict == "ok" else { throw Failure(description: "\(path) fails SQLite's integrity check: \(verdict)") }
    }

    /// `selfContained`: the copy leaves WAL mode (the source's header says WAL, and the copy takes it),
    /// so a backup is one file with no `-wal` or `-shm` beside it, whatever is done with it later.
    private static func copy(from source: String, readOnly: Bool, to destination: String, selfContained: Bool = false) throws {
        let from = try open(source, flags: readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(from) }
        let to = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite_nio_sqlite3_close_v2(to) }
        guard let backup = sqlite_nio_sqlite3_backup_init(to, "main", from, "main") else {
            throw Failure(description: "cannot start the copy to \(destination): \(message(to))")
        }
        // All pages in one step: the whole copy reads one snapshot of the source. A writer holding the
        // lock for a moment answers BUSY; try again shortly, as SQLite's documentation suggests.
        var status: Int32
        var attempts = 0
        repeat {
            status = sqlite_nio_sqlite3_backup_step(backup, -1)
            if status == SQLITE_BUSY || status == SQLITE_LOCKED {
                attempts += 1
                usleep(20_000)
            }
        } while (status == SQLITE_BUSY || status == SQLITE_LOCKED) && attempts < 500
        let finished = sqlite_nio_sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            throw Failure(description: "copying \(source) to \(destination) failed: \(message(to))")
        }
        if selfContained, sqlite_nio_sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nil, nil, nil) != SQLITE_OK {
            throw Failure(description: "cannot finish the copy \(destination): \(message(to))")
        }
    }

    private static func open(_ path: String, flags: Int32) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let text = handle.map(message) ?? "error \(status)"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw Failure(description: "cannot open \(path): \(text)")
        }
        return handle
    }

    private static func message(_ db: OpaquePointer) -> String { String(cString: sqlite_nio_sqlite3_errmsg(db)) }
}
