import Fluent
import Foundation
@testable import InterviewServer
import SQLKit
import Testing
import Vapor

/// Backups of the embedded database: a consistent copy while the server runs and writes, and a restore
/// that brings every row back — refused while a server holds the folder.
@Suite("Backup and restore")
struct BackupTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every row of every table, as text, table by table: what "nothing lost" is compared on.
    private func rows(_ db: any Database) async throws -> [String: [String]] {
        let sql = try #require(db as? any SQLDatabase)
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all().map { try $0.decode(column: "name", as: String.self) }
        var out: [String: [String]] = [:]
        for table in tables {
            out[table] = try await sql.raw("SELECT * FROM \(ident: table)").all().map { row in
                row.allColumns.map { column in
                    (try? row.decode(column: column, as: String.self)) ?? (try? row.decode(column: column, as: Double.self)).map { "\($0)" }
                        ?? (try? row.decode(column: column, as: Data.self)).map { $0.base64EncodedString() } ?? "null"
                }.joined(separator: "|")
            }.sorted()
        }
        return out
    }

    @Test func aCopyWhileTheServerRunsRestoresEveryRow() async throws {
        // setup: a server on a data folder, with accounts, a position, a candidate and a scored interview
        let live = try folder(), restored = try folder()
        defer { try? FileManager.default.removeItem(at: live); try? FileManager.default.removeItem(at: restored) }
        let backupFile = live.appendingPathComponent("copy.sqlite").path
        var before: [String: [String]] = [:]
        try await withFileApp(SQLiteBackup.databasePath(inDataFolder: live.path)) { app in
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            // act: back up while the server runs, then restore into another folder while it still runs
            try SQLiteBackup.backup(SQLiteBackup.databasePath(inDataFolder: live.path), to: backupFile)
            // One self-contained file: no write-ahead log beside it, and its header not in WAL mode.
            for suffix in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: backupFile + suffix), "\(suffix) beside the backup") }
            let header = try #require(FileHandle(forReadingAtPath: backupFile)).readData(ofLength: 20)
            #expect(header[18] == 1 && header[19] == 1, "file format bytes \(header[18]), \(header[19]): 1, 1 is rollback-journal mode")
            before = try await rows(app.db)
            #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.restore(backupFile, dataFolder: live.path) }
            // Nor is the running server's own file taken as a backup: its last writes are in its log.
            #expect(throws: SQLiteBackup.Failure.self) {
                try SQLiteBackup.restore(SQLiteBackup.databasePath(inDataFolder: live.path), dataFolder: restored.path)
            }
            try SQLiteBackup.restore(backupFile, dataFolder: restored.path)
        }
        // verify: a server on the restored folder holds every row the running one had
        try await withFileApp(SQLiteBackup.databasePath(inDataFolder: restored.path)) { app in
            let after = try await rows(app.db)
            #expect(after.keys.sorted() == before.keys.sorted())
            // A server starting without an admin issues a fresh one-time setup token: its own doing, not the copy's.
            for table in before.keys where ![SetupToken.schema, SecurityEvent.schema, SessionRecord.schema].contains(table) {
                #expect(after[table] == before[table], "table \(table) differs")
            }
            // Sessions end with a restore: the copy's include ones ended after it was taken.
            #expect(after[SessionRecord.schema] == [] && before[SessionRecord.schema]?.isEmpty == false)
            // The security trail holds the copy's events and, after them, the restore itself.
            let trail = after[SecurityEvent.schema] ?? []
            #expect(trail.filter { !$0.contains("database.restored") } == before[SecurityEvent.schema] ?? [])
            #expect(trail.filter { $0.contains("database.restored") }.count == 1)
            #expect((before["scorecard_events"] ?? []).count > 0)
        }
    }

    @Test func aDatabaseThatIsNotOursIsRefusedAndTheReplacedOneIsKept() async throws {
        // setup: a folder with a server's database, an empty SQLite file and another program's database
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let database = SQLiteBackup.databasePath(inDataFolder: data.path)
        try await withFileApp(database) { app in _ = try await TestData.user(app, "ivan@example.com", role: .interviewer) }
        let backup = dir.appendingPathComponent("good.sqlite").path
        try SQLiteBackup.backup(database, to: backup)
        // (SQLite reads an empty file as a database with no tables.)
        let empty = dir.appendingPathComponent("empty.sqlite").path, other = dir.appendingPathComponent("other.sqlite").path
        try #require(FileManager.default.createFile(atPath: empty, contents: Data()))
        try await withFileApp(other) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DROP TABLE candidates").run()
        }
        // act / verify: neither replaces the folder's data
        for snapshot in [empty, other] {
            #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.restore(snapshot, dataFolder: data.path) }
        }
        try await withFileApp(database) { app in
            let users = try await User.query(on: app.db).count()
            #expect(users == 1)
        }
        // A good one does, and the database it replaced is kept beside it.
        let kept = try SQLiteBackup.restore(backup, dataFolder: data.path).kept
        #expect(kept == database + ".before-restore")
        try await withFileApp(try #require(kept)) { app in
            let users = try await User.query(on: app.db).count()
            #expect(users == 1)
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        // setup
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.sqlite").path
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: junk))
        // act / verify
        #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.restore(junk, dataFolder: dir.appendingPathComponent("data").path) }
        #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.backup(junk + ".missing", to: junk + ".copy") }
    }

    @Test func aRestoredBackupDoesNotBringAnErasedCandidateBack() async throws {
        // setup: a candidate with a note on their card, backed up, then erased
        let live = try folder(), elsewhere = try folder()
        defer { try? FileManager.default.removeItem(at: live); try? FileManager.default.removeItem(at: elsewhere) }
        let database = SQLiteBackup.databasePath(inDataFolder: live.path)
        let backupFile = elsewhere.appendingPathComponent("before-erasure.sqlite").path
        var candidateID: UUID?
        var writtenAfterBackup = 0
        try await withFileApp(database) { app in
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.act(fixture, ["type": "note", "text": "asked about relocation to Tromsø"])
            candidateID = fixture.candidate.id
            try SQLiteBackup.backup(database, to: backupFile)
            let before = try await SecurityEvent.query(on: app.db).count()
            try await CandidateService.erase(fixture.candidate, by: nil, cache: app.scorecardCache, ledger: app.erasureLedger, on: app.db)
            // as the retention sweep records it, and a sign-in after
            try await SecurityAudit.recordSystem(.candidateErased, subject: SecurityAudit.subject("candidate", fixture.candidate.id), detail: "retention", on: app.db)
            _ = try await fixture.browser("ivan@example.com")
            writtenAfterBackup = try await SecurityEvent.query(on: app.db).count() - before
        }
        // act: the backup from before the erasure put back
        let restored = try SQLiteBackup.restore(backupFile, dataFolder: live.path)
        let recorded = SQLiteBackup.erasuresRecorded(inDataFolder: live.path)
        // verify: the next start erases them again and says so in the trail
        #expect(recorded == 1)
        // the trail entries written after the backup (the erasure's) are counted, and said to be kept aside
        #expect(writtenAfterBackup >= 1 && restored.trailGap?.count == writtenAfterBackup)
        #expect(restored.trailGap?.since != nil)
        try await withFileApp(database) { app in
            let candidate = try #require(try await Candidate.find(candidateID, on: app.db))
            #expect(candidate.erasedAt != nil && candidate.name == nil && candidate.contact == nil)
            let log = try await ScorecardEvent.query(on: app.db).all().map(\.event).joined()
            #expect(!log.contains("Tromsø") && log.contains(CandidateErasure.marker))
            let trail = try await SecurityEvent.query(on: app.db).all()
            let restore = try #require(trail.first { $0.kind == .databaseRestored })
            #expect(restore.detail.contains("erased again: 1; \(writtenAfterBackup) security trail entr"), "\(restore.detail)")
            #expect(restore.detail.hasSuffix("kept in interviewflow.sqlite.before-restore"))
            // with when and by whom it was first asked (the backup's trail predates the request)
            #expect(trail.contains { $0.kind == .candidateErased && $0.detail.hasPrefix("again after a restore (first erased 20") && $0.detail.hasSuffix(" by retention)") })
            // and the candidate's own trail says why too (it said "retention", which they never reached)
            let erasures = try await AuditEntry.query(on: app.db).filter(\.$action == .erase).all().map(\.detail)
            #expect(erasures == ["again after a restore"])
            // The backup's sessions (Ivan's among them) sign nobody in: after a restore everyone signs in again.
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
        // A later start has nothing left to do: the restore is recorded once.
        try await withFileApp(database) { app in
            let restores = try await SecurityEvent.query(on: app.db).filter(\.$kind == .databaseRestored).count()
            let again = try await SecurityEvent.query(on: app.db).all().filter { $0.detail.hasPrefix("again after a restore") }.count
            #expect(restores == 1 && again == 1)
        }
    }

    /// The ledger lives in the data folder: a disk lost with it took the erasures made since the last
    /// backup, and a backup restored into a new folder brought those people back (an operations probe).
    /// Each backup now carries the ledger beside it, and a restore takes a newer one.
    @Test func aBackupCarriesTheLedgerAndARestoreIntoANewFolderTakesANewerOne() async throws {
        // setup: one erasure, a backup; a second erasure, a second backup
        let live = try folder(), backups = try folder(), fresh = try folder()
        defer { for dir in [live, backups, fresh] { try? FileManager.default.removeItem(at: dir) } }
        let database = SQLiteBackup.databasePath(inDataFolder: live.path)
        try await withFileApp(database) { _ in }
        let ledger = ErasureLedger(dataFolder: live.path)
        let first = UUID(), second = UUID()
        #expect(try SQLiteBackup.copyLedger(fromDataFolder: live.path, besideBackup: backups.appendingPathComponent("none.sqlite").path) == nil)
        try ledger.record(candidate: first, at: Date(), by: "retention")
        let older = backups.appendingPathComponent("monday.sqlite").path, newer = backups.appendingPathComponent("tuesday.sqlite").path
        try SQLiteBackup.backup(database, to: older)
        let olderCount = try SQLiteBackup.copyLedger(fromDataFolder: live.path, besideBackup: older)
        try ledger.record(candidate: second, at: Date(), by: "user:\(UUID().uuidString)")
        try SQLiteBackup.backup(database, to: newer)
        let newerCount = try SQLiteBackup.copyLedger(fromDataFolder: live.path, besideBackup: newer)
        // act: the disk is lost; Monday's backup into a new folder, with Tuesday's ledger
        let fromOlder = try SQLiteBackup.restore(older, dataFolder: fresh.path).ledgers.map(\.added).reduce(0, +)   // its own copy
        let fromNewer = try SQLiteBackup.mergeLedger(SQLiteBackup.ledgerCopy(ofBackup: newer), intoDataFolder: fresh.path)
        let again = try SQLiteBackup.mergeLedger(SQLiteBackup.ledgerCopy(ofBackup: newer), intoDataFolder: fresh.path)
        // verify: both erasures are in the new folder, with who asked, once each; the copies are owner-only
        #expect(olderCount == 1 && newerCount == 2)
        #expect(fromOlder == 1 && fromNewer == 1 && again == 0)
        let entries = ErasureLedger(dataFolder: fresh.path).entries()
        #expect(entries.map(\.candidate) == [first, second] && entries.allSatisfy { $0.by != nil })
        let mode = (try FileManager.default.attributesOfItem(atPath: SQLiteBackup.ledgerCopy(ofBackup: newer))[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        // restore carries the backup's own copy and the ones given, under the lock, before the database:
        // a ledger copied through Windows (CRLF) with a line twice still reads, each erasure once
        let windows = backups.appendingPathComponent("tuesday-windows.log").path
        let newerText = try String(contentsOfFile: SQLiteBackup.ledgerCopy(ofBackup: newer), encoding: .utf8)
        try (newerText + newerText).replacingOccurrences(of: "\n", with: "\r\n").write(toFile: windows, atomically: true, encoding: .utf8)
        let other = try folder()
        defer { try? FileManager.default.removeItem(at: other) }
        let restored = try SQLiteBackup.restore(older, dataFolder: other.path, ledgers: [windows])
        #expect(restored.ledgers.map(\.added) == [1, 1])
        #expect(ErasureLedger(dataFolder: other.path).entries().map(\.candidate) == [first, second])
        // a file that is no ledger is refused before anything is restored
        let junk = backups.appendingPathComponent("notes.txt").path
        try "remember to erase Zacharias".write(toFile: junk, atomically: true, encoding: .utf8)
        #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.checkLedger(junk) }
        #expect(throws: SQLiteBackup.Failure.self) { try SQLiteBackup.checkLedger(junk + ".missing") }
    }

    /// The database a restore replaced holds everyone erased since; it is removed a week after the
    /// restore (nothing removed it, an operations probe).
    @Test func theDatabaseKeptBeforeARestoreGoesAfterAWeek() throws {
        // setup
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kept = SQLiteBackup.databasePath(inDataFolder: dir.path) + SQLiteBackup.keptSuffix
        FileManager.default.createFile(atPath: kept, contents: Data("old".utf8))
        let restoredAt = Date()
        try FileManager.default.setAttributes([.modificationDate: restoredAt], ofItemAtPath: kept)
        // act
        let sixDays = KeptBeforeRestore.sweep(dataFolder: dir.path, now: restoredAt.addingTimeInterval(6 * 86400))
        let stillThere = FileManager.default.fileExists(atPath: kept)
        let eightDays = KeptBeforeRestore.sweep(dataFolder: dir.path, now: restoredAt.addingTimeInterval(8 * 86400))
        // verify
        #expect(!sixDays && stillThere)
        #expect(eightDays && !FileManager.default.fileExists(atPath: kept))
    }

    @Test func theLedgerKeepsWhoAskedOnALineEarlierVersionsPassOver() throws {
        // setup: one erasure recorded by a person, one written by an earlier version, one line tampered with
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = ErasureLedger(dataFolder: dir.path)
        let asked = UUID(), old = UUID(), user = UUID()
        try ledger.record(candidate: asked, at: Date(timeIntervalSince1970: 1_800_000_000), by: "user:\(user.uuidString)")
        let file = dir.appendingPathComponent(ErasureLedger.fileName).path
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("2027-01-15T08:00:00.000Z candidate \(old.uuidString)\n2027-01-15T08:00:00.000Z requested-by \(old.uuidString) <script>\n".utf8))
        try handle.close()
        // act
        let entries = ledger.entries()
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        // verify: each erasure's own line is the three words every version reads; the requester beside it
        #expect(lines.filter { $0.split(separator: " ").count == 3 }.count == 2)
        #expect(entries.map(\.candidate) == [asked, old])
        #expect(entries[0].by == "user:\(user.uuidString)" && entries[0].at.hasPrefix("2027-01-15T08:00"))
        #expect(entries[1].by == nil, "text that is no requester is not carried into the trail")
    }

    @Test func theDataFolderIsMadeItsOwnersOnly() throws {
        // setup: a folder as an earlier version left it, readable by every local account
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = SQLiteBackup.databasePath(inDataFolder: dir.path)
        for path in [database, database + "-wal", dir.appendingPathComponent(ErasureLedger.fileName).path] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        // act
        DataFolderPrivacy.tighten(dataFolder: dir.path)
        // verify
        func mode(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1 }
        #expect(mode(database) == 0o600 && mode(database + "-wal") == 0o600)
        #expect(mode(dir.appendingPathComponent(ErasureLedger.fileName).path) == 0o600)
        #expect(mode(dir.path) == 0o700)
        // A folder shared with other files keeps its own mode: only the server's files are tightened.
        let shared = try folder()
        defer { try? FileManager.default.removeItem(at: shared) }
        #expect(FileManager.default.createFile(atPath: shared.appendingPathComponent("notes.txt").path, contents: Data()))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared.path)
        DataFolderPrivacy.tighten(dataFolder: shared.path)
        #expect(mode(shared.path) == 0o755)
    }
}
