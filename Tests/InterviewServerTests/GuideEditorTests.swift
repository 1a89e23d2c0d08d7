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
            let mermaid = try #require(Self.textArea(page))
            #expect(mermaid.components(separatedBy: "```mermaid\n").count - 1 == charts && !mermaid.contains("```flow\n"))
            let again = try #require(Self.textArea(back.body.string))
            #expect(GuideImporter.importMarkdown(again, path: "x.md").guide.contentHash
                    == GuideImporter.importMarkdown(first.markdown, path: "x.md").guide.contentHash)
            #expect(unknown.status == .badRequest)
            let versions = try await GuideVersion.query(on: app.db).filter(\.$guide.$id == guide.requireID()).count()
            #expect(versions == 1)
            _ = path
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

    /// The text area's content, unescaped as a browser would.
    static func textArea(_ page: String) -> String? {
        guard let start = page.range(of: "name=\"markdown\""), let open = page[start.upperBound...].range(of: ">"),
              let close = page[open.upperBound...].range(of: "</textarea>") else { return nil }
        return String(page[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
