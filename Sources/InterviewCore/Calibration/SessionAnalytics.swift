import Foundation

/// What one recorded interview contributes to the question statistics: each question's outcome and the
/// seconds spent on it, and each gate's answer beside what the engine suggested at that moment. Read by
/// replaying the events over the guide, so a question counts exactly as the score of record counts it.
public struct SessionAnalytics: Sendable {
    public var questions: [QuestionOccurrence]
    public var gates: [GateOccurrence]
    /// The session's state after the last event: callers score it rather than replay the log again.
    public var state: SessionState

    /// - Parameter interview: the id the statistics group this interview's questions by (a file name,
    ///   a session id); the item–total correlation needs every interview told apart.
    public static func read(_ events: [SessionEvent], guide: Guide, interview: String) throws(SessionError) -> SessionAnalytics {
        var engine = SessionEngine(guide: guide)
        var gates: [GateOccurrence] = []
        var askedAt: [QuestionRef: Date] = [:], seconds: [QuestionRef: Double] = [:]
        for event in events {
            switch event.kind {
            case .questionAsked(let ref), .openQuestionPicked(let ref):
                askedAt[ref] = askedAt[ref] ?? event.at
            case .rated(let ref, _), .questionSkipped(let ref, _):
                // The first rating closes the question: a later re-rating is a correction, not more time on it.
                if seconds[ref] == nil, let asked = askedAt[ref] {
                    let interrupted = engine.state.breakTime(from: asked, to: event.at)
                    seconds[ref] = max(event.at.timeIntervalSince(asked) - interrupted, 0)
                }
            case .gateAnswered(let topic, let gate, let answer):
                let suggestion = GateSuggestion.make(for: gate, in: topic, state: engine.state, guide: guide, now: event.at)
                gates.append(GateOccurrence(interview: interview, gate: QuestionKey.of(topic: topic, question: gate),
                                            answer: answer, suggestion: suggestion.answer))
            case .gateRevised(let topic, let gate, let answer):
                // The answer meant at that moment, beside the suggestion made then: the slip is not a decision.
                let key = QuestionKey.of(topic: topic, question: gate)
                if let last = gates.lastIndex(where: { $0.gate == key }) { gates[last].answer = answer }
            default:
                break
            }
            _ = try engine.apply(event)
            // A question withdrawn by a changed gate answer counted its time from the first asking (a probe).
            if case .gateRevised(let topic, _, _) = event.kind {
                askedAt = askedAt.filter { $0.key.topic != topic || engine.state.topics[topic]?.wasAsked($0.key.question) == true }
            }
        }
        let date = events.first?.at ?? Date(timeIntervalSince1970: 0)
        var questions: [QuestionOccurrence] = []
        // Topics never entered were not part of this interview: their questions are not "not asked" here.
        for topic in Scoring.score(guide, engine.state).topics where topic.entered {
            for question in topic.questions {
                let outcome: QuestionOccurrence.Outcome
                switch question.status {
                case .rated: outcome = question.rating.map { .rated($0) } ?? .notAsked
                case .skipped: outcome = .skipped
                case .notDemonstrated: outcome = .notDemonstrated
                // Asked with no rating recorded holds no evidence, as in the score: counted as not reached.
                case .notAsked, .askedNotRated: outcome = .notAsked
                case .notApplicable: continue
                }
                let ref = QuestionRef(topic: topic.key, question: question.id)
                questions.append(QuestionOccurrence(interview: interview, question: QuestionKey.of(topic: topic.key, question: question.id),
                                                    outcome: outcome, date: date, seconds: seconds[ref]))
            }
        }
        return SessionAnalytics(questions: questions, gates: gates, state: engine.state)
    }
}
