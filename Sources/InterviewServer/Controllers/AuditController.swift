import Fluent
import Vapor

/// The audit trail of candidate data, newest first, for admins.
struct AuditController: RouteCollection {
    struct AuditIndex: Encodable {
        struct Row: Encodable { var when: String; var who: String; var action: String; var candidate: String; var href: String }
        var entries: [Row]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireAdmin()).get(SiteURL.audit.components, use: Self.index)
    }

    @Sendable static func index(req: Request) async throws -> View {
        let entries = try await AuditEntry.query(on: req.db).with(\.$user).sort(\.$at, .descending).limit(500).all()
        let system = req.text(.system)
        let page = AuditIndex(entries: entries.map {
            .init(when: DisplayDate.string($0.at), who: $0.user?.email ?? system, action: $0.action.rawValue,
                  candidate: String($0.candidateID.uuidString.prefix(8)), href: SiteURL.candidate($0.candidateID).path)
        })
        return try await req.page("audit", page)
    }
}
