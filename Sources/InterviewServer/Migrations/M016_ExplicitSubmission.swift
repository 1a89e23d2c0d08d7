import Fluent

/// Scorecards are submitted explicitly now, with the interviewer's recommendation and summary
/// (`ScorecardSubmission`); before, finishing the interview stamped `submitted_at`. No card of the
/// earlier releases carries a submission in its log, so none stays submitted: each interviewer submits
/// theirs, and until then colleagues do not see it.
struct M016_ExplicitSubmission: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await ScorecardRecord.query(on: database).set(\.$submittedAt, to: nil).update()
    }

    /// Nothing to undo: finishing and submitting were one step before.
    func revert(on database: any Database) async throws {}
}
