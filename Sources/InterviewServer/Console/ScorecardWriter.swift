import Fluent
import Foundation
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
        /// The events hold free text (a note, a skip reason): refused if the candidate has been erased
        /// meanwhile by another instance (`CandidateErasure`).
        var carriesText = false
    }

    struct Job {
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

    let target: Target
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
    func nextGroup() -> [Job]? {
        queue.withLock { queue -> [Job]? in
            let group = queue.pending
            queue.pending = []
            if group.isEmpty { queue.draining = false }
            return group.isEmpty ? nil : group
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
