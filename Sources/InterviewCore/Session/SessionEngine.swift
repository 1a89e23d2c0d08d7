import Foundation

/// The interview engine: a guide, the events so far, and the state they fold into.
///
/// `apply` is the single way in. The terminal runner records through it, and the web console's server
/// will validate posted events through it: an event that does not fit the guide or the moment (a
/// rating off the scale, a question the flowchart does not lead to, a gate that is not current) is
/// refused with a `SessionError`, and neither the state nor the event list changes.
public struct SessionEngine: Sendable {
    public let guide: Guide
    public private(set) var state = SessionState()
    public private(set) var events: [SessionEvent] = []

    public init(guide: Guide) {
        self.guide = guide
    }

    /// Replays a log. A refused event stops the replay: a log is only ever written through `apply`,
    /// so a refusal means the log belongs to another guide version or was edited by hand.
    public init(guide: Guide, replaying events: [SessionEvent]) throws(SessionReplayError) {
        self.guide = guide
        for (index, event) in events.enumerated() {
            do { try apply(event) } catch { throw SessionReplayError(index: index, event: event, error: error) }
        }
    }

    @discardableResult
    public mutating func apply(_ event: SessionEvent) throws(SessionError) -> SessionState {
        state = try Self.fold(state, event, guide: guide)
        events.append(event)
        return state
    }

    /// Stamps an event with the clock (never earlier than the last event, so a clock stepping back
    /// cannot lock the interviewer out) and applies it.
    @discardableResult
    public mutating func record(_ kind: SessionEvent.Kind, clock: any SessionClock) throws(SessionError) -> SessionEvent {
        let now = clock.now()
        let event = SessionEvent(at: state.lastEventAt.map { max($0, now) } ?? now, kind)
        try apply(event)
        return event
    }

    /// The pure step: the state after one more event, or why the event does not fit.
    public static func fold(_ state: SessionState, _ event: SessionEvent, guide: Guide) throws(SessionError) -> SessionState {
        var fold = SessionFold(state: state, guide: guide, at: event.at)
        try fold.check(event)
        switch event.kind {
        case .started(let start):
            try fold.start(start)
            fold.state.logVersion = event.schemaVersion
        case .stageEntered(let stage): try fold.enterStage(stage)
        case .stageFinished(let stage): try fold.finishStage(stage)
        case .interviewFinished(let confirmed): try fold.finishInterview(confirmed)
        case .topicEntered(let topic): try fold.enterTopic(topic)
        case .jumpedToTopic(let topic, let via): try fold.jump(to: topic, via: via)
        case .jumpDeclined(let topic, let instruction): try fold.declineJump(topic, instruction)
        case .returned: try fold.returnFromJump()
        case .questionAsked(let ref): try fold.ask(ref)
        case .openQuestionPicked(let ref): try fold.pick(ref)
        case .rated(let ref, let rating): try fold.rate(ref, rating)
        case .questionSkipped(let ref, let reason): try fold.skip(ref, reason)
        case .gateAnswered(let topic, let gate, let answer): try fold.answer(topic, gate, answer)
        case .gateRevised(let topic, let gate, let answer): try fold.revise(topic, gate, answer)
        case .noteAdded(let note): try fold.note(note)
        case .scorecardSubmitted(let submission): try fold.submit(submission)
        case .revisionStarted(let reason): try fold.startRevision(reason)
        case .resumed: fold.resume()
        }
        fold.state.eventCount += 1
        fold.state.lastEventAt = event.at
        return fold.state
    }
}

extension SessionEngine {
    /// Whether the interviewer's last action was answering the gate that can still be changed, with only
    /// automatic steps since (the next question asked, a topic or stage entered, a stage of topics finished
    /// once its last topic's walk ended): `b` in a jump then offers that gate before it returns, since it
    /// left the topic with the slip in it (a probe). A talk stage is finished only by the interviewer's `f`.
    public var lastActionAnsweredTheRevisableGate: Bool { revisableGateAnswered(passing: { _ in false }) }

