import Foundation
import InterviewCore
import Testing

/// A slip on "go deeper?" used to skip the deeper questions for good: the gate answered last can be
/// answered again until a question after it is rated or skipped (`SessionEvent.Kind.gateRevised`).
@Suite("Changing a gate's answer")
struct SessionGateRevisionTests {
    /// The seed-like session at the Redis gate (3.2.1 cond1), its three questions rated 3.
    private func atRedisGate() throws -> SessionTestScript {
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "3", "3")
        #expect(script.agenda == .gate(topic: "3.2.1", gate: "cond1"))
        return script
    }

    private func apply(_ kind: SessionEvent.Kind, _ script: inout SessionTestScript) throws {
        var engine = script.driver.engine
        try engine.apply(SessionEvent(at: (engine.state.lastEventAt ?? SessionTestGuide.t0) + 1, kind))
        script = try SessionTestScript.replaying(engine.events)
    }

    @Test func aNoThatEndedTheTopicIsChangedFromTheNextTopicAndTheWalkComesBack() throws {
        // setup: "no" ends Redis, and the next topic opens on its own with its first question asked
        var script = try atRedisGate()
        try script.run("n")
        #expect(script.state.currentTopic == "3.2.2")
        #expect(script.state.revisableGate?.topic == "3.2.1")
        // act: b offers the gate, y answers it again
        let offered = try script.run("b")
        #expect(offered.first?.message?.en.contains("change the answer at 3.2.1/cond1") == true)
        #expect(script.driver.revisingGate == GateRef(topic: "3.2.1", gate: "cond1"))
        try script.run("y")
        // verify: back in Redis at the deeper question, with a way back to MySQL
        #expect(script.events.contains { $0.kind == .gateRevised(topic: "3.2.1", gate: "cond1", answer: true) })
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op4")))
        #expect(script.state.topics["3.2.1"]?.gateAnswers["cond1"] == true)
        #expect(script.state.returnStack.count == 1)
        // the deeper questions rated, the walk returns to MySQL's question where it was left
        try script.run("4", "4", "4", "4")
        #expect(script.state.currentTopic == "3.2.2")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.2", question: "op1")))
        #expect(script.state.topics["3.2.1"]?.ratings == ["op1": 3, "op2": 3, "op3": 3, "op4": 4, "op5": 4, "op6": 4, "op7": 4])
    }

    @Test func changedBackBeforeAnythingIsRatedTheWalkReturnsToWhereItWas() throws {
        // setup: no, then yes from the next topic
        var script = try atRedisGate()
        try script.run("n", "b", "y")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op4")))
        // act: no again (in the reopened topic, b offers its gate before it would return)
        try script.run("b", "n")
        // verify: MySQL's first question again, nothing left of the detour but the log
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.2", question: "op1")))
        #expect(script.state.returnStack.isEmpty)
        #expect(script.state.topics["3.2.1"]?.asked == ["op1", "op2", "op3"])
        #expect(script.state.topics["3.2.1"]?.gateAnswers == ["cond1": false])
    }

    @Test func onlyTheGateAnsweredLastCanBeChangedEvenOnceItsOwnAnswerStands() throws {
        // setup: no at Redis, then MySQL's gate answered yes and its first deeper question rated
        var script = try atRedisGate()
        try script.run("n", "3", "3", "3", "3", "3", "y", "3")
        // act + verify: Redis's gate came back as revisable once MySQL's was settled (a probe)
        #expect(script.state.revisableGate == nil)
        #expect(throws: SessionError.gateNotRevisable(topic: "3.2.1", gate: "cond1")) {
            try apply(.gateRevised(topic: "3.2.1", gate: "cond1", answer: true), &script)
        }
    }

    @Test func inAJumpBOffersTheTopicsGateBeforeItReturns() throws {
        // setup: a jump to TCP from the warm-up, no at its gate
        var script = try SessionTestScript()
        try script.run("f", "f", "j 3.5.1", "3", "3", "n")
        let count = script.events.count
        // act
        try script.run("b")
        // verify: the gate offered, nothing recorded; a second b returns as before
        #expect(script.driver.revisingGate == GateRef(topic: "3.5.1", gate: "cond1"))
        #expect(script.events.count == count)
        try script.run("b")
        #expect(script.events.last?.kind == .returned)
    }

    /// From a probe: a "no" that ended a topic opened by a jump inside another jump returned to the outer
    /// jump's topic, and b then left that topic too instead of offering the gate.
    @Test func aGateThatEndedAJumpInsideAJumpIsOfferedBeforeTheOuterJumpReturns() throws {
        // setup: from Redis, a jump to TCP, from there one to MySQL; no at MySQL's gate ends it
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "j 3.5.1", "j 3.2.2", "3", "3", "3", "3", "3", "n")
        #expect(script.state.currentTopic == "3.5.1" && script.state.returnStack.count == 1)
        let count = script.events.count
        // act
        try script.run("b")
        // verify: the gate offered, nothing recorded; y reopens MySQL's deeper questions
        #expect(script.driver.revisingGate == GateRef(topic: "3.2.2", gate: "cond1"))
        #expect(script.events.count == count)
        // b again goes further back through MySQL's ratings, as outside a jump, never out of TCP (a recheck)
        try script.run("b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.2", question: "op5") && script.events.count == count)
        try script.run("b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.2", question: "op4") && script.events.count == count)
        #expect(script.state.currentTopic == "3.5.1")
        try script.run("b", "b", "b", "b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.1", question: "op1") && script.events.count == count)
        #expect(script.state.currentTopic == "3.5.1" && script.state.returnStack.count == 1)
    }

    @Test func aGateThatEndedAJumpInsideAJumpIsChangedFromTheOuterJump() throws {
        // setup: as above, the gate offered by b
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "j 3.5.1", "j 3.2.2", "3", "3", "3", "3", "3", "n", "b")
        // act
        try script.run("y")
        // verify: MySQL's deeper questions, with the way back to TCP and on to Redis kept
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.2", question: "op6")))
        #expect(script.state.returnStack.count == 2)
    }

    @Test func aNoteOnAWithdrawnQuestionStaysInTheReport() throws {
        // setup: a path gate (each answer its own question); no, a note on QB, then yes after all
        let guide = SessionTestGuide.oneTopic("""
            Q1 --> G{Relational?}
            G -->|yes| QA[Explain MVCC]
            G -->|no| QB[Explain eventual consistency]
            QA --> E([End])
            QB --> E
            """)
        var script = try SessionTestScript(guide: guide)
        try script.run("3", "n", "m mentions skiplists unprompted", "b", "y")
        // act
        let report = InterviewReport.make(guide: guide, state: script.state, audience: .interviewer)
        let markdown = MarkdownReport.render(report)
        let html = HTMLReport.render(report, guide: guide)
        // verify: QB is not applicable now, and its note is still there (it vanished from both)
        #expect(report.topics.first?.questions.first { $0.id == "QB" }?.status == .notApplicable)
        #expect(markdown.contains("mentions skiplists unprompted"))
        #expect(html.contains("mentions skiplists unprompted"))
    }

    @Test func aWithdrawnQuestionsTimeCountsFromItsAskingAgain() throws {
        // setup: the clock moves a minute per event; op4 asked, withdrawn by no, asked again by yes, rated
        var script = try atRedisGate()
        try script.run("y", "b", "n", "b", "y", "3")
        // act
        let analytics = try SessionAnalytics.read(script.events, guide: script.driver.guide, interview: "one")
        // verify: one minute from its last asking to its rating, not the four since it was first asked
        let asked = script.events.lastIndex { $0.kind == .questionAsked(QuestionRef(topic: "3.2.1", question: "op4")) }!
        let rated = script.events.lastIndex { $0.kind == .rated(QuestionRef(topic: "3.2.1", question: "op4"), rating: 3) }!
        let expected = script.events[rated].at.timeIntervalSince(script.events[asked].at)
        #expect(analytics.questions.first { $0.question.hasSuffix("op4") }?.seconds == expected)
        #expect(expected == 60)
    }

    @Test func aQuestionAskedAfterTheOldAnswerAndNotRatedIsWithdrawn() throws {
        // setup: TCP's gate, no leads to op4, which is asked at once
        var script = try SessionTestScript()
        try script.run("f", "f", "j 3.5.1", "3", "3", "n")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.5.1", question: "op4")))
        // act
        try apply(.gateRevised(topic: "3.5.1", gate: "cond1", answer: true), &script)
        _ = try script.driver.advance()
        // verify: op3 comes first as yes has it, op4 is no longer asked
        #expect(script.agenda == .rate(QuestionRef(topic: "3.5.1", question: "op3")))
        #expect(script.state.topics["3.5.1"]?.asked == ["op1", "op2", "op3"])
        try script.run("2")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.5.1", question: "op4")))
    }

    @Test func aRatingAfterTheGateMakesItsAnswerStand() throws {
        // setup
        var script = try atRedisGate()
        try script.run("y", "2")
        #expect(script.state.revisableGate == nil)
        // act + verify: refused, the state unchanged
        let before = script.state
        #expect(throws: SessionError.gateNotRevisable(topic: "3.2.1", gate: "cond1")) {
            try apply(.gateRevised(topic: "3.2.1", gate: "cond1", answer: false), &script)
        }
        #expect(script.state == before)
        // b now goes to the rated questions only
        try script.run("b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.1", question: "op4"))
        #expect(script.driver.revisingGate == nil)
    }

    @Test func bReachesTheGateAfterTheNextTopicsRatingsInTheOrderTheyCame() throws {
        // setup: "no" ends Redis, MySQL's first question is rated; the gate can still change
        var script = try atRedisGate()
        try script.run("n", "2")
        #expect(script.state.revisableGate?.topic == "3.2.1")
        let mysql = QuestionRef(topic: "3.2.2", question: "op1")
        #expect(script.driver.engine.correctionOrder.suffix(3) == [
            .question(QuestionRef(topic: "3.2.1", question: "op3")), .gate(GateRef(topic: "3.2.1", gate: "cond1")), .question(mysql)])
        // act + verify: b corrects MySQL's rating first, then offers the gate, then Redis's last rating
        try script.run("b")
        #expect(script.driver.reviewing == mysql && script.driver.revisingGate == nil)
        try script.run("b")
        #expect(script.driver.revisingGate == GateRef(topic: "3.2.1", gate: "cond1") && script.driver.reviewing == nil)
        try script.run("b")
        #expect(script.driver.reviewing == QuestionRef(topic: "3.2.1", question: "op3") && script.driver.revisingGate == nil)
    }

    @Test func theSameAnswerAgainIsRefusedByTheEngineAndKeptByTheRunner() throws {
        // setup
        var script = try atRedisGate()
        try script.run("y")
        // act + verify
        #expect(throws: SessionError.gateAlreadyAnswered(topic: "3.2.1", gate: "cond1", answer: true)) {
            try apply(.gateRevised(topic: "3.2.1", gate: "cond1", answer: true), &script)
        }
        let count = script.events.count
        let kept = try script.run("b", "y")
        #expect(kept.last?.message?.en == "kept: 3.2.1/cond1 stays yes")
        #expect(script.events.count == count)
    }

    @Test func aCorrectionToAnEarlierQuestionSurvivesTheChange() throws {
        // setup: no, then op2 (asked before the gate) corrected from the next topic
        var script = try atRedisGate()
        try script.run("n")
        try apply(.rated(QuestionRef(topic: "3.2.1", question: "op2"), rating: 1), &script)
        #expect(script.state.revisableGate?.topic == "3.2.1")
        // act
        try apply(.gateRevised(topic: "3.2.1", gate: "cond1", answer: true), &script)
        // verify
        #expect(script.state.topics["3.2.1"]?.ratings["op2"] == 1)
        #expect(script.state.topics["3.2.1"]?.position == "op4")
    }

    @Test func aKeyOtherThanYesOrNoLeavesTheChangeWithoutActing() throws {
        // setup
        var script = try atRedisGate()
        try script.run("n", "b")
        let count = script.events.count
        // act + verify: a rating while the gate is offered rates nothing, and says so
        #expect(throws: (any Error).self) { try script.run("3") }
        #expect(script.driver.revisingGate == nil)
        #expect(script.events.count == count)
    }

    @Test func theLogReadsBackAndTheStatisticsKeepTheAnswerMeant() throws {
        // setup
        var script = try atRedisGate()
        try script.run("n", "b", "y")
        // act
        let replayed = try SessionEngine(guide: SessionTestGuide.guide(), replaying: script.events)
        let analytics = try SessionAnalytics.read(script.events, guide: SessionTestGuide.guide(), interview: "one")
        // verify
        #expect(replayed.state == script.state)
        #expect(analytics.gates.filter { $0.gate.hasSuffix("cond1") }.map(\.answer) == [true])
    }
}

