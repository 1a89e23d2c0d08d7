/// Scores per dimension (System design, Caching, …): the same points ratio as a topic, pooled over
/// every counted question tagged with the dimension, whatever its topic. A question with two
/// dimensions counts in both.
enum DimensionScoring {
    static func dimensions(_ guide: Guide, _ topics: [TopicScore]) -> [DimensionScore] {
        var order: [String] = []
        var terms: [String: [Derivation.Term]] = [:]
        let maximum = Double(guide.scale.maximum)
        // `topics` comes from `Scoring`, topic by topic and question by question in the guide's order,
        // so the two are walked side by side instead of searched.
        for (topic, scored) in zip(guide.topics, topics) where scored.key == topic.key {
            for (question, q) in zip(topic.questions, scored.questions) where q.id == question.id {
                for name in question.dimensions where terms[name] == nil {
                    order.append(name)
                    terms[name] = []
                }
                guard q.status.isInScore, !question.dimensions.isEmpty else { continue }
                let term = Derivation.Term(label: "\(topic.key)/\(q.id)", value: Double(q.rating ?? 0),
                                           weight: q.weight, maximum: maximum)
                for name in question.dimensions { terms[name, default: []].append(term) }
            }
        }
        return order.map { name in
            let derivation = Derivation(kind: .points, terms: terms[name] ?? [])
            return DimensionScore(name: name, score: derivation.value, derivation: derivation)
        }
    }
}
