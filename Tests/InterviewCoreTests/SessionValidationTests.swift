import Foundation
import InterviewCore
import Testing

/// The engine is the validator the web console's server will use: events that do not fit are refused
/// with a typed error, and a refused event changes nothing.
@Suite("Session validation")
struct SessionValidationTests {
    private func engineAtRedis() throws -> SessionEngine {
        var script = try SessionTestScript()
        try script.run("f", "f", "f")
        return script.driver.engine
    }

    private func event(_ kind: SessionEvent.Kind, _ engine: SessionEngine) -> SessionEvent {
        SessionEvent(at: (engine.state.lastEventAt ?? SessionTestGuide.t0) + 1, kind)
    }

    @Test(arguments: [
        (SessionEvent.Kind.rated(QuestionRef(topic: "3.2.1", question: "op1"), rating: 5), SessionError.ratingOutOfScale(5, 0...4)),
        (.rated(QuestionRef(topic: "3.2.1", question: "op9"), rating: 2), .unknownQuestion(QuestionRef(topic: "3.2.1", question: "op9"))),
        (.rated(QuestionRef(topic: "3.2.1", question: "op2"), rating: 2), .notAsked(QuestionRef(topic: "3.2.1", question: "op2"))),
        (.questionAsked(QuestionRef(topic: "3.2.1", question: "op3")), .notNext(QuestionRef(topic: "3.2.1", question: "op3"), expected: "it leads to op1")),
        (.gateAnswered(topic: "3.2.1", gate: "cond1", answer: true), .notAtGate(topic: "3.2.1", gate: "cond1")),
        (.topicEntered(topic: "9.9"), .unknownTopic("9.9")),
        (.returned, .nothingToReturnTo),
        (.stageEntered(stage: "4"), .stageStillOpen("3")),
        (.started(SessionStart(guideID: "seed-like", guideHash: "x", guideTitle: "again")), .alreadyStarted),
        (.noteAdded(SessionNote(text: "  ")), .emptyText("note")),
        (.interviewFinished(confirmedIncomplete: []), .requiredStagesUntouched(["5"])),
    ])
    func eventsThatDoNotFitAreRefusedAndChangeNothing(kind: SessionEvent.Kind, expected: SessionError) throws {
        // setup
        var engine = try engineAtRedis()
        let before = engine.state
        // act
        let error = #expect(throws: SessionError.self) { try engine.apply(event(kind, engine)) }
        // verify
        #expect(error == expected)
        #expect(engine.state == before)
    }

    @Test func anEventDatedBeforeThePreviousOneIsRefused() throws {
        // setup
        var engine = try engineAtRedis()
        let early = SessionEvent(at: SessionTestGuide.t0 - 60, .noteAdded(SessionNote(text: "late entry")))
        // act + verify
        #expect(throws: SessionError.timeWentBackwards) { try engine.apply(early) }
    }

    @Test func nothingButStartedMayComeFirst() {
        // setup
        var engine = SessionEngine(guide: SessionTestGuide.guide())
        // act + verify
        #expect(throws: SessionError.notStarted) { try engine.apply(SessionEvent(at: SessionTestGuide.t0, .stageEntered(stage: "0"))) }
    }

    @Test func aLogForAnotherGuideIsRefused() {
        // setup
        var engine = SessionEngine(guide: SessionTestGuide.guide())
        let other = SessionEvent(at: SessionTestGuide.t0, .started(SessionStart(guideID: "frontend", guideHash: "h", guideTitle: "FE")))
        // act + verify
        #expect(throws: SessionError.wrongGuide(expected: "seed-like", found: "frontend")) { try engine.apply(other) }
    }

    @Test func afterTheEndOnlyRatingsAndNotesAreAccepted() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "e", "y")
        var engine = script.driver.engine
        #expect(engine.state.isFinished)
        // act: a late correction and a note
        try engine.apply(event(.rated(QuestionRef(topic: "3.2.1", question: "op1"), rating: 4), engine))
        try engine.apply(event(.noteAdded(SessionNote(text: "写完评分卡")), engine))
        // verify: both count; walking on does not
        #expect(throws: SessionError.alreadyFinished) { try engine.apply(event(.stageEntered(stage: "4"), engine)) }
        #expect(engine.state.rating(QuestionRef(topic: "3.2.1", question: "op1")) == 4)
    }
}
