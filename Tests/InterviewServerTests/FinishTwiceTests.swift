import Foundation
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Console: a refused action says why")
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
}
