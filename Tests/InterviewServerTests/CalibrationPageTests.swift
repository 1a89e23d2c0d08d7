import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 15: the calibration page pools every submitted scorecard of a guide; hiring managers see every
/// interviewer's severity, an interviewer only their own beside the team's figures.
@Suite("Calibration page")
struct CalibrationPageTests {
    /// Ivan rates every question a point or two above Olga on the same candidate.
    private func submittedPanel(_ app: Application) async throws -> ConsoleFixture {
        let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
        try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
        for (email, ratings) in [("ivan@example.com", [4, 4, 3]), ("olga@example.com", [2, 3, 1])] {
            let browser = try await fixture.browser(email)
            _ = try await browser.walkToFirstQuestion(fixture)
            for (index, rating) in ratings.enumerated() { _ = try await browser.rate(fixture, "3.1", "op\(index + 1)", rating) }
            _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
            _ = try await browser.act(fixture, ["type": "submit", "recommendation": "hire", "summary": "From \(email)"])
        }
        return fixture
    }

    @Test func aHiringManagerSeesEveryInterviewerWithTheHarshestFirst() async throws {
        try await withApp { app in
            // setup
            let fixture = try await submittedPanel(app)
            let maria = try await fixture.browser("maria@example.com")
            // act
            let page = try await maria.get("/calibration")
            // verify: both rows, Olga (harsher) above Ivan, her severity positive
            #expect(page.status == .ok)
            let body = page.body.string
            let olga = try #require(body.range(of: "<td>olga"))
            let ivan = try #require(body.range(of: "<td>ivan"))
            #expect(olga.lowerBound < ivan.lowerBound)
            #expect(body.contains("Many-facet Rasch rating-scale model: 2 scorecards, 6 ratings"))
            #expect(body.contains("little data: shown, not used to adjust scores"))
            #expect(body.contains(">Calibration</a>"))
        }
    }

