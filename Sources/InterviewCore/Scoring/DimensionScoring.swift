/// Scores per dimension (System design, Caching, …): the same points ratio as a topic, pooled over
/// every counted question tagged with the dimension, whatever its topic. A question with two
/// dimensions counts in both.
enum DimensionScoring {
    static func dimensions(_ guide: Guide, _ topics: [TopicScore]) -> [DimensionScore] {
        var order: [String] = []
        var terms: [String: [Derivation.Term]] = [:]
        let maximum = Double(guide.scale.maximum)
        for topic in guide.topics {
            guard let scored = topics.first(where: { $0.key == topic.key }) else { continue }
            for question in topic.questions {
                for name in question.dimensions where terms[name] == nil {
                    order.append(name)
                    terms[name] = []
                }
                guard let q = scored.questions.first(where: { $0.id == question.id }), q.status.isInScore else { continue }
                for name in question.dimensions {
                    terms[name, default: []].append(Derivation.Term(label: "\(topic.key)/\(q.id)", value: Double(q.rating ?? 0),
                                                                    weight: q.weight, maximum: maximum))
                }
            }
        }
        return order.map { name in
            let derivation = Derivation(kind: .points, terms: terms[name] ?? [])
            return DimensionScore(name: name, score: derivation.value, derivation: derivation)
        }
    }
}
