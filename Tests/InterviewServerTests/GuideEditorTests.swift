import Fluent
import Foundation
import InterviewCore
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Guide editor: what a save did, converting the charts, and what a version changed")
struct GuideEditorTests {
    /// An admin in the editor of a bundled guide (the bundled guides belong to no one: admins edit them).
    private func editor(_ app: Application) async throws -> (GuideRecord, GuideVersion, TestBrowser, String) {
        try await TestData.user(app, "root@example.com", role: .admin)
        let (guide, first) = try await TestData.anyGuideVersion(app)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("root@example.com")
        let path = "/guides/\(try guide.requireID())/edit"
        try await browser.get(path)
        return (guide, first, browser, path)
    }

    private func location(_ response: TestingHTTPResponse) -> String { response.headers.first(name: .location) ?? "" }

    @Test func aSaveSaysWhichVersionItMadeAndSavingTheSameTextSaysNothingWasSaved() async throws {
        try await withApp { app in
            // setup
            let (guide, first, browser, path) = try await editor(app)
            // act
            let same = try await browser.post(path, ["markdown": first.markdown])
            let samePage = try await browser.get(location(same)).body.string
            let changed = try await browser.post(path, ["markdown": first.markdown + "\nA closing remark.\n"])
            let changedPage = try await browser.get(location(changed)).body.string
            // verify
            #expect(location(same).hasSuffix("?unchanged=1") && samePage.contains(Text.guideUnchanged.in(.en)))
            #expect(location(changed).hasSuffix("?saved=1"))
            #expect(changedPage.contains("\(Text.guideSavedAs.in(.en)) v2 "))
            let versions = try await GuideVersion.query(on: app.db).filter(\.$guide.$id == guide.requireID()).count()
            #expect(versions == 2)
            // One edit, one entry in the security trail: saving the same text again changed nothing.
            let edits = try await SecurityEvent.query(on: app.db).filter(\.$kind == .guideEdited).count()
            #expect(edits == 1)
        }
    }

    @Test func convertingRewritesEveryChartInTheEditorAndSavesNothing() async throws {
        try await withApp { app in
            // setup
            let (guide, first, browser, path) = try await editor(app)
            let charts = first.markdown.components(separatedBy: "```flow\n").count - 1
            // act
            let converted = try await browser.post("/guides/\(try guide.requireID())/convert", ["markdown": first.markdown, "to": "mermaid"])
            let page = converted.body.string
            let back = try await browser.post("/guides/\(try guide.requireID())/convert",
                                              ["markdown": try #require(Self.textArea(page)), "to": "flowchartjs"])
            let unknown = try await browser.post("/guides/\(try guide.requireID())/convert", ["markdown": first.markdown, "to": "dot"])
            // verify: every chart in Mermaid in the text area, said above it; back again gives the same guide
            #expect(converted.status == .ok)
            #expect(charts > 0)
            #expect(page.contains("\(Text.chartsConverted.in(.en)) \(charts). \(Text.convertedNotSaved.in(.en))"))
            // Shown but not saved: leaving the page (the language switch reloads the saved version) asks first.
            #expect(page.contains(#"data-guard-unsaved="unsaved""#) && page.contains(#"<script src="/unsaved.js" defer>"#))
            #expect((try await browser.get(path)).body.string.contains(#"data-guard-unsaved="saved""#))
            let mermaid = try #require(Self.textArea(page))
            #expect(mermaid.components(separatedBy: "```mermaid\n").count - 1 == charts && !mermaid.contains("```flow\n"))
            let again = try #require(Self.textArea(back.body.string))
            #expect(GuideImporter.importMarkdown(again, path: "x.md").guide.contentHash
                    == GuideImporter.importMarkdown(first.markdown, path: "x.md").guide.contentHash)
            #expect(unknown.status == .badRequest)
            let versions = try await GuideVersion.query(on: app.db).filter(\.$guide.$id == guide.requireID()).count()
            #expect(versions == 1)
            _ = path
            #expect(!page.contains("conversion-said"), "nothing renamed or rewritten in the bundled guide")
        }
    }

    /// What a conversion changes besides the syntax (a renamed id, a gate label led by its way) is no
    /// finding of the text it writes, so the editor listed none of it: said with the notice, escaped.
    @Test func anIDRenamedByAConversionIsSaidInTheEditor() async throws {
        try await withApp { app in
            // setup: a question whose id is a Mermaid keyword, with a weight in the front matter
            let (guide, _, browser, _) = try await editor(app)
            let markdown = "---\ntopics:\n  \"1\":\n    questions:\n      graph: {weight: 2}\n---\n# G\n### 1. <b>Algorithms</b>\n"
                + "```flow\nst=>start: Start\ngraph=>operation: BFS vs DFS?\ne=>end: End\nst->graph->e\n```\n"
            // act
            let converted = try await browser.post("/guides/\(try guide.requireID())/convert", ["markdown": markdown, "to": "mermaid"])
            // verify: said at its line, the front matter renamed with it
            let page = converted.body.string
            #expect(page.contains("<ul class=\"conversion-said\" id=\"conversion-said\"><li>11:1 Mermaid reads the id &#39;graph&#39; as a keyword"), "\(page)")
            #expect(try #require(Self.textArea(page)).contains("\"graph_\": {weight: 2}"))
        }
    }

    @Test func aRefusedSaveTiesEachFindingToItsLineAndItsFixInert() async throws {
        try await withApp { app in
            // setup: a stage's chart whose line ends at Mermaid's keyword `end` (fixed as End), its label markup
            let (_, _, browser, path) = try await editor(app)
            let broken = "  S([Start]) --> Q[\"<b onclick=x()>Hash maps?</b>\"] --> end"
            let markdown = "# Guide\n\n## 1. Data structures\n\n```mermaid\nflowchart TD\n" + broken + "\n```\n"
            let line = markdown.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == broken }! + 1
            // act
            let refused = try await browser.post(path, ["markdown": markdown])
            let page = refused.body.string
            // verify: the row names its line, the finding carries the whole fixed line, escaped as text
            #expect(page.contains(#"<script src="/editor.js" defer>"#))
            #expect(page.contains(#"data-go-to-line="\#(Text.goToLine.in(.en))""#))
            // the size the server refuses is checked before sending (demo_e2e keeps a 2.3 MB text), in the page's words
            #expect(page.contains(#"data-too-large="The text is {size} MB and a guide may be at most 1 MB"#))
            #expect(page.contains(#"class="flagged with-errors" data-line="\#(line)""#), "line \(line)")
            // a line with warnings only is shaded as a warning (every row was an error's pink)
            try await browser.post(path, ["markdown": "# Guide\n\n## 1. Data structures\n\n```mermaid\nflowchart TD\n  S([Start]) --> Q[Hash maps?] --> E([End])\n  U[Never asked] --> E\n```\n"])
            let warned = try await browser.get(path)
            #expect(warned.body.string.contains(#"class="flagged warnings-only" data-line="8""#), "\(warned.body.string)")
            let fixed = "  S([Start]) --&gt; Q[&quot;&lt;b onclick=x()&gt;Hash maps?&lt;/b&gt;&quot;] --&gt; End"
            #expect(page.contains(#"data-fixed-line="\#(fixed)""#))
            #expect(!page.contains("<b onclick"))
        }
    }

