import Fluent
import InterviewCore
import Vapor

/// The debrief of one candidate: every submitted scorecard the viewer may read (`PanelVisibility`),
/// question by question with the most disputed first, the recommendations, agreement and the decision.
/// As a printable page, as Markdown and as JSON (also `GET /api/v1/candidates/{id}/debrief`).
struct DebriefController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.pattern(SiteURL.candidateDebrief), use: Self.page)
        routes.get(SiteURL.pattern(SiteURL.candidateDebriefMarkdown), use: Self.markdown)
        routes.get(SiteURL.pattern(SiteURL.candidateDebriefJSON), use: Self.json)
    }

    struct Loaded {
        var candidate: Candidate
        var document: PanelDebriefDocument
        /// The cards shown, the drafts the viewer may know of, whether their own card is awaited, and the
        /// cancelled interviews' cards left out: the page and the downloads read them from here.
        var panel: PanelCards
        /// The panel's score with each interviewer's severity removed, over the cards shown.
        var adjusted: AdjustedScoreText?
        /// The guide's own language, for `lang` on its texts in a page of the other one (WCAG 3.1.2).
        var guideLanguage = "en"
    }

    /// One debrief per guide version would be stricter; the candidate's interviews for a position use
    /// the position's guide, and cards on another version are compared on the questions they share.
    static func load(_ req: Request) async throws -> Loaded {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try await Audit.record(.read, candidate: candidate, by: user, detail: "debrief", on: req.db)
        let panel = try await PanelCards.load(candidate: candidate, viewer: user, req: req)
        let language = req.language.report
        let guide: Guide
        if let first = panel.cards.first {
            guide = first.guide
        } else {
            try await candidate.$position.load(on: req.db)
            try await candidate.position.$guide.load(on: req.db)
            guard let version = try await GuideLibrary.currentVersion(of: candidate.position.guide, on: req.db) else { throw Abort(.notFound) }
            guide = try await ScorecardService.guide(try version.requireID(), cache: req.application.scorecardCache, on: req.db).guide
        }
        let labels = panel.raterLabels(in: req.language)
        let debrief = PanelDebrief.make(guide: guide, cards: zip(panel.cards, labels).map { card, label in
            PanelDebrief.Card(rater: label, person: card.interviewerID.uuidString, state: card.state)
        })
        var adjusted: AdjustedScoreText?
        if let first = panel.cards.first {
            let library = try await ScorecardService.guide(first.guideVersionID, cache: req.application.scorecardCache, on: req.db).libraryID
            let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
            adjusted = try await TeamCards.load(guide: library, req: req).adjustedScore(
                candidate: try candidate.requireID(),
                shown: panel.cards.map { .init(interviewer: $0.interviewerID, version: $0.guideVersionID, guide: $0.guide, state: $0.state) },
                bank: bank, language: language, viewer: try req.user)
        }
        var document = PanelDebriefDocument(debrief, language: language)
        if panel.awaitingOwnCard { document.withholdAgreement(.withheldUntilOwnCard) }
        return Loaded(candidate: candidate, document: document, panel: panel, adjusted: adjusted,
                      guideLanguage: ReportLanguage(guide: guide).rawValue)
    }

    @Sendable static func page(req: Request) async throws -> View {
        let loaded = try await load(req)
        let id = try loaded.candidate.requireID()
        let decisions = try await DecisionService.history(of: id, for: try req.user, language: req.language, on: req.db)
        var page = DebriefPage(
            candidateName: loaded.candidate.name ?? Text.erased.in(req.language), candidateHref: SiteURL.candidate(id).path,
            doc: loaded.document, adjusted: loaded.adjusted, drafts: loaded.panel.drafts.map { .init(interviewer: $0.interviewer, touched: DisplayDate.string($0.touched)) },
            decision: decisions.first, markdownHref: SiteURL.candidateDebriefMarkdown(id).path,
            jsonHref: SiteURL.candidateDebriefJSON(id).path)
        // "No scorecard is submitted yet" was untrue for an interviewer whose colleagues had submitted:
        // theirs are hidden until this one submits, and the page says so.
        page.canDecide = try req.user.role.managesPositions
        page.awaitingOwnCard = loaded.panel.awaitingOwnCard
        let openCard = loaded.panel.openCardNotice(req.language)
        (page.openCardText, page.openCardHref) = (openCard?.text, openCard?.href)
        page.cancelledCards = loaded.panel.cancelledNotice(req.language)
        page.outstandingCards = loaded.panel.outstandingNotice(req.language)
        page.changedSinceDecision = loaded.panel.changedSince(decisions.first, language: req.language)
        page.openWhileCancelled = try await loaded.panel.openWhileCancelled(language: req.language, on: req.db)
        page.guideLanguage = loaded.guideLanguage
        return try await req.page("debrief", page)
    }

    @Sendable static func markdown(req: Request) async throws -> Response {
        let loaded = try await load(req)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"debrief.md\"")
        return Response(status: .ok, headers: headers,
                        body: .init(string: CandidateErasure.shown(PanelDebriefMarkdown.render(loaded.document, candidate: loaded.candidate.name),
                                                                  in: req.language)))
    }

    @Sendable static func json(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let response = try await APIDebrief(loaded, decisions: try await DecisionService.history(of: try loaded.candidate.requireID(),
                                                                                                for: try req.user, language: req.language, on: req.db))
            .encodeResponse(for: req)
        if !req.url.path.hasPrefix("/api/") {
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"debrief.json\"")
        }
        return response
    }

    struct APIDebrief: Content {
        var candidateID: UUID
        var debrief: PanelDebriefDocument
        /// Colleagues' drafts the viewer may know of: who, and when last touched.
        var drafts: [DebriefPage.Draft]
        /// Newest first; the first is in force.
        var decisions: [DecisionService.Entry]
        /// Raw and severity-adjusted panel score, with the data it rests on (docs/scoring.md).
        var adjusted: AdjustedScoreText?

        init(_ loaded: Loaded, decisions: [DecisionService.Entry]) throws {
            candidateID = try loaded.candidate.requireID()
            adjusted = loaded.adjusted
            debrief = loaded.document
            drafts = loaded.panel.drafts.map { .init(interviewer: $0.interviewer, touched: DisplayDate.string($0.touched)) }
            self.decisions = decisions
        }
    }
}

