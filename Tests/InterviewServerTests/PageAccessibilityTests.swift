import Fluent
@testable import InterviewServer
import Testing
import VaporTesting

/// What an accessibility audit asked of every page's frame: a way past the header, the current section
/// named, the other language marked as such, errors announced, and a guide's text in its own language.
@Suite("Pages: skip link, current section, language marks, announced errors")
struct PageAccessibilityTests {
    @Test func theHeaderHasASkipLinkTheCurrentSectionAndTheOtherLanguageMarked() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "maria@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("maria@example.com")
            // act
            let english = try await browser.get("/candidates").body.string
            browser.language = "zh"
            let chinese = try await browser.get("/positions").body.string
            // verify
            #expect(english.contains("<a class=\"skip-link\" href=\"#main\">\(Text.skipToContent.in(.en))</a>"))
            #expect(english.contains("<main id=\"main\">"))
            #expect(english.contains("<a href=\"/candidates\" aria-current=\"page\">"))
            #expect(!english.contains("<a href=\"/positions\" aria-current"))
            #expect(english.contains("lang=\"zh\">中文</a>"))
            #expect(chinese.contains("lang=\"en\">English</a>"))
            #expect(chinese.contains("<a href=\"/positions\" aria-current=\"page\">"))
        }
    }

    @Test func aFormsErrorIsAnnounced() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            // act
            let first = try await browser.get("/login").body.string
            let refused = try await browser.logIn("ivan@example.com", password: "not the password at all")
            // verify: a first visit starts in the email field (it started in the password field, and an email
            // typed there went in masked: an accessibility audit)
            #expect(first.contains("name=\"email\" value=\"\" required autofocus>"))
            #expect(first.contains("name=\"password\" required>"))
            #expect(refused.body.string.contains("<p class=\"error\" id=\"login-error\" role=\"alert\">"))
            // marked invalid and tied to the error, and the password, to type again, has the focus
            #expect(refused.body.string.contains("name=\"email\" value=\"ivan@example.com\" required aria-invalid=\"true\" aria-describedby=\"login-error\">"))
            #expect(refused.body.string.contains("name=\"password\" required aria-invalid=\"true\" aria-describedby=\"login-error\" autofocus>"))
        }
    }

    @Test func aGuidesTextIsMarkedWithTheGuidesLanguage() async throws {
        try await withApp { app in
            // setup: a bundled Chinese guide read on an English page
            try await TestData.user(app, "maria@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("maria@example.com")
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "python-backend-senior.zh").first())
            // act
            let page = try await browser.get("/guides/\(try guide.requireID())").body.string
            // verify: the page is English, the guide's heading and text Chinese; each chart lists its questions
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("<article class=\"guide\" lang=\"zh\">"))
            #expect(page.contains("<desc>1. "))
            // One h1, the page's: the guide's own `# Title` is shown one level down.
            #expect(page.components(separatedBy: "<h1").count == 2)
            #expect(page.contains("<h2>中高级 Python 后端面试指南</h2>"))
        }
    }
    /// The same outside the guide page: a Chinese reader of an English guide's editor, health page,
    /// console and report hears its texts with an English voice (an accessibility probe found them
    /// marked with the page's language only).
    @Test func aGuidesTextIsMarkedWithItsLanguageOnEveryPageThatShowsIt() async throws {
        try await withApp { app in
            // setup: the English guide's interview, rated once, and an admin who reads Chinese
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            ivan.language = "zh"
            try await TestData.user(app, "root@example.com", role: .admin)
            let root = TestBrowser(app)
            _ = try await root.logIn("root@example.com")
            root.language = "zh"
            let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "python-backend-senior.en").first())
            // act
            let editor = try await root.get("/guides/\(try guide.requireID())/edit").body.string
            let health = try await root.get("/guides/\(try guide.requireID())/health").body.string
            let report = try await ivan.get("/interviews/\(fixture.id)/report").body.string
            let console = try await ivan.get("/api/v1/interviews/\(fixture.id)/console/guide").body.string
            // verify
            #expect(editor.contains("<html lang=\"zh\">") && editor.contains("name=\"markdown\" lang=\"en\""))
            #expect(health.contains("\" lang=\"en\">Interview Guide for Mid/Senior Python Backend Developers</a></h1>"))
            #expect(report.contains("<html lang=\"zh\">") && report.contains("<h2><span lang=\"en\">"))
            #expect(console.contains("\"language\":\"en\""))
        }
    }
}
