/// Why the engine refused an event. The terminal runner prints `text` in its language and carries on;
/// the web console's server answers a posted event with it in the interviewer's language. The state is unchanged by a refused event.
public enum SessionError: Error, Hashable, Sendable, CustomStringConvertible {
    case notStarted
    case alreadyStarted
    case alreadyFinished
    case wrongGuide(expected: String?, found: String?)
    case timeWentBackwards
    case unknownStage(String)
    case unknownTopic(String)
    case unknownQuestion(QuestionRef)
    case ratingOutOfScale(Int, ClosedRange<Int>)
    case notAsked(QuestionRef)
    case alreadyHandled(QuestionRef, String)
    case notNext(QuestionRef, expected: String)
    case notCurrentTopic(String)
    case alreadyCurrent(String)
    case notAtGate(topic: String, gate: String)
    case gateNotRevisable(topic: String, gate: String)
    case gateAlreadyAnswered(topic: String, gate: String, answer: Bool)
    case notAtJumpOffer(topic: String, instruction: String)
    case pickListOnly(String)
    case notAPickList(String)
    case stageStillOpen(String)
    case notCurrentStage(String)
    case topicOutsideStage(topic: String, stage: String?)
    case insideJump
    case nothingToReturnTo
    case emptyText(String)
    case requiredStagesUntouched([String])
    case notFinishedYet
    case alreadySubmitted
    case notSubmitted
    case revisionNeedsReason
    case unknownRecommendation(String)

    /// English, for logs and tests; people read `text` in their own language.
    public var description: String { text.en }
}