    /// Whether the interview waits to be ended for the gate that can still be changed: nothing since its
    /// answer moved the interview on (a talk stage finished with `f`, a jump, a pick), only automatic steps,
    /// notes, corrections and a resumption. The walk ending at a last topic's gate ended the interview at
    /// once, and a note or a `--resume` after the hold did too (a recheck): the slip could never be changed.
    public var endWaitsForTheRevisableGate: Bool {
        revisableGateAnswered { kind in
            switch kind {
            case .noteAdded, .rated, .questionSkipped, .resumed: true
            default: false
            }
        }
    }

    /// What `b` walks back through, oldest first: each question rated or skipped, once, where it was first
    /// rated or skipped (a correction does not move it to the end), and the gate whose answer can still be
    /// changed where it was answered last. The runner and the console both follow it, so `b` reaches the
    /// same slip in both; a skip too, which a rating takes back.
    public var correctionOrder: [CorrectionStep] {
        var order: [CorrectionStep] = []
        var seen = Set<QuestionRef>()
        let revisable = state.revisableGate.map { CorrectionStep.gate(GateRef(topic: $0.topic, gate: $0.gate.gate)) }
        for event in events {
            switch event.kind {
            case .rated(let ref, _), .questionSkipped(let ref, _):
                if seen.insert(ref).inserted { order.append(.question(ref)) }
            case .gateAnswered(let topic, let gate, _), .gateRevised(let topic, let gate, _):
                let step = CorrectionStep.gate(GateRef(topic: topic, gate: gate))
                order.removeAll { $0 == step }
                if step == revisable { order.append(step) }
            default: break
            }
        }
        return order
    }

    /// Back from the last event to the revisable gate's answer over automatic steps and what `alsoPassing`
    /// lets by; anything else in between (or no revisable gate) is a no.
    private func revisableGateAnswered(passing alsoPassing: (SessionEvent.Kind) -> Bool) -> Bool {
        guard let revisable = state.revisableGate else { return false }
        for event in events.reversed() {
            switch event.kind {
            case .stageEntered, .topicEntered, .questionAsked, .returned: continue
            case .stageFinished(let stage) where guide.stage(stage)?.topics.isEmpty == false: continue
            case .gateAnswered(let topic, let gate, _), .gateRevised(let topic, let gate, _):
                return topic == revisable.topic && gate == revisable.gate.gate
            case let kind where alsoPassing(kind): continue
            default: return false
            }
        }
        return false
    }
}

/// A log that does not replay: which event (0-based) and why.
public struct SessionReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var event: SessionEvent
    public var error: SessionError

    public var description: String { "event \(index + 1) (\(event.kind.typeName)): \(error)" }
}

/// One event's worth of work on a copy of the state.
struct SessionFold {
    var state: SessionState
    let guide: Guide
    let at: Date

    /// Whether a fork's join waits for all its paths: from log version 2 on (`SessionEvent`).
    var walksToJoins: Bool { state.logVersion >= 2 }

    func check(_ event: SessionEvent) throws(SessionError) {
        if case .started = event.kind {
            if state.isStarted { throw .alreadyStarted }
        } else if !state.isStarted {
            throw .notStarted
        }
        if let last = state.lastEventAt, event.at < last { throw .timeWentBackwards }
        switch event.kind {
        case .rated, .noteAdded:
            // A submitted card changes only inside a revision, which says why.
            if state.submission != nil, state.revisions.isEmpty { throw .revisionNeedsReason }
        case .scorecardSubmitted, .revisionStarted: break
        default: if state.isFinished { throw .alreadyFinished }
        }
    }

    func topic(_ key: String) throws(SessionError) -> Topic {
        guard let topic = guide.topic(key) else { throw .unknownTopic(key) }
        return topic
    }

    func question(_ ref: QuestionRef) throws(SessionError) -> (Topic, Question) {
        let topic = try topic(ref.topic)
        guard let question = topic.question(ref.question) else { throw .unknownQuestion(ref) }
        return (topic, question)
    }

    func currentTopic(_ key: String) throws(SessionError) -> (Topic, TopicProgress) {
        let topic = try topic(key)
        guard state.currentTopic == key, let progress = state.topics[key] else { throw .notCurrentTopic(key) }
        return (topic, progress)
    }
}
