import Fluent
import Vapor

/// Putting someone on an interview's panel after it was scheduled: the replacement for an interviewer who
/// left mid-week. Before, a leaver's seat could only be taken away, and the last one not even that, so the
/// only way to a replacement was to cancel and schedule again (an account probe). The position's hiring
/// managers and admins; an active member of the position; an interview not yet completed or cancelled. The
/// new panelist scores on their own card, and sees colleagues' cards only once theirs is submitted, as
/// every panelist. In the security trail, with whom.
enum PanelistAddition {
    static func add(_ userID: UUID?, to interviewID: UUID?, req: Request) async throws {
        let user = try req.user
        guard let interviewID, let interview = try await Interview.find(interviewID, on: req.db) else { throw Abort(.notFound) }
        let candidate = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        try Access.requireManager(user)
        // As scheduling: an erased candidate is not interviewed again.
        guard candidate.erasedAt == nil else { throw CandidateWrites.erased }
        guard interview.status == .scheduled || interview.status == .inProgress else { throw Abort(.conflict, reason: closed) }
        let positionID = candidate.$position.id
        guard let userID, try await eligible(for: [positionID], on: req.db)[positionID, default: []].contains(where: { $0.id == userID }) else {
            throw FieldErrors(fields: ["interviewer": .errUnknownUser])
        }
        let seats = try await InterviewInterviewer.query(on: req.db).filter(\.$interview.$id == interviewID).all()
        guard !seats.contains(where: { $0.$user.id == userID }) else { return }
        let cache = req.application.scorecardCache
        try await req.db.transaction { db in
            try await interview.$interviewers.attach(try await User.find(userID, on: db).map { [$0] } ?? [], on: db)
            try await InterviewProgress.update(interviewID, on: db)
        }
        cache.forgetSeats(ofInterview: interviewID)
        try await SecurityAudit.record(.panelistAdded, by: user, subject: SecurityAudit.subject("interview", interviewID),
                                       detail: SecurityAudit.subject("user", userID), req: req)
    }

    /// Who may join a panel of each position: its active members, by name; two queries for a page of them.
    static func eligible(for positionIDs: Set<UUID>, on db: any Database) async throws -> [UUID: [User]] {
        guard !positionIDs.isEmpty else { return [:] }
        let memberships = try await PositionMember.query(on: db).filter(\.$position.$id ~~ positionIDs).all()
        guard !memberships.isEmpty else { return [:] }
        let people = try await User.query(on: db).filter(\.$id ~~ Set(memberships.map(\.$user.id)))
            .filter(\.$deactivatedAt == nil).sort(\.$name).all()
        let active = Dictionary(people.enumerated().compactMap { n, user in user.id.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
        return Dictionary(grouping: memberships.filter { active[$0.$user.id] != nil }, by: \.$position.id)
            .mapValues { $0.compactMap { active[$0.$user.id] }.sorted().map { people[$0] } }
    }

    static let closed = "A completed or cancelled interview takes no new interviewer."
}
