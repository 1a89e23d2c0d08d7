import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 15: a question keeps its identity across versions and guides, so its figures follow it: the
/// question-bank page, the guide-health page per version and across versions, and the guide editor.
@Suite("Question bank, guide health by version, figures in the editor")
struct QuestionBankPageTests {
    /// Ivan and Olga rate 3.1's op1–op3 of `fixture`'s interview and submit.
    private func submit(_ fixture: ConsoleFixture, _ ratings: [(String, [Int])]) async throws {
        for (email, values) in ratings {
            let browser = try await fixture.browser(email)
            _ = try await browser.walkToFirstQuestion(fixture)
            for (index, rating) in values.enumerated() { _ = try await browser.rate(fixture, "3.1", "op\(index + 1)", rating) }
            _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
            _ = try await browser.act(fixture, ["type": "submit", "recommendation": "hire", "summary": "From \(email)"])
        }
    }

    private func row(_ body: String, after marker: String) -> String? {
        body.components(separatedBy: marker).dropFirst().first?.components(separatedBy: "</tr>").first
    }

    @Test func aSharedQuestionIsListedWithEveryGuideAndItsPooledFigures() async throws {
        try await withApp { app in
            // setup: cookie-vs-session (3.1/op3 of the senior guide, named in all four bundled guides) rated 3 and 1
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            try await submit(fixture, [("ivan@example.com", [4, 4, 3]), ("olga@example.com", [2, 3, 1])])
            let maria = try await fixture.browser("maria@example.com"), ivan = try await fixture.browser("ivan@example.com")
            // act
            let all = try await maria.get("/questions")
            let found = try await maria.get("/questions?q=cookie")
            let chinese = try await maria.get("/questions?q=%E6%9C%89%E4%BB%80%E4%B9%88%E5%8C%BA%E5%88%AB")   // 有什么区别
            let none = try await maria.get("/questions?q=zzz-no-such-question")
            let refused = try await ivan.get("/questions")
            // verify
            #expect(all.status == .ok && refused.status == .forbidden)
            #expect(all.body.string.contains("href=\"/questions\""))
            let shared = try #require(row(found.body.string, after: "<code>cookie-vs-session</code>"))
            #expect(shared.components(separatedBy: "/health\"").count - 1 == 4)
            #expect(shared.contains("<td>2</td><td>2</td><td>50</td>"))
            #expect(found.body.string.contains("What is the difference between a cookie and a session?"))
            #expect(chinese.body.string.contains("cookie-vs-session"))
            #expect(none.body.string.contains("No question matches."))
            let ivansNavigation = try await ivan.get("/positions").body.string
            #expect(!ivansNavigation.contains("href=\"/questions\""))
        }
    }

