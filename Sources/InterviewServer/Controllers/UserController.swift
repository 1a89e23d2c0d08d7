import Fluent
import Vapor

/// Accounts, for admins: the list and the form to add someone with a role.
struct UserController: RouteCollection {
    struct UsersIndex: Encodable {
        struct Row: Encodable { var name: String; var email: String; var role: String }
        struct RoleOption: Encodable { var value: String; var label: String; var selected: Bool }

        var users: [Row]
        var roles: [RoleOption]
        var action = SiteURL.users.path
        var name = ""
        var email = ""
        var errors: [String: String] = [:]
    }

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(SiteURL.users.components, use: Self.index)
        admin.post(SiteURL.users.components, use: Self.create)
    }

    @Sendable static func index(req: Request) async throws -> View {
        try await render(req, input: .init(), errors: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(AccountService.Input.self)
        do {
            _ = try await AccountService.create(input, on: req.db, hash: { try req.password.hash($0) })
            return req.redirect(to: SiteURL.users.path)
        } catch let errors as FieldErrors {
            let response = try await render(req, input: input, errors: errors.localized(req.language)).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    static func render(_ req: Request, input: AccountService.Input, errors: [String: String]) async throws -> View {
        let language = req.language
        let users = try await User.query(on: req.db).sort(\.$name).all()
        let chosen = Role(rawValue: input.role ?? "") ?? .interviewer
        let page = UsersIndex(
            users: users.map { .init(name: $0.name, email: $0.email, role: $0.role.label(language)) },
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label(language), selected: $0 == chosen) },
            name: input.name ?? "", email: input.email ?? "", errors: errors)
        return try await req.page("users", page)
    }
}

/// Admin-only pages answer 404 to everyone else, like anything a user may not see.
struct RequireAdmin: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try req.user.isAdmin else { throw Abort(.notFound) }
        return try await next.respond(to: req)
    }
}
