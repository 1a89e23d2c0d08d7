import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// The console on an SQLite file, the default deployment: actions are committed by the writer's own
/// connection, and what it wrote is what a restarted server reads back.
@Suite struct ConsoleFileTests {
    @Test func ratingsCommittedOnTheWritersLineSurviveARestart() async throws {
        // setup: a fresh database file
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interviewflow-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("interviewflow.sqlite").path
        var cardID: UUID?
        var eventCount = 0
        // act: two interviewers rate at the same time, then the server stops
        try await withFileApp(path) { app in
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "mia@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let mia = try await fixture.browser("mia@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await mia.walkToFirstQuestion(fixture)
            async let ivans = [try await ivan.rate(fixture, "3.1", "op1", 3), try await ivan.rate(fixture, "3.1", "op2", 2),
                               try await ivan.act(fixture, Self.lastRating, clientID: Self.lastClientID).1!.view]
            async let mias = [try await mia.rate(fixture, "3.1", "op1", 1), try await mia.rate(fixture, "3.1", "op2", 1)]
            let (ivanViews, miaViews) = try await (ivans, mias)
            eventCount = try #require(ivanViews.last).eventCount
            let ivanUser = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first())
            let card = try #require(try await ScorecardRecord.query(on: app.db).filter(\.$interviewer.$id == ivanUser.requireID()).first())
            cardID = try card.requireID()
            let rows = try await ScorecardEvent.query(on: app.db).filter(\.$scorecard.$id == card.requireID()).sort(\.$seq).all()
            // verify: every acknowledged event is a row, numbered without gaps, with time-ordered ids
            #expect(rows.map(\.seq) == Array(1...eventCount))
            #expect(card.eventCount == eventCount)
            #expect(rows.allSatisfy { $0.id.map { $0.uuid.6 >> 4 == 7 } == true })
            let ids = rows.compactMap(\.id).map(\.uuidString)
            #expect(ids.map { $0.prefix(13) } == ids.map { $0.prefix(13) }.sorted())
            #expect(try #require(miaViews.last).eventCount > 0)
        }
        // verify: a new server on the same file replays exactly what was acknowledged
        try await withFileApp(path) { app in
            let record = try #require(try await ScorecardRecord.find(cardID, on: app.db))
            let interview = try #require(try await Interview.find(record.$interview.id, on: app.db))
            let cache = app.scorecardCache
            let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: app.db)
            let entry = try await ScorecardService.entry(cardID: try record.requireID(), guide: loaded.guide, cache: cache, on: app.db)
            #expect(entry.engine.events.count == eventCount)
            #expect(entry.engine.state.topics["3.1"]?.ratings == ["op1": 3, "op2": 2, "op3": 4])
            // and a retry of an acknowledged action, reaching the new server, is still applied once
            let candidate = try #require(try await Candidate.find(interview.$candidate.id, on: app.db))
            let position = try #require(try await Position.find(candidate.$position.id, on: app.db))
            let fixture = ConsoleFixture(app: app, interview: interview, candidate: candidate, position: position)
            let ivan = try await fixture.browser("ivan@example.com")
            let (status, retry) = try await ivan.act(fixture, Self.lastRating, clientID: Self.lastClientID)
            #expect(status == .ok && retry?.duplicate == true)
            #expect(retry?.view.eventCount == eventCount)
        }
    }

    private static var lastRating: [String: Any] { ["type": "rate", "topic": "3.1", "question": "op3", "rating": 4] }
    private static let lastClientID = "ivan-op3-rating-1"

    @Test func timeOrderedIDsAreVersion7AndSortByTime() {
        let early = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_800_000_000))
        let later = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_800_000_000.002))
        #expect(early.uuid.6 >> 4 == 7 && later.uuid.6 >> 4 == 7)
        #expect(early.uuid.8 & 0xC0 == 0x80)
        #expect(early.uuidString < later.uuidString)
        // 1,800,000,000,000 ms = 0x1A3185C5000
        #expect(early.uuidString.hasPrefix("01A3185C-5000-7"))
        #expect(UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_800_000_000)) != early)
    }
}

/// A write that reaches the writer after the server has begun to stop is refused with an answer,
/// never handed to the stopped line (where it would wait forever).
@Suite struct ScorecardWriterShutdownTests {
    // The limit only turns a hang (a write handed to the stopped line waits forever) into a failure. All
    // tests start at once and share two cores, so every server test's wall time is the suite's (~2.5 min
    // here): one minute failed a passing test twice.
    @Test(.timeLimit(.minutes(10))) func writesAfterShutdownAreRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interviewflow-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer: ScorecardWriter?
        try await withFileApp(directory.appendingPathComponent("interviewflow.sqlite").path) { app in
            writer = app.scorecardCache.writer
        }
        let record = ScorecardRecord(interviewID: UUID(), interviewerID: UUID())
        record.id = UUID()
        let write = ScorecardWriter.Write(card: CardState(record), firstSeq: 1, clientID: "after-stop-1", lines: ["{}\n"],
                                          summary: ScorecardSummary(eventCount: 1, clearDraft: false))
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        await #expect(throws: Abort.self) { try await #require(writer).commit(write, on: loop).get() }
    }
}
