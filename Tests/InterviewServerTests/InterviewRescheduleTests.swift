import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Moving an interview to another time keeps what cancelling and scheduling again lost: the panel, the
/// pinned guide version and a card begun (the candidate had to stop halfway and continues another day).
@Suite("Moving an interview")
struct InterviewRescheduleTests {
    @Test func aTimeTheClocksSkipIsRefusedSayingSoNotMovedAnHour() async throws {
        try await withApp { app in
            // setup: Maria's browser is in Berlin, where 02:00–03:00 on 2027-03-28 does not exist
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let maria = try await fixture.browser("maria@example.com")
            maria.zoneCookies["tz"] = "Europe/Berlin"
            _ = try await maria.get("/interviews")
            let before = try #require(try await Interview.find(fixture.id, on: app.db)?.scheduledAt)
            // act
            let skipped = try await maria.post("/interviews/\(fixture.id)/reschedule", ["scheduledAt": "2027-03-28T02:30"])
            let malformed = try await maria.post("/interviews/\(fixture.id)/reschedule", ["scheduledAt": "2027-02-30T10:00"])
            let after = try await maria.post("/interviews/\(fixture.id)/reschedule", ["scheduledAt": "2027-03-28T03:30"])
            // verify: refused with the reason, the interview where it was; an hour later is fine (01:30 UTC)
            #expect(skipped.status == .unprocessableEntity && skipped.body.string.contains(Text.errTimeSkipped.in(.en)))
            #expect(malformed.status == .unprocessableEntity && malformed.body.string.contains(Text.errDate.in(.en)))
            #expect(after.status == .seeOther)
            let moved = try #require(try await Interview.find(fixture.id, on: app.db)?.scheduledAt)
            #expect(moved != before && moved == ISO8601DateFormatter().date(from: "2027-03-28T01:30:00Z"))
        }
    }

    @Test func aCardBegunSurvivesTheMoveAndTheTrailSaysFromWhenToWhen() async throws {
        try await withApp { app in
            // setup: Ivan has rated one question when the candidate has to stop
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            let maria = try await fixture.browser("maria@example.com")
            maria.zoneCookies["tz"] = "Asia/Shanghai"
            let version = try await Interview.find(fixture.id, on: app.db)?.$guideVersion.id
            let list = try await maria.get("/interviews").body.string
            // act: Maria moves it to 9:00 in Shanghai the next week
            let moved = try await maria.post("/interviews/\(fixture.id)/reschedule", ["scheduledAt": "2027-01-12T09:00"])
            // verify
            #expect(list.contains("/interviews/\(fixture.id)/reschedule"))
            #expect(moved.status == .seeOther)
            let interview = try #require(try await Interview.find(fixture.id, on: app.db))
            #expect(interview.scheduledAt == ISO8601DateFormatter().date(from: "2027-01-12T01:00:00Z"))
            #expect(interview.status == .scheduled && interview.$guideVersion.id == version)
            let console = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op2", "rating": 2])
            #expect(console.0 == .ok && console.1?.view.eventCount ?? 0 > 3)
            let trail = try #require(try await SecurityEvent.query(on: app.db).filter(\.$kind == .interviewRescheduled).first())
            #expect(trail.detail.hasSuffix("-> 2027-01-12 01:00 UTC") && trail.subject == "interview:\(fixture.id)")
        }
    }

    @Test func aCompletedOrCancelledInterviewDoesNotMoveAndABadTimeIsNamed() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let maria = try await fixture.browser("maria@example.com")
            let path = "/api/v1/interviews/\(fixture.id)/reschedule"
            func move(_ when: String) async throws -> TestingHTTPResponse {
                try await maria.send(.POST, path, body: ByteBuffer(string: #"{"scheduledAt":"\#(when)"}"#), contentType: .json)
            }
            // act
            let badDate = try await move("2027-02-31T09:00")
            let ok = try await move("2027-01-12 09:00")
            _ = try await maria.post("/interviews/\(fixture.id)/status", ["status": "cancelled"])
            let cancelled = try await move("2027-01-13T09:00")
            let list = try await maria.get("/interviews").body.string
            // verify: the API reads a time without a zone as UTC and answers the row at its new time
            #expect(badDate.status == .unprocessableEntity)
            #expect(ok.status == .ok && ok.body.string.contains(#""scheduledAt":"2027-01-12 09:00""#))
            #expect(cancelled.status == .conflict && cancelled.body.string.contains("cancelled"))
            #expect(!list.contains("/reschedule"))
            #expect(try await Interview.find(fixture.id, on: app.db)?.scheduledAt == ISO8601DateFormatter().date(from: "2027-01-12T09:00:00Z"))
        }
    }
}
