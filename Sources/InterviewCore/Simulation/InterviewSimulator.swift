import Foundation

/// How simulated answers are rated: the rating-scale Rasch model. For a candidate of ability θ, a
/// question of difficulty δ and an interviewer of severity ρ (all in logits), the log-odds of rating k
/// over k − 1 is θ − δ − ρ − τₖ. A severe interviewer (ρ > 0) gives lower ratings to the same answer.
public struct SimulatedRating: Sendable {
    /// τ₁…τₘ for a scale 0…m, increasing.
    public var thresholds: [Double]

    public init(thresholds: [Double]) { self.thresholds = thresholds }

    /// Evenly spaced thresholds from −1.5 to 1.5 logits: every rating is used on a 0–4 scale.
    public static func evenlySpaced(maximum: Int) -> SimulatedRating {
        let m = max(maximum, 1)
        return SimulatedRating(thresholds: (1...m).map { m == 1 ? 0 : -1.5 + 3 * Double($0 - 1) / Double(m - 1) })
    }

    public func probabilities(ability: Double, difficulty: Double, severity: Double) -> [Double] {
        var logits = [0.0]
        for tau in thresholds { logits.append(logits[logits.count - 1] + ability - difficulty - severity - tau) }
        let top = logits.max() ?? 0
        let weights = logits.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    public func draw(ability: Double, difficulty: Double, severity: Double, _ random: inout SimulationRandom) -> Int {
        let p = probabilities(ability: ability, difficulty: difficulty, severity: severity)
        var u = random.uniform()
        for (k, pk) in p.enumerated() {
            if u < pk { return k }
            u -= pk
        }
        return p.count - 1
    }
}

/// One interview walked through the real engine with simulated answers: every question the flowchart
/// puts is rated from `SimulatedRating`, each gate is answered as the engine suggests (the interviewer's
/// own judgment otherwise: deeper when the topic's ratings average at least half the scale), offered
/// jumps are declined, two open questions are picked from a pick list, talk stages end at once. So
/// a simulated interview asks exactly the questions a real one with these answers would.
public enum InterviewSimulator {
    public struct Participant: Sendable {
        public var id: String
        /// Ability for a candidate, severity for an interviewer, in logits.
        public var logit: Double

        public init(id: String, logit: Double) {
            self.id = id
            self.logit = logit
        }
    }

    /// The events of the whole interview, from `started` to `interviewFinished`.
    public static func interview(_ guide: Guide, candidate: Participant, interviewer: Participant,
                                 difficulty: (QuestionRef) -> Double, rating: SimulatedRating,
                                 start: Date, pace: SimulationPace = .fixed,
                                 random: inout SimulationRandom) throws -> [SessionEvent] {
        let realistic = pace == .realistic
        let clock = SimulationClock(start: start, step: realistic ? 2 : 40)
        let medians = realistic ? answerMedians(guide) : [:]
        var driver = SessionDriver(engine: SessionEngine(guide: guide), clock: clock)
        _ = try driver.record(.started(SessionStart(guideID: guide.id, guideHash: guide.contentHash, guideTitle: guide.title,
                                                    candidate: candidate.id, interviewer: interviewer.id)))
        _ = try driver.advance()
        var picked: [String: Int] = [:]
        // Every command records at least one event; a guide has far fewer steps than this.
        for _ in 0..<10_000 where !driver.state.isFinished {
            let command: SessionCommand
            switch driver.state.agenda(guide) {
            case .rate(let ref):
                if realistic { clock.advance(by: (medians[QuestionKey.of(topic: ref.topic, question: ref.question)] ?? 80) * exp(random.normal(0.5))) }
                command = .rate(rating.draw(ability: candidate.logit, difficulty: difficulty(ref), severity: interviewer.logit, &random))
            case .gate(let topic, let gate):
                let suggestion = GateSuggestion.make(for: gate, in: topic, state: driver.state, guide: guide, now: clock.now())
                command = .answer(suggestion.answer ?? ((suggestion.mean ?? 0) >= Double(guide.scale.maximum) / 2))
            case .offerJump:
                command = .answer(false)
            case .pick(let topic, let remaining):
                if picked[topic, default: 0] < 2, !remaining.isEmpty {
                    picked[topic, default: 0] += 1
                    command = .pick(remaining[random.index(remaining.count)])
                } else {
                    command = .moveOn
                }
            case .talk(let stage):
                if realistic {
                    let budget = guide.stages.first { $0.key == stage }?.minutes.map { Double($0) * 60 } ?? 180
                    clock.advance(by: budget * (0.6 + 0.4 * random.uniform()))
                }
                command = .moveOn
            case .finishInterview:
                command = driver.confirming == nil ? .end : .answer(true)
            case .start, .enterStage, .enterTopic, .ask, .returnFromJump, .finishStage, .finished:
                command = driver.confirming == nil ? .moveOn : .answer(true)
            }
            _ = try driver.perform(command)
        }
        return driver.engine.events
    }

    /// Per question ("3.1/op2"), the median time of an answer at the realistic pace. Questions differ
    /// (a fixed factor per question, log-normal, and deeper ones take longer), and the stage's time
    /// budget is spread over the questions a walk usually asks there (every first-level question, about
    /// half of those behind a go-deeper gate), each between 20 s and 4 min; 80 s in a stage without a
    /// budget. So a simulated technical stage takes about its budget, as an interviewer keeping time would.
    static func answerMedians(_ guide: Guide) -> [String: Double] {
        var medians: [String: Double] = [:]
        for stage in guide.stages {
            var factors: [(key: String, factor: Double, asked: Double)] = []
            for topic in stage.topics {
                for question in topic.questions {
                    let key = QuestionKey.of(topic: topic.key, question: question.id)
                    // The same factor in every interview: seeded by the question's key, not the walk.
                    var own = SimulationRandom(seed: key.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
                    let factor = exp(own.normal(0.4)) * (1 + 0.3 * Double(max(question.level - 1, 0)))
                    factors.append((key, factor, question.level <= 1 ? 1 : 0.5))
                }
            }
            let weight = factors.reduce(0) { $0 + $1.factor * $1.asked }
            for f in factors {
                let median = stage.minutes.map { Double($0) * 60 / max(weight, 1) * f.factor } ?? 80 * f.factor
                medians[f.key] = min(max(median, 20), 240)
            }
        }
        return medians
    }
}
