import Foundation
import Fluent
import InterviewCore
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Guide library: drawn guides, uploads, versions, findings beside lines")
struct GuideLibraryTests {
    static let brokenGuide = """
    # Broken guide

    ## 1. Technical questions

    ### 1.1 Redis <script>alert(1)</script>

    ```flow
    st=>start: Start
    op1=>opeartion: What data types does Redis have?
    e=>end: End
    st->op1->e
    ```
    """

    /// An admin signed in, and a bundled guide with its current version: the bundled guides belong to
    /// no one, so admins edit them.
    private func adminWithBundledGuide(_ app: Application) async throws -> (GuideRecord, GuideVersion, TestBrowser) {
        try await TestData.user(app, "root@example.com", role: .admin)
        let (guide, first) = try await TestData.anyGuideVersion(app)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("root@example.com")
        return (guide, first, browser)
    }

    /// The guide with its first operation's type misspelt: a lint error that drops the question.
    private static func misspelt(_ markdown: String) throws -> String {
        let typo = try #require(markdown.range(of: "=>operation: "))
        return markdown.replacingCharacters(in: typo, with: "=>opeartion: ")
    }

    private func versionCount(_ app: Application, _ guide: GuideRecord) async throws -> Int {
        try await GuideVersion.query(on: app.db).filter(\.$guide.$id == guide.requireID()).count()
    }

