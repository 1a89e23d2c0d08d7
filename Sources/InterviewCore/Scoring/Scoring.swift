import Foundation

/// The score of a session: a pure function of the guide and the events' state (docs/scoring.md).
///
/// Topic score = 100 × weighted points earned / weighted points possible over the questions that
/// count (`QuestionStatus.isInScore`); overall = topic-weighted mean over the topics that hold
/// evidence. The method meets product.md's three properties: more evidence never hurts, not
/// applicable is not failed, not demonstrated is visible.
public enum Scoring {
    public static func score(_ guide: Guide, _ state: SessionState) -> Scorecard {
        score(guide, state, reusing: nil)
    }

    /// The same score, reusing `earlier`'s topic scores for every topic whose progress is unchanged
    /// since `earlier.state`: a topic's score depends on nothing else, so the result equals a full
    /// scoring. The live console scores after every action, where only one topic ever changes.
    ///
    /// - Parameter dimensions: false leaves `dimensions` empty. Dimensions pool questions across every
    ///   topic, so they cannot reuse anything and cost most of a step's scoring; the live console, which
    ///   shows none, skips them. Everything else is the same.
    public static func score(_ guide: Guide, _ state: SessionState,
                             reusing earlier: (state: SessionState, card: Scorecard)?, dimensions: Bool = true) -> Scorecard {
        let topics = topicScores(guide, state, reusing: earlier)
        // The overall means run over the topics that hold evidence (a score), in the guide's order.
        // By index: a `for topic in topics` loop copies every TopicScore, a dozen retains each.
        var overallTerms: [Derivation.Term] = [], accuracyTerms: [Derivation.Term] = [], coverageTerms: [Derivation.Term] = []
        var knockouts: [String] = [], knockoutsNotAssessed: [String] = []
        for index in topics.indices {
            let key = topics[index].key, weight = topics[index].weight
            if let score = topics[index].score {
                overallTerms.append(Derivation.Term(label: key, value: score, weight: weight))
                if let accuracy = topics[index].accuracy { accuracyTerms.append(Derivation.Term(label: key, value: accuracy, weight: weight)) }
                if let coverage = topics[index].coverage { coverageTerms.append(Derivation.Term(label: key, value: coverage, weight: weight)) }
            } else if topics[index].knockout != nil {
                knockoutsNotAssessed.append(key)
            }
            if topics[index].isKnockedOut { knockouts.append(key) }
        }
        let overall = Derivation(kind: .weightedMean, terms: overallTerms)
        let accuracy = Derivation(kind: .weightedMean, terms: accuracyTerms)
        let coverage = Derivation(kind: .weightedMean, terms: coverageTerms)
        var card = Scorecard(
            scaleMaximum: guide.scale.maximum, topics: topics, overall: overall.value, overallDerivation: overall,
            accuracy: accuracy.value, accuracyDerivation: accuracy, coverage: coverage.value, coverageDerivation: coverage,
            dimensions: dimensions ? DimensionScoring.dimensions(guide, topics) : [],
            knockouts: knockouts,
            knockoutsNotAssessed: knockoutsNotAssessed,
            band: nil)
        card.band = Recommendation.band(guide.bands, overall: card.overall, knockedOut: !knockouts.isEmpty)
        return card
    }

    /// Every topic's score in the guide's order; with `earlier`, only the topics whose progress changed
    /// are scored again. Found from the entered topics (`state.topics`: a few, not every topic of the
    /// guide) and compared with `earlier.state`'s; everything else is `earlier.card`'s array as it is.
    private static func topicScores(_ guide: Guide, _ state: SessionState,
                                    reusing earlier: (state: SessionState, card: Scorecard)?) -> [TopicScore] {
        let maximum = Double(guide.scale.maximum)
        if let earlier {
            var topics = earlier.card.topics
            var entered = 0
            for (key, progress) in state.topics {
                // Entered before: unchanged keeps its score. Entered since: scored like a changed one.
                if let before = earlier.state.topics[key] {
                    entered += 1
                    if before == progress { continue }
                }
                guard let index = topics.firstIndex(where: { $0.key == key }), let topic = guide.topic(key) else { return scoreAll(guide, state) }
                topics[index] = topicScore(topic, progress, maximum: maximum)
            }
            // Every earlier topic still entered (progress is never taken back, but the result must equal a
            // full scoring whatever `earlier` was), and scored on this guide.
            if entered == earlier.state.topics.count, hasTopics(of: guide, topics) { return topics }
        }
        return scoreAll(guide, state)
    }

