import Foundation

/// How high a knockout topic's score can go when the interviewer does not take the candidate deeper.
///
/// A topic's score counts the deeper questions a "no" at a go-deeper gate leaves unasked (docs/scoring.md:
/// they were not demonstrated), so a knockout threshold above that ceiling fails every candidate who is
/// not taken deeper, however well they answered the basics. A probe's guide did exactly that (knockout 40,
/// basics worth 37.5), and nothing said so: lint now warns, and the gate's advice names the consequence.
///
/// The ceiling comes from the engine itself: the topic walked on from a state, every question asked rated
/// at the top of the scale, every go-deeper gate answered no, offered jumps declined, open questions all
/// picked; a path gate (the answer chooses a path, not a depth) is walked both ways and the better kept.
public enum KnockoutReach {
    /// The topic's best score without going deeper from `state` on, or nil when the walk cannot score it.
    public static func ceilingWithoutGoingDeeper(topic key: String, from state: SessionState, guide: Guide) -> Double? {
        guard let topic = guide.topic(key) else { return nil }
        var budget = 64 * max(topic.questions.count + topic.gates.count, 1)
        return walk(state, topic: topic, guide: guide, budget: &budget)
    }

    /// The same for a topic not yet begun: walked from the start of a guide that holds only this topic.
    public static func ceilingWithoutGoingDeeper(topic key: String, guide: Guide) -> Double? {
        guard let (stageIndex, topic) = guide.stages.enumerated().lazy
            .compactMap({ s in s.element.topics.first { $0.key == key }.map { (s.offset, $0) } }).first else { return nil }
        var alone = guide
        var stage = guide.stages[stageIndex]
        stage.topics = [topic]
        stage.questions = []
        stage.groups = []
        alone.stages = [stage]
        return ceilingWithoutGoingDeeper(topic: key, from: SessionState(), guide: alone)
    }

    private static func walk(_ start: SessionState, topic: Topic, guide: Guide, budget: inout Int) -> Double? {
        var state = start
        // The walk's events all take the time of the last one: the engine refuses time going backwards,
        // and the ceiling depends on no clock.
        let moment = start.lastEventAt ?? Date(timeIntervalSince1970: 0)
        let top = guide.scale.maximum
        while budget > 0 {
            budget -= 1
            let kind: SessionEvent.Kind
            switch state.agenda(guide) {
            case .start:
                kind = .started(SessionStart(guideID: guide.id, guideHash: guide.contentHash, guideTitle: guide.title))
            case .enterStage(let stage) where state.topics[topic.key] == nil:
                kind = .stageEntered(stage: stage)
            case .enterTopic(let next) where state.topics[topic.key] == nil && next == topic.key:
                kind = .topicEntered(topic: next)
            case .ask(let ref) where ref.topic == topic.key:
                kind = .questionAsked(ref)
            case .rate(let ref) where ref.topic == topic.key:
                kind = .rated(ref, rating: top)
            case .gate(let key, let gate) where key == topic.key:
                guard topic.gate(gate)?.kind == .path else {
                    kind = .gateAnswered(topic: key, gate: gate, answer: false)
                    break
                }
                // Either path may be the better one: both are walked.
                let ways = [true, false].compactMap { answer in
                    (try? SessionEngine.fold(state, SessionEvent(at: moment, .gateAnswered(topic: key, gate: gate, answer: answer)), guide: guide))
                        .flatMap { walk($0, topic: topic, guide: guide, budget: &budget) }
                }
                return ways.max()
            case .offerJump(let key, let instruction, _) where key == topic.key:
                kind = .jumpDeclined(topic: key, instruction: instruction)
            case .pick(let key, let remaining) where key == topic.key && !remaining.isEmpty:
                kind = .openQuestionPicked(QuestionRef(topic: key, question: remaining[0]))
            default:
                return score(topic, state, guide)
            }
            guard let next = try? SessionEngine.fold(state, SessionEvent(at: moment, kind), guide: guide) else {
                return score(topic, state, guide)
            }
            state = next
        }
        return score(topic, state, guide)
    }

    private static func score(_ topic: Topic, _ state: SessionState, _ guide: Guide) -> Double? {
        guard let progress = state.topics[topic.key] else { return nil }
        return Scoring.topicScore(topic, progress, maximum: Double(guide.scale.maximum)).score
    }
}
