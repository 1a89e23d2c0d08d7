/// Why the engine refused an event. The terminal runner prints `description` and carries on; the web
/// console's server will answer a posted event with it. The state is unchanged by a refused event.
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

    public var description: String {
        switch self {
        case .notStarted: "the session has not started: the first event must be 'started'"
        case .alreadyStarted: "the session has already started"
        case .alreadyFinished: "the interview is finished; only ratings and notes can still be added"
        case .wrongGuide(let expected, let found):
            "the session is for guide '\(found ?? "unnamed")', but the guide loaded is '\(expected ?? "unnamed")'"
        case .timeWentBackwards: "the event is dated before the previous one"
        case .unknownStage(let stage): "the guide has no stage '\(stage)'"
        case .unknownTopic(let topic): "the guide has no topic '\(topic)'"
        case .unknownQuestion(let ref): "topic \(ref.topic) has no question '\(ref.question)'"
        case .ratingOutOfScale(let rating, let scale):
            "rating \(rating) is outside the guide's scale \(scale.lowerBound)–\(scale.upperBound)"
        case .notAsked(let ref): "question \(ref) has not been asked"
        case .alreadyHandled(let ref, let how): "question \(ref) was already \(how)"
        case .notNext(let ref, let expected): "question \(ref) is not where the flowchart leads (\(expected))"
        case .notCurrentTopic(let topic): "topic \(topic) is not the current topic"
        case .alreadyCurrent(let topic): "topic \(topic) is already the current topic"
        case .notAtGate(let topic, let gate): "gate \(gate) of topic \(topic) is not the current decision"
        case .notAtJumpOffer(let topic, let instruction): "\(instruction) of topic \(topic) is not offering a jump now"
        case .pickListOnly(let topic): "topic \(topic) is a pick list: pick its questions instead of walking"
        case .notAPickList(let topic): "topic \(topic) is walked in order, not picked from"
        case .stageStillOpen(let stage): "stage \(stage) is still open; finish it first"
        case .notCurrentStage(let stage): "stage \(stage) is not the current stage"
        case .topicOutsideStage(let topic, let stage):
            "topic \(topic) is not in the current stage \(stage ?? "(none)"); jump to it instead"
        case .insideJump: "return from the jump first"
        case .nothingToReturnTo: "there is no jump to return from"
        case .emptyText(let what): "the \(what) is empty"
        case .notFinishedYet: "finish the interview before submitting the scorecard"
        case .alreadySubmitted: "the scorecard is already submitted; changes are revisions with a reason"
        case .notSubmitted: "the scorecard is not submitted yet: change it directly"
        case .revisionNeedsReason: "the scorecard is submitted: say why you change it"
        case .unknownRecommendation(let text): "'\(text)' is not one of the guide's recommendations"
        case .requiredStagesUntouched(let stages):
            "required stage\(stages.count == 1 ? "" : "s") \(stages.joined(separator: ", ")) never started: confirm to finish anyway"
        }
    }
}
