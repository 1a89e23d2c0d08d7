import Fluent
import Vapor

/// The positions pages: list, create, show, add a member.
struct PositionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.positions.components, use: Self.index)
        routes.post(SiteURL.positions.components, use: Self.create)
        routes.get(SiteURL.pattern(SiteURL.position), use: Self.show)
        routes.post(SiteURL.pattern(SiteURL.position), use: Self.update)
        routes.post(SiteURL.pattern(SiteURL.positionMembers), use: Self.addMember)
        routes.post(SiteURL.pattern(SiteURL.positionMemberRemove), use: Self.removeMember)
    }

    @Sendable static func index(req: Request) async throws -> View {
        try await renderIndex(req, form: .init(), errors: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(PositionService.Input.self)
        do {
            let position = try await PositionService.create(input, req: req)
            return req.redirect(to: SiteURL.position(try position.requireID()).path)
        } catch let errors as FieldErrors {
            let response = try await renderIndex(req, form: input, errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await renderShow(req, form: .init(), errors: [:])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        do {
            try await PositionService.update(position, with: try req.content.decode(PositionService.Settings.self), req: req)
            return req.redirect(to: SiteURL.position(try position.requireID()).path + ChangeNotice.positionSaved.query(user: nil))
        } catch let errors as FieldErrors {
            let response = try await renderShow(req, form: .init(), errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func addMember(req: Request) async throws -> Response {
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        struct Form: Content { var email: String? }
        do {
            let member = try await PositionService.addMember(email: try req.content.decode(Form.self).email, to: position, req: req)
            return req.redirect(to: SiteURL.position(try position.requireID()).path + ChangeNotice.memberAdded.query(user: member))
        } catch let errors as FieldErrors {
            let response = try await renderShow(req, form: .init(), errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    @Sendable static func removeMember(req: Request) async throws -> Response {
        let position = try await Access.position(req.parameters.get("id"), for: req.user, on: req.db)
        do {
            let member = req.parameters.get("user", as: UUID.self)
            try await PositionService.removeMember(member, from: position, req: req)
            return req.redirect(to: SiteURL.position(try position.requireID()).path + ChangeNotice.memberRemoved.query(user: member))
        } catch let errors as FieldErrors {
            let response = try await renderShow(req, form: .init(), errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    static func renderIndex(_ req: Request, form: PositionService.Input, errors: [String: String]) async throws -> View {
        let user = try req.user
        let search = (try? req.query.get(String.self, at: "q")) ?? ""
        var page = PositionsIndex(
            positions: try await PositionService.list(for: user, search: search, limit: req.application.serverSettings.maxRetentionDays, on: req.db), search: search,
            canCreate: user.role.managesPositions, guides: try await GuideChoice.all(selected: form.guideID.flatMap(UUID.init(uuidString:)), req: req),
            form: form, errors: errors)
        page.todo = try await ScorecardTodo.items(for: user, language: req.language, on: req.db)
        page.retentionLimitHint = Text.retentionLimitHint.limit(req.application.serverSettings.maxRetentionDays, req.language)
        return try await req.page("positions", page)
    }

    /// Also used by the candidate form, which lives on this page and shows its errors here.
    static func renderShow(_ req: Request, form: CandidateService.FormEcho, errors: [String: String],
                           positionID: UUID? = nil) async throws -> View {
        let user = try req.user
        let position = try await Access.position(positionID ?? req.parameters.get("id"), for: user, on: req.db)
        try await position.$guide.load(on: req.db)
        let id = try position.requireID()
        let members = try await position.$members.query(on: req.db).sort(\.$name).all()
        let search = (try? req.query.get(String.self, at: "q")) ?? ""
        let limit = req.application.serverSettings.maxRetentionDays
        let listing = try await CandidateService.listing(for: user, positionID: id, search: search,
                                                         page: (try? req.query.get(Int.self, at: "page")) ?? 1, language: req.language, on: req.db)
        var page = PositionShow(
            id: id, title: position.title, guideTitle: position.guide.title,
            guideHref: SiteURL.guide(position.$guide.id).path, retentionDays: position.retention(limit: limit),
            overdueHours: position.overdueHours,
            members: try members.map { .init(name: $0.name, email: $0.email, role: $0.role.label(req.language),
                                             removeAction: $0.id == user.id ? nil : SiteURL.positionMemberRemove(id, try $0.requireID()).path) },
            candidates: listing.rows,
            pager: listing.pager(path: SiteURL.position(id).path, query: [.init(name: "q", value: search)], language: req.language),
            canManage: user.role.managesPositions, canChangeRetention: Access.canChangeRetention(of: position, user),
            settingsAction: SiteURL.position(id).path,
            memberAction: SiteURL.positionMembers(id).path,
            candidateForm: form, errors: errors)
        page.search = search
        page.retentionLimited = position.isRetentionLimited(by: limit)
        page.retentionLimitHint = Text.retentionLimitHint.limit(limit, req.language)
        // Only for those who make these changes: the notice names an account by id from the address.
        if req.method == .GET, user.role.managesPositions, let done = (try? req.query.get(String.self, at: "done")).flatMap(ChangeNotice.init(rawValue:)) {
            // The member named from the database (one taken off is no longer in `members`).
            let who = try? req.query.get(UUID.self, at: "user")
            var name: String?
            // Named only when what it says is so: a member added is one, a member taken off is not.
            if let who, let account = try await User.find(who, on: req.db),
               (done == .memberAdded) == members.contains(where: { $0.id == who }) {
                name = account.name
            }
            if done == .positionSaved || name != nil { page.notice = done.text(name: name ?? "", req.language) }
        }
        page.agreement = try await PooledFigures.lines(guide: position.$guide.id, positions: [id], viewer: user, req: req)
        return try await req.page("position", page)
    }
}

extension Role {
    func label(_ language: Language) -> String {
        switch self {
        case .admin: Text.roleAdmin.in(language)
        case .hiringManager: Text.roleHiringManager.in(language)
        case .interviewer: Text.roleInterviewer.in(language)
        }
    }
}
