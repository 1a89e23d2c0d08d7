import FluentSQLiteDriver
import Foundation
import NIOPosix
import Synchronization
import Vapor

/// The scorecard writer's own connection to the SQLite file, with an event loop and a thread of its own.
///
/// Fluent's connections answer on the event loops that also serve HTTP. Under load each statement's
/// answer waits behind the requests queued on that loop, and a commit of four statements spent ~20 ms
/// waiting for under 2 ms of work — with a hundred interviewers rating, that wait, not the CPU, set the
/// pace. On a loop of its own the commit waits for nothing but SQLite and the disk.
///
/// Only for a single-writer server on a file: other connections of the same process still write other
/// tables (and cards' drafts), which SQLite serialises with its file lock.
final class ScorecardSQLiteLine: Sendable {
    private let path: String
    private let logger: Logger
    private let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let threads = NIOThreadPool(numberOfThreads: 1)
    /// Opened on the first commit, which comes after the migrations have created the tables.
    private let connection = Mutex<SQLiteConnection?>(nil)

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
        threads.start()
    }

    /// Runs `body` in one transaction on this line's connection.
    func transaction(_ body: (any SQLDatabase) async throws -> Void) async throws {
        let db = try await open().sql()
        // IMMEDIATE takes the write lock at the start, so the transaction cannot fail half-way
        // because another connection began writing after it had read.
        try await db.raw("BEGIN IMMEDIATE").run()
        do {
            try await body(db)
            try await db.raw("COMMIT").run()
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    private func open() async throws -> SQLiteConnection {
        if let open = connection.withLock({ $0 }) { return open }
        // Only the writer's drain loop commits, one group at a time, so it never opens two at once.
        let opened = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threads, logger: logger, on: loop.next())
        try await DatabaseSetup.apply(DatabaseSetup.sqlitePragmas, on: opened.sql())
        connection.withLock { $0 = opened }
        return opened
    }

    func shutdown() async {
        if let open = connection.withLock({ current -> SQLiteConnection? in defer { current = nil }; return current }) {
            try? await open.close()
        }
        try? await threads.shutdownGracefully()
        try? await loop.shutdownGracefully()
    }
}
