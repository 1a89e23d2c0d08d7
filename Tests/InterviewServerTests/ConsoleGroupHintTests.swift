import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Live console: group guidance with a jump, refusals in the interviewer's language")
struct ConsoleGroupHintTests {
    @Test func theCachingGroupsAdviceIsOfferedDuringTheFirstTopicAndItsJumpWorks() async throws {
        try await withApp { app in
            // setup: the bundled English guide's 3.2 says to switch when the candidate mentions a cache
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let view = try await ivan.walkToFirstQuestion(fixture)
            let hint = try #require(view.hints?.first)
            let (status, jumped) = try await ivan.act(fixture, ["type": "jump", "topic": hint.target])
            // verify
            #expect(view.question?.topic == "3.1")
            #expect(hint.group == "3.2 Caching and databases")
            #expect(hint.guidance.hasPrefix("Storage questions need not wait for a fixed point in the interview"))
            #expect(hint.target == "3.2.1")
            #expect(status == .ok && jumped?.view.question?.topic == "3.2.1")
            #expect(jumped?.view.canReturn == true)
            #expect(jumped?.view.hints?.contains { $0.group == hint.group } == false, "inside the group its advice is not repeated")
        }
    }

    @Test func aRefusalIsWordedInTheInterviewersLanguage() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            // act
            let (_, english) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 9])
            ivan.language = "zh"
            let (status, chinese) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 9])
            let (_, empty) = try await ivan.act(fixture, ["type": "note", "text": "  "])
            // verify
            #expect(status == .conflict)
            #expect(english?.reason == "rating 9 is outside the guide's scale 0–4")
            #expect(chinese?.reason == "评分 9 超出了指南的评分范围 0–4")
            #expect(empty?.reason == "备注是空的")
        }
    }
}
