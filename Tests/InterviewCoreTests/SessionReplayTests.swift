import Foundation
import InterviewCore
import Testing

@Suite("Session replay")
struct SessionReplayTests {
    /// A session touching every kind of event the runner writes.
    private func recordedSession() throws -> SessionTestScript {
        var script = try SessionTestScript()
        try script.run("f", "m 表达清楚", "f", "f", "3", "j 3.5.1", "4", "3", "y", "M 三次握手讲得很好", "b",
                       "s 项目里讲过", "2", "y", "1", "b", "2", "j 3.6", "p 1", "3", "f", "e", "y")
        return script
    }

    @Test func replayingTheEventsGivesTheSameState() throws {
        // setup
        let script = try recordedSession()
        // act
        let replayed = try SessionEngine(guide: script.driver.guide, replaying: script.events)
        // verify
        #expect(replayed.state == script.state)
        #expect(script.state.isFinished)
    }

    @Test func replayingTheWrittenLogGivesTheSameState() throws {
        // setup
        let script = try recordedSession()
        // act: through the JSON Lines text, as `--resume` and `interview report` read it
        let log = try SessionLog.decode(Data(SessionLog.encode(script.events).utf8))
        let replayed = try SessionEngine(guide: script.driver.guide, replaying: log.events)
        // verify
        #expect(replayed.state == script.state)
        #expect(Scoring.score(script.driver.guide, replayed.state) == Scoring.score(script.driver.guide, script.state))
    }

    @Test func aLogThatDoesNotFitTheGuideNamesTheEvent() throws {
        // setup: the same log against a guide whose Redis topic lost op1
        let script = try recordedSession()
        var guide = script.driver.guide
        guide.stages[3].topics[0].questions.removeAll { $0.id == "op1" }
        // act
        let error = #expect(throws: SessionReplayError.self) { try SessionEngine(guide: guide, replaying: script.events) }
        // verify
        #expect(error?.index == 10)
        #expect(error?.description == "event 11 (questionAsked): topic 3.2.1 has no question 'op1'")
    }
}
