/// What the interview waits for now, read off the state: the runner and the console show it, and
/// turn the automatic steps (`automaticEvent`) into events without asking the interviewer.
public enum Agenda: Hashable, Sendable {
    case start
    /// Between stages: the next one in the guide's order.
    case enterStage(String)
    /// A stage without topics (self-introduction, candidate's questions): talk, then finish it.
    case talk(stage: String)
    /// The next topic of the stage not yet entered.
    case enterTopic(String)
    /// The flowchart leads to this question; it has not been put yet.
    case ask(QuestionRef)
    case rate(QuestionRef)
    case gate(topic: String, gate: String)
    /// An instruction offers a jump to another topic; yes jumps, no declines.
    case offerJump(topic: String, instruction: String, target: String)
    /// A pick-list topic: these open questions remain.
    case pick(topic: String, remaining: [String])
    /// A jumped-to topic is done: go back to where the jump left.
    case returnFromJump
    case finishStage(String)
    /// Every stage is done, or none remains: end the interview.
    case finishInterview
    case finished
}

extension SessionState {
    public func agenda(_ guide: Guide) -> Agenda {
        guard isStarted else { return .start }
        if isFinished { return .finished }
        if let key = currentTopic, let topic = guide.topic(key), let progress = topics[key],
           let waiting = topicAgenda(topic, progress, guide) {
            return waiting
        }
        if currentTopic != nil, !returnStack.isEmpty { return .returnFromJump }
        guard let stageKey = currentStage, let stage = guide.stage(stageKey) else {
            return nextStage(guide).map(Agenda.enterStage) ?? .finishInterview
        }
        if stage.topics.isEmpty { return .talk(stage: stageKey) }
        if let next = stage.topics.first(where: { topics[$0.key] == nil }) { return .enterTopic(next.key) }
        return .finishStage(stageKey)
    }

    /// The event that follows on its own, when the agenda needs no decision.
    public func automaticEvent(_ guide: Guide) -> SessionEvent.Kind? {
        switch agenda(guide) {
        case .enterStage(let stage): .stageEntered(stage: stage)
        case .enterTopic(let topic): .topicEntered(topic: topic)
        case .ask(let ref): .questionAsked(ref)
        case .returnFromJump: .returned
        case .finishStage(let stage): .stageFinished(stage: stage)
        default: nil
        }
    }

    /// The interviewer's "done here, move on": back from a jump, to the stage's next topic, or out of
    /// the stage. Questions left behind stay unasked (see docs/scoring.md).
    public func moveOnEvent(_ guide: Guide) -> SessionEvent.Kind? {
        guard isStarted, !isFinished else { return nil }
        if currentTopic != nil, !returnStack.isEmpty { return .returned }
        guard let stageKey = currentStage, let stage = guide.stage(stageKey) else { return nil }
        if let next = stage.topics.first(where: { topics[$0.key] == nil }) { return .topicEntered(topic: next.key) }
        return .stageFinished(stage: stageKey)
    }

    /// Required stages nobody started, which finishing would have to confirm.
    public func untouchedRequiredStages(_ guide: Guide) -> [String] {
        SessionFold.untouchedRequiredStages(guide, self)
    }

    /// The first stage after the last one finished that is not finished itself.
    func nextStage(_ guide: Guide) -> String? {
        let lastFinished = guide.stages.lastIndex { stages[$0.key]?.isFinished == true } ?? -1
        return guide.stages[(lastFinished + 1)...].first { stages[$0.key]?.isFinished != true }?.key
    }

    private func topicAgenda(_ topic: Topic, _ progress: TopicProgress, _ guide: Guide) -> Agenda? {
        if let waiting = progress.pending.first { return .rate(QuestionRef(topic: topic.key, question: waiting)) }
        if topic.isPickList {
            let remaining = topic.questions.map(\.id).filter { !progress.wasAsked($0) && progress.skipped[$0] == nil }
            return remaining.isEmpty ? nil : .pick(topic: topic.key, remaining: remaining)
        }
        guard let position = progress.position, let step = topic.step(position) else { return nil }
        switch step.kind {
        case .gate: return .gate(topic: topic.key, gate: position)
        case .instruction:
            return guide.calledTopic(topic, instruction: position).map { .offerJump(topic: topic.key, instruction: position, target: $0) }
        case .question: return .ask(QuestionRef(topic: topic.key, question: position))
        case .start, .end: return nil
        }
    }
}
