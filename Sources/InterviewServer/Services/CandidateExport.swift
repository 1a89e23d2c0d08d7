import Fluent
import InterviewCore
import Vapor

/// Everything stored about one candidate, for a data-subject request (PIPL, GDPR).
struct CandidateExport: Content {
    struct InterviewEntry: Content {
        var id: UUID
        var scheduledAt: Date
        var status: Interview.Status
        var guideVersion: String
        var interviewers: [String]
        var scorecards: [ScorecardEntry]
    }

    /// One interviewer's card: its summary and its whole event log (ratings, notes, decisions). A
    /// colleague's draft is exported as its existence only (`draft`, `updatedAt`): the panel rule holds
    /// in exports too (`PanelVisibility`), so an export cannot read a card before it is submitted.
    struct ScorecardEntry: Content {
        var interviewer: String
        var draft: Bool
        var updatedAt: Date?
        var submittedAt: Date?
        var overall: Double?
        var coverage: Double?
        /// The band the score falls in (the guide's thresholds), not anyone's choice.
        var scoreBand: String?
        /// What the interviewer recommended on submitting (a band id of the guide, or "no-decision"), and
        /// their summary; nil for a card not submitted. (This field held the score band until a
        /// walkthrough found it contradicting the interviewer's own choice.)
        var recommendation: String?
        var summary: String?
        var draftNote: String?
        /// The session log, one JSON event per line (docs/scoring.md; `interview report` reads the same format).
        var events: String
    }

    struct AuditLine: Content {
        var at: Date?
        var action: AuditEntry.Action
        var by: String?
    }

    var id: UUID
    var position: String
    var name: String?
    var contact: String?
    var resumeText: String?
    /// The uploaded PDF, base64-encoded.
    var resumePDF: String?
    var notes: String?
    var createdAt: Date?
    var erasedAt: Date?
    var interviews: [InterviewEntry]
    /// The hiring decisions, newest first, as the exporter may see them.
    var decisions: [DecisionService.Entry]
    /// True when colleagues' cards (and the decisions) are left out because the exporter sits on one of
    /// the candidate's panels with their own card not yet submitted (`PanelVisibility`).
    var withheldUntilOwnCard: Bool
    var audit: [AuditLine]

    /// The log as recorded, its `started` event naming the candidate (by id, not by name) and the
    /// interviewer as the terminal runner's logs do: without them `interview report` combined two
    /// candidates' exported logs into one panel's debrief, and named the columns after the file names.
    static func namingWhoAndWhom(_ lines: [String], candidate: UUID, interviewer: String) -> String {
        guard let first = lines.first, var event = (try? SessionLog.decode(Data(first.utf8)))?.events.first,
              case .started(var start) = event.kind else { return lines.joined() }
        start.candidate = start.candidate ?? candidate.uuidString
        start.interviewer = start.interviewer ?? interviewer
        event.kind = .started(start)
        return ([SessionLog.line(for: event)] + lines.dropFirst()).joined()
    }

    static func make(_ candidate: Candidate, for viewer: User, language: Language, cache: ScorecardCache,
                     on db: any Database) async throws -> CandidateExport {
        let id = try candidate.requireID()
        try await candidate.$position.load(on: db)
        let interviews = try await candidate.$interviews.query(on: db).with(\.$guideVersion).with(\.$interviewers)
            .sort(\.$scheduledAt).all()
        var cards: [UUID: [ScorecardEntry]] = [:]
        let awaiting = try await PanelVisibility.candidatesAwaitingOwnCard(of: viewer, among: [id], on: db).contains(id)
        for interview in interviews {
            let interviewID = try interview.requireID()
            let (rule, all) = try await PanelVisibility.load(interviewID: interviewID, candidateID: id, viewer: viewer,
                                                             awaitingOwnCard: awaiting, on: db)
            for card in all {
                switch rule.view(of: card) {
                case .hidden:
                    continue
                case .existence:
                    cards[interviewID, default: []].append(ScorecardEntry(
                        interviewer: card.interviewer.email, draft: true, updatedAt: card.updatedAt, submittedAt: nil, overall: nil,
                        coverage: nil, scoreBand: nil, recommendation: nil, summary: nil, draftNote: nil, events: ""))
                case .full:
                    let events = try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == card.requireID()).sort(\.$seq).all()
                    let guide = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: db).guide
                    let submission = try await ScorecardService.readEntry(cardID: try card.requireID(), guide: guide, cache: cache, on: db)
                        .engine.state.submission
                    cards[interviewID, default: []].append(ScorecardEntry(
                        interviewer: card.interviewer.email, draft: card.submittedAt == nil, updatedAt: card.updatedAt,
                        submittedAt: card.submittedAt, overall: card.overall, coverage: card.coverage,
                        // A default band's stored label holds both languages ("待定 Lean no"); the export,
                        // which a candidate receives, says the guide's half as its pages do (a probe).
                        scoreBand: card.band.map { RecommendationBand.shown($0, in: ReportLanguage(guide: guide)) },
                        recommendation: submission?.recommendation, summary: submission?.summary,
                        draftNote: card.draftNote,
                        events: Self.namingWhoAndWhom(events.map(\.event), candidate: id, interviewer: card.interviewer.name)))
                }
            }
        }
        let audit = try await AuditEntry.query(on: db).filter(\.$candidateID == id).with(\.$user).sort(\.$at).all()
        return CandidateExport(
            id: id, position: candidate.position.title, name: candidate.name, contact: candidate.contact,
            resumeText: candidate.resumeText, resumePDF: candidate.resumePDF?.base64EncodedString(),
            notes: candidate.notes, createdAt: candidate.createdAt, erasedAt: candidate.erasedAt,
            interviews: try interviews.map {
                InterviewEntry(id: try $0.requireID(), scheduledAt: $0.scheduledAt, status: $0.status,
                               guideVersion: $0.guideVersion.contentHash, interviewers: $0.interviewers.map(\.email),
                               scorecards: cards[try $0.requireID()] ?? [])
            },
            decisions: try await DecisionService.history(of: id, for: viewer, language: language, on: db),
            withheldUntilOwnCard: awaiting,
            audit: audit.map { AuditLine(at: $0.at, action: $0.action, by: $0.user?.email) })
    }
}
