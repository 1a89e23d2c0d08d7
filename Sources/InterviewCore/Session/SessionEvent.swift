import Foundation

/// One thing that happened in an interview, as the log records it. The session is nothing but these,
/// in order: `SessionEngine` folds them into a `SessionState`, `Scoring` reads the state.
public struct SessionEvent: Hashable, Sendable {
    /// The log format this build writes. Older logs (lower versions) must keep loading; a higher version
    /// means a newer build wrote the log and is refused with a message rather than misread.
    /// 2: the paths of a parallel fork meet at their join, which is asked after every path (`TopicWalk`);
    /// a log started at version 1 keeps walking as it was recorded, where the join came after the first.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var at: Date
    public var kind: Kind

    /// `at` is kept to the millisecond, the precision the log stores (see `SessionTimestamp`).
    public init(at: Date, _ kind: Kind, schemaVersion: Int = SessionEvent.currentSchemaVersion) {
        self.schemaVersion = schemaVersion
        self.at = SessionTimestamp.normalized(at)
        self.kind = kind
    }

    public enum Kind: Hashable, Sendable {
        case started(SessionStart)
        case stageEntered(stage: String)
        case stageFinished(stage: String)
        /// Moving on to a topic of the current stage in the usual order (no return point).
        case topicEntered(topic: String)
        case questionAsked(QuestionRef)
        /// A pick-list topic's question chosen as the moment fits; it counts as asked.
        case openQuestionPicked(QuestionRef)
        case rated(QuestionRef, rating: Int)
        case questionSkipped(QuestionRef, reason: String)
        /// `answer` is the interviewer's yes or no at a condition node.
        case gateAnswered(topic: String, gate: String, answer: Bool)
        /// The interviewer changed the answer at the last gate answered in `topic`, before any question
        /// after it was rated or skipped: a mis-click on "go deeper?" skipped the deeper questions for good.
        /// The walk goes back to the gate and on along `answer`; a question asked after the old answer and
        /// not rated is withdrawn. From another topic it opens the gate's topic as a jump does.
        case gateRevised(topic: String, gate: String, answer: Bool)
        /// Leaves a return point on the stack; `via` names the instruction that offered the jump, if any.
        case jumpedToTopic(topic: String, via: String?)
        /// The interviewer passed on an instruction's offer to go to another topic.
        case jumpDeclined(topic: String, instruction: String)
        case returned
        case noteAdded(SessionNote)
        /// `confirmedIncomplete` lists the required stages never touched, which the interviewer confirmed.
        case interviewFinished(confirmedIncomplete: [String])
        /// The interviewer's own verdict, after the interview: the card is locked from here on, and each
        /// later change is a revision that says why.
        case scorecardSubmitted(ScorecardSubmission)
        /// Opens a change to a submitted card; the ratings and notes that follow belong to it.
        case revisionStarted(reason: String)
        /// The interview went on after an interruption (the terminal runner quit or stopped, then
        /// `run --resume`): the time since the event before this one is a break, not interview time, for
        /// the stage clocks, the duration and the questions' seconds.
        case resumed
    }
}

/// What an interviewer says when submitting their scorecard: an overall recommendation on the guide's
/// scale of bands (a band's id, such as `hire`, or `ScorecardSubmission.noDecision`), and a short summary.
public struct ScorecardSubmission: Hashable, Sendable, Codable {
    /// The recommendation of someone who does not recommend either way.
    public static let noDecision = "no-decision"

    /// Its label beside the guide's bands, in the guide's language as the bands are (it was "不作推荐 No
    /// decision" in both).
    public static func noDecisionLabel(for guide: Guide) -> String {
        guide.language == "zh" ? "不作推荐" : "No decision"
    }

    public var recommendation: String
    public var summary: String

    public init(recommendation: String, summary: String) {
        self.recommendation = recommendation
        self.summary = summary
    }
}

/// The first event: which guide version the session walks, and for whom.
public struct SessionStart: Hashable, Sendable, Codable {
    public var guideID: String?
    /// `Guide.contentHash` of the guide the session was recorded with.
    public var guideHash: String
    public var guideTitle: String
    public var candidate: String?
    /// Who ran the interview (a name or a code), so ratings from terminal sessions can be told apart by
    /// rater when a team calibrates its interviewers.
    public var interviewer: String?

    public init(guideID: String?, guideHash: String, guideTitle: String, candidate: String? = nil, interviewer: String? = nil) {
        self.guideID = guideID
        self.guideHash = guideHash
        self.guideTitle = guideTitle
        self.candidate = candidate
        self.interviewer = interviewer
    }
}

/// A question of a topic, named the way annotations name them: topic key and node id.
public struct QuestionRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var topic: String
    public var question: String

    public init(topic: String, question: String) {
        self.topic = topic
        self.question = question
    }

    public var description: String { "\(topic)/\(question)" }
}

/// An interviewer's note. Private notes never reach the candidate; shared ones are feedback they may read.
public struct SessionNote: Hashable, Sendable, Codable {
    public var text: String
    public var stage: String?
    public var topic: String?
    public var question: String?
    public var isShared: Bool

    public init(text: String, stage: String? = nil, topic: String? = nil, question: String? = nil, isShared: Bool = false) {
        self.text = text
        self.stage = stage
        self.topic = topic
        self.question = question
        self.isShared = isShared
    }
}
