import Foundation
import InterviewCore
import Testing

/// `s` sits among the rating keys: a question skipped by mistake is rated afterwards, with `b` or a click,
/// and the rating takes the skip back (it was refused: "already skipped", the question out of the score
/// for good — a probe).
@Suite("A skip taken back by a rating")
struct SessionSkipTakenBackTests {
    /// Redis (3.2.1) entered, op1 rated 3 and op2 skipped.
    private func op2Skipped() throws -> SessionTestScript {
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "s not relevant")
        #expect(script.state.topics["3.2.1"]?.skipped["op2"] != nil)
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op3")))
        return script
    }

    @Test func bReachesTheSkippedQuestionAndARatingReplacesTheSkip() throws {
        // setup
        var script = try op2Skipped()
        // act: b offers op2, said as skipped; 2 rates it
        let offered = try script.run("b")
        #expect(offered.first?.message?.en == "rate 3.2.1/op2 (now skipped): press a rating, which takes the skip back")
        #expect(offered.first?.message?.zh.contains("跳过") == true)
        try script.run("2")
        // verify: rated, no longer skipped, the walk still at op3, and the score counts it
        let redis = try #require(script.state.topics["3.2.1"])
        #expect(redis.ratings["op2"] == 2)
        #expect(redis.skipped["op2"] == nil)
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op3")))
        let status = Scoring.score(script.driver.guide, script.state).topics.first { $0.key == "3.2.1" }?
            .questions.first { $0.id == "op2" }
        #expect(status?.status == .rated)
        #expect(status?.rating == 2)
    }

    @Test func bOrdersTheSkipWhereItWasMadeAmongTheRatings() throws {
        var script = try op2Skipped()
        try script.run("4")
        // op3 rated last: b is op3 first, then op2 (skipped), then op1
        #expect(script.driver.engine.correctionOrder.suffix(3) == [
            .question(QuestionRef(topic: "3.2.1", question: "op1")),
            .question(QuestionRef(topic: "3.2.1", question: "op2")),
            .question(QuestionRef(topic: "3.2.1", question: "op3")),
        ])
        try script.run("b", "b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.1", question: "op2"))
    }

    @Test func aSkipTakenBackReplaysFromTheLog() throws {
        var script = try op2Skipped()
        try script.run("b", "4")
        let replayed = try SessionTestScript.replaying(script.events)
        #expect(replayed.state.topics["3.2.1"]?.ratings["op2"] == 4)
        #expect(replayed.state.topics["3.2.1"]?.skipped["op2"] == nil)
    }

    @Test func aQuestionNeverAskedOrSkippedIsStillNotRated() throws {
        let script = try op2Skipped()
        var engine = script.driver.engine
        let at = (engine.state.lastEventAt ?? SessionTestGuide.t0) + 1
        #expect(throws: SessionError.notAsked(QuestionRef(topic: "3.2.1", question: "op5"))) {
            try engine.apply(SessionEvent(at: at, .rated(QuestionRef(topic: "3.2.1", question: "op5"), rating: 3)))
        }
    }
}
