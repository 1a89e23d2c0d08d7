import Fluent
import Vapor

/// Erases the personal data of candidates whose position's retention period has passed since the end of
/// their process: the later of when they were added, their last interview and their last decision, and
/// never while an interview of theirs is scheduled or under way (counted from the day they were added, a
/// 90-day period erased a candidate whose process ran 91 days, and no decision could then be recorded).
/// Interviews stay, so anonymous scores remain. `now` is passed in so tests need no clock.
enum RetentionSweeper {
    @discardableResult
    static func sweep(on db: any Database, cache: ScorecardCache, ledger: ErasureLedger?, now: Date) async throws -> Int {
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
            for candidate in due where try await processEnded(candidate, before: cutoff, on: db) {
                guard try await CandidateService.erase(candidate, by: nil, cache: cache, ledger: ledger, on: db, now: now) else { continue }
                try await SecurityAudit.recordSystem(.candidateErased, subject: SecurityAudit.subject("candidate", candidate.id),
                                                     detail: "retention", on: db)
                erased += 1
            }
        }
        return erased
    }

    /// No open interview, and the last interview and the last decision before `cutoff`.
    static func processEnded(_ candidate: Candidate, before cutoff: Date, on db: any Database) async throws -> Bool {
        let id = try candidate.requireID()
        let interviews = try await Interview.query(on: db).filter(\.$candidate.$id == id).field(\.$id).field(\.$scheduledAt).field(\.$status).all()
        if interviews.contains(where: { $0.status == .scheduled || $0.status == .inProgress }) { return false }
        if interviews.contains(where: { $0.scheduledAt >= cutoff }) { return false }
        let lastDecision = try await CandidateDecision.query(on: db).filter(\.$candidateID == id).sort(\.$at, .descending).first()
        return (lastDecision?.at).map { $0 < cutoff } ?? true
    }
}

/// Runs the sweep at start and then hourly while the server runs, with the sweep of dead sessions.
final class RetentionLifecycle: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        try await Self.sweep(app)
        let hourly = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
                guard !Task.isCancelled else { return }
                do { try await Self.sweep(app) } catch { app.logger.error("retention sweep failed: \(String(reflecting: type(of: error)))") }
            }
        }
        lock.withLock { task = hourly }
    }

    func shutdownAsync(_ app: Application) async {
        lock.withLock { task?.cancel() }
    }

    private static func sweep(_ app: Application) async throws {
        let count = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: app.erasureLedger, now: Date())
        if count > 0 { app.logger.notice("retention: erased personal data of \(count) candidate(s)") }
        try await SessionSweeper.sweep(on: app.db, policy: app.sessionPolicy, now: app.sessionClock())
        try await LoginRateLimiter.sweep(on: app.db, now: Date())
    }
}
