import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 15: `interview demo` fills an empty data folder with a simulated team, marked as demo data.
@Suite("Demo data")
struct DemoDataTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interviewflow-demo-\(UUID().uuidString)")
        return url
    }

    @Test func aDemoFolderHoldsATeamWhoseCardsReplayAndItIsMarked() async throws {
        // setup
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // act
        let summary = try await DemoData.fill(dataDirectory: dir.path, interviews: 30, seed: 4)
        // verify: the accounts, the marker, and every card submitted and replaying on its guide
        #expect(summary.users.count == 14 && summary.positions == 2 && summary.candidates == 30)
        #expect(summary.scorecards >= 30 && summary.scorecards <= 60)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(DemoData.markerFile).path))
        #expect(ServerSettings.from(environment: [:], dataDirectory: dir.path, publicURL: "http://x").isDemo)
        try await withFileApp(dir.appendingPathComponent("interviewflow.sqlite").path) { app in
            let cards = try await ScorecardRecord.query(on: app.db).all()
            #expect(cards.count == summary.scorecards)
            #expect(cards.allSatisfy { $0.submittedAt != nil && $0.overall != nil })
            let completed = try await Interview.query(on: app.db).filter(\.$status == .completed).count()
            #expect(completed == 30)
            // and a few still to come, on the first interviewer's panel, so her agenda is not empty
            let scheduled = try await Interview.query(on: app.db).filter(\.$status == .scheduled).all()
            #expect(summary.upcoming == 3 && scheduled.count == 3 && scheduled.allSatisfy { $0.scheduledAt > Date() })
            let browser = TestBrowser(app)
            let login = try await browser.logIn("maria@demo.example", password: summary.password)
            #expect(login.status == .seeOther)
            let page = try await browser.get("/calibration")
            #expect(page.status == .ok)
            // Every interviewer with a card has a row.
            var names = Set<String>()
            for card in cards { names.insert(try await card.$interviewer.get(on: app.db).name) }
            #expect(names.count >= 8)
            var shown = page.body.string
            for slug in ["python-backend-senior.en", "backend-new-graduate.en"] {
                let guide = try #require(try await GuideRecord.query(on: app.db).filter(\.$slug == slug).first())
                shown += try await browser.get("/calibration?guide=\(try guide.requireID())").body.string
            }
            #expect(names.allSatisfy { shown.contains("<td>\($0)") })
        }
    }

    @Test func aChineseDemoSpeaksChineseAndRunsTheChineseGuides() async throws {
        // setup
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // act
        _ = try await DemoData.fill(dataDirectory: dir.path, interviews: 3, seed: 5, language: .zh)
        // verify
        try await withFileApp(dir.appendingPathComponent("interviewflow.sqlite").path) { app in
            let positions = try await Position.query(on: app.db).with(\.$guide).all()
            #expect(Set(positions.map(\.title)) == ["高级 Python 后端工程师", "后端工程师（应届生）"])
            #expect(positions.allSatisfy { $0.guide.slug.hasSuffix(".zh") })
            let candidates = try await Candidate.query(on: app.db).all()
            #expect(candidates.allSatisfy { ($0.name ?? "").hasPrefix("演示候选人 ") && $0.resumeText == "演示数据：模拟的候选人。" })
        }
    }

    @Test func aFolderThatHoldsDataIsNotTouched() async throws {
        // setup: a folder with a database already
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try await DemoData.fill(dataDirectory: dir.path, interviews: 2, seed: 1)
        let before = try Data(contentsOf: dir.appendingPathComponent("interviewflow.sqlite"))
        // act / verify
        await #expect(throws: DemoData.Problem.self) {
            _ = try await DemoData.fill(dataDirectory: dir.path, interviews: 2, seed: 1)
        }
        #expect(try Data(contentsOf: dir.appendingPathComponent("interviewflow.sqlite")) == before)
    }

    @Test func aDemoStoppedHalfwayIsWrittenAfreshAndAFileIsNoFolder() async throws {
        // setup: what a demo stopped by Ctrl-C leaves (its half-written database in the work folder), and a file
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent(DemoData.workFolder)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("half a database".utf8).write(to: work.appendingPathComponent("interviewflow.sqlite"))
        let file = dir.appendingPathComponent("ratings.csv")
        try Data("x".utf8).write(to: file)
        // act
        let summary = try await DemoData.fill(dataDirectory: dir.path, interviews: 3, seed: 2)
        // verify: a whole team, marked, and nothing left of the work folder; the file is named for what it is
        #expect(summary.candidates == 3)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(DemoData.markerFile).path))
        #expect(!FileManager.default.fileExists(atPath: work.path))
        await #expect(throws: DemoData.Problem.self) { _ = try await DemoData.fill(dataDirectory: file.path, interviews: 1, seed: 1) }
    }

    @Test func everyPageSaysDemoDataWhileTheMarkerIsThere() async throws {
        try await withApp { app in
            // setup
            let plain = try await TestBrowser(app).get("/login")
            app.serverSettings.isDemo = true
            let english = TestBrowser(app), chinese = TestBrowser(app)
            chinese.language = "zh"
            // act
            let en = try await english.get("/login"), zh = try await chinese.get("/login")
            // verify
            #expect(!plain.body.string.contains("demo-banner"))
            #expect(en.body.string.contains("Demo data: these candidates, interviews and scores are simulated"))
            #expect(zh.body.string.contains("演示数据：这些候选人、面试和分数由 interview demo 模拟生成"))
        }
    }
}
