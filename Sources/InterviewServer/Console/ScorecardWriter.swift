import Fluent
import Foundation
import SQLKit
import Synchronization
import Vapor

/// Commits scorecard events in groups. With many interviewers rating at once, each commit (an fsync on
/// SQLite) carries every write that arrived while the previous one was on disk, so durable writes do
/// not queue one fsync at a time. Each caller still returns only after its own write is committed.
/// If a group fails (say one card's event number was taken by another instance), each write of the
/// group is retried in a transaction of its own, so one conflict fails only its own request.
final class ScorecardWriter: Sendable {
    struct Write: Sendable {
        var card: CardState
        /// The first event's number; the rest follow.
        var firstSeq: Int
        var clientID: String
        var lines: [String]
        var summary: ScorecardSummary
    }

    private struct Job {
        var write: Write
        var done: CheckedContinuation<Void, any Error>
    }

    private struct Queue {
        var pending: [Job] = []
        var draining = false
    }

    private let database: @Sendable () throws -> any Database
    /// Enqueuing is a mutex operation, not an actor hop: the request waits only for its commit.
    private let queue = Mutex(Queue())

    init(database: @escaping @Sendable () throws -> any Database) {
        self.database = database
    }

    func commit(_ write: Write) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let startDrain = queue.withLock { queue -> Bool in
                queue.pending.append(Job(write: write, done: done))
                guard !queue.draining else { return false }
                queue.draining = true
                return true
            }
            if startDrain { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let group = queue.withLock { queue -> [Job] in
                let group = queue.pending
                queue.pending = []
                if group.isEmpty { queue.draining = false }
                return group
            }
            if group.isEmpty { return }
            do {
                try await database().transaction { db in try await Self.apply(group.map(\.write), on: db) }
                for job in group { job.done.resume() }
            } catch {
                for job in group {
                    do {
                        try await database().transaction { db in try await Self.apply([job.write], on: db) }
                        job.done.resume()
                    } catch {
                        job.done.resume(throwing: error)
                    }
                }
            }
        }
    }

    /// A whole group in a fixed number of statements, whatever its size: one multi-row insert of the
    /// events, one multi-row upsert of the cards' summaries (every card exists already, so it only ever
    /// updates), and one update for the drafts an added note replaced.
    private static func apply(_ writes: [Write], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "scorecards need an SQL database") }
        let events = writes.flatMap { write in
            write.lines.enumerated().map { offset, line -> [any Encodable & Sendable] in
                [UUID(), write.card.id, write.firstSeq + offset, offset == 0 ? write.clientID : nil, line]
            }
        }
        if !events.isEmpty {
            var insert = sql.insert(into: ScorecardEvent.schema).columns("id", "scorecard_id", "seq", "client_id", "event")
            for row in events { insert = insert.values(row) }
            try await insert.run()
        }
        let now = Date()
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
}

/// The card's columns after a write: its event count and the score summary lists show.
struct ScorecardSummary: Sendable {
    var eventCount: Int
    var overall: Double?
    var coverage: Double?
    var band: String?
    var submittedAt: Date?
    var clearDraft: Bool
}
