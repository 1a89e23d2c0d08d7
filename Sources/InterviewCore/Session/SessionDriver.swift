import Flowchart
/// Turns commands into events and records them, one at a time: each event is checked by the engine,
/// handed to `persist` (the runner appends and fsyncs it), and only then applied. If `persist`
/// throws, the event never counts, so nothing is shown as recorded that is not on disk.
public struct SessionDriver {
    public private(set) var engine: SessionEngine
    public let clock: any SessionClock
    public var persist: (SessionEvent) throws -> Void
    /// Set by `back` outside a jump: the next rating corrects this earlier question.
    public private(set) var reviewing: QuestionRef?
    /// Set by `back` when the gate answered last can still be changed: the next y or n answers it again.
    public private(set) var revisingGate: GateRef?
    /// Required stages the interviewer must confirm leaving untouched before the end is recorded.
    public private(set) var confirming: [String]?

    public init(engine: SessionEngine, clock: any SessionClock, persist: @escaping (SessionEvent) throws -> Void = { _ in }) {
        self.engine = engine
        self.clock = clock
        self.persist = persist
    }

    public var guide: Guide { engine.guide }
    public var state: SessionState { engine.state }

    /// What a command did: the events recorded, and anything to tell the interviewer.
    public struct Outcome: Sendable {
        public var recorded: [SessionEvent] = []
        public var message: LocalizedText?
        public var quit = false
    }

    public mutating func record(_ kind: SessionEvent.Kind) throws -> SessionEvent {
        let now = clock.now()
        let event = SessionEvent(at: state.lastEventAt.map { max($0, now) } ?? now, kind)
        _ = try SessionEngine.fold(state, event, guide: guide)
        try persist(event)
        try engine.apply(event)
        return event
    }

    /// Records the steps that need no decision (enter the next stage or topic, ask the question the
    /// flowchart leads to, return from a finished jump), and tries to end the interview once every
    /// stage is done.
    /// Right after a gate's answer the interview is not ended on its own, since a slip on a last topic's
    /// "go deeper?" could never be changed once it was (a probe); `e` ends it, as at any time.
    public mutating func advance() throws -> Outcome {
        var outcome = Outcome()
        while true {
            if let kind = state.automaticEvent(guide) {
                outcome.recorded.append(try record(kind))
            } else if state.agenda(guide) == .finishInterview, confirming == nil, !engine.endWaitsForTheRevisableGate {
                outcome.recorded += try end().recorded
                if confirming != nil { outcome.message = confirmationMessage }
                return outcome
            } else {
                return outcome
            }
        }
    }

    public var confirmationMessage: LocalizedText? {
        confirming.map { LocalizedText(en: "required stage\($0.count == 1 ? "" : "s") \($0.joined(separator: ", ")) never started — end anyway? y/n",
                                       zh: "必选阶段 \($0.joined(separator: "、")) 从未开始——仍然结束面试吗？y/n") }
    }

    /// Ends the interview, or asks for confirmation when required stages were never started.
    mutating func end() throws -> Outcome {
        var outcome = Outcome()
        do {
            outcome.recorded.append(try record(.interviewFinished(confirmedIncomplete: [])))
        } catch SessionError.requiredStagesUntouched(let stages) {
            confirming = stages
            outcome.message = confirmationMessage
        }
        return outcome
    }

    mutating func confirm(_ yes: Bool) throws -> Outcome {
        guard let stages = confirming else { return Outcome() }
        confirming = nil
        guard yes else { return Outcome(message: LocalizedText(en: "not ended; carry on", zh: "没有结束；继续面试")) }
        return Outcome(recorded: [try record(.interviewFinished(confirmedIncomplete: stages))])
    }

    mutating func setReviewing(_ ref: QuestionRef?) {
        reviewing = ref
        revisingGate = nil
    }

    mutating func setRevising(_ gate: GateRef) {
        reviewing = nil
        revisingGate = gate
    }
}

/// One step of `b` back through an interview: a rated or skipped question to rate, or the gate to answer again.
public enum CorrectionStep: Hashable, Sendable {
    case question(QuestionRef)
    case gate(GateRef)
}

/// A gate of a topic, as `back` offers it for a changed answer.
public struct GateRef: Hashable, Sendable, CustomStringConvertible {
    public var topic: String
    public var gate: String
    public var description: String { "\(topic)/\(gate)" }

    public init(topic: String, gate: String) {
        self.topic = topic
        self.gate = gate
    }
}
