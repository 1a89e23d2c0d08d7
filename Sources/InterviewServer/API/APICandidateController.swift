import Fluent
import Vapor

/// Candidates over JSON; every read of personal data is audited as on the pages.
struct APICandidateController: RouteCollection {
    struct Detail: Content {
        var id: UUID
        var positionID: UUID
        var name: String?
        var contact: String?
        var resumeText: String?
        var hasResumePDF: Bool
        var notes: String?
        var erasedAt: Date?
        var createdAt: Date?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.candidates, use: Self.index)
        routes.post(APIPath.candidates, use: Self.create)
        routes.get(APIPath.candidate, use: Self.show)
        routes.patch(APIPath.candidate, use: Self.update)
        routes.get(APIPath.candidateResume, use: CandidateController.resume)
        routes.get(APIPath.candidateExport, use: CandidateController.export)
        routes.post(APIPath.candidateErase, use: Self.erase)
        routes.get(APIPath.candidateDebrief, use: DebriefController.json)
        routes.post(APIPath.candidateDecision, use: Self.decide)
    }

    /// Every candidate, or with `?page=` one page of `?per=` (default 50, at most 500) with the total and
    /// the neighbouring pages in headers (`Listing.response`).
    @Sendable static func index(req: Request) async throws -> Response {
        let position = try? req.query.get(UUID.self, at: "position"), search = try? req.query.get(String.self, at: "q")
        guard let page = try? req.query.get(Int.self, at: "page") else {
            return try await CandidateService.list(for: req.user, positionID: position, search: search, on: req.db).encodeResponse(for: req)
        }
        let listing = try await CandidateService.listing(for: req.user, positionID: position, search: search, page: page,
                                                         per: CandidateListing.clampPer(try? req.query.get(Int.self, at: "per")), on: req.db)
        return try await listing.response(for: req, path: req.url.path,
                                          query: [.init(name: "position", value: position?.uuidString), .init(name: "q", value: search)])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let candidate = try await CandidateService.create(try req.content.decode(CandidateService.Input.self), by: req.user, on: req.db)
        let response = try await detail(candidate).encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func show(req: Request) async throws -> Detail {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try await Audit.record(.read, candidate: candidate, by: user, on: req.db)
        return try detail(candidate)
    }

    @Sendable static func update(req: Request) async throws -> Detail {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try await CandidateService.update(candidate, with: try req.content.decode(CandidateService.Update.self),
                                          by: user, cache: req.application.scorecardCache, on: req.db)
        return try detail(candidate)
    }

    @Sendable static func erase(req: Request) async throws -> Detail {
        let user = try req.user
        let candidate = try await Access.candidate(req.parameters.get("id"), for: user, on: req.db)
        try Access.requireManager(user)
        // Erased already (a colleague a moment before): the answer is the same, the trails keep one erasure.
        if try await CandidateService.erase(candidate, by: user, cache: req.application.scorecardCache,
                                            ledger: req.application.erasureLedger, on: req.db) {
            try await SecurityAudit.record(.candidateErased, by: user, subject: SecurityAudit.subject("candidate", candidate.id), req: req)
        }
        // As stored now: when a colleague's erasure came first, the copy read before it still held the data.
        return try detail(try await Candidate.find(candidate.requireID(), on: req.db) ?? candidate)
    }

    /// Records the hiring decision (hiring managers of the position and admins); answers its history.
    @Sendable static func decide(req: Request) async throws -> Response {
        let candidate = try await Access.candidate(req.parameters.get("id"), for: req.user, on: req.db)
        let user = try req.user
        _ = try await DecisionService.record(try req.content.decode(DecisionService.Input.self), for: candidate, req: req)
        // The history as the page shows it (a manager whose own card is open cannot record: `record`).
        let response = try await DecisionService.history(of: try candidate.requireID(), for: user, language: req.language, on: req.db)
            .encodeResponse(for: req)
        response.status = .created
        return response
    }

    static func detail(_ candidate: Candidate) throws -> Detail {
        Detail(id: try candidate.requireID(), positionID: candidate.$position.id, name: candidate.name,
               contact: candidate.contact, resumeText: candidate.resumeText, hasResumePDF: candidate.resumePDF != nil,
               notes: candidate.notes, erasedAt: candidate.erasedAt, createdAt: candidate.createdAt)
    }
}
