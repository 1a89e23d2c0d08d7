import Foundation
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Console: finishing twice, and submitting again with a reason")
struct FinishTwiceTests {
    @Test func finishingAFinishedInterviewIsRefusedWithAReason() async throws {
        try await withApp { app in
            // setup: an interview finished early (confirmed)
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            // act
            let response = try await ivan.send(.POST, fixture.api + "/actions", body: ByteBuffer(data: try JSONSerialization.data(
                withJSONObject: ["type": "finish", "clientID": UUID().uuidString])), contentType: .json)
            // verify
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(response.status == .conflict)
            #expect((body["reason"] as? String)?.isEmpty == false, "\(body)")
            #expect(body["view"] != nil)
        }
    }

    @Test func aSubmittedRecommendationChangesWithAReasonShownAsARevision() async throws {
        try await withApp { app in
            // setup: Ivan submitted "lean-no"
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Unsure."])
            // act
            let (without, _) = try await ivan.act(fixture, ["type": "submit", "recommendation": "no-hire", "summary": "Weak."])
            let (with, answer) = try await ivan.act(fixture, ["type": "submit", "recommendation": "no-hire", "summary": "Weak on Redis.",
                                                              "revisionReason": "reread my notes"])
            let report = try await ivan.get("/interviews/\(fixture.id)/report").body.string
            // verify: refused without a reason; with one, changed, and the report lists the change and why
            #expect(without == .conflict || without == .unprocessableEntity)
            #expect(with == .ok && answer?.view.submittedAt != nil)
            let card = try #require(try await ScorecardRecord.query(on: app.db).first())
            #expect(card.submittedAt != nil)
            #expect(report.contains("reread my notes") && report.contains("→") && report.contains("Weak on Redis."))
            let trail = try await AuditEntry.query(on: app.db).all().compactMap(\.detail)
            #expect(trail.contains("scorecard revised"))
        }
    }
}
