import Fluent
import Foundation
import Vapor

/// Reads every guide family's submitted cards into `CalibrationCache` in the background once the server
/// is up, so the first debrief or calibration page after a start does not wait for every log of a large
/// team to be replayed (33 s for 16,000 cards on the build machine); later reads touch only changed cards.
final class CalibrationWarmup: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let warm = Task.detached(priority: .background) {
            // Not `app.db`, which traps once the databases are shut down (see `prepareScorecardCache`).
            guard let db = app.databases.database(logger: app.logger, on: app.eventLoopGroup.any()) else { return }
            let started = ContinuousClock.now
            do {
                for guide in try await GuideRecord.query(on: db).all() {
                    guard !Task.isCancelled else { return }
                    let team = try await TeamCards.load(guide: try guide.requireID(), app: app, db: db)
                    try await team.prepareFigures(db: db, cache: app.calibrationCache)
                }
                // The question bank page's figures, pooled over every family read above.
                _ = try await BankStatistics.load(app: app, db: db)
                let took = ContinuousClock.now - started
                app.logger.notice("calibration warm-up done in \(took.components.seconds) s")
            } catch {
                // The pages read what is missing themselves; only the head start is lost.
                app.logger.warning("calibration warm-up stopped: \(String(reflecting: type(of: error)))")
            }
        }
        lock.withLock { task = warm }
    }

    func shutdownAsync(_ app: Application) async {
        lock.withLock { task?.cancel() }
    }
}
