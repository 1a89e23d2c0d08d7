import Fluent
import Flowchart
import InterviewCore
import Vapor

/// The guide library: list, upload, a guide drawn (any saved version), and the editor with findings.
struct GuideController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.guides.components, use: Self.index)
        routes.post(SiteURL.guides.components, use: Self.upload)
        routes.get(SiteURL.pattern(SiteURL.guide), use: Self.show)
        routes.get(SiteURL.pattern(SiteURL.guideEdit), use: Self.edit)
        routes.post(SiteURL.pattern(SiteURL.guideEdit), use: Self.save)
        routes.post(SiteURL.pattern(SiteURL.guideConvert), use: Self.convert)
        routes.get(SiteURL.pattern(SiteURL.guideCompare), use: Self.compare)
        routes.get(SiteURL.pattern(SiteURL.guideMarkdown), use: Self.markdown)
    }

    @Sendable static func index(req: Request) async throws -> View {
        try await renderIndex(req, page: GuidesIndex(guides: [], canUpload: false))
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let input = try req.content.decode(GuideService.UploadInput.self)
        do {
            let (guide, trail) = try await GuideService.upload(input, by: req.user, on: req.db)
            try await SecurityAudit.record(.guideCreated, by: try req.user, subject: SecurityAudit.subject("guide", guide.id),
                                           detail: trail, req: req)
            return req.redirect(to: SiteURL.guideEdit(try guide.requireID()).path)
        } catch let errors as FieldErrors {
            // The file's text stays on the page (it was dropped with the file, and the author had to find
            // it again), and a taken short name offers that guide's next version when it is theirs to edit.
            var ignored = FieldErrors()
            let text = GuideService.markdown(from: input.markdown, file: input.file, errors: &ignored)
            var page = GuidesIndex(guides: [], canUpload: true, slug: input.slug ?? "", markdown: ignored.isEmpty ? text : input.markdown ?? "",
                                   errors: errors.localized(req.language))
            if errors["slug"] == .errSlugTaken, let slug = input.slug?.trimmingCharacters(in: .whitespaces),
               let existing = try await GuideRecord.query(on: req.db).filter(\.$slug == slug).first() {
                let id = try existing.requireID()
                page.existingHref = SiteURL.guide(id).path
                page.existingTitle = existing.title
                if Access.canEdit(existing, try req.user), errors["markdown"] == nil {
                    page.versionAction = SiteURL.guideEdit(id).path
                    page.versionBase = existing.$current.id?.uuidString ?? ""
                }
            }
            let response = try await renderIndex(req, page: page).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }

    static func renderIndex(_ req: Request, page: GuidesIndex) async throws -> View {
        var page = page
        let guides = try await GuideRecord.query(on: req.db).with(\.$current).sort(\.$slug).all()
        let rendered = req.application.renderedGuides
        page.guides = try guides.map { guide in
            .init(title: guide.title, slug: guide.slug, language: guide.language ?? "",
                  hash: String((guide.current?.contentHash ?? "").prefix(12)), href: SiteURL.guide(try guide.requireID()).path,
                  // The path as the API names it: findings are kept by the Markdown alone.
                  errors: guide.current.map { rendered.errorCount(of: $0, path: guide.slug + ".md") } ?? 0)
        }
        page.canUpload = GuideService.canUpload(try req.user)
        return try await req.page("guides", page)
    }

    @Sendable static func show(req: Request) async throws -> View {
        let guide = try await find(req)
        let id = try guide.requireID()
        let versions = try await guide.$versions.query(on: req.db).with(\.$author).sort(\.$createdAt, .descending).all()
        let wanted = try? req.query.get(UUID.self, at: "version")
        guard let shown = versions.first(where: { $0.id == (wanted ?? guide.$current.id) }) else { throw Abort(.notFound) }
        let canEdit = Access.canEdit(guide, try req.user)
        var page = GuideShow(
            title: guide.title,
            language: ReportLanguage(declared: guide.language, title: guide.title).rawValue,
            slug: guide.slug, shownHash: shown.contentHash,
            parts: req.application.renderedGuides.parts(of: shown.markdown),
            versions: versions.enumerated().map { index, v in
                .init(label: "v\(versions.count - index)", hash: String(v.contentHash.prefix(12)), saved: DisplayDate.string(v.createdAt),
                      author: v.author?.name ?? "—", href: SiteURL.guide(id).path + "?version=\(v.id!)",
                      isCurrent: v.id == guide.$current.id, isShown: v.id == shown.id,
                      changesHref: index == versions.count - 1 ? nil : SiteURL.guideCompare(id).path + "?to=\(v.id!)",
                      markdownHref: SiteURL.guideMarkdown(id).path + "?version=\(v.id!)",
                      restoreHref: canEdit && v.id != guide.$current.id ? SiteURL.guideEdit(id).path + "?from=\(v.id!)" : nil)
            },
            editHref: canEdit ? SiteURL.guideEdit(id).path : nil,
            healthHref: try req.user.role.managesPositions ? SiteURL.guideHealth(id).path : nil)
        page.shownLabel = versions.firstIndex { $0.id == shown.id }.map { "v\(versions.count - $0)" } ?? ""
        page.errorCount = req.application.renderedGuides.errorCount(of: shown, path: guide.slug + ".md")
        // The findings of the version shown: an earlier one's are its text in the editor (the link opened
        // the current version's, which a probe found had none).
        if canEdit, page.errorCount > 0 {
            page.findingsHref = SiteURL.guideEdit(id).path + (shown.id == guide.$current.id ? "" : "?from=\(shown.id!)") + "#diagnostics"
        }
        let user = try req.user
        if user.role.managesPositions {
            var positions = Position.query(on: req.db).filter(\.$guide.$id == id)
            if let visible = try await Access.visiblePositionIDs(for: user, on: req.db) { positions = positions.filter(\.$id ~~ visible) }
            let ids = try await positions.field(\.$id).all().compactMap(\.id)
            page.agreement = try await PooledFigures.lines(guide: id, positions: ids, viewer: user, req: req)
        }
        return try await req.page("guide", page)
    }

    @Sendable static func edit(req: Request) async throws -> View {
        let guide = try await find(req)
        guard Access.canEdit(guide, try req.user) else { throw Abort(.forbidden) }
        var markdown = try await GuideLibrary.currentVersion(of: guide, on: req.db)?.markdown ?? ""
        var notice = EditNotice.none
        if let asked = req.query[String.self, at: "from"] {
            let from = UUID(uuidString: asked)   // no id names no version: 404 below, not the current text
            // An earlier version's text, to save as the current one again: versions were only drawn, and
            // an author could neither read nor restore what a colleague's save replaced (a probe).
            let versions = try await guide.$versions.query(on: req.db).sort(\.$createdAt).all()
            guard let index = versions.firstIndex(where: { $0.id == from }) else { throw Abort(.notFound) }
            markdown = versions[index].markdown
            notice = .restored("v\(index + 1)")
        } else if req.query[String.self, at: "saved"] == "1" {
            notice = .saved("v\(try await guide.$versions.query(on: req.db).count())")
        } else if req.query[String.self, at: "unchanged"] == "1" {
            notice = .unchanged
        }
        return try await renderEdit(req, guide: guide, markdown: markdown, notice: notice)
    }

    /// The editor's text with every chart rewritten in the other syntax (`GuideConversion`), shown in the
    /// editor to check and save; nothing is saved here.
    @Sendable static func convert(req: Request) async throws -> Response {
        let guide = try await find(req)
        guard Access.canEdit(guide, try req.user) else { throw Abort(.forbidden) }
        struct Form: Content { var markdown: String?; var to: String? }
        let form = try req.content.decode(Form.self)
        guard let target = form.to.flatMap(DiagramSyntax.init(rawValue:)) else { throw Abort(.badRequest) }
        let text = (form.markdown ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        // The limit a save has: converting and linting 6 MB took half a minute of a core.
        // Refused with the saved version in the editor (not the text sent, which would be linted again).
        if text.utf8.count > 1_000_000 {
            var errors = FieldErrors()
            errors.tooLong("markdown", .megabytes(1))
            let current = try await GuideLibrary.currentVersion(of: guide, on: req.db)?.markdown ?? ""
            let response = try await renderEdit(req, guide: guide, markdown: current, error: errors.localized(req.language)["markdown"])
                .encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        let result = GuideConversion.convert(text, to: target)
        // What the conversion itself changed (renamed ids, rewritten labels) is no finding of the text it
        // wrote, so it is listed with the notice: the findings below never showed it.
        let said = result.diagnostics.filter { [.labelRewritten, .idRenamed, .noLinks].contains($0.diagnostic.code) }
            .map { "\($0.diagnostic.position.line):\($0.diagnostic.position.column) " + $0.diagnostic.text.text(req.language == .zh ? .zh : .en) }
        return try await renderEdit(req, guide: guide, markdown: result.markdown, notice: .converted(result.converted, repaired: result.repaired,
                                                                                                   rewritten: result.rewritten, said: said)).encodeResponse(for: req)
    }

    /// What a version changed from an earlier one: `?to=` (default the current) against `?from=` (default
    /// the version before it).
    @Sendable static func compare(req: Request) async throws -> View {
        let guide = try await find(req)
        let id = try guide.requireID()
        let versions = try await guide.$versions.query(on: req.db).sort(\.$createdAt).all()
        let wantedTo = (try? req.query.get(UUID.self, at: "to")) ?? guide.$current.id
        guard let toIndex = versions.firstIndex(where: { $0.id == wantedTo }) else { throw Abort(.notFound) }
        let fromIndex: Int
        if let wantedFrom = try? req.query.get(UUID.self, at: "from") {
            guard let found = versions.firstIndex(where: { $0.id == wantedFrom }) else { throw Abort(.notFound) }
            fromIndex = found
        } else {
            guard toIndex > 0 else { throw Abort(.notFound) }
            fromIndex = toIndex - 1
        }
        let (old, new) = (versions[fromIndex], versions[toIndex])
        let language = req.language.report == .zh ? Flowchart.Language.zh : .en
        let diff = req.application.renderedGuides.diff(from: old.markdown, to: new.markdown)
        let page = GuideCompare(
            title: guide.title, language: ReportLanguage(declared: guide.language, title: guide.title).rawValue,
            showHref: SiteURL.guide(id).path,
            fromLabel: "v\(fromIndex + 1)", fromHref: SiteURL.guide(id).path + "?version=\(old.id!)",
            toLabel: "v\(toIndex + 1)", toHref: SiteURL.guide(id).path + "?version=\(new.id!)",
            changes: diff.changes.map { .init(mark: $0.mark, place: $0.place(language), detail: $0.detail.text(language),
                                              identity: $0.identityText(language)) },
            nothing: GuideDiff.nothing(language))
        var shown = page
        let lines = TextChanges.lines(from: old.markdown, to: new.markdown)
        shown.textChanges = (lines ?? []).prefix(GuideCompare.textLimit).map { .init(mark: $0.mark, number: $0.number, text: $0.text) }
        shown.textChangesCut = lines == nil || (lines?.count ?? 0) > GuideCompare.textLimit
        shown.fromMarkdownHref = SiteURL.guideMarkdown(id).path + "?version=\(old.id!)"
        shown.toMarkdownHref = SiteURL.guideMarkdown(id).path + "?version=\(new.id!)"
        return try await req.page("guide-compare", shown)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let guide = try await find(req)
        struct Form: Content { var markdown: String?; var allowErrors: String?; var base: UUID? }
        let form = try req.content.decode(Form.self)
        do {
            let saved = try await GuideService.saveEdit(form.markdown, to: guide, by: req.user, allowErrors: form.allowErrors == "true",
                                                        basedOn: form.base, locks: req.application.scorecardCache.guideLocks, on: req.db)
            guard saved.created else { return req.redirect(to: SiteURL.guideEdit(try guide.requireID()).path + "?unchanged=1") }
            try await SecurityAudit.record(.guideEdited, by: try req.user, subject: SecurityAudit.subject("guide", guide.id),
                                           detail: saved.trail, req: req)
            return req.redirect(to: SiteURL.guideEdit(try guide.requireID()).path + "?saved=1")
        } catch let errors as FieldErrors {
            // As the browser sent it, CRLF and all: shown again as the lines the author wrote (Swift reads
            // "\r\n" as one character, so the refused text came back as a single line).
            let response = try await renderEdit(req, guide: guide, markdown: (form.markdown ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                                                error: errors["markdown"]?.in(req.language),
                                                offerSaveWithErrors: errors["markdown"] == .errGuideVersionHasErrors).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        } catch is GuideService.ChangedMeanwhile {
            // The author's text comes back unsaved, now based on the version saved meanwhile: a second
            // save, once they have read it, is deliberate.
            guard let current = try await GuideRecord.find(guide.requireID(), on: req.db) else { throw Abort(.notFound) }
            // With a link to what the versions saved meanwhile changed: the next save replaces them, and
            // a probe's second click did so without having seen them.
            let compare = SiteURL.guideCompare(try current.requireID()).path
            let changes = form.base.flatMap { base in current.$current.id.map { compare + "?from=\(base)&to=\($0)" } }
            let response = try await renderEdit(req, guide: current, markdown: (form.markdown ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                                                error: Text.errGuideChangedMeanwhile.in(req.language), changesHref: changes).encodeResponse(for: req)
            response.status = .conflict
            return response
        }
    }

    /// What the editor says above the text: a save done or not needed, or a conversion not yet saved.
    enum EditNotice {
        case none, unchanged, saved(String), restored(String), converted(Int, repaired: Int, rewritten: Int, said: [String])
    }

    static func renderEdit(_ req: Request, guide: GuideRecord, markdown: String, error: String? = nil,
                           offerSaveWithErrors: Bool = false, notice: EditNotice = .none, changesHref: String? = nil) async throws -> View {
        let id = try guide.requireID()
        let source = req.application.renderedGuides.annotatedSource(markdown, language: req.language)
        var page = GuideEdit(title: guide.title, action: SiteURL.guideEdit(id).path, markdown: markdown,
                             lines: source.lines, findingCount: source.count, findingsShown: source.shown, showHref: SiteURL.guide(id).path,
                             error: error, offerSaveWithErrors: offerSaveWithErrors)
        page.convertAction = SiteURL.guideConvert(id).path
        page.changesHref = changesHref
        page.baseVersion = guide.$current.id?.uuidString ?? ""
        page.language = ReportLanguage(declared: guide.language, title: guide.title).rawValue
        switch notice {
        case .none: break
        case .unchanged: page.unchanged = true
        case .saved(let label): page.savedLabel = label
        case .restored(let label): page.restoredLabel = label
        case .converted(let count, let repaired, let rewritten, let said):
            page.converted = count
            page.repaired = repaired
            page.rewritten = said.isEmpty ? rewritten : said.count
            page.conversionSaid = said
        }
        if try req.user.role.managesPositions, let current = guide.$current.id {
            let questions = try await EditorFigures.questions(guide: id, version: current, req: req)
            page.questions = questions ?? []
            page.figuresPreparing = questions == nil
            page.healthHref = SiteURL.guideHealth(id).path
        }
        return try await req.page("guide-edit", page)
    }

    /// A version's Markdown as its author saved it (`?version=`, the current one by default), as a file:
    /// the text was otherwise only in the editor, and only the current version's.
    @Sendable static func markdown(req: Request) async throws -> Response {
        let guide = try await find(req)
        let versions = try await guide.$versions.query(on: req.db).sort(\.$createdAt).all()
        // A version that is no id is none: the current one in its place would be the wrong file, unsaid.
        let asked = req.query[String.self, at: "version"]
        let wanted = asked.map { UUID(uuidString: $0) } ?? guide.$current.id
        guard let index = versions.firstIndex(where: { $0.id == wanted }) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
        // The slug is letters, digits and dashes (`GuideService`), so the name needs no quoting beyond this.
        headers.add(name: .contentDisposition, value: "attachment; filename=\"\(guide.slug)-v\(index + 1).md\"")
        return Response(status: .ok, headers: headers, body: .init(string: versions[index].markdown))
    }

    private static func find(_ req: Request) async throws -> GuideRecord {
        guard let guide = try await GuideRecord.find(req.parameters.get("id"), on: req.db) else { throw Abort(.notFound) }
        return guide
    }
}
