import Fluent
import InterviewCore
import Vapor

/// The candidate pages. Reading a candidate of a position one is not on is a 404, not a 403: the
/// answer must not reveal that the candidate exists.
struct CandidateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.candidates.components, use: Self.index)
        routes.post(SiteURL.candidates.components, use: Self.create)
        routes.get(SiteURL.pattern(SiteURL.candidate), use: Self.show)
        routes.post(SiteURL.pattern(SiteURL.candidate), use: Self.update)
        routes.get(SiteURL.pattern(SiteURL.candidateResume), use: Self.resume)
        routes.get(SiteURL.pattern(SiteURL.candidateExport), use: Self.export)
        routes.post(SiteURL.pattern(SiteURL.candidateErase), use: Self.erase)
        routes.post(SiteURL.pattern(SiteURL.candidateDecision), use: Self.decide)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        let input = try req.content.decode(DecisionService.Input.self)
        do {
            _ = try await DecisionService.record(input, for: candidate, req: req)
            // Said where it was done, as scheduling is: the page came back with nothing to say it was recorded.
            return req.redirect(to: SiteURL.candidate(try candidate.requireID()).path + "?decided=1#decision")
        } catch let errors as FieldErrors {
            let response = try await renderShow(req, candidateID: candidate.id, errors: errors.localized(req.language), decision: input)
                .encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func index(req: Request) async throws -> View {
        let user = try req.user
        let search = (try? req.query.get(String.self, at: "q")) ?? ""
        let positionID = try? req.query.get(UUID.self, at: "position")
        let positions = try await PositionService.list(for: user, search: nil, limit: req.application.serverSettings.maxRetentionDays, on: req.db)
        let listing = try await CandidateService.listing(for: user, positionID: positionID, search: search,
                                                         page: (try? req.query.get(Int.self, at: "page")) ?? 1, language: req.language, on: req.db)
        let page = CandidatesIndex(
            candidates: listing.rows,
            pager: listing.pager(path: SiteURL.candidates.path, query: [.init(name: "q", value: search), .init(name: "position", value: positionID?.uuidString)], language: req.language),
            search: search,
            positions: positions.map { .init(id: $0.id, title: $0.title, selected: $0.id == positionID) })
        return try await req.page("candidates", page)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CandidateService.Input.self)
        do {
            let candidate = try await CandidateService.create(input, by: req.user, on: req.db)
            return req.redirect(to: SiteURL.candidate(try candidate.requireID()).path)
        } catch let errors as FieldErrors {
            let echo = CandidateService.FormEcho(name: input.name ?? "", contact: input.contact ?? "",
                                                 resumeText: input.resumeText ?? "", notes: input.notes ?? "")
            let response = try await PositionController.renderShow(req, form: echo, errors: errors.localized(req.language),
                                                                   positionID: input.positionID).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await renderShow(req, candidateID: req.parameters.get("id"), errors: [:],
                             justScheduled: req.query[String.self, at: "scheduled"] == "1",
                             justDecided: req.query[String.self, at: "decided"] == "1")
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        do {
            try await CandidateService.update(candidate, with: try req.content.decode(CandidateService.Update.self),
                                              by: user, cache: req.application.scorecardCache, on: req.db)
            return req.redirect(to: SiteURL.candidate(try candidate.requireID()).path)
        } catch let errors as FieldErrors {
            let response = try await renderShow(req, candidateID: candidate.id, errors: errors.localized(req.language))
                .encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    static func renderShow(_ req: Request, candidateID: UUID?, errors: [String: String], chosen: [UUID] = [],
                           scheduledAt: String = "", decision: DecisionService.Input? = nil, justScheduled: Bool = false,
                           justDecided: Bool = false) async throws -> View {
        let user = try req.user
        let candidate = try await Access.candidate(candidateID, for: user, on: req.db)
        try await Audit.record(.read, candidate: candidate, by: user, on: req.db)
        try await candidate.$position.load(on: req.db)
        let id = try candidate.requireID()
        let members = try await candidate.position.$members.query(on: req.db).filter(\.$deactivatedAt == nil).sort(\.$name).all()
        var page = CandidateShow(
            id: id, name: candidate.name, contact: candidate.contact, resumeText: candidate.resumeText,
            resumeHref: candidate.resumePDF == nil ? nil : SiteURL.candidateResume(id).path, notes: candidate.notes,
            erased: candidate.erasedAt != nil, erasedAt: DisplayDate.string(candidate.erasedAt),
            positionTitle: candidate.position.title, positionHref: SiteURL.position(candidate.$position.id).path,
            interviews: try await InterviewService.list(for: user, candidateID: id, status: nil, language: req.language, on: req.db),
            interviewers: members.map { .init(id: $0.id!, name: $0.name, checked: chosen.contains($0.id!)) },
            scheduledAt: scheduledAt, exportHref: SiteURL.candidateExport(id).path,
            updateAction: SiteURL.candidate(id).path, eraseAction: SiteURL.candidateErase(id).path, canManage: Access.canManage(user),
            statuses: StatusOption.all(req.language), errors: errors)
        let panel = try await PanelCards.load(candidate: candidate, viewer: user, req: req)
        page.recommendations = panel.cards.map {
            .init(interviewer: $0.interviewer,
                  label: $0.recommendationLabel + ($0.recommendationWas.map { " (" + PanelDebriefMarkdown.was($0, req.language == .zh) + ")" } ?? ""),
                  summary: $0.summary,
                  score: $0.overall.map(ScoreFormat.score) ?? "–")
        }
        page.decisions = try await DecisionService.history(of: id, for: user, language: req.language, on: req.db)
        page.awaitingOwnCard = panel.awaitingOwnCard
        let openCard = panel.openCardNotice(req.language)
        (page.openCardText, page.openCardHref) = (openCard?.text, openCard?.href)
        if candidate.erasedAt == nil {
            if let days = candidate.position.retention(limit: req.application.serverSettings.maxRetentionDays) {
                let when = try await RetentionSweeper.plannedErasure(of: candidate, days: days, on: req.db)
                page.retention = Text.plannedErasure.in(req.language).replacingOccurrences(of: "{date}", with: DisplayDate.string(when))
                    .replacingOccurrences(of: "{days}", with: String(days))
            } else {
                page.retention = Text.keptUntilErased.in(req.language)
            }
        }
        page.cancelledCards = panel.cancelledNotice(req.language)
        page.outstandingCards = panel.outstandingNotice(req.language)
        page.currentDecision = page.decisions.first
        page.changedSinceDecision = panel.changedSince(page.currentDecision, language: req.language)
        page.decisionAction = SiteURL.candidateDecision(id).path
        page.debriefHref = SiteURL.candidateDebrief(id).path
        page.outcomes = CandidateDecision.Outcome.allCases.map {
            .init(value: $0.rawValue, label: $0.label(req.language), selected: $0.rawValue == decision?.outcome)
        }
        page.decisionRationale = decision?.rationale ?? ""
        page.decisionBasedOn = page.currentDecision?.id?.uuidString ?? ""
        page.justScheduled = justScheduled
        page.justDecided = justDecided
        return try await req.page("candidate", page)
    }

    @Sendable static func resume(req: Request) async throws -> Response {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        guard let pdf = candidate.resumePDF else { throw Abort(.notFound) }
        try await Audit.record(.read, candidate: candidate, by: user, detail: "resume.pdf", on: req.db)
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = .pdf
        // Downloaded, never rendered inline under our origin; and never sniffed as something else.
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"resume.pdf\"")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try Access.requireManager(user)
        try await Audit.record(.export, candidate: candidate, by: user, on: req.db)
        try await SecurityAudit.record(.candidateExported, by: user, subject: SecurityAudit.subject("candidate", candidate.id), req: req)
        let response = try await CandidateExport.make(candidate, for: user, language: req.language,
                                                           cache: req.application.scorecardCache, on: req.db).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"candidate-\(try candidate.requireID()).json\"")
        return response
    }

    @Sendable static func erase(req: Request) async throws -> Response {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try Access.requireManager(user)
        // Erasure is for good: the form asks for a tick first, so one stray click cannot do it.
        struct Form: Content { var confirm: String? }
        guard (try? req.content.decode(Form.self))?.confirm == "true" else {
            let response = try await renderShow(req, candidateID: candidate.id, errors: ["erase": Text.errEraseConfirm.in(req.language)])
                .encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        // Erased already (a colleague a moment before): the answer is the same, the trails keep one erasure.
        if try await CandidateService.erase(candidate, by: user, cache: req.application.scorecardCache,
                                            ledger: req.application.erasureLedger, on: req.db) {
            try await SecurityAudit.record(.candidateErased, by: user, subject: SecurityAudit.subject("candidate", candidate.id), req: req)
        }
        return req.redirect(to: SiteURL.candidate(try candidate.requireID()).path)
    }
}