    /// Whether `topics` are the guide's, in its order: `earlier` must have been scored on this guide.
    private static func hasTopics(of guide: Guide, _ topics: [TopicScore]) -> Bool {
        var index = 0
        for s in guide.stages.indices {
            for t in guide.stages[s].topics.indices {
                guard index < topics.count, topics[index].key == guide.stages[s].topics[t].key else { return false }
                index += 1
            }
        }
        return index == topics.count
    }

    private static func scoreAll(_ guide: Guide, _ state: SessionState) -> [TopicScore] {
        let maximum = Double(guide.scale.maximum)
        var topics: [TopicScore] = []
        // Stage by stage rather than through `guide.topics`, which builds a new array of every topic.
        for stage in guide.stages {
            for topic in stage.topics { topics.append(topicScore(topic, state.topics[topic.key], maximum: maximum)) }
        }
        return topics
    }

    /// Replays the events and scores the result.
    public static func score(_ guide: Guide, events: [SessionEvent]) throws(SessionReplayError) -> Scorecard {
        score(guide, try SessionEngine(guide: guide, replaying: events).state)
    }

    static func topicScore(_ topic: Topic, _ progress: TopicProgress?, maximum: Double) -> TopicScore {
        let statuses = QuestionStatusResolver.statuses(topic, progress)
        let questions = topic.questions.map { q -> QuestionScore in
            let status = statuses[q.id] ?? .notAsked
            let rating = status == .rated ? progress?.ratings[q.id] : nil
            return QuestionScore(id: q.id, text: q.text, level: q.level, weight: q.weight, status: status, rating: rating,
                                 skipReason: progress?.skipped[q.id],
                                 earned: Double(rating ?? 0) * q.weight, possible: status.isInScore ? maximum * q.weight : 0)
        }
        let points = { (qs: [QuestionScore]) in
            Derivation(kind: .points, terms: qs.map { Derivation.Term(label: $0.id, value: Double($0.rating ?? 0), weight: $0.weight, maximum: maximum) })
        }
        let share = { (qs: [QuestionScore]) in
            Derivation(kind: .weightShare, terms: qs.map { Derivation.Term(label: $0.id, value: $0.status == .rated ? 1 : 0, weight: $0.weight) })
        }
        let scoreDerivation = points(questions.filter(\.status.isInScore))
        let accuracyDerivation = points(questions.filter { $0.status == .rated })
        let applicable = questions.filter(\.status.isApplicable)
        let coverageDerivation = share(applicable)
        let deeper = share(applicable.filter { $0.level > 1 })
        let depth = DepthScore(available: applicable.map(\.level).max() ?? 0,
                               reached: questions.filter { $0.status == .rated }.map(\.level).max() ?? 0,
                               deeperShare: deeper.value, derivation: deeper)
        let score = scoreDerivation.value
        return TopicScore(
            key: topic.key, title: topic.title, weight: topic.weight, knockout: topic.knockout, isPickList: topic.isPickList,
            entered: progress != nil, questions: questions, score: score, accuracy: accuracyDerivation.value,
            coverage: progress == nil ? nil : coverageDerivation.value, depth: depth,
            // As printed, like the bands: 39.96 is printed 40.0 and does not fail a knockout at 40.
            isKnockedOut: score.map { s in topic.knockout.map { ScoreFormat.shown(s) < $0 } ?? false } ?? false,
            scoreDerivation: scoreDerivation, accuracyDerivation: accuracyDerivation, coverageDerivation: coverageDerivation)
    }
}