/// A guide whose last topic ends at a gate: the interview ended on its own the moment it was answered, so
/// a slip there could never be changed (a probe).
@Suite("A last topic's gate")
struct SessionLastGateTests {
    static let guide = SessionTestGuide.oneTopic("""
        Q1 --> G{Go deeper?}
        G -->|yes| Q2[How would it scale to a billion links?]
        G -->|no| E([End])
        Q2 --> E
        """)

    @Test func theInterviewWaitsToBeEndedAfterALastGateSoItsAnswerCanChange() throws {
        // setup
        var script = try SessionTestScript(guide: Self.guide)
        // act: no at the last gate
        try script.run("3", "n")
        // verify: not ended; b and y change it, and the end comes on its own after the deeper rating
        #expect(!script.state.isFinished && script.agenda == .finishInterview)
        #expect(script.state.revisableGate?.gate.gate == "G")
        try script.run("b", "y")
        #expect(script.agenda == .rate(QuestionRef(topic: "1.1", question: "Q2")))
        try script.run("4")
        #expect(script.state.isFinished)
    }

    @Test func aNoteACorrectionOrAResumptionKeepItWaiting() throws {
        // setup: no at the last gate, then a note and a correction of the question before it
        var script = try SessionTestScript(guide: Self.guide)
        try script.run("3", "n", "m late note", "b", "b", "2")
        // act: quit and resume, as `run --resume` does (a recheck: each of these ended the interview)
        var resumed = try SessionTestScript.replaying(script.events, guide: Self.guide)
        _ = try resumed.driver.record(.resumed)
        _ = try resumed.driver.advance()
        // verify: still waiting, and the gate still changes
        #expect(!resumed.state.isFinished && resumed.agenda == .finishInterview)
        try resumed.run("b", "y")
        #expect(resumed.agenda == .rate(QuestionRef(topic: "1.1", question: "Q2")))
        #expect(resumed.state.topics["1.1"]?.ratings["Q1"] == 2)
    }

    @Test func eStillEndsItAtOnce() throws {
        var script = try SessionTestScript(guide: Self.guide)
        try script.run("3", "n", "e")
        #expect(script.state.isFinished && script.state.topics["1.1"]?.gateAnswers["G"] == false)
    }
}

extension SessionTestScript {
    /// A script over the events of another, to go on from there with the runner's commands.
    static func replaying(_ events: [SessionEvent], guide: Guide = SessionTestGuide.guide()) throws -> SessionTestScript {
        var script = try SessionTestScript(guide: guide)
        script.driver = SessionDriver(engine: try SessionEngine(guide: guide, replaying: events),
                                      clock: SessionSteppingClock(start: (events.last?.at ?? SessionTestGuide.t0) + 60))
        return script
    }
}
