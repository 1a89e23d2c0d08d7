import InterviewCore

/// Variants of a guide for comparisons: the same guide without a question or a topic.
enum ScoringTestGuides {
    /// Removes a question and links around it, as if the author had never written it.
    static func removing(_ question: String, from topicKey: String, in guide: Guide) -> Guide {
        var guide = guide
        for s in guide.stages.indices {
            for t in guide.stages[s].topics.indices where guide.stages[s].topics[t].key == topicKey {
                var topic = guide.stages[s].topics[t]
                let after = topic.step(question)?.next
                topic.questions.removeAll { $0.id == question }
                topic.steps.removeAll { $0.id == question }
                for i in topic.steps.indices {
                    if topic.steps[i].next == question { topic.steps[i].next = after }
                    if topic.steps[i].yes == question { topic.steps[i].yes = after }
                    if topic.steps[i].no == question { topic.steps[i].no = after }
                }
                guide.stages[s].topics[t] = topic
            }
        }
        return guide
    }

    static func removing(topic key: String, from guide: Guide) -> Guide {
        var guide = guide
        for s in guide.stages.indices { guide.stages[s].topics.removeAll { $0.key == key } }
        return guide
    }

    /// Scores compared at 1e-9: the same sum added in another order may differ in the last bit.
    static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1e9).rounded() / 1e9 } }
}
