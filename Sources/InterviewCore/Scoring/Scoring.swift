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
        let maximum = Double(guide.scale.maximum)
        // Stage by stage rather than through `guide.topics`, which builds a new array of every topic.
        var topics: [TopicScore] = []
        for stage in guide.stages {
            for topic in stage.topics {
                let index = topics.count
                let progress = state.topics[topic.key]
                if let earlier, index < earlier.card.topics.count, earlier.card.topics[index].key == topic.key,
                   earlier.state.topics[topic.key] == progress {
                    topics.append(earlier.card.topics[index])
                } else {
                    topics.append(topicScore(topic, progress, maximum: maximum))
                }
            }
        }
        // The overall means run over the topics that hold evidence (a score), in the guide's order.
        var overallTerms: [Derivation.Term] = [], accuracyTerms: [Derivation.Term] = [], coverageTerms: [Derivation.Term] = []
        var knockouts: [String] = [], knockoutsNotAssessed: [String] = []
        for topic in topics {
            if let score = topic.score {
                overallTerms.append(Derivation.Term(label: topic.key, value: score, weight: topic.weight))
                if let accuracy = topic.accuracy { accuracyTerms.append(Derivation.Term(label: topic.key, value: accuracy, weight: topic.weight)) }
                if let coverage = topic.coverage { coverageTerms.append(Derivation.Term(label: topic.key, value: coverage, weight: topic.weight)) }
            } else if topic.knockout != nil {
                knockoutsNotAssessed.append(topic.key)
            }
            if topic.isKnockedOut { knockouts.append(topic.key) }
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
            isKnockedOut: score.map { s in topic.knockout.map { s < $0 } ?? false } ?? false,
            scoreDerivation: scoreDerivation, accuracyDerivation: accuracyDerivation, coverageDerivation: coverageDerivation)
    }
}
