import Foundation
import InterviewCore
import Testing

@Suite("Breaks: a session resumed after an interruption")
struct SessionBreakTests {
    static let night: TimeInterval = 10 * 3600

    /// The scripted session, and the same session interrupted for a night just before the first rating:
    /// the events from there on happen ten hours later, after a `resumed`.
    static func sessions() throws -> (plain: [SessionEvent], interrupted: [SessionEvent]) {
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "2", "3")
        let plain = script.events
        let cut = try #require(plain.firstIndex { if case .rated = $0.kind { true } else { false } })
        let resumed = SessionEvent(at: plain[cut - 1].at + night, .resumed)
        let later = plain[cut...].map { SessionEvent(at: $0.at + night + 1, $0.kind) }
        return (plain, Array(plain[..<cut]) + [resumed] + later)
    }

    @Test func theNightCountsNeitherToTheStageNorToTheInterviewNorToTheQuestion() throws {
        // setup
        let (plain, interrupted) = try Self.sessions()
        let guide = SessionTestGuide.guide()
        // act
        let before = try SessionEngine(guide: guide, replaying: plain).state
        let after = try SessionEngine(guide: guide, replaying: interrupted).state
        let plainSeconds = try SessionAnalytics.read(plain, guide: guide, interview: "a").questions.compactMap(\.seconds)
        let seconds = try SessionAnalytics.read(interrupted, guide: guide, interview: "a").questions.compactMap(\.seconds)
        // verify: one second more than without the break (the gap between `resumed` and the rating), never the night
        let stage = try #require(after.currentStage)
        #expect(after.breaks.count == 1 && after.breaks[0].duration == Self.night)
        #expect(after.elapsed(stage: stage, at: after.lastEventAt!) == before.elapsed(stage: stage, at: before.lastEventAt!) + 1)
        #expect(after.totalElapsed(at: after.lastEventAt!) == before.totalElapsed(at: before.lastEventAt!) + 1)
        #expect(plainSeconds.count == seconds.count && !seconds.isEmpty)
        #expect(seconds.first == plainSeconds.first.map { $0 + 1 })
        #expect(Array(seconds.dropFirst()) == Array(plainSeconds.dropFirst()))
        // And the report's duration, which is what an interviewer reads.
        let report = InterviewReport.make(guide: guide, state: after, audience: .interviewer)
        #expect(report.minutes < 60)
    }

    @Test func resumedIsALogLineAndNeedsARunningInterview() throws {
        // setup
        let (_, interrupted) = try Self.sessions()
        let guide = SessionTestGuide.guide()
        let line = SessionLog.line(for: try #require(interrupted.first { $0.kind == .resumed }))
        // act
        let read = try SessionLog.decode(Data(SessionLog.encode(interrupted).utf8))
        var fresh = SessionEngine(guide: guide)
        let beforeStart = #expect(throws: SessionError.self) { try fresh.apply(SessionEvent(at: SessionTestGuide.t0, .resumed)) }
        // verify
        #expect(line.contains(#""type":"resumed""#))
        #expect(read.events == interrupted)
        #expect(beforeStart == .notStarted)
    }

    @Test func aFinishedInterviewIsNotResumed() throws {
        // setup: a session finished (confirming the stages left), then a `resumed`
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3")
        var engine = try SessionEngine(guide: script.driver.guide, replaying: script.events)
        let finished = script.state.lastEventAt! + 60
        try engine.apply(SessionEvent(at: finished, .interviewFinished(
            confirmedIncomplete: script.state.untouchedRequiredStages(script.driver.guide))))
        // act
        let refused = #expect(throws: SessionError.self) { try engine.apply(SessionEvent(at: finished + 60, .resumed)) }
        // verify
        #expect(refused == .alreadyFinished)
    }
}
