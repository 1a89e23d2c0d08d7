import Fluent
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Erases the personal data of candidates whose position's retention period has passed. Interviews stay,
/// so anonymous scores remain. `now` is passed in so tests need no clock.
enum RetentionSweeper {
    @discardableResult
    static func sweep(on db: any Database, now: Date) async throws -> Int {
        let positions = try await Position.query(on: db).filter(\.$retentionDays != nil).all()
        var erased = 0
        for position in positions {
            guard let days = position.retentionDays else { continue }
            let cutoff = now.addingTimeInterval(-Double(days) * 24 * 60 * 60)
            let due = try await Candidate.query(on: db)
                .filter(\.$position.$id == position.requireID())
                .filter(\.$erasedAt == nil)
                .filter(\.$createdAt < cutoff)
                .all()
            for candidate in due {
                try await CandidateService.erase(candidate, by: nil, on: db, now: now)
                erased += 1
            }
        }
        return erased
    }
}

/// Runs the sweep at start and then hourly while the server runs.
final class RetentionLifecycle: LifecycleHandler, Sendable {
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    func didBootAsync(_ app: Application) async throws {
        try await Self.sweep(app)
        let repeated = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .hours(1), delay: .hours(1)) { _ in
            app.eventLoopGroup.next().makeFutureWithTask { try await Self.sweep(app) }
        }
        task.withLockedValue { $0 = repeated }
    }

    func shutdownAsync(_ app: Application) async {
        task.withLockedValue { $0?.cancel() }
    }

    private static func sweep(_ app: Application) async throws {
        let count = try await RetentionSweeper.sweep(on: app.db, now: Date())
        if count > 0 { app.logger.notice("retention: erased personal data of \(count) candidate(s)") }
    }
}
