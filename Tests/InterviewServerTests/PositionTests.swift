import Fluent
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Positions: who sees them, creating them")
struct PositionTests {
    @Test func anInterviewerSeesOnlyTheirPositions() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            try await TestData.position(app, "Backend engineer", members: [ivan])
            try await TestData.position(app, "Secret data role", members: [])
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let page = try await browser.get("/positions")
            // verify
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Backend engineer"))
            #expect(!page.body.string.contains("Secret data role"))
        }
    }

    @Test func anAdminSeesEveryPosition() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            try await TestData.position(app, "Backend engineer", members: [])
            try await TestData.position(app, "Data engineer", members: [])
            let browser = TestBrowser(app)
            _ = try await browser.logIn("root@example.com")
            // act
            let page = try await browser.get("/positions?q=data")
            // verify
            #expect(page.body.string.contains("Data engineer"))
            #expect(!page.body.string.contains("Backend engineer"))
        }
    }

    @Test func aHiringManagerCreatesAPositionAndBecomesAMember() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/positions")
            // act
            let response = try await browser.post("/positions", ["title": "Platform <script>alert(1)</script>",
                                                                  "guideID": try guide.requireID().uuidString,
                                                                  "retentionDays": "180"])
            let list = try await browser.get("/positions")
            // verify
            #expect(response.status == .seeOther)
            let position = try #require(try await Position.query(on: app.db).first())
            #expect(position.retentionDays == 180)
            #expect(try await position.$members.isAttached(to: mia, on: app.db))
            #expect(list.body.string.contains("Platform &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!list.body.string.contains("<script>alert(1)"))
            // in the security trail with the retention it starts with (only later changes were)
            let created = try await SecurityEvent.query(on: app.db).all().filter { $0.kind == .positionCreated }
            let subject = "position:\(try position.requireID())"
            #expect(created.map(\.detail) == ["retention 180 days"] && created.first?.subject == subject)
            #expect(AuditText.detail("retention 180 days", .zh) == "保留期限：180 天" && AuditText.detail("retention kept", .en) == "retention: kept (no limit)")
        }
    }

    @Test func aFormWithMistakesSaysWhatIsWrongInTheUsersLanguage() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            browser.language = "zh"
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/positions")
            // act
            let response = try await browser.post("/positions", ["title": "", "guideID": "", "retentionDays": "forever"])
            // verify
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains(Text.errRequired.in(.zh)))
            #expect(body.contains(Text.errUnknownGuide.in(.zh)))
            #expect(body.contains("1 到 3650 之间的整数"))
        }
    }

    @Test func aGuideWithNothingToAskIsRefusedForAPosition() async throws {
        try await withApp { app in
            // setup: a guide of a title and prose only
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let guide = GuideRecord(slug: "no-stages", title: "Only a title", language: "en")
            try await guide.save(on: app.db)
            try await GuideLibrary.save(markdown: "# Only a title\n\nSome prose.\n", to: guide, author: nil, on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/positions")
            // act
            let response = try await browser.post("/positions", ["title": "Platform", "guideID": try guide.requireID().uuidString])
            // verify
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("This guide has no stages or questions to ask"))
            #expect(try await Position.query(on: app.db).count() == 0)
        }
    }

    @Test func interviewersCannotCreatePositions() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let (guide, _) = try await TestData.anyGuideVersion(app)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/positions")
            // act
            let response = try await browser.post("/positions", ["title": "Mine", "guideID": try guide.requireID().uuidString])
            // verify
            #expect(response.status == .forbidden)
            #expect(try await Position.query(on: app.db).count() == 0)
        }
    }

    @Test func aManagerAddsAMemberByEmail() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/positions/\(try position.requireID())"
            try await browser.get(path)
            // act
            let added = try await browser.post(path + "/members", ["email": "IVAN@example.com"])
            let unknown = try await browser.post(path + "/members", ["email": "nobody@example.com"])
            // verify
            #expect(added.status == .seeOther)
            #expect(try await position.$members.isAttached(to: ivan, on: app.db))
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("No active account has this email address"))
        }
    }
}

@Suite("Position settings: title and retention")
struct PositionSettingsTests {
    @Test func thePositionsOwnerChangesTheRetentionPeriod() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia], retentionDays: 365)
            position.$owner.id = mia.id
            try await position.save(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/positions/\(try position.requireID())"
            try await browser.get(path)
            // act
            let saved = try await browser.post(path, ["title": "Backend engineer", "retentionDays": "90"])
            let rejected = try await browser.post(path, ["title": "Backend engineer", "retentionDays": "0"])
            let cleared = try await browser.post(path, ["title": "Backend engineer", "retentionDays": ""])
            // verify
            #expect(saved.status == .seeOther)
            #expect(rejected.status == .unprocessableEntity)
            #expect(cleared.status == .seeOther)
            #expect(try await Position.find(position.id, on: app.db)?.retentionDays == nil)
        }
    }

    @Test func anotherManagerOfThePositionRenamesItButCannotChangeItsRetention() async throws {
        try await withApp { app in
            // setup
            let olga = try await TestData.user(app, "olga@example.com", role: .hiringManager)
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [olga, mia], retentionDays: 365)
            position.$owner.id = olga.id
            try await position.save(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/positions/\(try position.requireID())"
            let page = try await browser.get(path)
            // act
            let renamed = try await browser.post(path, ["title": "Backend (Go)", "retentionDays": "365"])
            let refused = try await browser.post(path, ["title": "Backend (Go)", "retentionDays": "30"])
            // verify
            #expect(!page.body.string.contains(#"<input name="retentionDays""#))
            #expect(page.body.string.contains("Only the position"))
            #expect(renamed.status == .seeOther)
            #expect(refused.status == .forbidden)
            let stored = try await Position.find(position.id, on: app.db)
            #expect(stored?.title == "Backend (Go)" && stored?.retentionDays == 365)
        }
    }
}
