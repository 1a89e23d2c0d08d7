import Foundation
import InterviewCore
import Testing

@Suite("Session walk along the flowchart")
struct SessionWalkTests {
    private let redisOp = { (id: String) in QuestionRef(topic: "3.2.1", question: id) }

    @Test func finishingTheTalkStagesLeadsToTheFirstTechnicalQuestion() throws {
        // setup
        var script = try SessionTestScript()
        #expect(script.agenda == .talk(stage: "0"))
        // act
        try script.run("f", "f", "f")
        // verify: stage 3 entered, its first topic entered, the chart's first question asked
        #expect(script.state.currentStage == "3")
        #expect(script.state.currentTopic == "3.2.1")
        #expect(script.agenda == .rate(redisOp("op1")))
        #expect(script.events.suffix(3).map(\.kind) == [.stageEntered(stage: "3"), .topicEntered(topic: "3.2.1"), .questionAsked(redisOp("op1"))])
    }

    @Test func ratingsFollowTheChartToTheGateAndYesGoesDeeper() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f")
        // act
        try script.run("3", "4", "3")
        let atGate = script.agenda
        try script.run("y")
        // verify
        #expect(atGate == .gate(topic: "3.2.1", gate: "cond1"))
        #expect(script.agenda == .rate(redisOp("op4")))
        #expect(script.state.topics["3.2.1"]?.gateAnswers == ["cond1": true])
    }

    @Test func noAtTheLastGateEndsTheTopicAndTheNextOneBegins() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "2", "2", "1")
        // act
        try script.run("n")
        // verify
        #expect(script.state.topics["3.2.1"]?.isWalkDone == true)
        #expect(script.state.currentTopic == "3.2.2")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.2", question: "op1")))
    }

    @Test func tcpNoBranchRejoinsAtTheClosingQuestion() throws {
        // setup: the seed's TCP chart — "no" skips op3 and goes straight to op4
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j 3.5.1", "3", "2")
        // act
        try script.run("n")
        // verify
        #expect(script.agenda == .rate(QuestionRef(topic: "3.5.1", question: "op4")))
        #expect(script.state.topics["3.5.1"]?.asked == ["op1", "op2", "op4"])
    }

    @Test func skippingIsExplicitAndMovesTheWalkOn() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3")
        // act
        try script.run("s already covered in the project")
        // verify
        #expect(script.state.topics["3.2.1"]?.skipped == ["op2": "already covered in the project"])
        #expect(script.agenda == .rate(redisOp("op3")))
    }

    @Test func backOutsideAJumpReRatesThePreviousQuestion() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "4")
        // act
        try script.run("b", "1")
        // verify: op2 corrected to 1, the walk still waits at op3
        #expect(script.state.topics["3.2.1"]?.ratings == ["op1": 3, "op2": 1])
        #expect(script.agenda == .rate(redisOp("op3")))
    }
}
