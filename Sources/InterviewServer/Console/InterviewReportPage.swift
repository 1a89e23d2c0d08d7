import Fluent
import Flowchart
import Foundation
import InterviewCore
import Vapor

/// The report inside the app: the core's HTML report of one interviewer's card, under a bar with the
/// panel (every interviewer's card side by side), the changes made after submission, printing and the
/// candidate's version. Printing leaves the bar out, so the PDF is the report alone.
enum InterviewReportPage {
    struct PanelRow: Sendable {
        var cardID: UUID
        var interviewer: String
        var submittedAt: Date?
        var overall: Double?
        var coverage: Double?
        var band: String?
        /// A colleague's draft shown to a hiring manager or admin: only that it exists, and when it was
        /// last touched (`PanelVisibility.View.existence`); the score columns stay empty.
        var draftTouchedAt: Date?
    }

    struct Revision: Sendable {
        var at: Date
        var text: String
    }

    struct Loaded {
        var interview: Interview
        var candidate: Candidate
        var guide: Guide
        var panel: [PanelRow]
        var card: ScorecardRecord?
        var engine: SessionEngine?
        /// Whether the reader is on the interview's panel: only they can open its console.
        var onPanel = false
        /// Colleagues' cards are withheld from the reader until their own is in (`PanelVisibility`): a page
        /// with no card to show says so rather than that none is submitted.
        var awaitingOwnCard = false
    }

