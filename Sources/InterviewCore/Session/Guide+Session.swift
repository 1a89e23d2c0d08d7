/// Look-ups the engine, scoring and reports share. Extensions here rather than edits to the guide
/// model, which the importer owns.
extension Guide {
    public func stage(_ key: String) -> Stage? { stages.first { $0.key == key } }

    /// The key of the stage a topic belongs to.
    public func stageKey(ofTopic topic: String) -> String? {
        stages.first { $0.topics.contains { $0.key == topic } }?.key
    }

    /// The topic an instruction calls, when that topic exists in this guide.
    func calledTopic(_ topic: Topic, instruction id: String) -> String? {
        guard let calls = topic.instructions.first(where: { $0.id == id })?.calls, self.topic(calls) != nil else { return nil }
        return calls
    }
}

extension Topic {
    /// The walk begins here: the chart's start node, or its first step when the chart names none.
    var startNode: String? { start ?? steps.first { $0.kind == .start }?.id ?? steps.first?.id }
}
