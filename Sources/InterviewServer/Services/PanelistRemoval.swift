import Fluent
import Vapor

/// Taking someone off an interview's panel: they will not score it after all (they left, or the panel
/// changed). Without this, an interviewer deactivated with a draft open held the panel for good: the
/// position could not let them go (their card unsubmitted), nobody could submit for them, and the
/// debrief kept waiting for their card (a probe). Hiring managers of the position and admins; only an
/// unsubmitted card goes — a submitted one is part of the record — and never the last interviewer
/// (cancel the interview instead). The draft's events go with the seat: they were never part of any
/// score, and nobody can see them afterwards. In the security trail, with whom.
enum PanelistRemoval {
    static func remove(_ userID: UUID?, from interviewID: UUID?, req: Request) async throws {
        let user = try req.user
        guard let interviewID, let userID, let interview = try await Interview.find(interviewID, on: req.db) else { throw Abort(.notFound) }
        _ = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        try Access.requireManager(user)
        let seats = try await InterviewInterviewer.query(on: req.db).filter(\.$interview.$id == interviewID).all()
        guard let seat = seats.first(where: { $0.$user.id == userID }) else { throw Abort(.notFound) }
        // A manager on the candidate's panels with their own card open takes no colleague off: whether it
        // worked (a draft) or was refused (submitted) told them who had submitted, and it deleted a draft
        // they may not know exists (a probe). Their own seat they may leave.
        if userID != user.id, try await PanelVisibility.candidatesAwaitingOwnCard(of: user, among: [interview.$candidate.id], on: req.db)
            .contains(interview.$candidate.id) {
            throw Abort(.conflict, reason: ownCardFirst)
        }
        let card = try await ScorecardRecord.query(on: req.db).filter(\.$interview.$id == interviewID)
            .filter(\.$interviewer.$id == userID).first()
        if card?.submittedAt != nil { throw Abort(.conflict, reason: submitted) }
        if seats.count == 1 { throw Abort(.conflict, reason: lastOne) }
        let cache = req.application.scorecardCache
        try await req.db.transaction { db in
            if let card, let cardID = card.id {
                try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == cardID).delete()
                try await card.delete(on: db)
            }
            try await seat.delete(on: db)
            try await InterviewProgress.update(interviewID, on: db)
        }
        cache.forgetSeats(ofInterview: interviewID)
        if let cardID = card?.id { cache.forget(cardID) }
        try await SecurityAudit.record(.panelistRemoved, by: user, subject: SecurityAudit.subject("interview", interviewID),
                                       detail: SecurityAudit.subject("user", userID) + (card == nil ? "" : AuditText.draftDiscarded), req: req)
    }

    static let submitted = "A submitted scorecard is part of the record: its interviewer stays on the panel."
    static let lastOne = "The interview's only interviewer cannot be taken off: cancel the interview instead."
    static let ownCardFirst = "Submit your own scorecard for this candidate first: until then the panel's cards are not yours to see, nor to remove."
}