    static func load(_ req: Request) async throws -> Loaded {
        let user = try req.user
        let (interview, _) = try await ScorecardService.interview(req.parameters.get("id"), for: user, on: req.db)
        let candidate = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        let interviewID = try interview.requireID()
        let cache = req.application.scorecardCache
        let guide = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: req.db).guide
        let (rule, all) = try await PanelVisibility.load(interviewID: interviewID, candidateID: try candidate.requireID(),
                                                         viewer: user, on: req.db)
        let cards = all.filter { $0.eventCount > 0 }
        let visible = cards.filter { rule.view(of: $0) == .full }
        let panel = try cards.compactMap { card -> PanelRow? in
            switch rule.view(of: card) {
            case .hidden: return nil
            case .existence:
                return PanelRow(cardID: try card.requireID(), interviewer: card.interviewer.name, submittedAt: nil,
                                overall: nil, coverage: nil, band: nil, draftTouchedAt: card.updatedAt)
            case .full:
                return PanelRow(cardID: try card.requireID(), interviewer: card.interviewer.name, submittedAt: card.submittedAt,
                                overall: card.overall, coverage: card.coverage, band: card.band)
            }
        }.sorted { $0.interviewer < $1.interviewer }
        // A card the rule hides is answered as missing, the way anything one may not see is.
        let wanted = try? req.query.get(UUID.self, at: "card")
        if let wanted, !visible.contains(where: { $0.id == wanted }) { throw Abort(.notFound) }
        let card = visible.first { $0.id == wanted } ?? visible.first { $0.$interviewer.id == user.id }
            ?? visible.first { $0.submittedAt != nil }
        var engine: SessionEngine?
        if let card { engine = try await ScorecardService.readEntry(cardID: try card.requireID(), guide: guide, cache: cache, on: req.db).engine }
        try await Audit.record(.read, candidate: candidate, by: user, detail: "interview report", on: req.db)
        let onPanel = try await interview.$interviewers.isAttached(to: user, on: req.db)
        return Loaded(interview: interview, candidate: candidate, guide: guide, panel: panel, card: card, engine: engine,
                      onPanel: onPanel, awaitingOwnCard: rule.withholdsColleagues)
    }

    /// `language`: nil for the guide's (the candidate's version), else the reader's.
    static func report(_ loaded: Loaded, audience: ReportAudience, language: ReportLanguage? = nil) -> InterviewReport? {
        guard let engine = loaded.engine else { return nil }
        var report = InterviewReport.make(guide: loaded.guide, state: engine.state, audience: audience, language: language)
        report.candidate = loaded.candidate.name
        // The web's sessions do not name their interviewer (the card's account does); a printed report
        // without it left a reader asking whose card it was.
        if audience == .interviewer, let cardID = loaded.card?.id {
            report.interviewer = loaded.panel.first { $0.cardID == cardID }?.interviewer
        }
        return report
    }

    /// The panel's submitted cards the reader may see in full.
    static func submittedRows(_ loaded: Loaded) -> [PanelRow] {
        loaded.panel.filter { $0.submittedAt != nil && $0.draftTouchedAt == nil }
    }

    /// The panel's candidate version over every submitted card the reader may see, when there are two or more.
    static func panelFeedback(_ loaded: Loaded, _ req: Request) async throws -> InterviewReport? {
        let submitted = submittedRows(loaded)
        guard submitted.count > 1 else { return nil }
        var states: [SessionState] = []
        for row in submitted {
            states.append(try await ScorecardService.readEntry(cardID: row.cardID, guide: loaded.guide,
                                                               cache: req.application.scorecardCache, on: req.db).engine.state)
        }
        var report = InterviewReport.panelFeedback(guide: loaded.guide, states: states)
        report?.candidate = loaded.candidate.name
        // Said when some of the panel's cards are not in yet: "2 of 3".
        if loaded.panel.count > submitted.count { report?.panelSeats = loaded.panel.count }
        return report
    }

    /// The changes made after the card was submitted: each revision's reason, then its ratings (with
    /// what they replaced) and notes.
    static func revisions(_ engine: SessionEngine) -> [Revision] {
        guard let finish = engine.events.firstIndex(where: { if case .scorecardSubmitted = $0.kind { true } else { false } }) else { return [] }
        var replay = SessionEngine(guide: engine.guide)
        var out: [Revision] = []
        for (index, event) in engine.events.enumerated() {
            if index > finish {
                switch event.kind {
                case .rated(let ref, let rating):
                    let before = replay.state.rating(ref).map(String.init) ?? "–"
                    out.append(Revision(at: event.at, text: "\(ref): \(before) → \(rating)"))
                case .noteAdded(let note):
                    out.append(Revision(at: event.at, text: "+ \(note.text)"))
                case .revisionStarted(let reason):
                    out.append(Revision(at: event.at, text: "— \(reason)"))
                case .scorecardSubmitted(let submission):
                    // A changed recommendation or summary, in the guide's band words (ids as stored).
                    let before = replay.state.submission
                    if before?.recommendation != submission.recommendation {
                        let label = { (id: String?) in id.flatMap { id in engine.guide.bands.first { $0.id == id }?.label(in: ReportLanguage(guide: engine.guide)) } ?? id ?? "–" }
                        out.append(Revision(at: event.at, text: "\(label(before?.recommendation)) → \(label(submission.recommendation))"))
                    }
                    if before?.summary != submission.summary {
                        out.append(Revision(at: event.at, text: "≡ \(submission.summary)"))
                    }
                default: break
                }
            }
            _ = try? replay.apply(event)
        }
        return out
    }

    /// The shown card's score with its interviewer's severity removed, when the card is submitted: fitted
    /// on every submitted card of the guide, adjusted over this card alone (docs/scoring.md).
    static func adjustedScore(_ loaded: Loaded, _ req: Request) async throws -> AdjustedScoreText? {
        guard let card = loaded.card, card.submittedAt != nil, let state = loaded.engine?.state else { return nil }
        let version = loaded.interview.$guideVersion.id
        let library = try await ScorecardService.guide(version, cache: req.application.scorecardCache, on: req.db).libraryID
        let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
        return try await TeamCards.load(guide: library, req: req).adjustedScore(
            candidate: try loaded.candidate.requireID(),
            shown: [.init(interviewer: card.$interviewer.id, version: version, guide: loaded.guide, state: state)],
            bank: bank, language: req.language.report, viewer: try req.user)
    }

    /// The bar above the report (navigation) and the preamble under its title (panel, adjusted score,
    /// recommendation, revisions: sections with headings, which must follow the report's h1).
    static func toolbar(_ loaded: Loaded, _ req: Request, adjusted: AdjustedScoreText? = nil) throws -> (bar: String, preamble: String) {
        let e = XMLText.escape
        let language = req.language
        let id = try loaded.interview.requireID()
        let candidateHref = SiteURL.candidate(try loaded.candidate.requireID()).path
        var html = "<nav><a href=\"\(candidateHref)\">← \(e(loaded.candidate.name ?? Text.erased.in(language)))</a>"
        if loaded.onPanel {
            html += "<a href=\"\(SiteURL.interviewConsole(id).path)\">\(e(Text.openConsole.in(language)))</a>"
        }
        if submittedRows(loaded).count > 1 {
            html += "<a href=\"\(SiteURL.interviewCandidateReport(id).path)\">\(e(Text.panelCandidateReport.in(language)))</a>"
        }
        if let card = loaded.card, card.submittedAt != nil, let cardID = card.id {
            html += "<a href=\"\(SiteURL.interviewCandidateReport(id).path)?card=\(cardID)\">\(e(Text.candidateReport.in(language)))</a>"
        }
        // No inline handler (the Content-Security-Policy allows no inline script): report.js wires it.
        html += "<button type=\"button\" data-print>\(e(Text.printReport.in(language)))</button>"
        // The site's language switch, back to this very report (and card).
        let here = SiteURL.interviewReport(id).path + (loaded.card?.id.map { "?card=\($0)" } ?? "")
        html += "<a href=\"\(e(SiteURL.switchLanguage(to: language.other, back: here)))\" lang=\"\(language.other.rawValue)\">"
            + "\(e(language.other.ownName))</a></nav>"
        html += "<script src=\"/report.js\" defer></script>"
        let bar = html
        // Printed with the report (the toolbar is not): simulated data must not print as real.
        html = req.application.serverSettings.isDemo ? "<p class=\"demo\"><strong>\(e(Text.demoBanner.in(language)))</strong></p>" : ""
        if loaded.panel.count > 1 {
            html += "<h2>\(e(Text.panel.in(language)))</h2><table><thead><tr><th>\(e(Text.interviewer.in(language)))</th>"
            html += "<th>\(e(Text.submitted.in(language)))</th><th>\(e(Text.score.in(language)))</th>"
            html += "<th>\(e(Text.coverage.in(language)))</th><th>\(e(Text.bandByScore.in(language)))</th></tr></thead><tbody>"
            for row in loaded.panel {
                let mark = row.cardID == loaded.card?.id ? " aria-current=\"true\"" : ""
                if let touched = row.draftTouchedAt {
                    html += "<tr class=\"draft\"><td>\(e(row.interviewer))</td><td>\(e(Text.draftTouched.in(language))) "
                        + "\(e(DisplayDate.string(touched)))</td><td>–</td><td>–</td><td>–</td></tr>"
                    continue
                }
                html += "<tr><td><a href=\"\(SiteURL.interviewReport(id).path)?card=\(row.cardID)\"\(mark)>\(e(row.interviewer))</a></td>"
                html += "<td>\(e(row.submittedAt.map { DisplayDate.string($0) } ?? Text.notSubmitted.in(language)))</td>"
                html += "<td>\(e(row.overall.map(ScoreFormat.score) ?? "–"))</td><td>\(e(row.coverage.map(ScoreFormat.score) ?? "–"))</td><td>\(e(row.band.map { RecommendationBand.shown($0, in: language.report) } ?? "–"))</td></tr>"
            }
            // The panel's mean rests on submitted cards only, and says how many.
            let scored = loaded.panel.filter { $0.submittedAt != nil }.compactMap(\.overall)
            if scored.count > 1 {
                let mean = scored.reduce(0, +) / Double(scored.count)
                html += "<tr><th>\(e(Text.panel.in(language))) (n=\(scored.count))</th><td></td><th>\(e(ScoreFormat.score(mean)))</th><td></td><td></td></tr>"
            }
            html += "</tbody></table>"
        }
        // Whose card the report below is: the panel above has several, and a manager must not take one
        // interviewer's recommendation for the panel's.
        if let card = loaded.card, let row = loaded.panel.first(where: { $0.cardID == card.id }) {
            let gap = language == .zh ? "" : " "   // the Chinese text ends in a full-width colon
            html += "<p class=\"shown-card\">\(e(Text.reportOfCard.in(language)))\(gap)<strong>\(e(row.interviewer))</strong></p>"
        }
        if let adjusted {
            html += "<div id=\"adjusted-score\"><p>\(e(adjusted.headline))</p>"
            html += adjusted.lines.isEmpty ? "" : "<ul>" + adjusted.lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            html += "</div>"
        }
        if let engine = loaded.engine, let submission = engine.state.submission {
            let band = loaded.guide.bands.first { $0.id == submission.recommendation }?.label(in: language.report) ?? Text.noDecision.in(language)
            html += "<h2>\(e(Text.recommendation.in(language)))</h2><p><strong>\(e(band))</strong>"
            html += engine.state.submittedAt.map { " · \(e(Text.submitted.in(language))) \(e(DisplayDate.string($0)))" } ?? ""
            html += "</p>" + (submission.summary.isEmpty ? "" : "<p class=\"pre\">\(e(submission.summary))</p>")
        }
        if let engine = loaded.engine {
            let revisions = revisions(engine)
            if !revisions.isEmpty {
                html += "<h2>\(e(Text.revisions.in(language)))</h2><p>\(e(Text.revisionsHint.in(language)))</p><ul>"
                html += revisions.map { "<li><time>\(e(DisplayDate.string($0.at)))</time> \(e($0.text))</li>" }.joined()
                html += "</ul>"
            }
        }
        return (bar, html)
    }
}
