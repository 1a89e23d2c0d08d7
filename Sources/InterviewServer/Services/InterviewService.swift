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
        /// "v3": the pinned version's place among its guide's versions, oldest first.
        var guideVersionLabel: String
        /// The pinned version drawn, however the guide has changed since.
        var guideVersionHref: String
        var interviewers: [String]
        /// The panel as the page shows it: each interviewer, whether their account is deactivated, and for
        /// the position's managers the way to take them off while their card is unsubmitted.
        var panelists: [Panelist] = []
        /// For the position's hiring managers and admins, while the interview is open: the form that puts
        /// another active member of the position on the panel (`PanelistAddition`), and whom it offers.
        var addPanelistAction: String?
        var panelChoices: [PanelChoice] = []
        /// The status form, for the position's hiring managers and admins; nil for anyone else.
        var statusAction: String?
        /// The form that moves it to another time, while it is open (scheduled or in progress), for the same
        /// people; nil otherwise.
        var rescheduleAction: String?
        /// Its time as the reader's datetime-local field shows it ("2026-12-07T09:00").
        var scheduledAtField: String
        /// The live console, for the interview's own interviewers; nil for anyone else.
        var consoleHref: String?
        var reportHref: String
        var outcome: InterviewOutcome
    }

    struct PanelChoice: Content {
        var id: UUID
        var name: String
    }

    struct Panelist: Content {
        var name: String
        var deactivated: Bool
        var removeAction: String?
    }

    /// `zone` reads a time written without one: the page's reader's zone for the form, UTC for the API.
    static func schedule(_ input: Input, by user: User, zone: TimeZone, on db: any Database) async throws -> Interview {
        let candidate = try await Access.candidate(input.candidateID, for: user, on: db)
        try Access.requireManager(user)
        // Its console could take no note and its report name no one: an erased candidate is not
        // interviewed again (the form is not offered; this answers the API and a stale page).
        guard candidate.erasedAt == nil else { throw CandidateWrites.erased }
        try await candidate.$position.load(on: db)
        let position = candidate.position
        var errors = FieldErrors()
        let when = parseDate(input.scheduledAt, in: zone)
        if when == nil { errors["scheduledAt"] = dateError(input.scheduledAt, in: zone) }
        let chosen = input.interviewerIDs ?? []
        // Only active accounts are scheduled: a deactivated one could not open the console.
        let members = try await position.$members.query(on: db).filter(\.$deactivatedAt == nil).all()
        let interviewers = members.filter { chosen.contains($0.id!) }
        if chosen.isEmpty { errors["interviewerIDs"] = .errNoInterviewer }
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

    /// Full ISO 8601 (its own zone), or `2026-12-01T14:30` as an HTML datetime-local field sends it,
    /// read in `zone`.
    /// Why `parseDate` read no time: a time the zone's clocks skip, or no date and time at all.
    static func dateError(_ text: String?, in zone: TimeZone) -> Text {
        let wallClock = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        return DisplayDate.skippedByClock(wallClock: wallClock, in: zone) ? .errTimeSkipped : .errDate
    }

    static func parseDate(_ text: String?, in zone: TimeZone) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        // "2026-12-07 09:00", as the API writes times, reads back as the same moment.
        return DisplayDate.date(wallClock: text.replacingOccurrences(of: " ", with: "T"), in: zone)
    }

    /// Every interview the user may see (the API's list, a candidate's interviews), newest first.
    static func list(for user: User, candidateID: UUID? = nil, status: Interview.Status?, language: Language,
                     on db: any Database) async throws -> [Row] {
        try await listing(for: user, candidateID: candidateID, status: status, page: nil, language: language, on: db).rows
    }

    /// One page of `CandidateListing.pageSize` interviews (every one when `page` is nil), newest first.
    /// The candidates, positions, versions and interviewers are read once for the page and looked up by
    /// id, not by Fluent's eager loaders, which match every child against every parent: the whole list of
    /// 10,000 interviews took 2.7 s that way.
    static func listing(for user: User, candidateID: UUID? = nil, status: Interview.Status?, page: Int?,
                        per: Int = Listing<Row>.pageSize, language: Language, on db: any Database) async throws -> Listing<Row> {
        var scope = Interview.query(on: db).join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id)
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            scope = scope.filter(Candidate.self, \.$position.$id ~~ visible)
        }
        if let candidateID { scope = scope.filter(\.$candidate.$id == candidateID) }
        if let status { scope = scope.filter(\.$status == status) }
        let total = try await scope.copy().count()
        let number = Listing<Row>.clamp(page, total: total, per: per)
        var query = scope.field(\.$id).field(\.$candidate.$id).field(\.$guideVersion.$id).field(\.$scheduledAt).field(\.$status)
            .sort(\.$scheduledAt, .descending).sort(\.$id)
        if page != nil { query = query.range((number - 1) * per ..< number * per) }
        let interviews = try await query.all()
        let ids = interviews.compactMap(\.id)
        let candidates = try await byID(Candidate.query(on: db).filter(\.$id ~~ Set(interviews.map(\.$candidate.id)))
            .field(\.$id).field(\.$name).field(\.$position.$id).all())
        let positions = try await byID(Position.query(on: db).filter(\.$id ~~ Set(candidates.values.map(\.$position.id)))
            .field(\.$id).field(\.$title).all())
        let versions = try await byID(GuideVersion.query(on: db).filter(\.$id ~~ Set(interviews.map(\.$guideVersion.id)))
            .field(\.$id).field(\.$guide.$id).field(\.$contentHash).all())
        let ordinals = try await versionOrdinals(of: Set(versions.values.map(\.$guide.id)), on: db)
        let seats = ids.isEmpty ? [] : try await InterviewInterviewer.query(on: db).filter(\.$interview.$id ~~ ids).all()
        let people = try await byID(User.query(on: db).filter(\.$id ~~ Set(seats.map(\.$user.id)))
            .field(\.$id).field(\.$name).field(\.$deactivatedAt).all())
        let manages = Access.canManage(user)
        // Who could join each open panel: the position's active members, read once for the page.
        let eligible = manages ? try await PanelistAddition.eligible(for: Set(candidates.values.map(\.$position.id)), on: db) : [:]
        let submittedSeats = !manages || ids.isEmpty ? [] : Set(try await ScorecardRecord.query(on: db).filter(\.$interview.$id ~~ ids)
            .filter(\.$submittedAt != nil).field(\.$interview.$id).field(\.$interviewer.$id).all()
            .map { PanelSeat.Key(interviewID: $0.$interview.id, userID: $0.$interviewer.id) })
        let panels = Dictionary(grouping: seats, by: { $0.$interview.id })
        // A manager on a panel with their own card open is offered no colleague's removal there: which
        // offers went away told them who had submitted (`PanelistRemoval`).
        let awaitingOwnCard = !manages ? [] : try await PanelVisibility.candidatesAwaitingOwnCard(
            of: user, among: Array(Set(interviews.map(\.$candidate.id))), on: db)
        let outcomes = try await InterviewOutcome.of(interviews, for: user, language: language, on: db)
        let me = try user.requireID()
        let rows = try interviews.map { interview in
            let id = try interview.requireID()
            let candidate = candidates[interview.$candidate.id]
            let version = versions[interview.$guideVersion.id]
            let panel = (panels[id] ?? []).map(\.$user.id)
            let panelists = panel.compactMap { who in
                people[who].map { person in
                    let removable = manages && panel.count > 1 && interview.status != .cancelled
                        && !submittedSeats.contains(PanelSeat.Key(interviewID: id, userID: who))
                        && (who == me || !awaitingOwnCard.contains(interview.$candidate.id))
                    return Panelist(name: person.name, deactivated: person.deactivatedAt != nil,
                                    removeAction: removable ? SiteURL.interviewPanelistRemove(id, who).path : nil)
                }
            }
            var row = Row(id: id, candidateName: candidate?.name ?? Text.erased.in(language),
                       candidateHref: SiteURL.candidate(interview.$candidate.id).path,
                       positionTitle: candidate.flatMap { positions[$0.$position.id]?.title } ?? "",
                       scheduledAt: DisplayDate.string(interview.scheduledAt), status: interview.status,
                       statusLabel: interview.status.label(language),
                       guideVersion: String((version?.contentHash ?? "").prefix(12)),
                       guideVersionLabel: ordinals[interview.$guideVersion.id].map { "v\($0)" } ?? "",
                       guideVersionHref: SiteURL.guide(version?.$guide.id ?? interview.$guideVersion.id).path
                           + "?version=\(interview.$guideVersion.id)",
                       // The API's list of names, from the same panel the page shows.
                       interviewers: panelists.map(\.name), panelists: panelists,
                       statusAction: manages ? SiteURL.interviewStatus(id).path : nil,
                       rescheduleAction: manages && interview.status.isOpen ? SiteURL.interviewReschedule(id).path : nil,
                       scheduledAtField: DisplayDate.fieldValue(interview.scheduledAt),
                       consoleHref: panel.contains(me) && interview.status != .cancelled ? SiteURL.interviewConsole(id).path : nil,
                       reportHref: SiteURL.interviewReport(id).path,
                       // A cancelled interview's cards count in no score (security.md); its row showed one
                       // beside the candidate page's "left out" (a probe).
                       outcome: interview.status == .cancelled ? .empty : outcomes[id] ?? .empty)
            let open = interview.status == .scheduled || interview.status == .inProgress
            let choices = !open ? [] : (candidate.flatMap { eligible[$0.$position.id] } ?? [])
                .filter { !panel.contains($0.id!) }.map { PanelChoice(id: $0.id!, name: $0.name) }
            if !choices.isEmpty {
                row.addPanelistAction = SiteURL.interviewPanelistAdd(id).path
                row.panelChoices = choices
            }
            return row
        }
        return .init(rows: rows, total: total, page: number, per: per)
    }

    /// Models by their id, for lookups while building rows.
    static func byID<M: Model>(_ models: [M]) -> [UUID: M] where M.IDValue == UUID {
        Dictionary(models.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Moving an interview to another time, keeping its panel, its pinned guide version and any card an
    /// interviewer has begun (cancelling and scheduling again lost all three): a candidate who did not come,
    /// or one who had to stop halfway and continues another day. Not once it is completed or cancelled: that
    /// happened when it happened. The position's hiring managers and admins.
    /// `zone` reads a time written without one, as `schedule` does.
    static func reschedule(_ id: UUID?, to text: String?, zone: TimeZone, req: Request) async throws -> Interview {
        let user = try req.user
        guard let id, let interview = try await Interview.find(id, on: req.db) else { throw Abort(.notFound) }
        let candidate = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        try Access.requireManager(user)
        // As scheduling: an erased candidate's interview is not moved (its console takes no note).
        guard candidate.erasedAt == nil else { throw CandidateWrites.erased }
        guard interview.status.isOpen else {
            throw Abort(.conflict, reason: Text.errRescheduleNotScheduled.in(req.language))
        }
        var errors = FieldErrors()
        let when = parseDate(text, in: zone)
        if when == nil { errors["scheduledAt"] = dateError(text, in: zone) }
        try errors.check()
        let before = interview.scheduledAt
        guard let when, when != before else { return interview }
        // One statement, on the condition that it is still open: a cancel or completion made meanwhile
        // by a colleague is not overwritten by a move read before it (a security review).
        try await Interview.query(on: req.db).filter(\.$id == id).filter(\.$status ~~ [.scheduled, .inProgress])
            .set(\.$scheduledAt, to: when).update()
        guard let moved = try await Interview.find(id, on: req.db), abs(moved.scheduledAt.timeIntervalSince(when)) < 1, moved.status.isOpen else {
            throw Abort(.conflict, reason: Text.errRescheduleNotScheduled.in(req.language))
        }
        try await SecurityAudit.record(.interviewRescheduled, by: user, subject: SecurityAudit.subject("interview", id),
                                       detail: "\(DisplayDate.string(before, in: .gmt)) -> \(DisplayDate.string(when, in: .gmt)) UTC", req: req)
        return moved
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
        req.application.scorecardCache.forgetSeats(ofInterview: id)
        try await SecurityAudit.record(.interviewStatus, by: user, subject: SecurityAudit.subject("interview", id),
                                       detail: Interview.Status.trailDetail(from: before, to: status), req: req)
    }

    /// Each version's place among its guide's versions, oldest first (1 for the first): one query over the
    /// guides a list's interviews use, ids and dates only.
    static func versionOrdinals(of guides: Set<UUID>, on db: any Database) async throws -> [UUID: Int] {
        guard !guides.isEmpty else { return [:] }
        let all = try await GuideVersion.query(on: db).filter(\.$guide.$id ~~ guides)
            .field(\.$id).field(\.$guide.$id).field(\.$createdAt).all()
        var ordinals: [UUID: Int] = [:]
        for (_, versions) in Dictionary(grouping: all, by: { $0.$guide.id }) {
            for (index, version) in versions.sorted(by: { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }).enumerated() {
                if let id = version.id { ordinals[id] = index + 1 }
            }
        }
        return ordinals
    }
}

extension Interview.Status {
    /// Scheduled or under way: it can still move to another time.
    var isOpen: Bool { self == .scheduled || self == .inProgress }

    func label(_ language: Language) -> String {
        switch self {
        case .scheduled: Text.statusScheduled.in(language)
        case .inProgress: Text.statusInProgress.in(language)
        case .completed: Text.statusCompleted.in(language)
        case .cancelled: Text.statusCancelled.in(language)
        }
    }

}
