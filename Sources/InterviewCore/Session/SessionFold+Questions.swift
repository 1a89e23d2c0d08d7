import Foundation

/// Questions, ratings, skips, gates and notes.
extension SessionFold {
    /// Only the question the flowchart leads to can be asked: the walk is the guide's structure.
    mutating func ask(_ ref: QuestionRef) throws(SessionError) {
        let (topic, _) = try question(ref)
        guard !topic.isPickList else { throw .pickListOnly(ref.topic) }
        var (_, progress) = try currentTopic(ref.topic)
        guard progress.position == ref.question else {
            throw .notNext(ref, expected: progress.position.map { "it leads to \($0)" } ?? "the topic's walk is over")
        }
        guard !progress.wasAsked(ref.question) else { throw .alreadyHandled(ref, "asked") }
        progress.asked.append(ref.question)
        progress.askedAt[ref.question] = at
        state.topics[ref.topic] = progress
    }

    /// One open question of a pick list at a time: the last one picked is rated or skipped first.
    mutating func pick(_ ref: QuestionRef) throws(SessionError) {
        let (topic, _) = try question(ref)
        guard topic.isPickList else { throw .notAPickList(ref.topic) }
        var (_, progress) = try currentTopic(ref.topic)
        if progress.wasAsked(ref.question) { throw .alreadyHandled(ref, "picked") }
        if progress.skipped[ref.question] != nil { throw .alreadyHandled(ref, "skipped") }
        if let waiting = progress.pending.first { throw .alreadyHandled(QuestionRef(topic: ref.topic, question: waiting), "picked and awaits a rating") }
        progress.asked.append(ref.question)
        progress.askedAt[ref.question] = at
        progress.trail.append(WalkMove(from: topic.startNode ?? ref.question, branch: "pick", to: ref.question))
        state.topics[ref.topic] = progress
    }

    /// Any question asked can be rated, and rated again (the last rating counts): corrections after
    /// the fact are normal. A skipped one too, which takes the skip back: `s` sits among the rating keys,
    /// and a slip on it left the question out of the score for good (a probe). Rating the question the
    /// walk stands on moves the walk on; a skip there had moved it the same way already.
    mutating func rate(_ ref: QuestionRef, _ rating: Int) throws(SessionError) {
        let (topic, _) = try question(ref)
        guard guide.scale.contains(rating) else { throw .ratingOutOfScale(rating, guide.scale.levels) }
        guard var progress = state.topics[ref.topic] else { throw .notAsked(ref) }
        if progress.skipped.removeValue(forKey: ref.question) != nil, !progress.wasAsked(ref.question) {
            // Skipped where the walk stood, before it was asked (or an open question of a pick list not
            // picked): asked now, since it is being rated.
            progress.asked.append(ref.question)
            progress.askedAt[ref.question] = at
        }
        guard progress.wasAsked(ref.question) else { throw .notAsked(ref) }
        progress.ratings[ref.question] = rating
        progress.closeGateRevision(after: ref.question)
        if progress.position == ref.question {
            TopicWalk.move(&progress, from: ref.question, branch: "next", topic: topic, guide: guide, joins: walksToJoins)
        }
        state.topics[ref.topic] = progress
    }

    /// Skips the question the walk stands on (asked or not), a question asked and not rated, or an
    /// open question of a pick list. A rated question keeps its rating: evidence is not withdrawn.
    mutating func skip(_ ref: QuestionRef, _ reason: String) throws(SessionError) {
        let (topic, _) = try question(ref)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyText("reason for skipping") }
        var (_, progress) = try currentTopic(ref.topic)
        if progress.ratings[ref.question] != nil { throw .alreadyHandled(ref, "rated") }
        if progress.skipped[ref.question] != nil { throw .alreadyHandled(ref, "skipped") }
        guard topic.isPickList || progress.position == ref.question || progress.wasAsked(ref.question) else {
            throw .notNext(ref, expected: progress.position.map { "it stands at \($0)" } ?? "the topic's walk is over")
        }
        progress.skipped[ref.question] = reason
        progress.closeGateRevision(after: ref.question)
        if progress.position == ref.question {
            TopicWalk.move(&progress, from: ref.question, branch: "next", topic: topic, guide: guide, joins: walksToJoins)
        }
        state.topics[ref.topic] = progress
    }

    mutating func answer(_ key: String, _ gate: String, _ answer: Bool) throws(SessionError) {
        let topic = try topic(key)
        guard topic.gate(gate) != nil || topic.step(gate)?.kind == .gate else { throw .notAtGate(topic: key, gate: gate) }
        var (_, progress) = try currentTopic(key)
        guard progress.position == gate else { throw .notAtGate(topic: key, gate: gate) }
        let before = progress
        progress.gateAnswers[gate] = answer
        TopicWalk.move(&progress, from: gate, branch: answer ? "yes" : "no", topic: topic, guide: guide, joins: walksToJoins)
        progress.revisableGate = RevisableGate(gate: gate, answer: answer, at: at, before: [before])
        // Only the gate answered last: an earlier one came back once this one's answer stood (a probe).
        for other in state.topics.keys where other != key && state.topics[other]?.revisableGate != nil {
            state.topics[other]?.revisableGate = nil
        }
        state.topics[key] = progress
    }

    /// The other answer at the last gate answered in `key`: the walk as it stood before that answer, with
    /// the corrections made since to questions asked before it, then the new answer. From another topic the
    /// gate's topic is opened as a jump is, so the automatic return comes back here once it is walked.
    mutating func revise(_ key: String, _ gate: String, _ answer: Bool) throws(SessionError) {
        _ = try topic(key)
        guard let progress = state.topics[key], let revisable = progress.revisableGate, revisable.gate == gate,
              var restored = revisable.before.first else {
            throw .gateNotRevisable(topic: key, gate: gate)
        }
        guard revisable.answer != answer else { throw .gateAlreadyAnswered(topic: key, gate: gate, answer: answer) }
        for id in restored.asked {
            restored.ratings[id] = progress.ratings[id]
            restored.skipped[id] = progress.skipped[id]
        }
        if state.currentTopic != key {
            state.returnStack.append(ReturnPoint(stage: state.currentStage, topic: state.currentTopic))
            switchStage(to: guide.stageKey(ofTopic: key))
            state.currentTopic = key
        }
        state.topics[key] = restored
        try self.answer(key, gate, answer)
    }

    mutating func note(_ note: SessionNote) throws(SessionError) {
        guard !note.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyText("note") }
        if let stage = note.stage, guide.stage(stage) == nil { throw .unknownStage(stage) }
        if let topic = note.topic {
            let found = try self.topic(topic)
            if let question = note.question, found.question(question) == nil {
                throw .unknownQuestion(QuestionRef(topic: topic, question: question))
            }
        }
        state.notes.append(TimedNote(at: at, note: note))
    }
}
