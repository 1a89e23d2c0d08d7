import Testing
@testable import InterviewCore

/// `GuidanceHTML` is what the server shows of a guide's prose; it is our own Markdown renderer
/// (`MarkdownRenderer`), whose rules the Markdown*Tests suites check one by one.
@Suite("Guidance rendered to HTML")
struct GuidanceHTMLTests {
    @Test func markdownBecomesHTML() {
        // act
        let html = GuidanceHTML.render("给候选人呈现出一种比较**轻松的氛围**\n\n- one\n- two")
        // verify
        #expect(html == "<p>给候选人呈现出一种比较<strong>轻松的氛围</strong></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func rawHTMLIsShownAsText() {
        // act
        let html = GuidanceHTML.render("<script>alert(1)</script>\n\nInline <b>bold</b> & more")
        // verify
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Inline &lt;b&gt;bold&lt;/b&gt; &amp; more</p>\n")
    }

    @Test func unsafeLinksAreTextAndSafeOnesLinks() {
        // act
        let html = GuidanceHTML.render("[click](javascript:alert(1)) and [docs](https://redis.io/docs) and [here](#notes)")
        // verify
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("[click](javascript:alert(1))"))
        #expect(html.contains("<a href=\"https://redis.io/docs\" rel=\"noopener noreferrer nofollow\">docs</a>"))
        #expect(html.contains("<a href=\"#notes\" rel=\"noopener noreferrer nofollow\">here</a>"))
    }

    @Test func isTheMarkdownRenderer() {
        // setup
        let markdown = "# T\n\n*a* [b](c)\n\n```swift\nx\n```"
        // act + verify
        #expect(GuidanceHTML.render(markdown) == MarkdownRenderer.render(markdown).html)
    }

    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func seedGuidanceRenders() {
        // setup
        let guide = SeedGuide.imported().guide
        // act
        let stage = GuidanceHTML.render(guide.stages[1].guidance)
        let whole = GuidanceHTML.render(SeedGuide.text)
        // verify
        #expect(stage.contains("<strong>轻松的氛围</strong>"))
        #expect(whole.hasPrefix("<h1>后端面试流程归纳总结</h1>\n<h2>概述</h2>\n<p>面试是一件非常严肃的事情"))
        #expect(whole.contains("<h3>1.请面试者做基本介绍(必选)</h3>"))
        #expect(whole.contains("<h5>3.2.1 redis的问题</h5>\n<pre><code class=\"language-flow\">st=&gt;start: Start\n"))
        #expect(whole.components(separatedBy: "<pre><code class=\"language-flow\">").count - 1 == 10)
        #expect(Self.cjk(in: whole) == Self.cjk(in: SeedGuide.text))
    }

    @Test(arguments: ["python-backend-senior", "backend-new-graduate"])
    func bundledChineseGuidanceRenders(_ id: String) throws {
        // setup
        let guide = try #require(BundledGuides.guide(id: id, language: "zh")).guide
        let texts = guide.stages.map(\.guidance) + guide.topics.map(\.guidance)
        // act
        let pages = texts.map { GuidanceHTML.render($0) }
        // verify: nothing of the Chinese prose is lost, and only allowed markup comes out
        #expect(pages.contains { $0.contains("<p>") })
        for (text, html) in zip(texts, pages) {
            #expect(Self.cjk(in: html) == Self.cjk(in: text))
            let tags = try #require(HTMLTags(html).tags)
            #expect(tags.allSatisfy { MarkdownSafetyTests.elements.contains($0.name) })
        }
    }

    @Test(arguments: ["python-backend-senior", "backend-new-graduate"])
    func bundledChineseGuideBodyRenders(_ id: String) throws {
        // setup: the guide as the library page shows its prose, without the front matter
        let markdown = try #require(BundledGuides.markdown(id: id, language: "zh"))
        let body = markdown.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        // act
        let html = GuidanceHTML.render(body)
        // verify
        #expect(html.contains("<h2>概述</h2>"))
        #expect(html.contains("<h3>0. 浏览简历</h3>"))
        #expect(html.contains("<ul>\n<li>"))
        // The mid/senior guide ships its charts in flowchart.js, the new-graduate guide in Mermaid.
        #expect(html.contains(id == "backend-new-graduate"
            ? "<pre><code class=\"language-mermaid\">flowchart TD\n    st([&quot;开始&quot;])\n"
            : "<pre><code class=\"language-flow\">st=&gt;start: 开始\n"))
        #expect(Self.cjk(in: html) == Self.cjk(in: body))
    }

    /// The CJK characters of a text, in order: markup and escaping never touch them.
    static func cjk(in text: String) -> String {
        String(text.unicodeScalars.filter { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) })
    }
}
