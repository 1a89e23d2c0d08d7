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
        /// A promise rather than a continuation, so the live console can answer from the event loop
        /// without a hop through the concurrency pool (`ScorecardService.postNow`).
        var done: EventLoopPromise<Void>
    }

    private struct Queue {
        var pending: [Job] = []
        var draining = false
        /// Set at shutdown: new writes are refused, so nothing is handed to a line that has stopped.
        var closed = false
    }

    /// Where the groups are committed.
    enum Target: Sendable {
        /// Through Fluent's pool (PostgreSQL, and SQLite in memory).
        case fluent(@Sendable () throws -> any Database)
        /// A single-writer server's SQLite file, on a connection and a thread of the writer's own.
        case sqliteLine(ScorecardSQLiteLine)
    }

    private let target: Target
    /// Enqueuing is a mutex operation, not an actor hop: the request waits only for its commit.
    private let queue = Mutex(Queue())

    init(_ target: Target) {
        self.target = target
    }

    func commit(_ write: Write, on eventLoop: any EventLoop) async throws {
        try await commit(write, on: eventLoop).get()
    }

    /// Queues the write; the future succeeds once it is committed.
    func commit(_ write: Write, on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let done = eventLoop.makePromise(of: Void.self)
        let startDrain = queue.withLock { queue -> Bool? in
            guard !queue.closed else { return nil }
            queue.pending.append(Job(write: write, done: done))
            guard !queue.draining else { return false }
            queue.draining = true
            return true
        }
        guard let startDrain else {
            done.fail(Abort(.serviceUnavailable, reason: "The server is shutting down; try again."))
            return done.futureResult
        }
        if startDrain {
            switch target {
            case .fluent(let database): Task { await self.drain(database) }
            case .sqliteLine(let line): line.loop.execute { self.drain(line) }
            }
        }
        return done.futureResult
    }

    /// At shutdown: refuses new writes, lets every queued one be committed (and answered), then
    /// closes the line. Without this a write arriving after the line's thread had stopped was handed
    /// to nobody and its request never answered.
    func shutdown() async {
        queue.withLock { $0.closed = true }
        while queue.withLock({ $0.draining }) { try? await Task.sleep(for: .milliseconds(2)) }
        if case .sqliteLine(let line) = target { await line.shutdown() }
    }

    /// The jobs queued since the last group, or nil (and the drain stops) when there are none.
    private func nextGroup() -> [Job]? {
        queue.withLock { queue -> [Job]? in
            let group = queue.pending
            queue.pending = []
            if group.isEmpty { queue.draining = false }
            return group.isEmpty ? nil : group
        }
    }

    /// How long the line waits, after a group of several writes, for the next group to fill.
    ///
    /// Commits are cheap on a fast disk (~70 µs), so without a pause a busy server committed groups of
    /// 3–4 ratings, each paying a commit's fixed work (WAL frames of shared pages, fsync, hand-overs):
    /// 28 µs of the writer's CPU per rating. Waiting a millisecond once others are writing too makes
    /// groups of ~20 and costs 16 µs per rating; with 100 interviewers rating, throughput rose from
    /// ~9,200 to ~11,800 ratings/s and p99 fell from ~26 to ~17 ms (the pause is far shorter than the
    /// queueing it saves). A lone interviewer's writes come one at a time and never wait.
    static let gatherPause: UInt32 = 1_000

    /// On the line's own thread: each group is committed there synchronously.
    private func drain(_ line: ScorecardSQLiteLine) {
        var previousGroupSize = 0
        while true {
            if previousGroupSize > 1 { usleep(Self.gatherPause) }
            guard let group = nextGroup() else { return }
            previousGroupSize = group.count
            do {
                try line.commit(group.map(\.write))
                Self.succeed(group)
            } catch {
                for job in group {
                    do {
                        try line.commit([job.write])
                        job.done.succeed(())
                    } catch {
                        job.done.fail(error)
                    }
                }
            }
        }
    }

    /// Answers a committed group with one hand-over per event loop rather than one per request: each
    /// promise completed from this thread would otherwise wake its loop on its own.
    private static func succeed(_ group: [Job]) {
        var byLoop: [ObjectIdentifier: [EventLoopPromise<Void>]] = [:]
        for job in group { byLoop[ObjectIdentifier(job.done.futureResult.eventLoop), default: []].append(job.done) }
        for promises in byLoop.values {
            promises[0].futureResult.eventLoop.execute {
                for promise in promises { promise.succeed(()) }
            }
        }
    }

    private func drain(_ database: @escaping @Sendable () throws -> any Database) async {
        while let group = nextGroup() {
            do {
                try await transaction(group.map(\.write), database)
                for job in group { job.done.succeed(()) }
            } catch {
                for job in group {
                    do {
                        try await transaction([job.write], database)
                        job.done.succeed(())
                    } catch {
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
