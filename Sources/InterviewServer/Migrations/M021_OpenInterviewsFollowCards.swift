import Fluent

/// Interviews that earlier releases moved to "in progress" at a panelist's first start go back to
/// "scheduled": that status told every colleague on the panel that someone had begun (a probe), and from
/// this release a begun card moves no status (`InterviewProgress`). One a manager set by hand — the
/// security trail holds its "-> in_progress" — keeps it. Nothing else about the interview changes.
struct M021_OpenInterviewsFollowCards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let setByHand = Set(try await SecurityEvent.query(on: database).filter(\.$kind == .interviewStatus).all()
            .filter { $0.detail.hasSuffix("-> \(Interview.Status.inProgress.rawValue)") }.map(\.subject))
        for interview in try await Interview.query(on: database).filter(\.$status == .inProgress).all()
        where !setByHand.contains(SecurityAudit.subject("interview", interview.id)) {
            interview.status = .scheduled
            try await interview.save(on: database)
        }
    }

    /// Which "in progress" was automatic is not kept, so nothing is put back.
    func revert(on database: any Database) async throws {}
}
