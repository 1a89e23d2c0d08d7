/// Moving between topics: in order within a stage, or by a jump that leaves a way back.
extension SessionFold {
    mutating func enterTopic(_ key: String) throws(SessionError) {
        let topic = try topic(key)
        guard let stage = guide.stageKey(ofTopic: key), stage == state.currentStage else {
            throw .topicOutsideStage(topic: key, stage: state.currentStage)
        }
        guard state.currentTopic != key else { throw .alreadyCurrent(key) }
        open(topic)
    }

    /// A jump may go anywhere, from any stage: the seed moves to the cache questions the moment the
    /// candidate mentions a cache. The stage clock follows the topic jumped to.
    mutating func jump(to key: String, via instruction: String?) throws(SessionError) {
        let target = try topic(key)
        guard state.currentTopic != key else { throw .alreadyCurrent(key) }
        if let instruction {
            guard let from = state.currentTopic else { throw .notAtJumpOffer(topic: "(none)", instruction: instruction) }
            try passOffer(from, instruction, calling: key)
        }
        state.returnStack.append(ReturnPoint(stage: state.currentStage, topic: state.currentTopic))
        switchStage(to: guide.stageKey(ofTopic: key))
        open(target)
    }

    mutating func declineJump(_ key: String, _ instruction: String) throws(SessionError) {
        try passOffer(key, instruction, calling: nil)
    }

    mutating func returnFromJump() throws(SessionError) {
        guard let point = state.returnStack.popLast() else { throw .nothingToReturnTo }
        switchStage(to: point.stage)
        state.currentTopic = point.topic
    }

    /// Makes the topic current, starting its walk the first time.
    private mutating func open(_ topic: Topic) {
        if state.topics[topic.key] == nil {
            var progress = TopicProgress(enteredAt: at, position: nil)
            TopicWalk.begin(&progress, topic: topic, guide: guide, joins: walksToJoins)
            state.topics[topic.key] = progress
        }
        state.currentTopic = topic.key
    }

    /// Moves the walk past an instruction that offers another topic (`calling` checks the target).
    private mutating func passOffer(_ key: String, _ instruction: String, calling target: String?) throws(SessionError) {
        let (topic, progress) = try currentTopic(key)
        guard progress.position == instruction, let called = guide.calledTopic(topic, instruction: instruction),
              target == nil || target == called else {
            throw .notAtJumpOffer(topic: key, instruction: instruction)
        }
        var moved = progress
        // Taken or declined, the offer the gate led to is acted on: the gate's answer stands.
        moved.revisableGate = nil
        TopicWalk.move(&moved, from: instruction, branch: "next", topic: topic, guide: guide, joins: walksToJoins)
        state.topics[key] = moved
    }
}