    @Test func anInterviewerSeesOnlyTheirOwnRowInTheirLanguage() async throws {
        try await withApp { app in
            // setup
            let fixture = try await submittedPanel(app)
            let ivan = try await fixture.browser("ivan@example.com")
            ivan.language = "zh"
            // act
            let page = try await ivan.get("/calibration")
            // verify
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("<td>ivan"))
            #expect(!body.contains("<td>olga"))
            #expect(body.contains("你能看到自己的数据和团队的整体数据"))
            #expect(body.contains("多面 Rasch 评分量表模型：2 张评分卡，6 个评分"))
            // Brackets in Chinese are full-width, the reader's own row included.
            #expect(body.contains("（你）") && !body.contains("(你)"))
            #expect(body.contains("（n=") && !body.contains(" (n="))
        }
    }

    @Test func withoutSubmittedCardsThePageSaysSoAndADraftDoesNotCount() async throws {
        try await withApp { app in
            // setup: Olga rates but never submits
            let fixture = try await ConsoleFixture.make(app, interviewers: ["olga@example.com"])
            let olga = try await fixture.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 1)
            // act
            let page = try await olga.get("/calibration")
            // verify
            #expect(page.status == .ok)
            #expect(page.body.string.contains("No submitted scorecards for this guide yet."))
        }
    }

    @Test func anInterviewerOpensOnTheGuideTheyScoreAndAManagerOnTheTeamsBusiest() async throws {
        try await withApp { app in
            // setup: Olga and Petra scored a candidate on the senior guide (two cards); Ivan, on no senior
            // panel, scored a graduate on the new-graduate guide (one card)
            let senior = try await ConsoleFixture.make(app, interviewers: ["olga@example.com", "petra@example.com"])
            try await senior.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            for email in ["olga@example.com", "petra@example.com"] {
                let browser = try await senior.browser(email)
                _ = try await browser.walkToFirstQuestion(senior)
                _ = try await browser.rate(senior, "3.1", "op1", 3)
                _ = try await browser.act(senior, ["type": "finish", "confirm": true])
                _ = try await browser.act(senior, ["type": "submit", "recommendation": "hire", "summary": "Senior"])
            }
            let graduateGuide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == "backend-new-graduate.en").first())
            let ivanUser = try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "ivan")
            let position = Position(title: "Graduate backend engineer", guideID: try graduateGuide.requireID(), retentionDays: nil)
            try await position.save(on: app.db)
            try await position.$members.attach([ivanUser], on: app.db)
            let graduate = try await TestData.candidate(app, "Li Lei", in: position)
            let interview = Interview(candidateID: try graduate.requireID(), guideVersionID: try #require(graduateGuide.$current.id), scheduledAt: Date())
            try await interview.save(on: app.db)
            try await interview.$interviewers.attach([ivanUser], on: app.db)
            let graduatePanel = ConsoleFixture(app: app, interview: interview, candidate: graduate, position: position)
            let ivan = try await graduatePanel.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(graduatePanel)
            _ = try await ivan.rate(graduatePanel, "3.1", "op1", 2)
            _ = try await ivan.act(graduatePanel, ["type": "finish", "confirm": true])
            let (submitted, _) = try await ivan.act(graduatePanel, ["type": "submit", "recommendation": "no-decision", "summary": "Graduate"])
            let maria = try await senior.browser("maria@example.com")
            // act
            let ivansPage = try await ivan.get("/calibration").body.string
            let mariasPage = try await maria.get("/calibration").body.string
            // verify: Ivan lands on the guide he scored, not on the team's busiest, where he has no row;
            // Maria on the team's busiest (two cards against one)
            #expect(submitted == .ok)
            func selected(_ page: String) -> String? {
                guard let mark = page.range(of: " selected")?.upperBound, let start = page[mark...].range(of: ">")?.upperBound,
                      let end = page[start...].range(of: "</option>")?.lowerBound else { return nil }
                return String(page[start..<end])
            }
            #expect(selected(ivansPage) == graduateGuide.title)
            #expect(selected(mariasPage) == (try await TestData.anyGuideVersion(app)).0.title)
            #expect(ivansPage.contains("<td>ivan") && !ivansPage.contains("No submitted scorecards for this guide yet."))
        }
    }

    @Test func interviewerNamesAreInertInThePage() async throws {
        try await withApp { app in
            // setup: a hostile display name
            let fixture = try await submittedPanel(app)
            let ivan = try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()
            ivan?.name = "<script>alert(1)</script>"
            try await ivan?.save(on: app.db)
            let maria = try await fixture.browser("maria@example.com")
            // act
            let page = try await maria.get("/calibration")
            // verify
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func theDebriefShowsTheAdjustedScoreOrWhyItIsNotShown() async throws {
        try await withApp { app in
            // setup: one panel of two is far below the minimum data for adjusting
            let fixture = try await submittedPanel(app)
            let maria = try await fixture.browser("maria@example.com")
            let id = try fixture.candidate.requireID()
            // act
            let page = try await maria.get("/candidates/\(id)/debrief")
            let api = try await maria.get("/api/v1/candidates/\(id)/debrief")
            // verify: the raw score stands alone, the reason names the interviewers and the minimum
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("Not adjusted, the raw score stands alone:"))
            #expect(body.contains("has 3 ratings of 1 candidate (at least 30 ratings of 5 candidates are needed)"))
            #expect(body.contains("points more severe than the team") || body.contains("points more lenient than the team"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
            let adjusted = try #require(json["adjusted"] as? [String: Any])
            #expect(adjusted["adjusted"] == nil || adjusted["adjusted"] is NSNull)
            #expect((adjusted["raw"] as? Double).map { $0 > 0 } == true)
        }
    }

    @Test func anInterviewerReadingADebriefWithAColleaguesCardGetsNoAdjustedScore() async throws {
        try await withApp { app in
            // setup: Ivan and Olga both submitted on the panel
            let fixture = try await submittedPanel(app)
            let ivan = try await fixture.browser("ivan@example.com")
            let id = try fixture.candidate.requireID()
            // act
            let page = try await ivan.get("/candidates/\(id)/debrief").body.string
            let api = try await ivan.get("/api/v1/candidates/\(id)/debrief")
            // verify: adjusted less raw would be Olga's severity (a probe ranked every colleague that way)
            #expect(page.contains("Adjusted score: shown to the hiring managers."))
            #expect(!page.contains("Not adjusted, the raw score stands alone"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
            let adjusted = try #require(json["adjusted"] as? [String: Any])
            #expect((adjusted["adjusted"] == nil || adjusted["adjusted"] is NSNull) && (adjusted["raw"] == nil || adjusted["raw"] is NSNull))
            #expect((adjusted["lines"] as? [String])?.isEmpty == true)
        }
    }

    @Test func anInterviewReportShowsItsCardsAdjustedScoreOrWhyNot() async throws {
        try await withApp { app in
            // setup
            let fixture = try await submittedPanel(app)
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let report = try await ivan.get("/interviews/\(fixture.id)/report")
            // verify: one interview is far below the minimum, so the raw score stands alone, and says why
            #expect(report.status == .ok)
            #expect(report.body.string.contains("id=\"adjusted-score\""))
            #expect(report.body.string.contains("Not adjusted, the raw score stands alone: ivan has 3 ratings of 1 candidate"))
        }
    }

    @Test func aRevisedCardIsReadAgainAndTheFitFollows() async throws {
        try await withApp { app in
            // setup: the page read once (cards and fit kept in memory)
            let fixture = try await submittedPanel(app)
            let maria = try await fixture.browser("maria@example.com"), olga = try await fixture.browser("olga@example.com")
            let before = try await maria.get("/calibration").body.string
            // act: Olga revises her 1 on op3 to a 4, with a reason
            let (status, _) = try await olga.act(fixture, ["type": "rate", "topic": "3.1", "question": "op3", "rating": 4,
                                                           "revisionReason": "Re-read my notes."])
            let after = try await maria.get("/calibration").body.string
            // verify: the page moved with the revision (her ratings by level changed)
            #expect(status == .ok)
            func olgasRow(_ page: String) -> String? {
                guard let start = page.range(of: "<td>olga") else { return nil }
                return String(page[start.lowerBound...]).components(separatedBy: "</tr>").first
            }
            let (rowBefore, rowAfter) = (try #require(olgasRow(before)), try #require(olgasRow(after)))
            #expect(rowBefore != rowAfter)
            #expect(after.contains("2 scorecards, 6 ratings"))
        }
    }

    @Test func aLargeTeamsPagesShowTheLastStateWhileANewOneIsReadBehindThem() async throws {
        try await withApp { app in
            // setup: every family counts as large, so a change is read in the background; the test holds
            // that read while it looks at the page (a family this small is read in milliseconds)
            let backgroundRead = TestGate(limit: 1)
            app.prepareCalibrationCache(refreshInBackgroundFrom: 0) { await backgroundRead.enter(); await backgroundRead.leave() }
            let fixture = try await submittedPanel(app)
            let maria = try await fixture.browser("maria@example.com"), olga = try await fixture.browser("olga@example.com")
            // the first read after the start is not waited for: the page says so, and the figures follow
            let first = try await maria.get("/calibration").body.string
            var before = first
            for _ in 0..<100 where before.contains("id=\"preparing\"") {
                try await Task.sleep(for: .milliseconds(100))
                before = try await maria.get("/calibration").body.string
            }
            #expect(first.contains("id=\"preparing\"") && !before.contains("id=\"preparing\""))
            // act: Olga revises her 1 on op3 to a 4; the next page comes at once, then the new state
            await backgroundRead.enter()
            _ = try await olga.act(fixture, ["type": "rate", "topic": "3.1", "question": "op3", "rating": 4, "revisionReason": "Re-read my notes."])
            let during = try await maria.get("/calibration").body.string
            await backgroundRead.leave()
            var after = during
            for _ in 0..<100 where after.contains("id=\"updating\"") {
                try await Task.sleep(for: .milliseconds(100))
                after = try await maria.get("/calibration").body.string
            }
            let debrief = try await maria.get("/candidates/\(try fixture.candidate.requireID())/debrief.json").body.string
            // verify: the page said it was updating and showed the last state; then the new one, without the note
            func olgasRow(_ page: String) -> String? {
                guard let start = page.range(of: "<td>olga") else { return nil }
                return String(page[start.lowerBound...]).components(separatedBy: "</tr>").first
            }
            #expect(!before.contains("id=\"updating\""))
            #expect(during.contains("id=\"updating\"") && olgasRow(during) == olgasRow(before))
            #expect(!after.contains("id=\"updating\"") && olgasRow(after) != olgasRow(before))
            #expect(debrief.contains("\"adjusted\""))
        }
    }

    /// The pages that show figures from the team's cards.
    enum FiguresPage: String, CaseIterable, Sendable {
        case calibration, guideHealth, editor, bank, bankAPI, position, debrief, report
    }

    /// Each page in an app of its own: the first request after a start, so no earlier page's background
    /// read has filled the cache.
    @Test(arguments: FiguresPage.allCases)
    func noPageWaitsForALargeTeamsFirstReadAfterAStart(_ page: FiguresPage) async throws {
        try await withApp { app in
            // setup: two submitted cards; then a fresh cache in which every family counts as large
            let fixture = try await submittedPanel(app)
            _ = try await TestData.user(app, "root@example.com", role: .admin)
            let reader = try await fixture.browser(page == .editor ? "root@example.com" : "maria@example.com")
            let guide = try await TestData.anyGuideVersion(app).0.requireID()
            let marker = "id=\"preparing\""
            let (path, says): (String, String) = switch page {
            case .calibration: ("/calibration", marker)
            case .guideHealth: ("/guides/\(guide)/health", marker)
            case .editor: ("/guides/\(guide)/edit", marker)   // the bundled guide's editor is the admin's
            case .bank: ("/questions", marker)
            case .bankAPI: ("/api/v1/questions", "\"preparing\":true")
            case .position: ("/positions/\(try fixture.position.requireID())", "The server has just started and is reading the team")
            case .debrief: ("/candidates/\(try fixture.candidate.requireID())/debrief", "Adjusted score: the server has just started")
            case .report: ("/interviews/\(fixture.id)/report", "Adjusted score: the server has just started")
            }
            app.prepareCalibrationCache(refreshInBackgroundFrom: 0)
            // act
            let first = try await reader.get(path)
            var later = first.body.string
            for _ in 0..<100 where later.contains(says) {
                try await Task.sleep(for: .milliseconds(100))
                later = try await reader.get(path).body.string
            }
            // verify: answered at once, saying the figures are on their way; then the figures
            #expect(first.status == .ok)
            #expect(first.body.string.contains(says))
            #expect(!later.contains(says))
        }
    }

    @Test func theGuideHealthPageCountsEachQuestionAndOnlyManagersOpenIt() async throws {
        try await withApp { app in
            // setup: Ivan and Olga each rated 3.1's op1–op3 once
            let fixture = try await submittedPanel(app)
            let maria = try await fixture.browser("maria@example.com"), ivan = try await fixture.browser("ivan@example.com")
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let id = try guide.requireID()
            // act
            let page = try await maria.get("/guides/\(id)/health")
            let refused = try await ivan.get("/guides/\(id)/health")
            let guidePage = try await maria.get("/guides/\(id)")
            // verify: op1 asked and rated twice, with a mean of (4 + 2) / 2 = 3 of 4 = 75%
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("From 2 submitted scorecards (all versions)"))
            let row = try #require(body.components(separatedBy: "<code>3.1/op1</code>").dropFirst().first?.components(separatedBy: "</tr>").first)
            #expect(row.contains("<td>2</td><td>2</td><td>75</td>"))
            #expect(body.contains("No question is flagged."))
            #expect(refused.status == .forbidden)
            #expect(guidePage.body.string.contains("/guides/\(id)/health"))
        }
    }
}
