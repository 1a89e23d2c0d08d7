import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Interviews: scheduling pins the guide version")
struct InterviewTests {
    /// Ivan to interview Sun Ba, and Mia, a hiring manager, signed in to schedule it (hiring managers
    /// schedule and change interviews: docs/security.md).
    private func schedulingDesk(_ app: Application) async throws -> (ivan: User, candidate: Candidate, browser: TestBrowser) {
        let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
        let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
        let position = try await TestData.position(app, "Backend engineer", members: [ivan, mia])
        let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("mia@example.com")
        return (ivan, candidate, browser)
    }

    @Test func schedulingPinsTheGuideVersionInForce() async throws {
        try await withApp { app in
            // setup
            let (ivan, candidate, browser) = try await schedulingDesk(app)
            let (guide, pinned) = try await TestData.anyGuideVersion(app)
            try await browser.get("/candidates/\(try candidate.requireID())")
            // act
            let response = try await browser.post("/interviews", ["candidateID": try candidate.requireID().uuidString,
                                                                   "scheduledAt": "2026-12-01T14:30",
                                                                   "interviewerIDs[]": try ivan.requireID().uuidString])
            try await GuideLibrary.save(markdown: pinned.markdown + "\n\nOne more closing line.\n", to: guide,
                                        author: nil, on: app.db)
            let back = try await browser.get(try #require(response.headers.first(name: .location))).body.string
            // verify: back on the candidate's page, which says it was done
            #expect(response.status == .seeOther)
            #expect(back.contains(Text.interviewScheduled.in(.en).replacingOccurrences(of: "'", with: "&#39;")))
            let interview = try #require(try await Interview.query(on: app.db).with(\.$interviewers).first())
            #expect(interview.$guideVersion.id == pinned.id)
            #expect(guide.$current.id != pinned.id)
            #expect(interview.interviewers.map(\.email) == ["ivan@example.com"])
            #expect(interview.status == .scheduled)
            #expect(interview.scheduledAt == ISO8601DateFormatter().date(from: "2026-12-01T14:30:00Z"))
            let page = try await browser.get("/interviews")
            #expect(page.body.string.contains("?version=\(try pinned.requireID())"))
            // Versions are named as people say them, the hash beside: the pinned one is v1, the edit v2.
            #expect(page.body.string.contains("title=\"\(pinned.contentHash.prefix(12))\">v1</a>"))
            let guidePage = try await browser.get("/guides/\(try guide.requireID())").body.string
            #expect(guidePage.contains(">v2</a>") && guidePage.contains(">v1</a>"))
        }
    }

    @Test func anErasedCandidateIsNotScheduledAgain() async throws {
        try await withApp { app in
            // setup
            let (ivan, candidate, browser) = try await schedulingDesk(app)
            _ = try await TestData.anyGuideVersion(app)
            candidate.erasePersonalData(at: Date())
            try await candidate.save(on: app.db)
            // act
            let page = try await browser.get("/candidates/\(try candidate.requireID())")
            let response = try await browser.post("/interviews", ["candidateID": try candidate.requireID().uuidString,
                                                                   "scheduledAt": "2026-12-01T14:30",
                                                                   "interviewerIDs[]": try ivan.requireID().uuidString])
            // verify: no form offered, and a stale one refused
            #expect(!page.body.string.contains(Text.scheduleInterview.in(.en)))
            #expect(response.status == .conflict)
            #expect(try await Interview.query(on: app.db).count() == 0)
        }
    }

    @Test func aBadTimeAndNoInterviewersAreReported() async throws {
        try await withApp { app in
            // setup
            let (_, candidate, browser) = try await schedulingDesk(app)
            try await browser.get("/candidates/\(try candidate.requireID())")
            // act
            let response = try await browser.post("/interviews", ["candidateID": try candidate.requireID().uuidString,
                                                                   "scheduledAt": "next tuesday"])
            // verify
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(page.contains(Text.errDate.in(.en)) && page.contains("Choose at least one interviewer."))
            // each message is tied to its field, and the first of them takes the focus
            #expect(page.contains("aria-invalid=\"true\" aria-describedby=\"scheduled-error\" autofocus"))
            #expect(page.contains("<p class=\"error\" id=\"scheduled-error\" role=\"alert\">"))
            #expect(page.contains("<fieldset aria-describedby=\"interviewers-error\">"))
        }
    }

    @Test func interviewersCannotChangeAnInterviewsStatus() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: Date())
            try await interview.save(on: app.db)
            try await interview.$interviewers.attach(ivan, on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            let list = try await browser.get("/interviews")
            // act
            let changed = try await browser.post("/interviews/\(try interview.requireID())/status", ["status": "cancelled"])
            // verify
            #expect(!list.body.string.contains("/status"))
            #expect(changed.status == .forbidden)
            #expect(try await Interview.find(interview.id, on: app.db)?.status == .scheduled)
        }
    }

    @Test func theListFiltersByStatusAndStatusCanChange() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            // Hiring managers schedule and change interviews (docs/security.md); Ivan is interviewed with.
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan, mia])
            let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                      scheduledAt: Date(timeIntervalSince1970: 1_800_000_000))
            try await interview.save(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/interviews")
            // act
            let changed = try await browser.post("/interviews/\(try interview.requireID())/status", ["status": "completed"])
            let completed = try await browser.get("/interviews?status=completed")
            let scheduled = try await browser.get("/interviews?status=scheduled")
            // verify
            #expect(changed.status == .seeOther)
            #expect(completed.body.string.contains("Sun Ba"))
            #expect(!scheduled.body.string.contains("Sun Ba"))
        }
    }

    @Test func theInterviewListComesInPagesWithItsPanelsAndTheStatusFilter() async throws {
        try await withApp { app in
            // setup: 55 interviews of one candidate, the 5 oldest completed, Ivan and Olga on every panel
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan")
            let olga = try await TestData.user(app, "olga@example.com", role: .interviewer, name: "Olga")
            let position = try await TestData.position(app, "Backend engineer", members: [ivan, olga])
            let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
            let (_, version) = try await TestData.anyGuideVersion(app)
            for n in 0..<55 {
                let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                          scheduledAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(n) * 86_400))
                if n < 5 { interview.status = .completed }
                try await interview.save(on: app.db)
                try await interview.$interviewers.attach([ivan, olga], on: app.db)
            }
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let first = try await browser.get("/interviews")
            let second = try await browser.get("/interviews?page=2")
            let completed = try await browser.get("/interviews?status=completed")
            let api = try await browser.get("/api/v1/interviews")
            // verify: 50 a page, newest first, each with its panel, guide version and console link
            // The full list, under Ivan's own agenda (`InterviewAgendaTests`), which lists some of the same interviews.
            func list(_ page: TestingHTTPResponse) -> String {
                page.body.string.components(separatedBy: "<table class=\"interviews\">").dropFirst().joined()
            }
            func rows(_ page: TestingHTTPResponse) -> Int { list(page).components(separatedBy: "<tr><td>").count - 1 }
            #expect(rows(first) == 50 && rows(second) == 5 && rows(completed) == 5)
            #expect(first.body.string.contains("Page 1 of 2 (55 in all)") && first.body.string.contains("?page=2\" rel=\"next\""))
            #expect(!completed.body.string.contains("rel=\"next\""))
            let newest = DisplayDate.string(Date(timeIntervalSince1970: 1_800_000_000 + 54 * 86_400))
            #expect(list(first).components(separatedBy: "<tr><td>")[1].hasPrefix("<span class=\"when\">" + newest))
            let panel = { (a: String, b: String) in first.body.string.contains("<span class=\"panelist\">\(a),</span> <span class=\"panelist\">\(b)") }
            #expect(panel("Ivan", "Olga") || panel("Olga", "Ivan"))
            #expect(first.body.string.contains(String(version.contentHash.prefix(12))))
            #expect(list(first).components(separatedBy: "class=\"console-link\"").count - 1 == 50)
            let all = try JSONDecoder().decode([InterviewService.Row].self, from: Data(buffer: api.body))
            #expect(all.count == 55 && all.allSatisfy { Set($0.interviewers) == ["Ivan", "Olga"] && $0.positionTitle == "Backend engineer" })
        }
    }

    @Test func theAPIListsComeInPagesWhenAskedWithTheTotalAndLinks() async throws {
        try await withApp { app in
            // setup: 55 interviews of 55 candidates
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan")
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let (_, version) = try await TestData.anyGuideVersion(app)
            for n in 0..<55 {
                let candidate = try await TestData.candidate(app, String(format: "Candidate %02d", n), in: position)
                let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                          scheduledAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(n) * 86_400))
                try await interview.save(on: app.db)
                try await interview.$interviewers.attach([ivan], on: app.db)
            }
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let whole = try await browser.get("/api/v1/interviews")
            let first = try await browser.get("/api/v1/interviews?page=1&per=20")
            let last = try await browser.get("/api/v1/interviews?page=99&per=20")
            let huge = try await browser.get("/api/v1/interviews?page=9223372036854775807&per=100000")
            let candidates = try await browser.get("/api/v1/candidates?page=2&per=50&q=Candidate")
            // verify: without page the whole list and no paging headers; with it, the page, the total and links
            func rows(_ r: TestingHTTPResponse) throws -> [InterviewService.Row] { try JSONDecoder().decode([InterviewService.Row].self, from: Data(buffer: r.body)) }
            #expect(try rows(whole).count == 55 && whole.headers.first(name: "X-Total-Count") == nil)
            #expect(try rows(first).count == 20 && first.headers.first(name: "X-Total-Count") == "55")
            #expect(first.headers.first(name: .link) == "</api/v1/interviews?page=2&per=20>; rel=\"next\"")
            #expect(try rows(first).first?.candidateName == "Candidate 54")
            #expect(try rows(last).count == 15 && last.headers.first(name: .link) == "</api/v1/interviews?page=2&per=20>; rel=\"prev\"")
            let hugeRows = try rows(huge)
            #expect(huge.status == .ok && hugeRows.count == 55)
            let pageTwo = try JSONDecoder().decode([CandidateService.Row].self, from: Data(buffer: candidates.body))
            #expect(pageTwo.count == 5 && candidates.headers.first(name: "X-Total-Count") == "55")
            #expect(candidates.headers.first(name: .link) == "</api/v1/candidates?q=Candidate&page=1&per=50>; rel=\"prev\"")
        }
    }
}
