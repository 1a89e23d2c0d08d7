import Foundation
import NIOCore
import NIOPosix
import VaporCSQLite

/// The scorecard writer's own connection to the SQLite file, used by one thread of its own, with its
/// four statements prepared once.
///
/// Why not Fluent's pool: its answers come back on the event loops that also serve HTTP, and under load
/// each statement's answer waited behind the queued requests (~20 ms per commit for ~2 ms of work).
/// Why not SQLiteNIO on a connection of its own (the previous version): every group was serialised to
/// SQL by SQLKit, bound through Codable, and hopped between the concurrency pool, NIO's thread pool and
/// an event loop for each of its statements — measured at ~50 µs of CPU per rating, a quarter of the
/// rating's whole cost. Here a group is prepared statements stepped in a row on this line's thread.
///
/// Only for a single-writer server on a file: other connections of the same process still write other
/// tables (and cards' drafts); SQLite serialises them with its file lock, and this connection waits for
/// the lock (`waitForLock`) rather than failing.
final class ScorecardSQLiteLine: @unchecked Sendable {
    /// The line's thread: everything below the initialiser runs on it, which is what makes the
    /// unchecked Sendable true.
    let loop: any EventLoop
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let path: String
    private var connection: Connection?
    private var closed = false

    init(path: String) {
        self.path = path
        loop = group.next()
    }

    /// Commits the writes in one transaction, or none of them. Runs on `loop`.
    func commit(_ writes: [ScorecardWriter.Write]) throws {
        loop.preconditionInEventLoop()
        let connection = try open()
        try connection.run(connection.begin)
        do {
            let now = Date().timeIntervalSince1970
            for write in writes {
                let cardID = write.card.id.uuidString
                for (offset, line) in write.lines.enumerated() {
                    try connection.run(connection.insertEvent, [
                        .text(UUID.timeOrdered().uuidString), .text(cardID), .integer(write.firstSeq + offset),
                        offset == 0 ? .text(write.clientID) : .null, .text(line)])
                }
                let summary = write.summary
                try connection.run(connection.updateCard, [
                    .integer(summary.eventCount), summary.submittedAt.map { .real($0.timeIntervalSince1970) } ?? .null,
                    summary.overall.map { .real($0) } ?? .null, summary.coverage.map { .real($0) } ?? .null,
                    summary.band.map { .text($0) } ?? .null, .real(now), .integer(summary.clearDraft ? 1 : 0), .text(cardID)])
            }
            try connection.run(connection.commit)
        } catch {
            try? connection.run(connection.rollback)
            throw error
        }
    }

    /// Opened on the first commit, which comes after the migrations have created the tables.
    private func open() throws -> Connection {
        if let connection { return connection }
        guard !closed else { throw ScorecardLineError(code: SQLITE_MISUSE, message: "the server is shutting down") }
        let opened = try Connection(path: path)
        connection = opened
        return opened
    }

    func shutdown() async {
        try? await loop.submit {
            self.closed = true
            self.connection = nil
        }.get()
        try? await group.shutdownGracefully()
    }
}
