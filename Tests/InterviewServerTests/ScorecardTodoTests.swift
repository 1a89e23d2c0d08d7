import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 14: the home page lists the interviewer's scorecards waiting for submission, with how long
/// it has been and a badge once the position's limit (24 hours by default) has passed.
@Suite("Scorecards waiting for submission")
struct ScorecardTodoTests {
    @Test func pastInterviewsNotYetSubmittedAreListedAndTheOldOnesBadged() async throws {
        try await withApp { app in
            // setup: one interview two hours ago, one three days ago, one tomorrow
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()!
            let (_, version) = try await TestData.anyGuideVersion(app)
            fixture.interview.scheduledAt = Date().addingTimeInterval(-2 * 3600)
            try await fixture.interview.save(on: app.db)
            for (name, offset) in [("Old Li", -3 * 86_400.0), ("Future Fu", 86_400.0)] {
                let candidate = try await TestData.candidate(app, name, in: fixture.position)
                let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                          scheduledAt: Date().addingTimeInterval(offset))
                try await interview.save(on: app.db)
                try await interview.$interviewers.attach(ivan, on: app.db)
            }
            let browser = try await fixture.browser("ivan@example.com")
            // act
            let items = try await ScorecardTodo.items(for: ivan, language: .en, on: app.db)
            let page = try await browser.get("/positions")
            // verify
            #expect(items.map(\.candidate) == ["Old Li", "Sun Ba"])
            #expect(items.map(\.overdue) == [true, false])
            #expect(items.first?.since == "3 days ago")
            #expect(page.body.string.contains(Text.todo.in(.en)) && page.body.string.contains("class=\"badge\""))
            #expect(!page.body.string.contains("Future Fu"))
        }
    }

    @Test func aSubmittedCardLeavesTheListAndThePositionSetsTheLimit() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()!
            fixture.interview.scheduledAt = Date().addingTimeInterval(-5 * 3600)
            try await fixture.interview.save(on: app.db)
            fixture.position.overdueHours = 4
            try await fixture.position.save(on: app.db)
            let browser = try await fixture.browser("ivan@example.com")
            let before = try await ScorecardTodo.items(for: ivan, language: .en, on: app.db)
            // act
            _ = try await browser.walkToFirstQuestion(fixture)
            _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
            _ = try await browser.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            let after = try await ScorecardTodo.items(for: ivan, language: .en, on: app.db)
            // verify
            #expect(before.map(\.overdue) == [true])
            #expect(after.isEmpty)
        }
    }
}
