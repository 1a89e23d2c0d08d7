import Fluent
import Vapor

/// The audit trails for admins: security events and candidate data, each filtered, paged, and exported
/// as JSON with the same filters.
struct AuditController: RouteCollection {
    struct AuditIndex: Encodable {
        struct Row: Encodable {
            var when: String
            var who: String
            var kind: String
            var kindLabel: String
            var address: String
            var subject: String
            var subjectHref: String?
            var detail: String
        }
        struct Option: Encodable { var value: String; var label: String; var selected: Bool }

        var log: String
        var isSecurity: Bool
        var tabs: [Option]
        var kinds: [Option]
        var actor: String
        var rows: [Row]
        var page: Int
        var pages: Int
        var total: Int
        var position: String
        var previousHref: String?
        var nextHref: String?
        var exportHref: String
        var action = SiteURL.audit.path
    }

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdmin())
        admin.get(SiteURL.audit.components, use: Self.index)
        admin.get(SiteURL.auditExport.components, use: Self.export)
    }

    @Sendable static func index(req: Request) async throws -> View {
        let query = try req.query.decode(AuditQuery.self)
        let result = try await query.run(on: req.db)
        let language = req.language
        let log = result.log
        let kinds = log == "security" ? SecurityEvent.Kind.allCases.map(\.rawValue) : AuditEntry.Action.allCases.map(\.rawValue)
        let people = try await names(in: result.entries.flatMap { [$0.subject, $0.detail] }, language: language, on: req.db)
        let page = AuditIndex(
            log: log, isSecurity: log == "security",
            tabs: [("security", Text.securityEvents), ("candidates", Text.candidateData)].map {
                .init(value: $0.0, label: $0.1.in(language), selected: $0.0 == log)
            },
            kinds: [.init(value: "", label: Text.anyKind.in(language), selected: (query.kind ?? "").isEmpty)]
                + kinds.map { .init(value: $0, label: AuditText.kind($0, language), selected: $0 == query.kind) },
            actor: query.actor ?? "",
            rows: result.entries.map { line in
                .init(when: DisplayDate.string(line.at), who: line.actor ?? Text.system.in(language), kind: line.kind,
                      kindLabel: AuditText.kind(line.kind, language), address: line.address ?? "", subject: named(line.subject, people),
                      subjectHref: href(line.subject), detail: named(AuditText.detail(line.detail, language), people))
            },
            page: result.page, pages: result.pages, total: result.total,
            position: CandidatePager.words(page: result.page, pages: result.pages, total: result.total, language),
            previousHref: result.page > 1 ? link(query, page: result.page - 1) : nil,
            nextHref: result.page < result.pages ? link(query, page: result.page + 1) : nil,
            exportHref: link(query, page: nil, path: SiteURL.auditExport.path))
        return try await req.page("audit", page)
    }

    /// Every matching row as JSON, downloaded.
    @Sendable static func export(req: Request) async throws -> Response {
        let result = try await req.query.decode(AuditQuery.self).run(on: req.db, all: true)
        let response = try await result.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"audit-\(result.log).json\"")
        return response
    }

    /// The trail stores what it names as `kind:<id>` (a name can change, an id cannot); the page shows
    /// what that is, where a walkthrough found a column of raw ids: people as "Nina Lee <nina@example.com>",
    /// guides and positions by title, candidates by name ("(erased)" once erased). The export keeps the ids.
    private static func names(in texts: [String], language: Language, on db: any Database) async throws -> [String: String] {
        var ids: [String: Set<UUID>] = [:]
        for text in texts {
            for match in text.matches(of: #/(user|guide|position|candidate):([0-9A-Fa-f-]{36})/#) {
                if let id = UUID(uuidString: String(match.2)) { ids[String(match.1), default: []].insert(id) }
            }
        }
        var out: [String: String] = [:]
        func key(_ kind: String, _ id: UUID?) -> String { "\(kind):\(id?.uuidString ?? "")" }
        if let users = ids["user"] {
            for user in try await User.query(on: db).filter(\.$id ~~ users).field(\.$id).field(\.$name).field(\.$email).all() {
                out[key("user", user.id)] = "\(user.name) <\(user.email)>"
            }
        }
        if let guides = ids["guide"] {
            for guide in try await GuideRecord.query(on: db).filter(\.$id ~~ guides).field(\.$id).field(\.$title).all() {
                out[key("guide", guide.id)] = guide.title
            }
        }
        if let positions = ids["position"] {
            for position in try await Position.query(on: db).filter(\.$id ~~ positions).field(\.$id).field(\.$title).all() {
                out[key("position", position.id)] = position.title
            }
        }
        if let candidates = ids["candidate"] {
            for candidate in try await Candidate.query(on: db).filter(\.$id ~~ candidates).field(\.$id).field(\.$name).all() {
                out[key("candidate", candidate.id)] = candidate.name ?? Text.erased.in(language)
            }
        }
        return out
    }

    private static func named(_ text: String, _ names: [String: String]) -> String {
        guard !names.isEmpty, text.contains(":") else { return text }
        return text.replacing(#/(user|guide|position|candidate):([0-9A-Fa-f-]{36})/#) { match in
            UUID(uuidString: String(match.2)).flatMap { names["\(match.1):\($0.uuidString)"] } ?? String(match.0)
        }
    }

    /// The page of a subject, where there is one to open.
    private static func href(_ subject: String) -> String? {
        let parts = subject.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { return nil }
        switch parts[0] {
        case "candidate": return SiteURL.candidate(id).path
        case "guide": return SiteURL.guide(id).path
        case "position": return SiteURL.position(id).path
        default: return nil
        }
    }

    private static func link(_ query: AuditQuery, page: Int?, path: String = SiteURL.audit.path) -> String {
        var items = [URLQueryItem(name: "log", value: query.isCandidateLog ? "candidates" : "security")]
        if let kind = query.kind, !kind.isEmpty { items.append(.init(name: "kind", value: kind)) }
        if let actor = query.actor, !actor.isEmpty { items.append(.init(name: "actor", value: actor)) }
        if let page { items.append(.init(name: "page", value: String(page))) }
        var components = URLComponents()
        components.path = path
        components.queryItems = items
        return components.string ?? path
    }
}
