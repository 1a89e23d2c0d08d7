import Foundation

/// Starting, stages, and the end of the interview; the stage clock moves with them.
extension SessionFold {
    mutating func start(_ start: SessionStart) throws(SessionError) {
        if let expected = guide.id, let found = start.guideID, expected != found {
            throw .wrongGuide(expected: expected, found: found)
        }
        state.start = start
        state.startedAt = at
    }

    mutating func enterStage(_ key: String) throws(SessionError) {
        guard guide.stage(key) != nil else { throw .unknownStage(key) }
        guard state.returnStack.isEmpty else { throw .insideJump }
        if let open = state.currentStage { throw .stageStillOpen(open) }
        state.stages[key]?.isFinished = false
        switchStage(to: key)
    }

    mutating func finishStage(_ key: String) throws(SessionError) {
        guard guide.stage(key) != nil else { throw .unknownStage(key) }
        guard state.currentStage == key else { throw .notCurrentStage(key) }
        guard state.returnStack.isEmpty else { throw .insideJump }
        switchStage(to: nil)
        state.stages[key]?.isFinished = true
        state.currentTopic = nil
    }

    /// Finishing while a required stage was never started needs that stage listed as confirmed:
    /// the first attempt is refused with the list, the interviewer confirms, the event carries it.
    mutating func finishInterview(_ confirmed: [String]) throws(SessionError) {
        let untouched = Self.untouchedRequiredStages(guide, state)
        guard Set(untouched) == Set(confirmed) else { throw .requiredStagesUntouched(untouched) }
        switchStage(to: nil)
        state.currentTopic = nil
        state.returnStack = []
        state.finishedAt = at
        state.confirmedIncomplete = untouched
    }

    /// Submitting comes after the interview: ratings made after it ended still count until then. Once
    /// submitted, the recommendation and summary change only inside a revision begun since, which says
    /// why (an interviewer who reread their notes and went from "undecided" to "no hire" could not).
    /// The card keeps the time it was first submitted.
    mutating func submit(_ submission: ScorecardSubmission) throws(SessionError) {
        guard state.isFinished else { throw .notFinishedYet }
        guard state.submission == nil || state.revisions.count > state.revisionsAtSubmission else { throw .alreadySubmitted }
        let recommendation = submission.recommendation.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !recommendation.isEmpty else { throw .emptyText("recommendation") }
        let bands = guide.bands.map(\.id) + [ScorecardSubmission.noDecision]
        guard bands.contains(recommendation) else { throw .unknownRecommendation(recommendation) }
        state.submission = ScorecardSubmission(recommendation: recommendation,
                                               summary: submission.summary.trimmingCharacters(in: .whitespacesAndNewlines))
        if state.submittedAt == nil { (state.topicsAtFirstSubmission, state.firstSubmission) = (state.topics, state.submission) }
        state.submittedAt = state.submittedAt ?? at
        state.revisionsAtSubmission = state.revisions.count
    }

    mutating func startRevision(_ reason: String) throws(SessionError) {
        guard state.submission != nil else { throw .notSubmitted }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .revisionNeedsReason }
        state.revisions.append(SessionState.Revision(at: at, reason: reason))
    }

    /// Closes the break since the last event: the running stage's clock stops at that event and runs
    /// again from now, and the break is kept for the duration and the questions' times.
    mutating func resume() {
        guard let last = state.lastEventAt, at > last else { return }
        if let stage = state.currentStage, var progress = state.stages[stage], let since = progress.currentSince {
            progress.spent += max(0, last.timeIntervalSince(since))
            progress.currentSince = at
            state.stages[stage] = progress
        }
        state.breaks.append(DateInterval(start: last, end: at))
    }

    static func untouchedRequiredStages(_ guide: Guide, _ state: SessionState) -> [String] {
        guide.stages.filter { $0.requirement == .required && state.stages[$0.key] == nil }.map(\.key)
    }

    /// Stops the running stage's clock and starts another's (or none).
    mutating func switchStage(to key: String?) {
        guard state.currentStage != key else { return }
        if let old = state.currentStage, var progress = state.stages[old], let since = progress.currentSince {
            progress.spent += max(0, at.timeIntervalSince(since))
            progress.currentSince = nil
            state.stages[old] = progress
        }
        if let key {
            var progress = state.stages[key] ?? StageProgress(firstEnteredAt: at)
            progress.currentSince = at
            state.stages[key] = progress
        }
        state.currentStage = key
    }
}