struct DebriefPage: Encodable {
    struct Draft: Content { var interviewer: String; var touched: String }
    /// A rater's cell: `status` names the CSS class, `label` is what the reader sees for an unrated one.
    /// `was`: what a revised card said here when first submitted ("was 2").
    struct Cell: Encodable { var status: String; var label: String; var rating: Int?; var notes: [String]; var skipReason: String?; var was: String? }
    /// `spread`: highest minus lowest rating, not demonstrated counting 0 (`DisagreementOrder`), what the rows
    /// are ordered by ("–" with fewer than two).
    struct Row: Encodable { var question: String; var text: String; var depthDiffers: Bool; var spread: String; var cells: [Cell] }
    struct Topic: Encodable {
        var topic: String
        /// The number shown before the title ("3.6"): the heading dropped it, and two 3.6 topics read
        /// alike but for their titles (a probe).
        var keyBeforeTitle: String
        var title: String
        var rows: [Row]
        var notes: [PanelDebrief.RaterNotes]
    }
    /// `labelWas` and `summaryWas`: the recommendation and summary as first submitted, when a revision changed them.
    struct Rater: Encodable {
        var name: String; var label: String; var score: String; var coverage: String; var summary: String; var revised: String?
        var labelWas: String?; var summaryWas: String?
    }
    var candidateName: String
    var candidateHref: String
    var guideTitle: String
    var guideLanguage = "en"
    var raters: [Rater]
    var scores: String?
    var adjusted: AdjustedScoreText?
    var agreement: [String]
    var explanation: [String]
    var topics: [Topic]
    var otherNotes: [PanelDebrief.RaterNotes]
    var drafts: [Draft]
    var decision: DecisionService.Entry?
    var markdownHref: String
    var jsonHref: String
    /// The reader is on the panel and has not submitted: colleagues' cards open once they do.
    var awaitingOwnCard = false
    /// `PanelCards.openCardNotice`: which of the reader's cards is still open, and its console.
    var openCardText: String?
    var openCardHref: String?
    /// Hiring managers and admins decide; an interviewer is not offered the link.
    var canDecide = false
    /// `PanelCards.cancelledNotice`.
    var cancelledCards: String?
    /// Who on the panels has not submitted (`PanelCards.outstandingNotice`), said beside the decision.
    var outstandingCards: String?
    /// `PanelCards.changedSince`: cards submitted or revised after the decision in force.
    var changedSinceDecision: [String] = []
    /// `PanelCards.openWhileCancelled`: cards that went on after their interview was cancelled and reopened.
    var openWhileCancelled: [String] = []

