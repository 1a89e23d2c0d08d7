import Flowchart
import Fluent
import InterviewCore
import Vapor

/// Guides over JSON: the Markdown of the current version, its findings, and the versions saved so far.
struct APIGuideController: RouteCollection {
    /// `message` in the caller's language (the page's choice: the `lang` cookie, else Accept-Language; it
    /// was English always, beside field errors in Chinese: a probe), `messages` in both.
    struct Finding: Content, Sendable {
        var severity: String
        var code: String
        var line: Int
        var column: Int
        var message: String
        var messages: LocalizedText

        func said(in language: Language) -> Finding {
            var copy = self
            copy.message = language == .zh ? messages.zh : messages.en
            return copy
        }
    }

    struct VersionInfo: Content {
        var id: UUID
        var contentHash: String
        var createdAt: Date?
    }

    struct Detail: Content {
        var id: UUID
        var slug: String
        var title: String
        var language: String?
        var current: VersionInfo?
        /// The version `markdown` and `findings` are of: the current one, or `?version=`.
        var shown: VersionInfo?
        var markdown: String
        var findings: [Finding]
        var versions: [VersionInfo]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.guides, use: Self.index)
        routes.post(APIPath.guides, use: Self.upload)
        routes.get(APIPath.guide, use: Self.show)
        routes.post(APIPath.guideVersions, use: Self.saveVersion)
    }

    @Sendable static func index(req: Request) async throws -> [Detail] {
        var all: [Detail] = []
        for guide in try await GuideRecord.query(on: req.db).sort(\.$slug).all() {
            var detail = try await detail(guide, req: req)
            detail.markdown = ""
            detail.findings = []
            all.append(detail)
        }
        return all
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let (guide, trail) = try await GuideService.upload(try req.content.decode(GuideService.UploadInput.self), by: req.user, on: req.db)
        try await SecurityAudit.record(.guideCreated, by: try req.user, subject: SecurityAudit.subject("guide", guide.id),
                                       detail: trail, req: req)
        let response = try await detail(guide, req: req).encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func show(req: Request) async throws -> Detail {
        guard let guide = try await GuideRecord.find(req.parameters.get("id"), on: req.db) else { throw Abort(.notFound) }
        // `?version=` that is no id names no version (404), rather than quietly the current one.
        guard let asked = req.query[String.self, at: "version"] else { return try await detail(guide, req: req) }
        guard let version = UUID(uuidString: asked) else { throw Abort(.notFound) }
        return try await detail(guide, version: version, req: req)
    }

    @Sendable static func saveVersion(req: Request) async throws -> Detail {
        struct Form: Content { var markdown: String?; var allowErrors: Bool?; var baseVersionID: UUID? }
        guard let guide = try await GuideRecord.find(req.parameters.get("id"), on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        let saved = try await GuideService.saveEdit(form.markdown, to: guide, by: req.user, allowErrors: form.allowErrors == true,
                                                    basedOn: form.baseVersionID, locks: req.application.scorecardCache.guideLocks, on: req.db)
        if saved.created {
            try await SecurityAudit.record(.guideEdited, by: try req.user, subject: SecurityAudit.subject("guide", guide.id),
                                           detail: saved.trail, req: req)
        }
        return try await detail(guide, req: req)
    }

    static func findings(of markdown: String, path: String) -> [Finding] {
        GuideImporter.importMarkdown(markdown, path: path).diagnostics.map {
            Finding(severity: $0.diagnostic.severity.rawValue, code: $0.diagnostic.code.rawValue,
                    line: $0.diagnostic.position.line, column: $0.diagnostic.position.column, message: $0.diagnostic.message,
                    messages: $0.diagnostic.text)
        }
    }

    /// `version`: an earlier version's Markdown and findings instead of the current one's (404 if the guide
    /// has no such version).
    static func detail(_ guide: GuideRecord, version: UUID? = nil, req: Request) async throws -> Detail {
        let db = req.db
        let records = try await guide.$versions.query(on: db).sort(\.$createdAt).all()
        let versions = try records.map { VersionInfo(id: try $0.requireID(), contentHash: $0.contentHash, createdAt: $0.createdAt) }
        let current = try await GuideLibrary.currentVersion(of: guide, on: db)
        let shown: GuideVersion?
        if let version {
            guard let found = records.first(where: { $0.id == version }) else { throw Abort(.notFound) }
            shown = found
        } else {
            shown = current
        }
        let markdown = shown?.markdown ?? ""
        let findings = req.application.renderedGuides.findings(of: markdown, path: guide.slug + ".md").map { $0.said(in: req.language) }
        return Detail(id: try guide.requireID(), slug: guide.slug, title: guide.title, language: guide.language,
                      current: versions.first { $0.id == current?.id }, shown: versions.first { $0.id == shown?.id },
                      markdown: markdown, findings: findings, versions: versions)
    }
}
