import Fluent
import InterviewCore
import Vapor

/// Positions as pages and the API see them.
enum PositionService {
    struct Input: Content {
        var title: String?
        /// Text, not UUID: an empty or mangled choice is a field error, not a 400.
        var guideID: String?
        var retentionDays: String?
    }

    struct Summary: Content {
        var id: UUID
        var title: String
        var guideID: UUID
        var guideTitle: String
        /// The position's own period; nil keeps data until erased by hand.
        var retentionDays: Int?
        /// The period that governs: the position's own, or the server's ceiling (`--max-retention-days`)
        /// when that is shorter.
        var appliedRetentionDays: Int?
        /// Hours after an interview until unsubmitted scorecards are overdue; nil means the default (24).
        var overdueHours: Int?
        var memberCount: Int
        var candidateCount: Int
        var href: String
    }

    /// The positions `user` may see whose title contains `search`.
    /// `limit`: the server's retention ceiling (`ServerSettings.maxRetentionDays`).
    static func list(for user: User, search: String?, limit: Int?, on db: any Database) async throws -> [Summary] {
        // Candidates are counted, not loaded: their rows hold resumes, and a busy position has thousands.
        var query = Position.query(on: db).with(\.$guide).with(\.$members).sort(\.$title)
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            query = query.filter(\.$id ~~ visible)
        }
        let needle = search?.trimmingCharacters(in: .whitespaces) ?? ""
        var summaries: [Summary] = []
        for position in try await query.all() where needle.isEmpty || position.title.localizedCaseInsensitiveContains(needle) {
            summaries.append(try await summary(position, limit: limit, on: db))
        }
        return summaries
    }

    /// `position` with its guide and members loaded.
    static func summary(_ position: Position, limit: Int?, on db: any Database) async throws -> Summary {
        let id = try position.requireID()
        let candidateCount = try await Candidate.query(on: db).filter(\.$position.$id == id).count()
        return Summary(id: id, title: position.title, guideID: position.$guide.id, guideTitle: position.guide.title,
                       retentionDays: position.retentionDays, appliedRetentionDays: position.retention(limit: limit), overdueHours: position.overdueHours, memberCount: position.members.count,
                       candidateCount: candidateCount, href: SiteURL.position(id).path)
    }

    /// Hiring managers and admins create positions; the creator becomes a member.
    /// In the security trail with the retention period it starts with: a position created to keep its
    /// candidates' data without limit left no trace, only later changes of the period did (an operations probe).
    static func create(_ input: Input, req: Request) async throws -> Position {
        let user = try req.user
        let position = try await create(input, by: user, limit: req.application.serverSettings.maxRetentionDays, on: req.db)
        try await SecurityAudit.record(.positionCreated, by: user, subject: SecurityAudit.subject("position", position.id),
                                       detail: "retention " + describe(position.retentionDays), req: req)
        return position
    }

    /// How the trail writes a retention period.
    static func describe(_ days: Int?) -> String { days.map { "\($0) days" } ?? "kept" }

    private static func create(_ input: Input, by user: User, limit: Int?, on db: any Database) async throws -> Position {
        guard user.role.managesPositions else { throw Abort(.forbidden) }
        var errors = FieldErrors()
        let title = errors.require(input.title, "title")
        let guideID = input.guideID.flatMap(UUID.init(uuidString:))
        var guideExists = false
        if let guideID, let guide = try await GuideRecord.find(guideID, on: db) {
            guideExists = true
            // A guide with nothing to ask (no stage, no question) would run interviews on nothing, and a
            // "strong hire" could be submitted on it.
            if let version = try await GuideLibrary.currentVersion(of: guide, on: db),
               GuideImporter.importMarkdown(version.markdown, path: guide.slug + ".md").guide.stages.isEmpty {
                errors["guideID"] = .errGuideHasNothingToAsk
            }
        }
        if !guideExists { errors["guideID"] = .errUnknownGuide }
        // Left empty under the server's ceiling, a new position keeps data as long as the ceiling allows.
        let given = input.retentionDays?.trimmingCharacters(in: .whitespaces) ?? ""
        let retention = limit != nil && given.isEmpty ? limit : parseRetention(given, &errors, limit: limit)
        try errors.check()
        let position = Position(title: title, guideID: guideID!, retentionDays: retention)
        position.$owner.id = try user.requireID()
        try await position.save(on: db)
        try await position.$members.attach(user, on: db)
        return position
    }

    struct Settings: Content {
        var title: String?
        var retentionDays: String?
        /// Hours after an interview until unsubmitted scorecards are overdue; empty for the default.
        var overdueHours: String?
    }

    /// Renames a position or changes how long its candidates' personal data is kept; a shorter period
    /// takes effect at the next retention sweep. Renaming is for the position's hiring managers; the
    /// retention period only for its owner and admins, and every change of it is in the security trail.
    static func update(_ position: Position, with input: Settings, req: Request) async throws {
        let user = try req.user
        try Access.requireManager(user)
        var errors = FieldErrors()
        let title = errors.require(input.title, "title")
        // Omitted, the period stays as it is (an empty value keeps data until erased by hand): a rename over
        // the API with the title alone switched retention off, and was refused to a manager not its owner.
        let limit = req.application.serverSettings.maxRetentionDays
        var retention = input.retentionDays == nil ? position.retentionDays : parseRetention(input.retentionDays, &errors, limit: limit)
        // The period the page showed, sent back unchanged, changes nothing: under a ceiling the form shows
        // the ceiling for a position that keeps data longer, and a manager not its owner could not save.
        if retention == position.retention(limit: limit) { retention = position.retentionDays }
        var overdue = position.overdueHours
        if let text = input.overdueHours?.trimmingCharacters(in: .whitespaces) {
            if text.isEmpty { overdue = nil } else if let hours = Int(text), (1...720).contains(hours) { overdue = hours } else { errors.outOfRange("overdueHours", 1...720) }
        }
        try errors.check()
        position.overdueHours = overdue
        let before = position.retentionDays
        if retention != before, !Access.canChangeRetention(of: position, user) { throw Abort(.forbidden) }
        position.title = title
        position.retentionDays = retention
        try await position.save(on: req.db)
        if retention != before {
            try await SecurityAudit.record(.retentionChanged, by: user, subject: SecurityAudit.subject("position", position.id),
                                           detail: "\(describe(before)) -> \(describe(retention))", req: req)
        }
    }

    /// Days, or nil for "until erased by hand" (empty), which a ceiling (`limit`) allows only to a new
    /// position, whose caller then takes the ceiling.
    static func parseRetention(_ text: String?, _ errors: inout FieldErrors, limit: Int? = nil) -> Int? {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        let range = 1...(limit ?? 3650)
        guard let days = Int(trimmed), range.contains(days) else {
            if let limit, trimmed.isEmpty || Int(trimmed).map({ $0 > limit }) == true {
                errors.outOfRange("retentionDays", range, .errRetentionOverLimit)
            } else if !trimmed.isEmpty {
                errors.outOfRange("retentionDays", range)
            }
            return nil
        }
        return days
    }

    /// Returns the member's id, for the page's notice.
    @discardableResult
    static func addMember(email: String?, to position: Position, req: Request) async throws -> UUID? {
        let user = try req.user, db = req.db
        try Access.requireManager(user)
        var errors = FieldErrors()
        let email = User.normalized(email: errors.require(email, "email"))
        let member = try await User.query(on: db).filter(\.$email == email).filter(\.$deactivatedAt == nil).first()
        if errors.isEmpty, member == nil { errors["email"] = .errNoAccountWithEmail }
        try errors.check()
        if try await !position.$members.isAttached(to: member!, on: db) {
            try await position.$members.attach(member!, on: db)
            try await SecurityAudit.record(.memberAdded, by: user, subject: SecurityAudit.subject("position", position.id),
                                           detail: "user:\(member!.id?.uuidString ?? "?")", req: req)
        }
        return member?.id
    }

    /// Takes `userID` off the position: they no longer see it, its candidates or its interviews (until
    /// added again). Not oneself, and not someone with a scorecard still to submit on one of its panels:
    /// that interview could not complete, and their card would be out of their reach.
    static func removeMember(_ userID: UUID?, from position: Position, req: Request) async throws {
        let user = try req.user, db = req.db
        try Access.requireManager(user)
        guard let userID, let member = try await User.find(userID, on: db),
              try await position.$members.isAttached(to: member, on: db) else { throw Abort(.notFound) }
        var errors = FieldErrors()
        if userID == user.id {
            errors["member"] = .errRemoveSelf
        } else if try await hasCardToSubmit(userID, in: try position.requireID(), on: db) {
            errors["member"] = .errMemberOnOpenPanel
        }
        try errors.check()
        let positionID = try position.requireID()
        try await req.db.transaction { db in
            try await position.$members.detach(member, on: db)
            // Off the panels of cancelled interviews where their card was never submitted: one reopened
            // later would otherwise seat someone who no longer sees the position.
            let cancelled = try await InterviewInterviewer.query(on: db)
                .join(Interview.self, on: \InterviewInterviewer.$interview.$id == \Interview.$id)
                .join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id)
                .filter(\.$user.$id == userID).filter(Candidate.self, \.$position.$id == positionID)
                .filter(Interview.self, \.$status == .cancelled).all()
            let submitted = Set(try await ScorecardRecord.query(on: db).filter(\.$interviewer.$id == userID)
                .filter(\.$interview.$id ~~ cancelled.map(\.$interview.id)).filter(\.$submittedAt != nil).all().map(\.$interview.id))
            for seat in cancelled where !submitted.contains(seat.$interview.id) { try await seat.delete(on: db) }
        }
        // Their seats were known in memory; the next action checks again and finds no position.
        req.application.scorecardCache.forgetSeats(of: userID)
        try await SecurityAudit.record(.memberRemoved, by: user, subject: SecurityAudit.subject("position", position.id),
                                       detail: "user:\(userID.uuidString)", req: req)
    }

    /// Whether `userID` sits on a panel of one of the position's interviews that is not cancelled, with
    /// their own card there not submitted.
    static func hasCardToSubmit(_ userID: UUID, in positionID: UUID, on db: any Database) async throws -> Bool {
        try await !PanelVisibility.openSeats(of: userID, on: db) {
            $0.join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id).filter(Candidate.self, \.$position.$id == positionID)
        }.isEmpty
    }
}