    @Test func anEarlierVersionIsDownloadedAndRestoredThroughTheEditor() async throws {
        try await withApp { app in
            // setup: v1 (bundled), then v2 with a colleague's line
            let (guide, first, browser, path) = try await editor(app)
            let id = try guide.requireID(), v1 = try first.requireID()
            let second = first.markdown + "\nA colleague's closing remark.\n"
            _ = try await browser.post(path, ["markdown": second, "base": v1.uuidString])
            // act
            let page = try await browser.get("/guides/\(id)").body.string
            let file = try await browser.get("/guides/\(id)/guide.md?version=\(v1)")
            let current = try await browser.get("/guides/\(id)/guide.md")
            let restore = try await browser.get(path + "?from=\(v1)").body.string
            let compare = try await browser.get("/guides/\(id)/compare").body.string
            let lineNumber = second.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let api = try await browser.get("/api/v1/guides/\(id)?version=\(v1)").body.string
            let unknown = try await browser.get("/guides/\(id)/guide.md?version=\(UUID())")
            let current2 = try #require(try await GuideRecord.find(id, on: app.db)?.$current.id)
            let restored = try await browser.post(path, ["markdown": try #require(Self.textArea(restore)), "base": current2.uuidString])
            // verify: each version downloads as saved; the restore link (not on the current version) fills the
            // editor with v1's text, said and guarded; saved, it is v3, the same text as v1
            #expect(page.contains("/guides/\(id)/guide.md?version=\(v1)") && page.contains("/guides/\(id)/edit?from=\(v1)"))
            #expect(!page.contains("/guides/\(id)/edit?from=\(current2)"))
            #expect(file.status == .ok && file.body.string == first.markdown)
            #expect(file.headers.first(name: .contentDisposition) == "attachment; filename=\"python-backend-senior.en-v1.md\"")
            #expect(file.headers.contentType?.subType == "markdown")
            #expect(current.body.string == second)
            #expect(Self.textArea(restore) == first.markdown)
            #expect(restore.contains("\(Text.restoredInEditor.in(.en)) v1") && restore.contains(#"data-guard-unsaved="unsaved""#))
            #expect(api.contains("\"shown\":{") && api.contains(v1.uuidString) && !api.contains("closing remark"))
            #expect(unknown.status == .notFound)
            // the compare page lists the prose line the colleague added (it said only "no changes to questions")
            #expect(compare.contains("<td class=\"number\">+\(lineNumber)</td><td><code>A colleague&#39;s closing remark.</code>")
                    || compare.contains("<td class=\"number\">+\(lineNumber)</td><td><code>A colleague's closing remark.</code>"), "\(compare.suffix(1500))")
            #expect(restored.status == .seeOther)
            let versions = try await GuideVersion.query(on: app.db).filter(\.$guide.$id == id).sort(\.$createdAt).all()
            #expect(versions.count == 3 && versions.last?.markdown == first.markdown)
        }
    }

    @Test func convertingMoreThanASaveTakesIsRefused() async throws {
        try await withApp { app in
            // setup
            let (guide, first, browser, _) = try await editor(app)
            let huge = first.markdown + String(repeating: "Padding prose. ", count: 70_000)
            // act
            let refused = try await browser.post("/guides/\(try guide.requireID())/convert", ["markdown": huge, "to": "mermaid"])
            // verify: the limit said, the saved version back in the editor
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Too long: at most 1 MB."))
            #expect(!refused.body.string.contains("Padding prose. Padding prose."))
        }
    }

    @Test func onlyTheGuidesEditorsConvert() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let (guide, first) = try await TestData.anyGuideVersion(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/guides")
            // act
            let refused = try await browser.post("/guides/\(try guide.requireID())/convert", ["markdown": first.markdown, "to": "mermaid"])
            // verify
            #expect(refused.status == .forbidden)
        }
    }

