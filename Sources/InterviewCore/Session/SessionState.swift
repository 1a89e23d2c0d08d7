import Foundation

/// Everything the events have established so far. Built only by `SessionEngine.apply`, a pure fold:
/// the same events over the same guide always give an equal state.
public struct SessionState: Hashable, Sendable {
    public var start: SessionStart?
    public var startedAt: Date?
    public var lastEventAt: Date?
    public var eventCount = 0
    /// The stage whose clock runs: the stage entered, or the stage of a topic jumped to.
    public var currentStage: String?
    public var currentTopic: String?
    public var stages: [String: StageProgress] = [:]
    public var topics: [String: TopicProgress] = [:]
    /// Where `returned` goes back to, innermost last.
    public var returnStack: [ReturnPoint] = []
    public var notes: [TimedNote] = []
    public var finishedAt: Date?
    public var confirmedIncomplete: [String] = []
    /// The interviewer's submission, once made; the card is locked from then on.
    public var submission: ScorecardSubmission?
    public var submittedAt: Date?
    /// Each change to the submitted card: when, and why.
    public var revisions: [Revision] = []
    /// The questions as they stood when the card was first submitted, before the interviewer could read
    /// colleagues' cards: the debrief marks each answer a revision changed since (`PanelDebrief.Cell.asSubmitted`).
    public var topicsAtFirstSubmission: [String: TopicProgress]?
    /// The recommendation and summary as first submitted, for the same reason: a verdict changed after
    /// reading colleagues' cards showed in the debrief as if given blind (a panel probe).
    public var firstSubmission: ScorecardSubmission?
    /// How many revisions there were when the current submission was made: a recommendation or summary
    /// is changed only in a revision begun since.
    public var revisionsAtSubmission = 0
    /// The interruptions `resumed` closed: from the event before it to it. Their time is no one's.
    public var breaks: [DateInterval] = []
    /// The schema version of the log's first event: how its walks treat a parallel fork's join.
    public var logVersion = SessionEvent.currentSchemaVersion

    public struct Revision: Hashable, Sendable {
        public var at: Date
        public var reason: String
    }

    public init() {}

    public var isStarted: Bool { start != nil }
    public var isFinished: Bool { finishedAt != nil }

    public func progress(_ topic: String) -> TopicProgress? { topics[topic] }

    public func rating(_ ref: QuestionRef) -> Int? { topics[ref.topic]?.ratings[ref.question] }
}

public struct ReturnPoint: Hashable, Sendable, Codable {
    public var stage: String?
    public var topic: String?

    public init(stage: String?, topic: String?) {
        self.stage = stage
        self.topic = topic
    }
}

public struct TimedNote: Hashable, Sendable, Codable {
    public var at: Date
    public var note: SessionNote
}

/// A stage's clock: time is counted while the stage is current, across however many visits.
public struct StageProgress: Hashable, Sendable, Codable {
    public var firstEnteredAt: Date
    public var isFinished = false
    /// Seconds spent in earlier visits.
    public var spent: TimeInterval = 0
    /// When the running visit began; nil while another stage is current.
    public var currentSince: Date?

    public init(firstEnteredAt: Date) { self.firstEnteredAt = firstEnteredAt }

    public func elapsed(at now: Date) -> TimeInterval {
        spent + (currentSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}

/// One step of a topic's walk: leaving `from` along `branch` ("next", "yes", "no").
public struct WalkMove: Hashable, Sendable, Codable {
    public var from: String
    public var branch: String
    public var to: String
}

/// A topic's walk through its flowchart and what was recorded in it.
public struct TopicProgress: Hashable, Sendable, Codable {
    public var enteredAt: Date
    /// The node the walk stands at (a question to ask or rate, a gate, a jump offer); nil at the end.
    public var position: String?
    /// Questions asked (or picked), in order.
    public var asked: [String] = []
    public var askedAt: [String: Date] = [:]
    public var ratings: [String: Int] = [:]
    public var skipped: [String: String] = [:]
    public var gateAnswers: [String: Bool] = [:]
    /// Every move of the walk, for drawing the path taken.
    public var trail: [WalkMove] = []
    /// Paths of parallel nodes passed on the way, still to walk (the next one last): a walk that runs
    /// out on one path goes on with the next, so path2 and path3 questions are asked, not lost.
    public var waitingPaths: [WalkMove] = []
    /// The last gate answered here, while its answer can still be changed (`SessionEvent.Kind.gateRevised`):
    /// until a question after it is rated or skipped, or a jump it led to is taken or declined.
    public var revisableGate: RevisableGate?

    /// Not part of the card's record: only the live walk needs it (`Codable` is for snapshots of progress).
    private enum CodingKeys: String, CodingKey {
        case enteredAt, position, asked, askedAt, ratings, skipped, gateAnswers, trail, waitingPaths
    }

    public init(enteredAt: Date, position: String?) {
        self.enteredAt = enteredAt
        self.position = position
    }

    public var isWalkDone: Bool { position == nil }

    public func wasAsked(_ question: String) -> Bool { askedAt[question] != nil }

    /// Asked (or picked) and still waiting for a rating or a skip.
    public var pending: [String] { asked.filter { ratings[$0] == nil && skipped[$0] == nil } }

    /// A question rated or skipped after the revisable gate is evidence along its answer: the answer stands.
    /// A correction to a question asked before the gate leaves it open.
    mutating func closeGateRevision(after question: String) {
        if let before = revisableGate?.before.first, !before.wasAsked(question) { revisableGate = nil }
    }

    /// Nodes the walk has stood on, for highlighting.
    public var visitedNodes: Set<String> { Set(trail.flatMap { [$0.from, $0.to] }).union(position.map { [$0] } ?? []) }
}

/// A gate whose answer may still be changed, with the topic's walk as it stood before the answer.
public struct RevisableGate: Hashable, Sendable {
    public var gate: String
    public var answer: Bool
    public var at: Date
    /// One element: the progress before the answer (an array, since a struct cannot hold itself).
    var before: [TopicProgress]
}

extension SessionState {
    /// The gate whose answer the interviewer may change now: the one answered last among those still
    /// revisable, in any topic (the walk may have moved on to the next topic on its own).
    public var revisableGate: (topic: String, gate: RevisableGate)? {
        guard isStarted, !isFinished else { return nil }
        return topics.compactMap { key, progress in progress.revisableGate.map { (topic: key, gate: $0) } }
            .max { ($0.gate.at, $0.topic) < ($1.gate.at, $1.topic) }
    }
}
