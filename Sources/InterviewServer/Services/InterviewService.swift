import Fluent
import Vapor

/// Scheduling interviews. The guide version is pinned when the interview is scheduled: the position's
/// guide as it is at that moment, whatever happens to the guide later.
enum InterviewService {
    struct Input: Content {
        var candidateID: UUID?
        var scheduledAt: String?
        var interviewerIDs: [UUID]?
    }

    struct Row: Content {
        var id: UUID
        var candidateName: String
        var candidateHref: String
        var positionTitle: String
        var scheduledAt: String
        var status: Interview.Status
        var statusLabel: String
        var guideVersion: String
        /// The pinned version drawn, however the guide has changed since.
        var guideVersionHref: String
        var interviewers: [String]
        /// The status form, for the position's hiring managers and admins; nil for anyone else.
        var statusAction: String?
        /// The live console, for the interview's own interviewers; nil for anyone else.
        var consoleHref: String?
        var reportHref: String
        var outcome: InterviewOutcome
    }

    static func schedule(_ input: Input, by user: User, on db: any Database) async throws -> Interview {
        let candidate = try await Access.candidate(input.candidateID, for: user, on: db)
        try Access.requireManager(user)
        try await candidate.$position.load(on: db)
        let position = candidate.position
        var errors = FieldErrors()
        let when = parseDate(input.scheduledAt)
        if when == nil { errors["scheduledAt"] = .errDate }
        let chosen = input.interviewerIDs ?? []
        // Only active accounts are scheduled: a deactivated one could not open the console.
        let members = try await position.$members.query(on: db).filter(\.$deactivatedAt == nil).all()
        let interviewers = members.filter { chosen.contains($0.id!) }
        if chosen.isEmpty { errors["interviewerIDs"] = .errRequired }
        else if interviewers.count != Set(chosen).count { errors["interviewerIDs"] = .errUnknownUser }
        try await position.$guide.load(on: db)
        guard let version = try await GuideLibrary.currentVersion(of: position.guide, on: db) else { throw Abort(.conflict) }
        try errors.check()
        let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                  scheduledAt: when!)
        try await db.transaction { db in
            try await interview.save(on: db)
            try await interview.$interviewers.attach(interviewers, on: db)
        }
        return interview
    }

    /// `2026-12-01T14:30` as an HTML datetime-local field sends it (taken as UTC), or full ISO 8601.
    static func parseDate(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        return full.date(from: text + ":00Z")
    }

    static func list(for user: User, candidateID: UUID? = nil, status: Interview.Status?, language: Language,
                     on db: any Database) async throws -> [Row] {
        var query = Interview.query(on: db).join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id)
            .with(\.$candidate) { $0.with(\.$position) }.with(\.$guideVersion).with(\.$interviewers)
            .sort(\.$scheduledAt, .descending)
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            query = query.filter(Candidate.self, \.$position.$id ~~ visible)
        }
        if let candidateID { query = query.filter(\.$candidate.$id == candidateID) }
        if let status { query = query.filter(\.$status == status) }
        let interviews = try await query.all()
        let outcomes = try await InterviewOutcome.of(interviews.compactMap(\.id), for: user, on: db)
        let me = try user.requireID()
        return try interviews.map { interview in
            let id = try interview.requireID()
            return Row(id: id, candidateName: interview.candidate.name ?? Text.erased.in(language),
                       candidateHref: SiteURL.candidate(interview.$candidate.id).path,
                       positionTitle: interview.candidate.position.title,
                       scheduledAt: DisplayDate.string(interview.scheduledAt), status: interview.status,
                       statusLabel: interview.status.label(language),
                       guideVersion: String(interview.guideVersion.contentHash.prefix(12)),
                       guideVersionHref: SiteURL.guide(interview.guideVersion.$guide.id).path + "?version=\(interview.$guideVersion.id)",
                       interviewers: interview.interviewers.map(\.name),
                       statusAction: Access.canManage(user) ? SiteURL.interviewStatus(id).path : nil,
                       consoleHref: interview.interviewers.contains { $0.id == me } ? SiteURL.interviewConsole(id).path : nil,
                       reportHref: SiteURL.interviewReport(id).path, outcome: outcomes[id] ?? .empty)
        }
    }

    /// Cancelling, completing or reopening an interview: the position's hiring managers and admins.
    static func setStatus(_ id: UUID?, to status: Interview.Status, req: Request) async throws {
        let user = try req.user
        guard let id, let interview = try await Interview.find(id, on: req.db) else { throw Abort(.notFound) }
        _ = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        try Access.requireManager(user)
        let before = interview.status
        guard before != status else { return }
        interview.status = status
        try await interview.save(on: req.db)
        try await SecurityAudit.record(.interviewStatus, by: user, subject: SecurityAudit.subject("interview", id),
                                       detail: "\(before.rawValue) -> \(status.rawValue)", req: req)
    }
}

extension Interview.Status {
    func label(_ language: Language) -> String {
        switch self {
        case .scheduled: Text.statusScheduled.in(language)
        case .inProgress: Text.statusInProgress.in(language)
        case .completed: Text.statusCompleted.in(language)
        case .cancelled: Text.statusCancelled.in(language)
        }
    }
}
