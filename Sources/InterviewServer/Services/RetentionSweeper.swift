import Fluent
import Vapor

/// Erases the personal data of candidates whose position's retention period has passed since the end of
/// their process: the later of when they were added, their last interview held and their last decision
/// (counted from the day they were added, a 90-day period erased a candidate whose process ran 91 days,
/// and no decision could then be recorded). An interview still open holds the erasure only while it is
/// in reach — dated within one period of today either way — so a date in the year 9999, an interview left
/// "in progress" by someone who left, or a no-show never cancelled, cannot keep anyone forever; a
/// cancelled interview holds nothing (a security review). Interviews stay, so anonymous scores remain.
/// `now` is passed in so tests need no clock. `limit`, the server's ceiling (`--max-retention-days`), also
/// holds positions that keep data longer or until erased by hand (`Position.retention(limit:)`).
enum RetentionSweeper {
    @discardableResult
    static func sweep(on db: any Database, cache: ScorecardCache, ledger: ErasureLedger?, limit: Int? = nil, now: Date) async throws -> Int {
        var query = Position.query(on: db)
        if limit == nil { query = query.filter(\.$retentionDays != nil) }
        var erased = 0
        for position in try await query.all() {
            guard let days = position.retention(limit: limit) else { continue }
            let cutoff = now.addingTimeInterval(-Double(days) * 24 * 60 * 60)
            // Ids first: a candidate held by an open interview stays on this list every hour, and its whole
            // row (a resume PDF of up to 5 MB) was read each time.
            let due = try await Candidate.query(on: db)
                .filter(\.$position.$id == position.requireID())
                .filter(\.$erasedAt == nil)
                .filter(\.$createdAt < cutoff)
                .field(\.$id)
                .all()
            for id in due.compactMap(\.id) where try await processEnded(id, cutoff: cutoff, now: now, days: days, on: db) {
                guard let candidate = try await Candidate.find(id, on: db),
                      try await CandidateService.erase(candidate, by: nil, cache: cache, ledger: ledger, on: db, now: now) else { continue }
                try await SecurityAudit.recordSystem(.candidateErased, subject: SecurityAudit.subject("candidate", candidate.id),
                                                     detail: "retention", on: db)
                erased += 1
            }
        }
        return erased
    }

    /// When the sweep will erase the candidate as things stand, for the candidate page: `days` after the
    /// later of when they were added, their latest interview (one still to come counts from its date) and
    /// their latest decision. A DPO found no page saying when anyone's data would go (an operations probe).
    static func plannedErasure(of candidate: Candidate, days: Int, on db: any Database) async throws -> Date {
        let id = try candidate.requireID()
        let interviews = try await Interview.query(on: db).filter(\.$candidate.$id == id).filter(\.$status != .cancelled)
            .field(\.$id).field(\.$scheduledAt).all()
        let decision = try await CandidateDecision.query(on: db).filter(\.$candidateID == id).sort(\.$at, .descending).first()?.at
        let end = ([candidate.createdAt] + interviews.map { Optional($0.scheduledAt) } + [decision]).compactMap { $0 }.max() ?? Date()
        return end.addingTimeInterval(Double(days) * 24 * 60 * 60)
    }

    /// The process ended before `cutoff`: no interview in reach still open, no interview held and no
    /// decision since. Cancelled interviews count for nothing; a date in the future counts as today.
    static func processEnded(_ id: UUID, cutoff: Date, now: Date, days: Int, on db: any Database) async throws -> Bool {
        let interviews = try await Interview.query(on: db).filter(\.$candidate.$id == id).field(\.$id).field(\.$scheduledAt).field(\.$status).all()
        let reach = now.addingTimeInterval(Double(days) * 24 * 60 * 60)
        for interview in interviews where interview.status != .cancelled {
            let open = interview.status == .scheduled || interview.status == .inProgress
            if open, interview.scheduledAt >= cutoff, interview.scheduledAt <= reach { return false }
            if !open, min(interview.scheduledAt, now) >= cutoff { return false }
        }
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
        let count = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: app.erasureLedger,
                                                     limit: app.serverSettings.maxRetentionDays, now: Date())
        if count > 0 { app.logger.notice("retention: erased personal data of \(count) candidate(s)") }
        if let folder = app.erasureLedger?.dataFolder, KeptBeforeRestore.sweep(dataFolder: folder, now: Date()) {
            app.logger.notice("retention: removed the database kept before a restore (kept \(Int(KeptBeforeRestore.keptFor / 86400)) days)")
        }
        try await SessionSweeper.sweep(on: app.db, policy: app.sessionPolicy, now: app.sessionClock())
        try await LoginRateLimiter.sweep(on: app.db, now: Date())
    }
}