    @Test func theBundledGuidesAreInTheLibraryAndDrawn() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let list = try await browser.get("/guides")
            let page = try await browser.get("/guides/\(try guide.requireID())")
            // verify
            #expect(list.body.string.contains("python-backend-senior.zh"))
            #expect(list.body.string.contains("backend-new-graduate.en"))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\""))
            #expect(page.body.string.contains("<h2>") || page.body.string.contains("<h3>"))
            #expect(!page.body.string.contains("/edit\""))
        }
    }

    @Test func anUploadIsSavedAndItsFindingsShownBesideTheLines() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/guides")
            // act
            let saved = try await browser.post("/guides", ["slug": "redis-only", "markdown": Self.brokenGuide])
            let editor = try await browser.get(saved.headers.first(name: .location) ?? "")
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "redis-only").first())
            let drawn = try await browser.get("/guides/\(try guide.requireID())")
            // verify
            #expect(saved.status == .seeOther)
            let body = editor.body.string
            #expect(body.contains("unknown node type"))
            #expect(body.contains("class=\"diagnostic error\""))
            #expect(!drawn.body.string.contains("<script>alert(1)"))
            #expect(drawn.body.string.contains("&lt;script&gt;"))
        }
    }

    @Test func aMermaidGuideIsSavedLintedDrawnAndInterviewable() async throws {
        try await withApp { app in
            // setup: one topic in Mermaid, with a finding (a gate line without a label) and hostile text
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/guides")
            let markdown = """
            # Mermaid guide
            ### 1.Technical questions
            #### 1.1 Redis
            ```mermaid
            flowchart TD
                st([Start]) --> op1["What data types does Redis have? (string, list, hash, set, zset)"]
                op1 --> c1{Go deeper?}
                c1 -->|yes| op2["<img src=x onerror=alert(1)> How is a zset stored?"]
                c1 --> e([End])
                op2 --> e
            ```
            """
            // act
            let saved = try await browser.post("/guides", ["slug": "mermaid-redis", "markdown": markdown])
            let editor = try await browser.get(saved.headers.first(name: .location) ?? "")
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "mermaid-redis").first())
            let drawn = try await browser.get("/guides/\(try guide.requireID())")
            let version = try #require(try await GuideVersion.find(guide.$current.id, on: app.db))
            let imported = GuideImporter.importMarkdown(version.markdown)
            // verify: saved, the finding beside its line, drawn on the server, inert, read as the same interview
            #expect(saved.status == .seeOther)
            #expect(editor.body.string.contains("has no label; read as"))
            #expect(drawn.body.string.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\""))
            #expect(!drawn.body.string.contains("<img src=x"))
            #expect(imported.guide.topics.first?.questions.map(\.id) == ["op1", "op2"])
            #expect(imported.guide.topics.first?.gates.first?.yes == "op2")
            #expect(imported.guide.topics.first?.questions.first?.reference == "string, list, hash, set, zset")
        }
    }

    @Test func eachEditIsANewVersionAndOldOnesStayReadable() async throws {
        try await withApp { app in
            // setup
            let (guide, first, browser) = try await adminWithBundledGuide(app)
            let editPath = "/guides/\(try guide.requireID())/edit"
            try await browser.get(editPath)
            // act
            let empty = try await browser.post(editPath, ["markdown": "  "])
            let saved = try await browser.post(editPath, ["markdown": first.markdown + "\nA closing remark.\n"])
            let old = try await browser.get("/guides/\(try guide.requireID())?version=\(try first.requireID())")
            // verify
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains(Text.errRequired.in(.en)))
            #expect(saved.status == .seeOther)
            #expect(try await versionCount(app, guide) == 2)
            let reloaded = try #require(try await GuideRecord.find(guide.id, on: app.db))
            #expect(reloaded.$current.id != first.id)
            #expect(old.body.string.contains(String(first.contentHash.prefix(12))))
        }
    }

    /// Two authors (or two tabs) editing at once: the second save, based on a version no longer
    /// current, is refused with its text kept, instead of silently replacing the first one's edit.
    @Test func anEditBasedOnAnOlderVersionIsRefusedWithItsTextKept() async throws {
        try await withApp { app in
            // setup: both editors opened on the first version
            let (guide, first, browser) = try await adminWithBundledGuide(app)
            let editPath = "/guides/\(try guide.requireID())/edit"
            let form = try await browser.get(editPath).body.string
            #expect(form.contains("<input type=\"hidden\" name=\"base\" value=\"\(try first.requireID().uuidString)\">"))
            let base = try first.requireID().uuidString
            // act
            let mine = try await browser.post(editPath, ["markdown": first.markdown + "\nMine.\n", "base": base])
            let theirs = try await browser.post(editPath, ["markdown": first.markdown + "\nTheirs.\n", "base": base])
            let api = try await browser.send(.POST, "/api/v1/guides/\(try guide.requireID())/versions", body: ByteBuffer(data: try JSONSerialization.data(
                withJSONObject: ["markdown": first.markdown + "\nAPI.\n", "baseVersionID": base])), contentType: .json)
            // verify: one saved; the other refused, its text on the page, now based on the version saved meanwhile
            #expect(mine.status == .seeOther && theirs.status == .conflict && api.status == .conflict)
            #expect(try await versionCount(app, guide) == 2)
            let current = try #require(try await GuideRecord.find(guide.id, on: app.db)?.$current.id)
            let page = theirs.body.string
            #expect(page.contains("Someone saved a new version of this guide after you opened the editor, so nothing was saved.") && page.contains("Theirs."))
            #expect(page.contains("name=\"base\" value=\"\(current.uuidString)\""))
            // with what was saved meanwhile one click away, before a second save replaces it
            #expect(page.contains("/guides/\(try guide.requireID())/compare?from=\(base)&amp;to=\(current.uuidString)\">\(Text.seeChangesMeanwhile.in(.en))"))
            #expect(try await GuideVersion.find(current, on: app.db)?.markdown.contains("Mine.") == true)
        }
    }

    @Test func aVersionWithErrorsIsSavedOnlyWhenTheAuthorSaysSo() async throws {
        try await withApp { app in
            // setup: the current version of a bundled guide, and the same with a misspelt node type
            let (guide, first, browser) = try await adminWithBundledGuide(app)
            let editPath = "/guides/\(try guide.requireID())/edit"
            try await browser.get(editPath)
            let broken = try Self.misspelt(first.markdown)
            // act: sent as a browser sends a text area, with CRLF line ends
            let refused = try await browser.post(editPath, ["markdown": broken.replacingOccurrences(of: "\n", with: "\r\n")])
            let versionsAfterRefusal = try await versionCount(app, guide)
            let saved = try await browser.post(editPath, ["markdown": broken, "allowErrors": "true"])
            // verify: refused with the text kept, the reason, the finding with its fix, and the way to save anyway
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains(Text.errGuideVersionHasErrors.in(.en)))
            #expect(page.contains("name=\"allowErrors\"") && page.contains(Text.saveWithErrors.in(.en)))
            // the flagged line and the one before it, not the whole guide
            #expect(page.contains("=&gt;opeartion: ") && page.contains("<tr class=\"gap\">"))
            #expect(page.components(separatedBy: "<td class=\"number\">").count - 1 == 2)
            #expect(page.contains("unknown node type &#39;opeartion&#39;"))
            let fix = try #require(page.range(of: "<code class=\"fix\">Fix: "))
            #expect(page[fix.upperBound...].prefix(while: { $0 != "<" }).contains("=&gt;operation: "))
            #expect(versionsAfterRefusal == 1)
            #expect(saved.status == .seeOther)
            #expect(try await versionCount(app, guide) == 2)
            // the security trail notes that this version went past its errors
            let details = try await SecurityEvent.query(on: app.db).all().map(\.detail)
            #expect(details.contains(GuideService.savedWithErrors))
        }
    }

    @Test func theAPISavesAVersionWithErrorsOnlyWithAllowErrors() async throws {
        try await withApp { app in
            // setup
            let (guide, first, browser) = try await adminWithBundledGuide(app)
            try await browser.get("/guides")
            let path = "/api/v1/guides/\(try guide.requireID())/versions"
            let broken = try Self.misspelt(first.markdown)
            func body(_ allow: Bool?) throws -> ByteBuffer {
                var object: [String: Any] = ["markdown": broken]
                if let allow { object["allowErrors"] = allow }
                return ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
            }
            // act
            let refused = try await browser.send(.POST, path, body: try body(nil), contentType: .json)
            let versionsAfterRefusal = try await versionCount(app, guide)
            let saved = try await browser.send(.POST, path, body: try body(true), contentType: .json)
            // verify
            #expect(refused.status == .unprocessableEntity)
            struct Refusal: Decodable { var fields: [String: String] }
            let refusal = try JSONDecoder().decode(Refusal.self, from: refused.body)
            #expect(refusal.fields["markdown"] == Text.errGuideVersionHasErrors.in(.en))
            #expect(versionsAfterRefusal == 1)
            #expect(saved.status == .ok)
        }
    }

    @Test func aNewGuideIsTakenWithItsErrorsAndTheTrailSaysSo() async throws {
        try await withApp { app in
            // setup: a team's existing document with a misspelt type, uploaded over the API, and a clean one
            let (_, first, browser) = try await adminWithBundledGuide(app)
            try await browser.get("/guides")
            func upload(_ slug: String, _ markdown: String) async throws -> HTTPStatus {
                let body = try JSONSerialization.data(withJSONObject: ["slug": slug, "markdown": markdown])
                return try await browser.send(.POST, "/api/v1/guides", body: ByteBuffer(data: body), contentType: .json).status
            }
            // act
            let broken = try await upload("team-guide", try Self.misspelt(first.markdown))
            let clean = try await upload("clean-guide", first.markdown)
            // verify: both are in the library; only the broken one's trail line says it has errors
            #expect(broken == .created && clean == .created)
            let created = try await SecurityEvent.query(on: app.db).filter(\.$kind == .guideCreated).all()
            #expect(created.map(\.detail).sorted() == ["", GuideService.savedWithErrors])
            // and the library and the broken guide's page say so, where the clean one's say nothing
            let library = try await browser.get("/guides").body.string
            let row = { (slug: String) in library.components(separatedBy: "<code>\(slug)</code>").dropFirst().first?
                .components(separatedBy: "</tr>").first ?? "" }
            #expect(row("team-guide").contains("Errors found by the guide check: 1"))
            #expect(!row("clean-guide").contains("Errors found by the guide check"))
            let team = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "team-guide").first())
            let cleanGuide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "clean-guide").first())
            let page = try await browser.get("/guides/\(try team.requireID())").body.string
            #expect(page.contains("<strong>Errors found by the guide check: 1.</strong>"))
            #expect(page.contains("/guides/\(try team.requireID())/edit#diagnostics\">See them in the editor</a>"))
            #expect(!(try await browser.get("/guides/\(try cleanGuide.requireID())").body.string).contains("id=\"check-errors\""))
            // the new position's guide list names the broken one's errors too
            let positions = try await browser.get("/positions").body.string
            #expect(positions.contains("(team-guide) — ⚠ 1 lint error</option>") && positions.contains("(clean-guide)</option>"))
            browser.language = "zh"
            #expect((try await browser.get("/guides/\(try team.requireID())").body.string).contains("指南检查发现的错误：1"))
            // once fixed, the broken version's page links to its own findings, not the current version's
            let brokenVersion = try #require(team.$current.id)
            _ = try await browser.post("/guides/\(try team.requireID())/edit", ["markdown": first.markdown, "base": brokenVersion.uuidString])
            browser.language = "en"
            let old = try await browser.get("/guides/\(try team.requireID())?version=\(brokenVersion)").body.string
            #expect(old.contains("/guides/\(try team.requireID())/edit?from=\(brokenVersion)#diagnostics\">See them in the editor</a>"))
        }
    }

    @Test func interviewersAndOtherManagersCannotEditGuides() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/guides")
            // act
            let editor = try await browser.get("/guides/\(try guide.requireID())/edit")
            let post = try await browser.post("/guides/\(try guide.requireID())/edit", ["markdown": "# Mine"])
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("mia@example.com")
            try await manager.get("/guides")
            let managerEditor = try await manager.get("/guides/\(try guide.requireID())/edit")
            let managerPost = try await manager.post("/guides/\(try guide.requireID())/edit", ["markdown": "# Mine"])
            // verify: the guide is visible to both, so refusing says nothing new: 403
            #expect(editor.status == .forbidden)
            #expect(post.status == .forbidden)
            #expect(managerEditor.status == .forbidden)
            #expect(managerPost.status == .forbidden)
        }
    }
}

@Suite("Guide pages leave the front matter to the importer")
struct GuidePresentationTests {
    @Test func frontMatterIsNotShownAsProse() {
        // setup
        let markdown = "---\nguide:\n  id: x\n---\n# Title\n\nSome guidance.\n"
        // act
        let parts = GuidePresentation.parts(of: markdown)
        // verify
        #expect(parts.count == 1)
        // The page's own h1 names the guide, so the guide's `#` title is an h2 here.
        #expect(parts[0].html.contains("<h2>Title</h2>"))
        #expect(!parts[0].html.contains("guide:"))
    }
}
