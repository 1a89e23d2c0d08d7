import Flowchart
import Foundation
import InterviewCore
import VaporCSQLite

/// Copies of the embedded database, made with SQLite's online backup API: a consistent snapshot while
/// the server keeps running and writing (the copy reads under one read transaction, which WAL lets
/// live beside the writer), and a restore that writes a snapshot back into a stopped server's folder.
/// Written on SQLite's C API because neither Fluent nor SQLiteNIO exposes the backup functions.
public enum SQLiteBackup {
    /// What went wrong, in English and Chinese (the command line shows the locale's).
    public struct Failure: Error, CustomStringConvertible {
        public var text: LocalizedText
        public var description: String { text.en }
        init(_ en: String, _ zh: String) { text = LocalizedText(en: en, zh: zh) }
    }

    /// The database file inside a data folder, as `interview serve --data` names it.
    public static func databasePath(inDataFolder folder: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent("interviewflow.sqlite").path
    }

    /// Writes a consistent copy of `source` to `destination` (which must not exist yet), and checks it.
    public static func backup(_ source: String, to destination: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw Failure("no database at \(source)", "\(source) 处没有数据库") }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw Failure("\(destination) exists already; choose a new file name", "\(destination) 已经存在；请换一个文件名")
        }
        try copy(from: source, readOnly: true, to: destination, selfContained: true)
        try check(destination)
    }

    /// Restores `snapshot` into a data folder, holding the folder's lock so that no server can start on
    /// it meanwhile; refused while a server runs there (it would keep serving its copies in memory).
    /// What a restore did besides replacing the database.
    public struct Restored: Sendable {
        /// Where the folder's previous database was kept, if it had one.
        public var kept: String?
        /// The trail entries of that database newer than the backup's, which the live trail no longer has.
        public var trailGap: RestoredTrailGap?
        /// Each erasures ledger carried into the folder (the backup's own copy first), with how many
        /// erasures it added.
        public var ledgers: [(path: String, added: Int)] = []
    }

    /// Returns where the folder's previous database was kept, and what of its trail the backup lacks.
    @discardableResult
    /// `ledgers`: erasures ledgers to carry into the folder besides the backup's own copy (`restore
    /// --erasures`). All are read before anything changes, and merged under the folder's lock before the
    /// database is replaced: a server started meanwhile, or a merge that failed after the replacement,
    /// would have run the restored database on the old ledger (the review).
    public static func restore(_ snapshot: String, dataFolder: String, ledgers given: [String] = []) throws -> Restored {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: dataFolder, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure("\(dataFolder) is a file; --data names the data folder (the one holding interviewflow.sqlite)",
                          "\(dataFolder) 是文件；--data 应给出数据文件夹（存放 interviewflow.sqlite 的那个）")
        }
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        let database = databasePath(inDataFolder: dataFolder)
        let lock: DataFolderLock
        do { lock = try DataFolderLock(databasePath: database) } catch is DataFolderLock.InUse {
            throw Failure("a server is running on \(dataFolder): stop it before restoring", "\(dataFolder) 上正在运行服务器：请先停止它再恢复")
        }
        defer { lock.release() }
        let beside = ledgerCopy(ofBackup: snapshot)
        let ledgers = (FileManager.default.fileExists(atPath: beside) ? [beside] : []) + given
        let ledgerLines = try ledgers.map { try checkLedger($0) }
        var merged: [(path: String, added: Int)] = []
        // Merged even if the backup is then refused: the ledger holds erasures that happened, nothing else.
        for (path, found) in zip(ledgers, ledgerLines) {
            merged.append((path, try ErasureLedger(dataFolder: dataFolder).append(missing: found)))
        }
        // Counted before the replaced database goes; only when the snapshot will be accepted.
        let gap = FileManager.default.fileExists(atPath: snapshot) ? RestoredTrailGap.between(backup: snapshot, replaced: database) : nil
        let kept = try restore(snapshot, into: database)
        // The next start records the restore in the security trail (`ErasureLedger.reapply`), with the gap.
        let marker = URL(fileURLWithPath: dataFolder).appendingPathComponent(ErasureLedger.restoredMarker).path
        let lines = [SessionTimestamp.format(Date())] + (gap.flatMap { $0.count > 0 ? [$0.markerLine] : nil } ?? [])
        try? lines.joined(separator: "\n").write(toFile: marker, atomically: true, encoding: .utf8)
        return Restored(kept: kept, trailGap: gap?.count == 0 ? nil : gap, ledgers: merged)
    }

    /// Beside the database, the one a restore replaced.
    static let keptSuffix = ".before-restore"

    /// The erasures file's name, for the restore command's words.
    public static var erasureLedgerName: String { ErasureLedger.fileName }

    /// How many erasures the data folder's ledger holds: each is made again at the next start.
    public static func erasuresRecorded(inDataFolder folder: String) -> Int {
        ErasureLedger(dataFolder: folder).candidates().count
    }

    /// Where a backup's copy of the erasures ledger goes: beside it, `<backup>.erasures.log`.
    public static func ledgerCopy(ofBackup backup: String) -> String { backup + "." + ErasureLedger.fileName }

    /// Writes the folder's erasures ledger beside a backup just written, owner-only like it; returns how
    /// many erasures it holds, or nil when the folder has no ledger (nobody was ever erased). The ledger
    /// lives in the data folder, and a disk lost with it took every erasure made since the backup: restored
    /// into a new folder, those people came back (an operations probe). A newer backup's copy, given to
    /// `restore --erasures`, erases them again from an older one.
    @discardableResult
    public static func copyLedger(fromDataFolder folder: String, besideBackup backup: String) throws -> Int? {
        let ledger = ErasureLedger(dataFolder: folder)
        guard FileManager.default.fileExists(atPath: ledger.path) else { return nil }
        let copy = ledgerCopy(ofBackup: backup)
        do {
            try ledger.text().write(toFile: copy, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
        } catch {
            throw Failure("cannot write \(copy): \(error.localizedDescription)", "无法写入 \(copy)：\(error.localizedDescription)")
        }
        return ledger.candidates().count
    }

    /// Adds to the folder's ledger the erasures `file` holds that it lacks (an old folder's `erasures.log`,
    /// or a backup's copy); returns how many were added. Refused when the file reads as no ledger at all.
    public static func mergeLedger(_ file: String, intoDataFolder folder: String) throws -> Int {
        try ErasureLedger(dataFolder: folder).append(missing: checkLedger(file))
    }

    /// The ledger lines of `file`, or a refusal when it reads as no ledger at all: checked before a
    /// restore replaces anything.
    @discardableResult
    public static func checkLedger(_ file: String) throws -> [Substring] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw Failure("cannot read \(file) as an erasures ledger; nothing was restored", "无法把 \(file) 读作删除记录；没有恢复任何内容")
        }
        let given = ErasureLedger.lines(of: text)
        guard !given.isEmpty || text.isEmpty else {
            throw Failure("\(file) is not an erasures ledger (lines like '2026-12-06T05:40:00.000Z candidate <id>'); nothing was restored",
                          "\(file) 不是删除记录（应为形如 '2026-12-06T05:40:00.000Z candidate <id>' 的行）；没有恢复任何内容")
        }
        return given
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
        guard FileManager.default.fileExists(atPath: snapshot, isDirectory: &isFolder) else { throw Failure("no backup at \(snapshot)", "\(snapshot) 处没有备份") }
        if isFolder.boolValue { throw Failure("\(snapshot) is a folder; name the backup file 'interview backup' wrote", "\(snapshot) 是文件夹；请给出 'interview backup' 写出的备份文件") }
        // The live database of a running server, not a backup: its latest writes are still in its -wal.
        if FileManager.default.fileExists(atPath: DataFolderLock.resolved(snapshot) + ".lock") {
            do { try DataFolderLock(databasePath: snapshot).release() } catch is DataFolderLock.InUse {
                throw Failure("\(snapshot) is the database of a running server, not a backup: its latest writes are still in its write-ahead log; take a copy with 'interview backup' and restore that",
                              "\(snapshot) 是正在运行的服务器的数据库，不是备份：最新的写入还在它的预写日志中；请用 'interview backup' 备份一份再恢复")
            }
        }
        try check(snapshot)
        try checkHoldsInterviewFlowData(snapshot)
        var kept: String?
        if FileManager.default.fileExists(atPath: database) {
            let copy = database + keptSuffix
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
            throw Failure("\(path) is not an SQLite database: \(message(db))", "\(path) 不是 SQLite 数据库：\(message(db))")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW, sqlite_nio_sqlite3_column_int(statement, 0) == Int32(ourTables.count) else {
            throw Failure("\(path) is an SQLite database but not an InterviewFlow one (no \(ourTables.joined(separator: ", ")) tables); nothing was restored",
                          "\(path) 是 SQLite 数据库，但不是 InterviewFlow 的（没有 \(ourTables.joined(separator: "、")) 表）；没有恢复任何内容")
        }
    }

    /// `PRAGMA integrity_check` answers "ok" for a sound file.
    public static func check(_ path: String) throws {
        let db = try open(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure("\(path) is not an SQLite database: \(message(db))", "\(path) 不是 SQLite 数据库：\(message(db))")
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW, let text = sqlite_nio_sqlite3_column_text(statement, 0) else {
            throw Failure("\(path) is not an SQLite database: \(message(db))", "\(path) 不是 SQLite 数据库：\(message(db))")
        }
        let verdict = String(cString: text)
        guard verdict == "ok" else { throw Failure("\(path) fails SQLite's integrity check: \(verdict)", "\(path) 未通过 SQLite 完整性检查：\(verdict)") }
    }

    /// `selfContained`: the copy leaves WAL mode (the source's header says WAL, and the copy takes it),
    /// so a backup is one file with no `-wal` or `-shm` beside it, whatever is done with it later.
    private static func copy(from source: String, readOnly: Bool, to destination: String, selfContained: Bool = false) throws {
        let from = try open(source, flags: readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(from) }
        let to = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite_nio_sqlite3_close_v2(to) }
        guard let backup = sqlite_nio_sqlite3_backup_init(to, "main", from, "main") else {
            throw Failure("cannot start the copy to \(destination): \(message(to))", "无法开始复制到 \(destination)：\(message(to))")
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
            throw Failure("copying \(source) to \(destination) failed: \(message(to))", "把 \(source) 复制到 \(destination) 失败：\(message(to))")
        }
        if selfContained, sqlite_nio_sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nil, nil, nil) != SQLITE_OK {
            throw Failure("cannot finish the copy \(destination): \(message(to))", "无法完成复制 \(destination)：\(message(to))")
        }
    }

    static func open(_ path: String, flags: Int32) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let text = handle.map(message) ?? "error \(status)"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw Failure("cannot open \(path): \(text)", "无法打开 \(path)：\(text)")
        }
        return handle
    }

    private static func message(_ db: OpaquePointer) -> String { String(cString: sqlite_nio_sqlite3_errmsg(db)) }
}
