import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor

/// Draining the queue through Fluent's pool (PostgreSQL, and SQLite in memory): each group in one
/// transaction of a fixed number of statements.
extension ScorecardWriter {
    func drain(_ database: @escaping @Sendable () throws -> any Database) async {
        while let group = nextGroup() {
            let start = ContinuousClock.now
            do {
                try await transaction(group.map(\.write), database)
                ServerMetrics.scorecardCommitted(writes: group.count, startedAt: start)
                for job in group { job.done.succeed(()) }
            } catch {
                for job in group {
                    let start = ContinuousClock.now
                    do {
                        try await transaction([job.write], database)
                        ServerMetrics.scorecardCommitted(writes: 1, startedAt: start)
                        job.done.succeed(())
                    } catch {
                        ServerMetrics.scorecardWriteFailures.increment()
                        job.done.fail(error)
                    }
                }
            }
        }
    }

    /// A commit that has not finished in this long is given up: its requests are answered 503 (the
    /// console resends them with their client ids, and the retry reads what the database really holds),
    /// and the writer goes on with the next group. Without it, one statement that never got an answer —
    /// seen when PostgreSQL restarted under load — held every later scorecard write of the server.
    /// The test application lengthens it: there the whole test process can stall for seconds while
    /// synchronous tests (commands run as child processes) hold the cooperative threads, and a commit
    /// given up then failed tests that had nothing wrong (two CI runs). Set before any server starts.
    nonisolated(unsafe) static var commitDeadline: TimeAmount = .seconds(8)

    struct CommitTimedOut: Error {}

    private func transaction(_ writes: [Write], _ database: () throws -> any Database) async throws {
        let db = try database()
        try await db.eventLoop.withDeadline(Self.commitDeadline, timeout: CommitTimedOut()) {
            try await db.transaction { db in
                guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "scorecards need an SQL database") }
                try await Self.apply(writes, on: sql)
            }
        }
    }

    /// A whole group in a fixed number of statements, whatever its size: one multi-row insert of the
    /// events, one multi-row upsert of the cards' summaries (every card exists already, so it only ever
    /// updates), and one update for the drafts an added note replaced.
    private static func apply(_ writes: [Write], on sql: any SQLDatabase) async throws {
        try await lockCards(writes, on: sql)
        let now = Date()
        let events = writes.flatMap { write in
            write.lines.enumerated().map { offset, line -> [any Encodable & Sendable] in
                [UUID.timeOrdered(at: now), write.card.id, write.firstSeq + offset, offset == 0 ? write.clientID : nil, line]
            }
        }
        if !events.isEmpty {
            var insert = sql.insert(into: ScorecardEvent.schema).columns("id", "scorecard_id", "seq", "client_id", "event")
            for row in events { insert = insert.values(row) }
            try await insert.run()
        }
        var upsert = sql.insert(into: ScorecardRecord.schema)
            .columns("id", "interview_id", "interviewer_id", "event_count", "generation", "submitted_at", "overall",
                     "coverage", "band", "updated_at")
        for write in writes {
            let card = write.card, summary = write.summary
            upsert = upsert.values([card.id, card.interviewID, card.interviewerID, summary.eventCount, card.generation,
                                    summary.submittedAt, summary.overall, summary.coverage, summary.band, now] as [any Encodable & Sendable])
        }
        try await upsert.onConflict(with: "id") {
            $0.set(excludedValueOf: "event_count").set(excludedValueOf: "submitted_at").set(excludedValueOf: "overall")
                .set(excludedValueOf: "coverage").set(excludedValueOf: "band").set(excludedValueOf: "updated_at")
        }.run()
        let cleared = writes.filter(\.summary.clearDraft).map(\.card.id)
        if !cleared.isEmpty {
            try await sql.update(ScorecardRecord.schema).set("draft_note", to: SQLLiteral.null)
                .where("id", .in, cleared).run()
        }
    }

    /// On PostgreSQL, several instances may write the same card at once (one interviewer, two tabs, two
    /// instances). Each group first locks its cards' rows `FOR UPDATE`, in id order, so writers of one card
    /// queue at its row and groups over several cards cannot lock them in opposite orders. The writer that
    /// waited then finds its event numbers taken, its insert fails, and `ScorecardService.post` catches up
    /// from the database and applies the action again: one total order per card. (With `FOR SHARE` only on
    /// notes, as before, a note and a rating on one card deadlocked: each held what the other needed.)
    ///
    /// The same lock makes the erasure check sound across instances: an erasure rewriting the card holds
    /// its row, so the lock waits for it and then sees its mark, and an erasure that comes later waits for
    /// this commit and erases what it wrote. On SQLite (one process) the card locks already order all of
    /// this, and the syntax does not exist.
    private static func lockCards(_ writes: [Write], on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        let cards = Array(Set(writes.map(\.card.id))).sorted { $0.uuidString < $1.uuidString }
        // The latest version of each row is read under the lock: a condition on erased_at in the WHERE
        // would be judged on the snapshot and skip the row an erasure is changing instead of waiting for it.
        let rows = try await sql.raw("""
            SELECT id, erased_at FROM \(ident: ScorecardRecord.schema) WHERE id IN (\(binds: cards)) ORDER BY id FOR UPDATE
            """).all()
        var erased = Set<UUID>()
        for row in rows where try row.decodeNil(column: "erased_at") == false { erased.insert(try row.decode(column: "id", as: UUID.self)) }
        if writes.contains(where: { $0.carriesText && erased.contains($0.card.id) }) { throw ConsoleRefusal.candidateErased }
    }
}
