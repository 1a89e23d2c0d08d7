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
