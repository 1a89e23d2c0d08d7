import Foundation
import InterviewCore
import Testing

@Suite("Stage clock and gate advice")
struct SessionClockTests {
    @Test func elapsedAndRemainingComeFromEventTimes() throws {
        // setup: one minute per event; stage 0 entered at t0+1min, finished at t0+2min
        var script = try SessionTestScript()
        try script.run("f")
        let now = SessionTestGuide.t0 + 10 * 60
        // act
        let stage0 = script.state.elapsed(stage: "0", at: now)
        let stage1 = script.state.elapsed(stage: "1", at: now)
        let remaining1 = script.state.remaining(stage: "1", guide: script.driver.guide, at: now)
        // verify: stage 1 entered at t0+3min is still running at t0+10min
        #expect(stage0 == 60)
        #expect(stage1 == 7 * 60)
        #expect(remaining1 == -120.0)
    }

    @Test(arguments: [
        ([4, 3, 3], GateSuggestion.Advice.goDeeper, "the 3 questions rated in this topic average 3.3 of 4 (≥ 3.0), so go deeper"),
        ([2, 3, 2], .ifTimeAllows, "the 3 questions rated in this topic average 2.3 of 4: go deeper if time allows — going deeper never lowers the score"),
        ([1, 2, 1], .stay, "the 3 questions rated in this topic average 1.3 of 4 (< 2.0): the basics are shaky, so move on"),
        // one question has a rating, not an average (a probe)
        ([4], .goDeeper, "the one question rated in this topic has 4.0 of 4 (≥ 3.0), so go deeper"),
    ])
    func theGateSuggestionFollowsTheTopicsMeanRating(ratings: [Int], advice: GateSuggestion.Advice, reason: String) throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f")
        for rating in ratings { try script.run(String(rating)) }
        // act: early in the stage, so time is no issue
        let suggestion = GateSuggestion.make(for: "cond1", in: "3.2.1", state: script.state, guide: script.driver.guide,
                                             now: script.state.lastEventAt!)
        // verify
        #expect(suggestion.advice == advice)
        #expect(suggestion.reason(language: "en") == reason)
    }

    @Test func aStageOverItsBudgetAdvisesMovingOnUnlessTheBasicsAreStrong() throws {
        // setup: stage 3 has 40 minutes; ask at minute 45
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "2", "3", "2")
        let late = script.state.stages["3"]!.firstEnteredAt + 45 * 60
        // act
        let suggestion = GateSuggestion.make(for: "cond1", in: "3.2.1", state: script.state, guide: script.driver.guide, now: late)
        // verify
        #expect(suggestion.advice == .stay)
        #expect(suggestion.overTime)
        #expect(suggestion.reason(language: "zh") == "本主题已评分的 3 题平均 2.3/4 分，且本阶段已超时，建议不深入")
    }
}
