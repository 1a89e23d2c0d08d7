import Foundation
import InterviewCore
import Testing

/// An answer that leads straight back to the gate it was given at was taken without a word: the same gate
/// came back as if the key had not been pressed. The runner and the console now say why and what to do.
@Suite("A gate answer that leads back to its gate")
struct SessionGateLoopTests {
    /// "Until satisfied": no asks a follow-up that leads back to the gate.
    static let guide = SessionTestGuide.oneTopic("""
        Q1 --> G{Satisfied with the design?}
        G -->|no| Q2[Ask a follow-up about scaling]
        Q2 --> G
        G -->|yes| E([End])
        """)

    @Test func theSecondNoIsRefusedSayingTheChartLoopsAndYesGoesOn() throws {
        // setup: Q1 rated, no, the follow-up rated: back at the gate
        var script = try SessionTestScript(guide: Self.guide)
        try script.run("3", "n", "2")
        #expect(script.agenda == .gate(topic: "1.1", gate: "G"))
        let count = script.events.count
        // act
        let error = #expect(throws: CommandError.self) { try script.driver.perform(.answer(false)) }
        // verify: nothing recorded, the reason said; yes still goes on
        #expect(error?.text.en.contains("no at G leads straight back to it") == true, "\(String(describing: error))")
        #expect(error?.text.zh.contains("流程图是个环") == true)
        #expect(script.events.count == count)
        try script.run("y")
        #expect(script.state.topics["1.1"]?.isWalkDone == true)
    }

    /// From a probe: `G -->|yes| G` got no finding (or only one about another loop of the chart), and the
    /// runner then refused that answer in the middle of an interview.
    @Test func aGatesLineToItselfIsToldAtThatLine() throws {
        // act
        let imported = SessionTestGuide.importOneTopic("""
            Q1 --> G{Go deeper?}
            G -->|yes| G
            G -->|no| S
            """)
        // verify: said at line 8 (G's yes line), once, in both languages
        let findings = imported.diagnostics.map(\.diagnostic).filter { $0.code == .loopAsksNothingNew }
        let selfLoop = try #require(findings.first { $0.text.en.contains("the yes line of 'G' leads straight back to it") })
        #expect(selfLoop.position.line == 8)
        #expect(selfLoop.text.zh.contains("'G' 的“是”分支直接回到它自己"))
        #expect(findings.filter { $0.text.en.contains("from 'G' to 'G'") }.isEmpty)
    }

    /// From a recheck: the suggestion leaned to "yes" where yes leads straight back to the gate, an answer
    /// the runner then refused.
    @Test func theSuggestionNeverAdvisesAnAnswerThatLeadsBack() throws {
        // setup: yes goes back to the start; Q1 rated 4
        let guide = SessionTestGuide.oneTopic("Q1 --> G{Another example?}\nG -->|yes| S\nG -->|no| E([End])")
        var script = try SessionTestScript(guide: guide)
        try script.run("4")
        #expect(script.agenda == .gate(topic: "1.1", gate: "G"))
        // act
        let suggestion = GateSuggestion.make(for: "G", in: "1.1", state: script.state, guide: guide, now: Date())
        // verify: no, with why, in both languages
        #expect(suggestion.advice == .loopsBack && suggestion.answer == false)
        #expect(suggestion.reason(language: "en").contains("yes leads straight back to this gate (the chart loops), so no"))
        #expect(suggestion.reason(language: "zh").contains("所以答“否”"))
        try script.run("n")
        #expect(script.state.topics["1.1"]?.isWalkDone == true)
    }

    @Test func aLogWithSuchAnAnswerStillReplays() throws {
        // setup: the answer recorded directly, as an older build would have
        var script = try SessionTestScript(guide: Self.guide)
        try script.run("3", "n", "2")
        var engine = script.driver.engine
        try engine.apply(SessionEvent(at: engine.state.lastEventAt! + 1, .gateAnswered(topic: "1.1", gate: "G", answer: false)))
        // act + verify
        let replayed = try SessionEngine(guide: Self.guide, replaying: engine.events)
        #expect(replayed.state.topics["1.1"]?.position == "G")
    }
}
