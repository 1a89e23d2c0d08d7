import Fluent
import Foundation
import InterviewCore
import NIOConcurrencyHelpers
import Vapor

/// Erasures, remembered outside the database they were made in. A backup taken before an erasure still
/// holds the person's data, and restoring it brought them back on every page, with the trail entry of
/// their erasure gone too. The ledger is a file in the data folder beside the database, which `restore`
/// only ever adds to (`backup` copies it beside the backup, `restore --erasures` merges one in); at start,
/// every candidate it names whom the database does not hold as erased (a restored backup) is erased again. It holds ids and dates only, nothing about the person.
/// SQLite only: on PostgreSQL backups and restores are pg_dump's, and docs/operations.md says what to do.
final class ErasureLedger: Sendable {
    static let fileName = "erasures.log"

    let path: String
    let dataFolder: String
    private let lock = NIOLock()

    init(dataFolder: String) {
        self.dataFolder = dataFolder
        path = URL(fileURLWithPath: dataFolder).appendingPathComponent(Self.fileName).path
    }

    /// Appends `2026-12-06T05:40:00.000Z candidate <id>` and, on a line of its own that earlier versions
    /// pass over (one rolled back to, or restoring with, still reads every erasure), `… requested-by <id>
    /// user:<id>` or `retention`; one write, and waits until it is on disk: the erasure is not reported done
    /// before it would survive a restore. Who asked and when stay with it: after a restore the trail said
    /// only "again after a restore", the request's time and requester gone with the pages the backup predated.
    func record(candidate id: UUID, at date: Date, by who: String = "retention") throws {
        let time = SessionTimestamp.format(date)
        try appendDurably(time + " candidate " + id.uuidString + "\n" + time + " requested-by " + id.uuidString + " " + who + "\n")
    }

