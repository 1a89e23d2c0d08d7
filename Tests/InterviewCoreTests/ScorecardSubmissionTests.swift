import Foundation
@testable import InterviewCore
import Testing

/// Issue 14, the scorecard's lifecycle in the engine: finished, then submitted with the interviewer's
/// own recommendation and summary; every change after that is a revision that says why.
@Suite("Scorecard submission and revisions")
struct ScorecardSubmissionTests {
    private func finishedScript() throws -> SessionTestScript {
        var script = try SessionTestScript()
        _ = try script.driver.record(.interviewFinished(confirmedIncomplete: SessionTestGuide.guide().stages
            .filter { $0.requirement == .required && script.state.stages[$0.key] == nil }.map(\.key)))
        return script
    }

    @Test func submittingComesAfterTheInterviewAndOnlyOnce() throws {
        // setup
        var open = try SessionTestScript()
        var script = try finishedScript()
        // act / verify
        #expect(throws: SessionError.notFinishedYet) {
            try open.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "")))
        }
        #expect(throws: SessionError.unknownRecommendation("superb")) {
            try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "superb", summary: "")))
        }
        try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "  Solid.  ")))
        #expect(script.state.submission == ScorecardSubmission(recommendation: "hire", summary: "Solid."))
        #expect(script.state.submittedAt != nil)
        #expect(throws: SessionError.alreadySubmitted) {
            try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: ScorecardSubmission.noDecision, summary: "")))
        }
    }

    @Test func changesAfterSubmissionNeedARevisionWithAReason() throws {
        // setup
        var script = try finishedScript()
        try script.driver.record(.noteAdded(SessionNote(text: "still before submitting")))
        try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "")))
        // act / verify
        #expect(throws: SessionError.revisionNeedsReason) { try script.driver.record(.noteAdded(SessionNote(text: "afterthought"))) }
        #expect(throws: SessionError.revisionNeedsReason) { try script.driver.record(.revisionStarted(reason: "  ")) }
        try script.driver.record(.revisionStarted(reason: "Re-read my notes"))
        try script.driver.record(.noteAdded(SessionNote(text: "afterthought")))
        #expect(script.state.revisions.map(\.reason) == ["Re-read my notes"])
        // The log keeps all of it and replays to the same state.
        let replayed = try SessionEngine(guide: SessionTestGuide.guide(), replaying: script.events)
        #expect(replayed.state == script.state)
    }

    @Test func aRecommendationChangesOnlyInARevisionBegunSinceTheLastSubmission() throws {
        // setup: submitted "lean-no", then reread the notes
        var script = try finishedScript()
        try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "lean-no", summary: "Unsure.")))
        let first = try #require(script.state.submittedAt)
        // act
        try script.driver.record(.revisionStarted(reason: "reread my notes: the Redis answers were wrong"))
        try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "no-hire", summary: "Weak on Redis.")))
        // verify: changed, the card keeps its first submission time, and a second change needs a new reason
        #expect(script.state.submission == ScorecardSubmission(recommendation: "no-hire", summary: "Weak on Redis."))
        #expect(script.state.submittedAt == first)
        #expect(script.state.revisions.count == 1 && script.state.revisionsAtSubmission == 1)
        #expect(throws: SessionError.alreadySubmitted) {
            try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "")))
        }
    }

    @Test func aRevisionNeedsASubmittedCard() throws {
        var script = try finishedScript()
        #expect(throws: SessionError.notSubmitted) { try script.driver.record(.revisionStarted(reason: "why")) }
    }
}
