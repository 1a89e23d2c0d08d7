import Testing
@testable import InterviewCore

@Suite("Guidance rendered to HTML")
struct GuidanceHTMLTests {
    @Test func markdownBecomesHTML() {
        let html = GuidanceHTML.render("给候选人呈现出一种比较**轻松的氛围**\n\n- one\n- two")
        #expect(html.contains("<strong>轻松的氛围</strong>"))
        #expect(html.contains("<li>one</li>"))
    }

    @Test func rawHTMLIsShownAsText() {
        let html = GuidanceHTML.render("<script>alert(1)</script>\n\nInline <b>bold</b> & more")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func unsafeLinksAreNotLinks() {
        let html = GuidanceHTML.render("[click](javascript:alert(1)) and [docs](https://redis.io/docs) and [here](#notes)")
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("href=\"https://redis.io/docs\""))
        #expect(html.contains("href=\"#notes\""))
    }

    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func seedGuidanceRenders() {
        let guide = SeedGuide.imported().guide
        #expect(GuidanceHTML.render(guide.stages[1].guidance).contains("<strong>轻松的氛围</strong>"))
    }
}
