import Fluent
import Vapor

/// Interviews: the list across positions, scheduling, and status changes.
struct InterviewController: RouteCollection {
    struct InterviewsIndex: Encodable {
        var interviews: [InterviewService.Row]
        var pager: CandidatePager
        var statuses: [StatusOption]
        var filter: [StatusOption]
        var action = SiteURL.interviews.path
        /// The reader's own agenda (`InterviewAgenda`), on the first page of the unfiltered list only.
        var agenda: [InterviewAgenda.Item] = []
        var showAgenda = false
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.interviews.components, use: Self.index)
        routes.post(SiteURL.interviews.components, use: Self.schedule)
        routes.post(SiteURL.pattern(SiteURL.interviewStatus), use: Self.setStatus)
        routes.post(SiteURL.pattern(SiteURL.interviewReschedule), use: Self.reschedule)
        routes.post(SiteURL.pattern(SiteURL.interviewPanelistRemove), use: Self.removePanelist)
        routes.post(SiteURL.pattern(SiteURL.interviewPanelistAdd), use: Self.addPanelist)
    }

    /// A refusal is said on the error page with its reason: someone deactivated since the page was drawn was
    /// a 500, and a closed interview "the request could not be read" (a recheck).
    @Sendable static func addPanelist(req: Request) async throws -> Response {
        struct Form: Content { var interviewer: UUID? }
        do {
            try await PanelistAddition.add(try req.content.decode(Form.self).interviewer, to: req.parameters.get("id", as: UUID.self), req: req)
        } catch let errors as FieldErrors {
            throw FormRefusal(status: .unprocessableEntity, reason: errors.localized(req.language).values.joined(separator: " "))
        } catch let abort as Abort where abort.status == .conflict {
            throw FormRefusal(status: .conflict, reason: ErrorReasons.localized(abort.reason, status: .conflict, language: req.language))
        }
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }
        return req.redirect(to: SafeRedirect.path(back, fallback: SiteURL.interviews.path))
    }

    @Sendable static func removePanelist(req: Request) async throws -> Response {
        try await PanelistRemoval.remove(req.parameters.get("user", as: UUID.self), from: req.parameters.get("id", as: UUID.self), req: req)
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }
        return req.redirect(to: SafeRedirect.path(back, fallback: SiteURL.interviews.path))
    }

    @Sendable static func index(req: Request) async throws -> View {
        let status = (try? req.query.get(String.self, at: "status")).flatMap(Interview.Status.init(rawValue:))
        let listing = try await InterviewService.listing(for: req.user, status: status, page: (try? req.query.get(Int.self, at: "page")) ?? 1,
                                                         language: req.language, on: req.db)
        var page = InterviewsIndex(
            interviews: listing.rows,
            pager: listing.pager(path: SiteURL.interviews.path, query: [.init(name: "status", value: status?.rawValue)], language: req.language),
            statuses: StatusOption.all(req.language), filter: StatusOption.all(req.language, selected: status))
        let user = try req.user
        if status == nil, listing.page == 1 {
            page.agenda = try await InterviewAgenda.items(for: user, now: Date(), zone: DisplayDate.zone, language: req.language, on: req.db)
            // Managers and admins who sit on no panel keep the plain list.
            page.showAgenda = !page.agenda.isEmpty || user.role == .interviewer
        }
        return try await req.page("interviews", page)
    }

    @Sendable static func schedule(req: Request) async throws -> Response {
        let input = try req.content.decode(InterviewService.Input.self)
        do {
            let interview = try await InterviewService.schedule(input, by: req.user, zone: DisplayDate.zone, on: req.db)
            // Said on the page it returns to: it came back as it was, and people scheduled twice.
            return req.redirect(to: SiteURL.candidate(interview.$candidate.id).path + "?scheduled=1#interviews")
        } catch let errors as FieldErrors {
            let response = try await CandidateController.renderShow(
                req, candidateID: input.candidateID, errors: errors.localized(req.language),
                chosen: input.interviewerIDs ?? [], scheduledAt: input.scheduledAt ?? "").encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    /// A time the field cannot hold (the browser checks it first) answers the error page with the reason.
    @Sendable static func reschedule(req: Request) async throws -> Response {
        struct Form: Content { var scheduledAt: String? }
        let form = try req.content.decode(Form.self)
        do {
            _ = try await InterviewService.reschedule(req.parameters.get("id"), to: form.scheduledAt, zone: DisplayDate.zone, req: req)
        } catch let errors as FieldErrors {
            throw FormRefusal(status: .unprocessableEntity, reason: errors.localized(req.language).values.joined(separator: " "))
        }
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }
        return req.redirect(to: SafeRedirect.path(back, fallback: SiteURL.interviews.path))
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        struct Form: Content { var status: Interview.Status }
        let form = try req.content.decode(Form.self)
        try await InterviewService.setStatus(req.parameters.get("id"), to: form.status, req: req)
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }
        return req.redirect(to: SafeRedirect.path(back, fallback: SiteURL.interviews.path))
    }
}