    /// One write at the end of the file, owner-only, and on disk before it returns.
    private func appendDurably(_ text: String) throws {
        try lock.withLock {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw Abort(.internalServerError, reason: "cannot open \(Self.fileName): errno \(errno)") }
            defer { close(fd) }
            let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            guard written == text.utf8.count, fsync(fd) == 0 else {
                throw Abort(.internalServerError, reason: "cannot write \(Self.fileName): errno \(errno)")
            }
        }
    }

    struct Entry { var candidate: UUID; var at: String; var by: String? }

    /// The file as it is, for a backup's copy.
    func text() throws -> String { try lock.withLock { try String(contentsOfFile: path, encoding: .utf8) } }

    /// The lines of a ledger's text that read as ledger lines (an erasure, or who asked for one).
    static func lines(of text: String) -> [Substring] {
        // Any line end: a ledger copied through Windows read as one line and was refused (the review).
        text.split(whereSeparator: \.isNewline).filter { line in
            let parts = line.split(separator: " ")
            guard parts.count >= 3, SessionTimestamp.parse(String(parts[0])) != nil, UUID(uuidString: String(parts[2])) != nil else { return false }
            return (parts.count == 3 && parts[1] == "candidate") || (parts.count == 4 && parts[1] == "requested-by" && isRequester(parts[3]))
        }
    }

    /// Appends the lines this ledger does not hold yet, in their order, and waits until they are on disk;
    /// returns how many erasures were added.
    func append(missing given: [Substring]) throws -> Int {
        var held = Set(Self.lines(of: (try? text()) ?? ""))
        let new = given.filter { held.insert($0).inserted }   // once each, a line repeated in `given` too
        guard !new.isEmpty else { return 0 }
        try appendDurably(new.joined(separator: "\n") + "\n")
        return new.filter { $0.split(separator: " ")[1] == "candidate" }.count
    }

    /// The erasures, in the order they were; lines that do not read are passed over. Erasures recorded
    /// before the requester was kept have none. The time and requester are checked before they are used
    /// (they go into the security trail): a timestamp, and `retention` or `user:` with an id.
    func entries() -> [Entry] {
        let text = lock.withLock { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        var entries: [Entry] = [], requesters: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count >= 3, SessionTimestamp.parse(String(parts[0])) != nil, let id = UUID(uuidString: String(parts[2])) else { continue }
            if parts.count == 3, parts[1] == "candidate" {
                entries.append(Entry(candidate: id, at: String(parts[0]), by: nil))
            } else if parts.count == 4, parts[1] == "requested-by", Self.isRequester(parts[3]) {
                requesters[String(parts[0]) + " " + id.uuidString] = String(parts[3])
            }
        }
        return entries.map { entry in
            var entry = entry
            entry.by = requesters[entry.at + " " + entry.candidate.uuidString]
            return entry
        }
    }

    private static func isRequester(_ who: Substring) -> Bool {
        who == "retention" || (who.hasPrefix("user:") && UUID(uuidString: String(who.dropFirst(5))) != nil)
    }

    /// The candidates erased, in the order they were.
    func candidates() -> [UUID] { entries().map(\.candidate) }

    /// `interview restore` leaves this in the data folder, so the next start puts the restore in the
    /// security trail (the restored database's own trail ends at the backup).
    static let restoredMarker = "restored-from-backup"

    /// Erases again whoever the ledger names and the database does not hold as erased, and records a
    /// restore the folder's marker tells of; returns how many were erased again.
    @discardableResult
    static func reapply(_ app: Application) async throws -> Int {
        guard let ledger = app.erasureLedger else { return 0 }
        let again = try await eraseAgain(ledger, app)
        let marker = URL(fileURLWithPath: ledger.path).deletingLastPathComponent().appendingPathComponent(restoredMarker).path
        if let written = try? String(contentsOfFile: marker, encoding: .utf8) {
            // The backup's sessions include ones ended since (a password change, a deactivation, "sign
            // out everywhere"): after a restore everyone signs in again.
            try await SessionRecord.query(on: app.db).delete()
            // First line: when; a second (from this version on): the trail entries the backup lacks.
            let lines = written.split(whereSeparator: \.isNewline)
            let restoredAt = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let gap = lines.dropFirst().first.flatMap(RestoredTrailGap.fromMarker)
            let kept = URL(fileURLWithPath: SQLiteBackup.databasePath(inDataFolder: "/")).lastPathComponent + SQLiteBackup.keptSuffix
            try await SecurityAudit.recordSystem(.databaseRestored, subject: "database:",
                                                 detail: "restored \(restoredAt); erased again: \(again)" + (gap.map { "; " + $0.text(kept: kept).en } ?? ""),
                                                 on: app.db)
            try? FileManager.default.removeItem(atPath: marker)
        }
        return again
    }

    private static func eraseAgain(_ ledger: ErasureLedger, _ app: Application) async throws -> Int {
        let entries = ledger.entries()
        // The first erasure of each: when, and by whom, for the trail entry written again.
        var first: [UUID: ErasureLedger.Entry] = [:]
        for entry in entries where first[entry.candidate] == nil { first[entry.candidate] = entry }
        let ids = Array(first.keys)
        guard !ids.isEmpty else { return 0 }
        var again = 0
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let restored = try await Candidate.query(on: app.db).filter(\.$id ~~ chunk).filter(\.$erasedAt == nil).all()
            for candidate in restored {
                guard try await CandidateService.erase(candidate, by: nil, reason: .restore, cache: app.scorecardCache, ledger: nil,
                                                       on: app.db) else { continue }
                let original = candidate.id.flatMap { first[$0] }
                let detail = "again after a restore" + (original.map { " (first erased \($0.at)" + ($0.by.map { " by \($0)" } ?? "") + ")" } ?? "")
                try await SecurityAudit.recordSystem(.candidateErased, subject: SecurityAudit.subject("candidate", candidate.id),
                                                     detail: detail, on: app.db)
                again += 1
            }
        }
        if again > 0 { app.logger.notice("restore: erased again \(again) candidate(s) erased after the backup was taken") }
        return again
    }
}

extension Application {
    private struct ErasureLedgerKey: StorageKey { typealias Value = ErasureLedger }

    /// Set for an SQLite data folder (`configure`); nil in memory and on PostgreSQL.
    var erasureLedger: ErasureLedger? {
        get { storage[ErasureLedgerKey.self] }
        set { storage[ErasureLedgerKey.self] = newValue }
    }
}