    @Test func theBankOverJSONHasTheSameQuestionsGuidesAndFigures() async throws {
        try await withApp { app in
            // setup: as above, cookie-vs-session rated 3 and 1 on a 0-4 scale
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            try await submit(fixture, [("ivan@example.com", [4, 4, 3]), ("olga@example.com", [2, 3, 1])])
            let maria = try await fixture.browser("maria@example.com"), ivan = try await fixture.browser("ivan@example.com")
            // act
            let all = try await maria.get("/api/v1/questions")
            let found = try await maria.get("/api/v1/questions?q=cookie")
            let chinese = try await maria.get("/api/v1/questions?q=cookie-vs-session&language=zh")
            let refused = try await ivan.get("/api/v1/questions")
            // verify
            #expect(all.status == .ok && refused.status == .forbidden)
            let bank = try JSONDecoder().decode(APIQuestionBankController.Bank.self, from: Data(buffer: all.body))
            #expect(bank.total == bank.questions.count && bank.shown == bank.total && bank.total > 50)
            #expect(bank.otherScale.isEmpty && bank.pooledFrom.map(\.cards).reduce(0, +) == 2)
            let shared = try #require(try JSONDecoder().decode(APIQuestionBankController.Bank.self, from: Data(buffer: found.body))
                .questions.first { $0.id == "cookie-vs-session" })
            #expect(shared.named)
            #expect(Set(shared.appearances.map(\.guideID)).count == 4)
            #expect(shared.appearances.contains { $0.key == "3.1/op3" && $0.language == "en" })
            #expect(shared.text == "What is the difference between a cookie and a session?")
            let figures = try #require(shared.figures)
            #expect(figures.asked == 2 && figures.rated == 2 && figures.meanPercent == 50)
            let inChinese = try #require(try JSONDecoder().decode(APIQuestionBankController.Bank.self, from: Data(buffer: chinese.body)).questions.first)
            #expect(inChinese.id == "cookie-vs-session" && inChinese.text.contains("区别"))
            // a question no card asked has no figures
            #expect(bank.questions.contains { $0.figures == nil })
        }
    }

    @Test func aRewordedQuestionIsOneRowAcrossVersionsAndANewOneIsAnother() async throws {
        try await withApp { app in
            // setup: v1 rated by Ivan and Olga; v2 rewords op1 slightly and replaces op2 (and drops its id)
            let v1 = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let ada = try await TestData.user(app, "ada@example.com", role: .admin)
            try await submit(v1, [("ivan@example.com", [4, 4, 3]), ("olga@example.com", [2, 3, 1])])
            let (guide, version1) = try await TestData.anyGuideVersion(app)
            var markdown = version1.markdown
            markdown = markdown.replacingOccurrences(of: "Walk me through your latest project", with: "Walk me through your most recent project")
            markdown = markdown.replacingOccurrences(of: "op2=>operation: What happens between the browser sending a request and getting the response?",
                                                     with: "op2=>operation: Which Python web framework do you know best, and why?")
            markdown = markdown.replacingOccurrences(of: "        id: web-request-path\n", with: "")
            try await GuideService.saveEdit(markdown, to: guide, by: ada, on: app.db)
            let (_, version2) = try await TestData.anyGuideVersion(app)
            #expect(version2.id != version1.id)
            let interview = Interview(candidateID: try v1.candidate.requireID(), guideVersionID: try version2.requireID(), scheduledAt: Date())
            try await interview.save(on: app.db)
            try await interview.$interviewers.attach(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").all(), on: app.db)
            let v2 = ConsoleFixture(app: app, interview: interview, candidate: v1.candidate, position: v1.position)
            try await submit(v2, [("ivan@example.com", [3, 2])])
            let admin = try await v1.browser("ada@example.com")
            let id = try guide.requireID()
            // act
            let across = try await admin.get("/guides/\(id)/health").body.string
            let first = try await admin.get("/guides/\(id)/health?version=\(try version1.requireID())").body.string
            let editor = try await admin.get("/guides/\(id)/edit").body.string
            // verify: op1 reworded is one question over 3 cards; the new op2 has its own row; the old one is kept apart
            #expect(across.contains("From 3 submitted scorecards (all versions)"))
            #expect(row(across, after: "<code>3.1/op1</code>")?.contains("<td>3</td><td>3</td>") == true)
            #expect(row(across, after: "<code>3.1/op2</code>")?.contains("Which Python web framework") == true)
            #expect(row(across, after: "<code>3.1/op2</code>")?.contains("<td>1</td><td>1</td>") == true)
            let old = try #require(row(across, after: "not in this version:"))
            #expect(old.contains("What happens between the browser") && old.contains("<td>2</td><td>2</td>"))
            #expect(first.contains("From 2 submitted scorecards of this version"))
            #expect(row(first, after: "<code>3.1/op1</code>")?.contains("<td>2</td><td>2</td>") == true)
            #expect(row(first, after: "<code>3.1/op2</code>")?.contains("What happens between the browser") == true)
            // The editor: each question of the saved version with its figures
            #expect(editor.contains("id=\"question-figures\""))
            #expect(row(editor, after: "<code>3.1/op1</code>")?.contains("Walk me through your most recent project") == true)
            #expect(row(editor, after: "<code>3.1/op1</code>")?.contains("<td>3</td><td>75</td>") == true)
        }
    }

    @Test func questionTextFromAnUploadedGuideIsInertInTheBank() async throws {
        try await withApp { app in
            // setup
            let ada = try await TestData.user(app, "ada@example.com", role: .admin)
            let guide = GuideRecord(slug: "evil", title: "Evil <b>guide</b>", language: "en")
            try await guide.save(on: app.db)
            let markdown = "# Evil <b>guide</b>\n\n### 1. Technical\n\n#### 1.1 Topic\n\n```flow\nst=>start: S\nop1=>operation: <script>alert(1)</script> what?\ne=>end: E\nst->op1->e\n```\n"
            try await GuideService.saveEdit(markdown, to: guide, by: ada, on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ada@example.com")
            // act
            let page = try await browser.get("/questions?q=alert").body.string
            // verify
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; what?"))
            #expect(!page.contains("<script>alert(1)"))
            #expect(page.contains("Evil &lt;b&gt;guide&lt;/b&gt;"), "\(page.components(separatedBy: "<tbody>").last ?? "")")
        }
    }
}
