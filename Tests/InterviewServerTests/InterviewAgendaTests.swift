import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Interviews: an interviewer's own agenda")
struct InterviewAgendaTests {
    /// Ivan sits on five panels — tomorrow's, one whose time passed, one finished with his card still a
    /// draft, one finished and submitted, one cancelled — and Olga on one he is not on.
    private func ivansWeek(_ app: Application) async throws -> (names: [String: String], ivan: User) {
        let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan")
        let olga = try await TestData.user(app, "olga@example.com", role: .interviewer, name: "Olga")
        let position = try await TestData.position(app, "Backend engineer", members: [ivan, olga])
        let (_, version) = try await TestData.anyGuideVersion(app)
        let now = Date()
        var names: [String: String] = [:]
        let plan: [(String, TimeInterval, Interview.Status, [User], submitted: Bool?)] = [
            ("tomorrow", 86_400, .scheduled, [ivan], nil),
            ("passed", -3 * 3600, .scheduled, [ivan, olga], nil),
            ("draft", -5 * 86_400, .completed, [ivan], false),
            ("submitted", -6 * 86_400, .completed, [ivan], true),
            ("cancelled", 2 * 86_400, .cancelled, [ivan], nil),
            ("olgas", 3600, .scheduled, [olga], nil),
        ]
        for (label, offset, status, panel, submitted) in plan {
            let candidate = try await TestData.candidate(app, "Candidate \(label)", in: position)
            names[label] = candidate.name
            let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                      scheduledAt: now.addingTimeInterval(offset))
            interview.status = status
            try await interview.save(on: app.db)
            try await interview.$interviewers.attach(panel, on: app.db)
            if let submitted {
                let card = ScorecardRecord(interviewID: try interview.requireID(), interviewerID: try ivan.requireID())
                card.eventCount = 3
                card.submittedAt = submitted ? now.addingTimeInterval(offset + 3600) : nil
                try await card.save(on: app.db)
            }
        }
        return (names, ivan)
    }

    @Test func anInterviewerSeesWhatIsDueSoonestFirstAndLandsOnIt() async throws {
        try await withApp { app in
            // setup
            let (names, ivan) = try await ivansWeek(app)
            let browser = TestBrowser(app)
            // act
            let login = try await browser.logIn("ivan@example.com")
            let page = try await browser.get("/interviews").body.string
            let items = try await InterviewAgenda.items(for: ivan, now: Date(), zone: TimeZone(identifier: "UTC")!, language: .en, on: app.db)
            // verify: he lands on the interviews page, whose first part is his agenda
            #expect(login.headers.first(name: .location) == "/interviews")
            #expect(items.map(\.candidateName) == [names["draft"], names["passed"], names["tomorrow"]].compactMap { $0 })
            #expect(items.map(\.due) == ["Your scorecard is not submitted", "Scheduled time passed, not started", "To come"])
            #expect(items.map(\.overdue) == [true, true, false])
            #expect(items[2].day == "Tomorrow" && items[0].day == "")
            let agenda = try #require(page.components(separatedBy: "<section class=\"agenda\"").dropFirst().first?
                .components(separatedBy: "</section>").first)
            #expect(agenda.contains("<h2 id=\"agenda-title\">Your interviews</h2>"))
            #expect(agenda.contains("<tr class=\"overdue\">") && agenda.contains("<strong>Tomorrow</strong>"))
            for absent in ["submitted", "cancelled", "olgas"] { #expect(!agenda.contains(names[absent]!)) }
            #expect(page.contains("<h2>All interviews</h2>"))
        }
    }

    @Test func theAgendaSpeaksChineseAndIsOnlyOnThePlainFirstPage() async throws {
        try await withApp { app in
            // setup
            _ = try await ivansWeek(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            browser.language = "zh"
            // act
            let chinese = try await browser.get("/interviews").body.string
            let filtered = try await browser.get("/interviews?status=scheduled").body.string
            // verify
            #expect(chinese.contains("你的面试") && chinese.contains("<strong>明天</strong>") && chinese.contains("你的评分卡尚未提交"))
            #expect(!filtered.contains("class=\"agenda\""))
        }
    }

    @Test func aManagerOnNoPanelKeepsThePlainListAndLandsOnPositions() async throws {
        try await withApp { app in
            // setup
            _ = try await ivansWeek(app)
            _ = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            // act
            let login = try await browser.logIn("mia@example.com")
            let page = try await browser.get("/interviews").body.string
            // verify
            #expect(login.headers.first(name: .location) == "/positions")
            #expect(!page.contains("class=\"agenda\"") && !page.contains("All interviews"))
        }
    }

    @Test func anInterviewerWithNothingDueIsToldSo() async throws {
        try await withApp { app in
            // setup
            _ = try await TestData.user(app, "new@example.com", role: .interviewer, name: "New")
            let browser = TestBrowser(app)
            _ = try await browser.logIn("new@example.com")
            // act
            let page = try await browser.get("/interviews").body.string
            // verify
            #expect(page.contains("Nothing is waiting for you: no interview to come and no scorecard to submit."))
        }
    }
    /// A seat outlives membership of the position: someone taken off it sees none of its candidates in
    /// their agenda, as in the list under it and everywhere else (a security review found them there).
    @Test func anInterviewerTakenOffAPositionNoLongerSeesItsCandidates() async throws {
        try await withApp { app in
            // setup
            let (names, ivan) = try await ivansWeek(app)
            let position = try #require(try await Position.query(on: app.db).first())
            try await position.$members.detach(ivan, on: app.db)
            // act
            let items = try await InterviewAgenda.items(for: ivan, now: Date(), zone: TimeZone(identifier: "UTC")!, language: .en, on: app.db)
            // verify
            #expect(items.isEmpty, "\(items.map(\.candidateName)) (of \(names.count))")
        }
    }
}