    @Test func theGuidePageLinksEachVersionToWhatItChanged() async throws {
        try await withApp { app in
            // setup: a second version with one question reworded
            let (guide, first, browser, path) = try await editor(app)
            let question = try #require(first.markdown.range(of: "=>operation: "))
            _ = try await browser.post(path, ["markdown": first.markdown.replacingCharacters(in: question, with: "=>operation: Reworded: ")])
            let id = try guide.requireID()
            // act
            let show = try await browser.get("/guides/\(id)").body.string
            let compare = try await browser.get("/guides/\(id)/compare")
            let firstOnly = try await browser.get("/guides/\(id)/compare?to=\(try first.requireID())")
            // verify
            #expect(show.contains("/guides/\(id)/compare?to="))
            #expect(compare.status == .ok)
            let page = compare.body.string
            #expect(page.contains(">v1</a> → <a") && page.contains(">v2</a>"))
            #expect(page.contains("id=\"guide-changes\""))
            #expect(!page.contains(GuideDiff.nothing(.en)) && page.contains("Reworded: "), "the reworded question is listed")
            #expect(firstOnly.status == .notFound, "v1 has nothing before it")
        }
    }

    /// The text area's content, unescaped as a browser would: the one newline right after the opening tag
    /// is not part of it (the page writes one, so a guide's own first blank line survives).
    static func textArea(_ page: String) -> String? {
        guard let start = page.range(of: "name=\"markdown\""), let open = page[start.upperBound...].range(of: ">"),
              let close = page[open.upperBound...].range(of: "</textarea>") else { return nil }
        var content = page[open.upperBound..<close.lowerBound]
        if content.first == "\n" { content = content.dropFirst() }
        return String(content)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite("Guide uploads: text files only, named plainly, nothing invisible kept in what pages show")
struct GuideUploadTests {
    private func uploader(_ app: Application) async throws -> TestBrowser {
        try await TestData.user(app, "root@example.com", role: .admin)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("root@example.com")
        try await browser.get("/guides")
        return browser
    }

    private func upload(_ browser: TestBrowser, slug: String, file: Data) async throws -> TestingHTTPResponse {
        var form = Multipart()
        form.field("csrf", try #require(browser.csrf))
        form.field("slug", slug)
        form.file("file", filename: "guide.md", type: "text/markdown", file)
        return try await browser.send(.POST, "/guides", body: form.buffer, contentType: form.contentType, csrfHeader: false)
    }

    @Test func aFileThatIsNotUTF8TextIsRefusedSayingWhatToDo() async throws {
        try await withApp { app in
            // setup: "# 标题" as Chinese Windows Notepad's "ANSI" (GBK) saves it, and a binary file
            let browser = try await uploader(app)
            let gbk = Data([0x23, 0x20, 0xB1, 0xEA, 0xCC, 0xE2, 0x0A, 0x23, 0x23, 0x23, 0x20, 0x30, 0x2E, 0x20, 0xBC, 0xF2, 0x0A])
            let binary = Data([0x00, 0x01, 0xFF, 0xFE, 0x00, 0x42] + Array(repeating: 0x00, count: 64))
            // act
            let refusedGBK = try await upload(browser, slug: "gbk", file: gbk)
            let refusedBinary = try await upload(browser, slug: "binary", file: binary)
            // verify
            #expect(refusedGBK.status == .unprocessableEntity && refusedGBK.body.string.contains("save it as UTF-8"))
            #expect(refusedBinary.status == .unprocessableEntity && refusedBinary.body.string.contains("This file is not text"))
            #expect(try await GuideRecord.query(on: app.db).filter(\.$slug ~~ ["gbk", "binary"]).count() == 0)
        }
    }

    @Test func aFileUploadedUnderATakenNameKeepsItsTextAndOffersThatGuidesNextVersion() async throws {
        try await withApp { app in
            // setup: the admin uploads a file under the short name of a bundled guide (admins edit those)
            let browser = try await uploader(app)
            let (guide, first) = try await TestData.anyGuideVersion(app)
            let text = first.markdown + "\nA line from the author's own file.\n"
            // act
            let refused = try await upload(browser, slug: guide.slug, file: Data(text.utf8))
            let page = refused.body.string
            let id = try guide.requireID(), current = try first.requireID()
            let saved = try await browser.post("/guides/\(id)/edit", ["markdown": try #require(GuideEditorTests.textArea(page)),
                                                                       "base": current.uuidString, "slug": guide.slug])
            // verify: the file's text in the form (it was dropped), the guide named, and its next version one click
            #expect(refused.status == .unprocessableEntity)
            #expect(GuideEditorTests.textArea(page) == text)
            #expect(page.contains("<a href=\"/guides/\(id)\">"))
            #expect(page.contains("formaction=\"/guides/\(id)/edit\"") && page.contains("name=\"base\" value=\"\(current.uuidString)\""))
            #expect(saved.status == .seeOther)
            let versions = try await GuideVersion.query(on: app.db).filter(\.$guide.$id == id).sort(\.$createdAt).all()
            #expect(versions.count == 2 && versions.last?.markdown == text)
        }
    }

    @Test func aUTF16FileIsReadAsTheTextItIs() async throws {
        try await withApp { app in
            // setup: what Windows' "Unicode" saves: UTF-16 little-endian with its byte-order mark
            let browser = try await uploader(app)
            let text = "# 后端指南\r\n\r\n### 0. 简历\r\n看简历。\r\n"
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            // act
            let saved = try await upload(browser, slug: "utf16", file: Data(bytes))
            // verify
            #expect(saved.status == .seeOther)
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "utf16").first())
            #expect(guide.title == "后端指南")
            let version = try #require(try await GuideLibrary.currentVersion(of: guide, on: app.db))
            #expect(version.markdown == "# 后端指南\n\n### 0. 简历\n看简历。\n")
        }
    }

    @Test func aShortNameIsLettersDigitsAndDashesAndATitleKeepsNoDirectionOverride() async throws {
        try await withApp { app in
            // setup
            let browser = try await uploader(app)
            // act
            let spaced = try await browser.post("/guides", ["slug": "slug with spaces/and?", "markdown": "# A\n\n### 0. Resume\n"])
            let reversed = try await browser.post("/guides", ["slug": "bidi", "markdown": "# Unicode \u{202E}gnp.exe\u{202C} guide\n\n### 0. Resume\nRead it.\n"])
            let hidden = try await browser.post("/guides", ["slug": ".hidden", "markdown": "# A\n\n### 0. Resume\n"])
            let shouted = try await browser.post("/guides", ["slug": "BIDI", "markdown": "# A\n\n### 0. Resume\n"])
            let page = try await browser.get("/guides").body.string
            let bidiGuide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "bidi").first())
            let drawn = try await browser.get("/guides/\(try bidiGuide.requireID())").body.string
            // verify
            #expect(spaced.status == .unprocessableEntity && spaced.body.string.contains("Letters, digits, &#39;-&#39;"))
            #expect(reversed.status == .seeOther)
            // a name starting with a dot (a hidden file once downloaded), and one taken in another case
            #expect(hidden.status == .unprocessableEntity && hidden.body.string.contains("starting with a letter or digit"))
            #expect(shouted.status == .unprocessableEntity && shouted.body.string.contains(Text.errSlugTaken.in(.en)))
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "bidi").first())
            #expect(guide.title == "Unicode gnp.exe guide")
            #expect(!page.contains("\u{202E}") && !drawn.contains("\u{202E}"))
            let version = try #require(try await GuideLibrary.currentVersion(of: guide, on: app.db))
            let findings = GuideImporter.importMarkdown(version.markdown, path: "bidi.md").diagnostics
            #expect(findings.contains { $0.diagnostic.code == .controlCharacter && $0.diagnostic.message.contains("U+202E") })
        }
    }
}
