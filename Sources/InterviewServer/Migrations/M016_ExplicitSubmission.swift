import Fluent
import SQLKit

/// Scorecards are submitted explicitly now, with the interviewer's recommendation and summary
/// (`ScorecardSubmission`); before, finishing the interview stamped `submitted_at`. No card of the
/// earlier releases carries a submission in its log, so none stays submitted: each interviewer submits
/// theirs, and until then colleagues do not see it.
struct M016_ExplicitSubmission: AsyncMigration {
    ///
    /// Plain SQL, not Fluent's query builder: the builder's `update()` also stamps every card's
    /// `updated_at` (the model's `@Timestamp(on: .update)`), which erased when each card was last
    /// touched — the time managers see beside a draft. Found by the upgrade test (`Tests/upgrade`).
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update(ScorecardRecord.schema).set("submitted_at", to: SQLLiteral.null).run()
    }

    /// Nothing to undo: finishing and submitting were one step before.
    func revert(on database: any Database) async throws {}
}
