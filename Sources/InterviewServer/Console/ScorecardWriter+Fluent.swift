import Fluent
import Foundation
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

    private func transaction(_ writes: [Write], _ database: () throws -> any Database) async throws {
        try await database().transaction { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "scorecards need an SQL database") }
            try await Self.apply(writes, on: sql)
        }
    }

    /// A whole group in a fixed number of statements, whatever its size: one multi-row insert of the
    /// events, one multi-row upsert of the cards' summaries (every card exists already, so it only ever
    /// updates), and one update for the drafts an added note replaced.
    private static func apply(_ writes: [Write], on sql: any SQLDatabase) async throws {
        try await refuseTextOnErasedCards(writes, on: sql)
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

    /// Across instances the card locks of `CandidateErasure` are not shared, so the writer checks the
    /// erasure mark itself, under a row lock: `FOR SHARE` waits for an erasure that is rewriting the card
    /// and then sees its mark, and an erasure that comes later waits for this commit and erases what it
    /// wrote. On SQLite (one process) the card locks already order the two, and the syntax does not exist.
    private static func refuseTextOnErasedCards(_ writes: [Write], on sql: any SQLDatabase) async throws {
        let cards = writes.filter(\.carriesText).map(\.card.id)
        guard !cards.isEmpty, sql.dialect.name == "postgresql" else { return }
        // Every card is locked and its latest version read: a condition on erased_at in the WHERE would
        // be judged on the snapshot and skip the row an erasure is changing instead of waiting for it.
        let rows = try await sql.raw("""
            SELECT erased_at FROM \(ident: ScorecardRecord.schema) WHERE id IN (\(binds: cards)) FOR SHARE
            """).all()
        if try rows.contains(where: { try $0.decodeNil(column: "erased_at") == false }) { throw ConsoleRefusal.candidateErased }
    }
}