    init(candidateName: String, candidateHref: String, doc: PanelDebriefDocument, adjusted: AdjustedScoreText?, drafts: [Draft],
         decision: DecisionService.Entry?, markdownHref: String, jsonHref: String) {
        (self.candidateName, self.candidateHref, self.drafts, self.decision) = (candidateName, candidateHref, drafts, decision)
        self.adjusted = adjusted
        (self.markdownHref, self.jsonHref) = (markdownHref, jsonHref)
        guideTitle = doc.guideTitle
        let number = { (value: Double?) in value.map(ScoreFormat.score) ?? "–" }
        let zh = doc.language == .zh
        raters = doc.raters.map { r in
            // A card changed after submitting says so, with when: the figures above may have moved since a decision.
            let revised = r.lastRevisedAt.map { at in
                zh ? "提交后修改 \(r.revisions) 次，最近 \(DisplayDate.string(at))" : "revised \(r.revisions)× after submitting, last \(DisplayDate.string(at))"
            }
            return Rater(name: r.name, label: r.recommendationLabel, score: number(r.overall), coverage: number(r.coverage),
                         summary: r.summary, revised: revised,
                         labelWas: r.recommendationAsSubmitted.map { PanelDebriefMarkdown.was($0, zh) },
                         summaryWas: r.summaryAsSubmitted.map { zh ? "首次提交：\($0)" : "first submitted: \($0)" })
        }
        scores = doc.scores.map { "\(number($0.low)) – \(number($0.high)) · \(zh ? "平均" : "mean") \(number($0.mean))" + (zh ? "（n=\(doc.raters.count)）" : " (n=\(doc.raters.count))") }
        agreement = doc.agreement.pairs.map { "\($0.first) × \($0.second)\(zh ? "：" : ": ")κ " + PanelDebriefMarkdown.figure($0.kappa, zh: zh) }
            + ["ICC(2,1) " + PanelDebriefMarkdown.figure(doc.agreement.singleRater, zh: zh),
               "ICC(2,k) " + PanelDebriefMarkdown.figure(doc.agreement.panelMean, zh: zh)]
        explanation = doc.agreement.explanation
        topics = doc.topics.map { group in
            Topic(topic: group.topic, keyBeforeTitle: group.keyBeforeTitle, title: group.title, rows: group.rows.map { row in
                Row(question: row.question, text: row.text, depthDiffers: row.depthDiffers, spread: row.spread.map(String.init) ?? "–",
                    cells: row.cells.map {
                        Cell(status: $0.status.rawValue, label: PanelDebriefMarkdown.status($0, zh), rating: $0.rating, notes: $0.notes,
                             skipReason: $0.skipReason, was: $0.asSubmitted.map { PanelDebriefMarkdown.submittedWas($0, zh) })
                    })
            }, notes: group.notes)
        }
        otherNotes = doc.otherNotes
    }
}
