import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// `serve --max-retention-days`: a data-protection officer's ceiling over every position's retention
/// period (any hiring manager could choose "keep until erased by hand" — an operations probe).
@Suite("Retention: the server's ceiling")
struct RetentionLimitTests {
    private let day: TimeInterval = 24 * 60 * 60

    @Test func theSweepHoldsPositionsThatKeptDataLongerToTheCeiling() async throws {
        try await withApp { app in
            // setup: positions made before the ceiling: none, 400 days, 30 days
            app.serverSettings.maxRetentionDays = 90
            let forever = try await TestData.position(app, "Kept", members: [])
            let long = try await TestData.position(app, "Long", members: [])
            let short = try await TestData.position(app, "Short", members: [], retentionDays: 30)
            let a = try await TestData.candidate(app, "A", in: forever)
            let b = try await TestData.candidate(app, "B", in: long)
            long.retentionDays = 400
            try await long.save(on: app.db)
            let c = try await TestData.candidate(app, "C", in: short)
            let limit = app.serverSettings.maxRetentionDays
            // act
            let at60 = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, limit: limit, now: Date().addingTimeInterval(60 * day))
            let at91 = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, limit: limit, now: Date().addingTimeInterval(91 * day))
            // verify: the 30-day position at 60 days; the other two at the ceiling, not at their own
            #expect(at60 == 1 && at91 == 2)
            for candidate in [a, b, c] { #expect(try await Candidate.find(candidate.id, on: app.db)?.name == nil) }
            // without a ceiling the same positions keep their own periods
            #expect(forever.retention(limit: nil) == nil && long.retention(limit: nil) == 400)
            #expect(forever.retention(limit: 90) == 90 && long.retention(limit: 90) == 90 && short.retention(limit: 90) == 30)
        }
    }

    @Test func aPositionIsMadeAndChangedWithinTheCeiling() async throws {
        try await withApp { app in
            // setup
            app.serverSettings.maxRetentionDays = 90
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let guideID = try guide.requireID().uuidString
            let browser = TestBrowser(app)
            browser.language = "zh"
            _ = try await browser.logIn("mia@example.com")
            let form = try await browser.get("/positions").body.string
            // act
            let tooLong = try await browser.post("/positions", ["title": "Platform", "guideID": guideID, "retentionDays": "400"])
            let empty = try await browser.post("/positions", ["title": "Platform", "guideID": guideID, "retentionDays": ""])
            let made = try await Position.query(on: app.db).filter(\.$title == "Platform").first()
            let path = "/positions/\(try #require(made).requireID())"
            try await browser.get(path)
            let cleared = try await browser.post(path, ["title": "Platform", "retentionDays": ""])
            let shortened = try await browser.post(path, ["title": "Platform", "retentionDays": "60"])
            let overdue = try await browser.post(path, ["title": "Platform", "overdueHours": "1000"])
            // verify: the form says the ceiling; over it or empty on a change is refused in the reader's language
            #expect(form.contains("本服务器最多保留候选人个人数据 90 天"))
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("最多 90 天"))
            #expect(empty.status == .seeOther && made?.retentionDays == 90)
            #expect(cleared.status == .unprocessableEntity && cleared.body.string.contains("最多 90 天"))
            #expect(shortened.status == .seeOther)
            #expect(try await Position.find(made?.id, on: app.db)?.retentionDays == 60)
            // the hours' own range, not the days' (one text said 1 to 3650 for both)
            #expect(overdue.status == .unprocessableEntity && overdue.body.string.contains("1 到 720 之间的整数"))
            _ = mia
        }
    }

    /// A position that kept data until erased by hand, made before the ceiling: its page shows the ceiling
    /// as what governs, its other manager still renames it with the form as shown, and the API says both.
    @Test func aPositionFromBeforeTheCeilingShowsItAndStillSaves() async throws {
        try await withApp { app in
            // setup
            app.serverSettings.maxRetentionDays = 90
            let olga = try await TestData.user(app, "olga@example.com", role: .hiringManager)
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [olga, mia])
            position.$owner.id = olga.id
            try await position.save(on: app.db)
            let candidate = try await TestData.candidate(app, "Ma Li", in: position)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/positions/\(try position.requireID())"
            // act
            let page = try await browser.get(path).body.string
            let renamed = try await browser.post(path, ["title": "Backend (Go)", "retentionDays": "90"])
            let candidatePage = try await browser.get("/candidates/\(try candidate.requireID())").body.string
            let api = try await browser.get("/api/v1/positions/\(try position.requireID())")
            // verify
            #expect(page.contains("(days): 90 (this server&#39;s limit)"))
            #expect(renamed.status == .seeOther)
            let stored = try await Position.find(position.id, on: app.db)
            #expect(stored?.title == "Backend (Go)" && stored?.retentionDays == nil)
            #expect(try await SecurityEvent.query(on: app.db).all().filter { $0.kind == .retentionChanged }.isEmpty)
            #expect(candidatePage.contains("as things stand: 90 days after"))
            let detail = try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any]
            let summary = detail?["position"] as? [String: Any]
            #expect(summary?["appliedRetentionDays"] as? Int == 90 && summary?["retentionDays"] == nil)
        }
    }
}
