import Fluent
import Vapor

/// The first admin, created through the one-time link printed at first start.
struct SetupController: RouteCollection {
    struct SetupPage: Encodable {
        var action = SiteURL.setup.path
        var valid: Bool
        var token: String
        var name = ""
        var email = ""
        var errors: [String: String] = [:]
    }

    struct SetupForm: Content {
        var token: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.setup.components, use: Self.form)
        routes.post(SiteURL.setup.components, use: Self.create)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        let valid = try await FirstAdminSetup.validToken(token, on: req.db) != nil
        let response = try await req.page("setup", SetupPage(valid: valid, token: valid ? token : ""))
            .encodeResponse(for: req)
        if !valid { response.status = .notFound }
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let token = try req.content.decode(SetupForm.self).token ?? ""
        let input = try req.content.decode(AccountService.Input.self)
        do {
            let user = try await req.db.transaction { db -> User in
                // Claimed inside the transaction: two people racing with the same link cannot both win.
                guard let setup = try await FirstAdminSetup.validToken(token, on: db) else { throw Abort(.notFound) }
                setup.usedAt = Date()
                try await setup.save(on: db)
                return try await AccountService.create(input, role: .admin, on: db, hash: { try req.password.hash($0) })
            }
            try await SessionController.startFreshSession(for: user, req: req)
            try await SecurityAudit.record(.adminCreated, by: user, subject: SecurityAudit.subject("user", user.id), req: req)
            req.logger.info("first admin created")
            return req.redirect(to: SiteURL.positions.path)
        } catch let errors as FieldErrors {
            let page = SetupPage(valid: true, token: token, name: input.name ?? "", email: input.email ?? "",
                                 errors: errors.localized(req.language))
            let response = try await req.page("setup", page).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        } catch let abort as Abort where abort.status == .notFound {
            let response = try await req.page("setup", SetupPage(valid: false, token: "")).encodeResponse(for: req)
            response.status = .notFound
            return response
        }
    }
}
