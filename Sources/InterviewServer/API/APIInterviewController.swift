import Fluent
import Vapor

struct APIInterviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.interviews, use: Self.index)
        routes.post(APIPath.interviews, use: Self.schedule)
        routes.post(APIPath.interviewStatus, use: Self.setStatus)
        routes.post(APIPath.interviewReschedule, use: Self.reschedule)
        routes.delete(APIPath.interviewPanelist, use: Self.removePanelist)
        routes.put(APIPath.interviewPanelist, use: Self.addPanelist)
    }

    /// Every interview, or with `?page=` one page of `?per=` (default 50, at most 500), newest first, with
    /// the total and the neighbouring pages in headers (`Listing.response`).
    @Sendable static func index(req: Request) async throws -> Response {
        let status = (try? req.query.get(String.self, at: "status")).flatMap(Interview.Status.init(rawValue:))
        let candidate = try? req.query.get(UUID.self, at: "candidate")
        let page = try? req.query.get(Int.self, at: "page")
        let listing = try await InterviewService.listing(for: req.user, candidateID: candidate, status: status, page: page,
                                                         per: Listing<InterviewService.Row>.clampPer(try? req.query.get(Int.self, at: "per")),
                                                         language: req.language, on: req.db)
        guard page != nil else { return try await listing.rows.encodeResponse(for: req) }
        return try await listing.response(for: req, path: req.url.path,
                                          query: [.init(name: "status", value: status?.rawValue), .init(name: "candidate", value: candidate?.uuidString)])
    }

    @Sendable static func schedule(req: Request) async throws -> Response {
        let user = try req.user
        let interview = try await InterviewService.schedule(try req.content.decode(InterviewService.Input.self), by: user, zone: TimeZone(identifier: "UTC")!, on: req.db)
        let rows = try await InterviewService.list(for: user, candidateID: interview.$candidate.id, status: nil,
                                                   language: req.language, on: req.db)
        guard let row = rows.first(where: { $0.id == interview.id }) else { throw Abort(.internalServerError) }
        let response = try await row.encodeResponse(for: req)
        response.status = .created
        return response
    }

    /// The interview at its new time, as the list shows it; a time without a zone is UTC, as in `schedule`.
    @Sendable static func reschedule(req: Request) async throws -> InterviewService.Row {
        struct Form: Content { var scheduledAt: String? }
        let interview = try await InterviewService.reschedule(req.parameters.get("id"), to: try req.content.decode(Form.self).scheduledAt,
                                                              zone: TimeZone(identifier: "UTC")!, req: req)
        let rows = try await InterviewService.list(for: try req.user, candidateID: interview.$candidate.id, status: nil,
                                                   language: req.language, on: req.db)
        guard let row = rows.first(where: { $0.id == interview.id }) else { throw Abort(.internalServerError) }
        return row
    }

    @Sendable static func removePanelist(req: Request) async throws -> HTTPStatus {
        try await PanelistRemoval.remove(req.parameters.get("user", as: UUID.self), from: req.parameters.get("id", as: UUID.self), req: req)
        return .noContent
    }

    @Sendable static func addPanelist(req: Request) async throws -> HTTPStatus {
        try await PanelistAddition.add(req.parameters.get("user", as: UUID.self), to: req.parameters.get("id", as: UUID.self), req: req)
        return .noContent
    }

    @Sendable static func setStatus(req: Request) async throws -> HTTPStatus {
        struct Form: Content { var status: Interview.Status }
        try await InterviewService.setStatus(req.parameters.get("id"), to: try req.content.decode(Form.self).status, req: req)
        return .noContent
    }
}
