import Fluent
import InterviewCore
import Vapor

/// The live console page and the interview's report pages.
struct ConsoleController: RouteCollection {
    struct ConsolePage: Encodable {
        var title: String
        var candidateName: String
        var candidateHref: String
        var guideTitle: String
        var reportHref: String
        /// The script's start-up data as JSON, `<` escaped so it cannot close the script element.
        var bootJSON: String
        /// The candidate's resume beside the questions (the resume-scan stage reads it; an interviewer had
        /// to leave the console for the candidate page): its text, escaped by the template, and the PDF's link.
        var resumeText: String? = nil
        var resumeHref: String? = nil
    }

    struct Boot: Encodable {
        var interviewID: UUID
        var api: String
        var flowchart: String
        var reportHref: String
        var csrf: String
        var labels: [String: String]
        /// The page's language ("en" or "zh"), for text the API sends in both (a gate's suggestion).
        var language: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.pattern(SiteURL.interviewConsole), use: Self.console)
        routes.get(SiteURL.pattern(SiteURL.interviewReport), use: Self.report)
        routes.get(SiteURL.pattern(SiteURL.interviewCandidateReport), use: Self.candidateReport)
    }

    @Sendable static func console(req: Request) async throws -> Response {
        let user = try req.user
        let (interview, isInterviewer) = try await ScorecardService.interview(req.parameters.get("id"), for: user, on: req.db)
        let id = try interview.requireID()
        guard isInterviewer else {
            // Someone who may see the interview but not score it reads its report instead.
            return req.redirect(to: SiteURL.interviewReport(id).path)
        }
        let candidate = try await Access.candidate(interview.$candidate.id, for: user, on: req.db)
        try await Audit.record(.read, candidate: candidate, by: user, detail: "interview console", on: req.db)
        let guide = try await ScorecardService.guide(interview.$guideVersion.id, cache: req.application.scorecardCache, on: req.db).guide
        let boot = Boot(interviewID: id, api: "/api/v1/interviews/\(id)/console",
                        flowchart: "/api/v1/interviews/\(id)/console/flowchart.svg",
                        reportHref: SiteURL.interviewReport(id).path, csrf: CSRF.token(for: req),
                        labels: ConsoleText.table(req.language), language: req.language.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(boot), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        var page = ConsolePage(title: Text.consoleTitle.in(req.language), candidateName: candidate.name ?? Text.erased.in(req.language),
                               candidateHref: SiteURL.candidate(try candidate.requireID()).path, guideTitle: guide.title,
                               reportHref: SiteURL.interviewReport(id).path, bootJSON: json)
        page.resumeText = candidate.resumeText.flatMap { $0.isEmpty ? nil : $0 }
        page.resumeHref = candidate.resumePDF == nil ? nil : SiteURL.candidateResume(try candidate.requireID()).path
        return try await req.page("console", page).encodeResponse(for: req)
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let loaded = try await InterviewReportPage.load(req)
        let toolbar = try InterviewReportPage.toolbar(loaded, req, adjusted: try await InterviewReportPage.adjustedScore(loaded, req))
        guard let report = InterviewReportPage.report(loaded, audience: .interviewer,
                                                      language: req.language.report) else {
            let drafts = loaded.panel.compactMap { row in
                row.draftTouchedAt.map { ReportEmpty.Draft(interviewer: row.interviewer, touched: DisplayDate.string($0)) }
            }
            return try await req.page("report-empty", ReportEmpty(candidateName: loaded.candidate.name ?? Text.erased.in(req.language),
                                                                  candidateHref: SiteURL.candidate(try loaded.candidate.requireID()).path,
                                                                  consoleHref: loaded.onPanel ? SiteURL.interviewConsole(try loaded.interview.requireID()).path : nil,
                                                                  awaitingOwnCard: loaded.awaitingOwnCard, drafts: drafts))
                .encodeResponse(for: req)
        }
        return html(CandidateErasure.shown(HTMLReport.render(report, guide: loaded.guide, toolbar: toolbar.bar, preamble: toolbar.preamble,
                                                             timeZone: DisplayDate.zone), in: Language(rawValue: report.language.rawValue) ?? .en))
    }

    /// No card to show yet. Hiring managers and admins see the drafts in progress: who, and when last
    /// touched — nothing of their content (`PanelVisibility`).
    struct ReportEmpty: Encodable {
        struct Draft: Encodable { var interviewer: String; var touched: String }
        var candidateName: String
        var candidateHref: String
        /// Only for someone on the panel: anyone else was sent back here from the console.
        var consoleHref: String?
        var awaitingOwnCard: Bool
        var drafts: [Draft]
    }

    /// The candidate's version, as a file to send: no private notes, references or raw weights.
    /// Without `?card=`, a panel with two or more submitted cards the reader may see gets the panel's one
    /// feedback (`InterviewReport.panelFeedback`): the decision rests on the cards' mean, not on one of them.
    @Sendable static func candidateReport(req: Request) async throws -> Response {
        let loaded = try await InterviewReportPage.load(req)
        let chosen = (try? req.query.get(UUID.self, at: "card")) != nil
        let panel = chosen ? nil : try await InterviewReportPage.panelFeedback(loaded, req)
        if panel == nil, let card = loaded.card, card.submittedAt == nil {
            // What goes to a candidate is what its interviewer submitted, not a draft still changing
            // (a recruiter's probe was handed a colleague's unsubmitted card).
            throw FormRefusal(status: .conflict, reason: Text.errCandidateVersionNotSubmitted.in(req.language))
        }
        guard var report = panel ?? InterviewReportPage.report(loaded, audience: .candidate) else { throw Abort(.notFound) }
        // One card of several (submitted or not): said on it, so it is not sent as the team's.
        if panel == nil, loaded.panel.count > 1 { report.oneOfPanel = loaded.panel.count }
        let response = html(CandidateErasure.shown(HTMLReport.render(report, guide: loaded.guide), in: Language(rawValue: report.language.rawValue) ?? .en))
        // Two names, so a downloaded file says which it is.
        let file = panel == nil ? "interview-feedback-one-interviewer.html" : "interview-feedback-panel.html"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file)\"")
        return response
    }

    private static func html(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
