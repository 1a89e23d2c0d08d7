import Foundation

/// A topic group's guidance offered while the interview is elsewhere in its stage: the seed's 3.2
/// says "when the candidate mentions caches or databases, move to these questions", which only helps
/// if it is in front of the interviewer during 3.1, with a way to go there at once. Only guidance that
/// is such a cue is offered; a group that merely describes its topics is shown in the outline.
public struct GroupHint: Hashable, Sendable {
    public var group: TopicGroup
    /// The advice as one line (the Markdown's line breaks folded).
    public var guidance: String
    /// The group's topics (nested groups' too), in guide order; the first not yet entered is where a
    /// jump goes.
    public var topics: [String]
    public var jumpTarget: String

    public var heading: String { group.heading }

    /// Words that make a group's guidance a cue to act on during another topic ("when the candidate
    /// mentions…", "跳转到…") rather than a description of the group, which the outline already shows.
    static let cueWords = ["提到", "谈到", "说到", "聊到", "跳转", "转到", "转过来", "切换", "择机",
                           "mention", "jump", "switch", "move to", "move on to", "turn to", "bring up", "brings up", "comes up"]

    static func isCue(_ guidance: String) -> Bool {
        let lower = guidance.lowercased()
        return !guidance.isEmpty && cueWords.contains { lower.contains($0) }
    }
}

extension Guide {
    /// The hints to show now: groups of the current stage with guidance, when the current topic is not
    /// one of theirs and some of their topics have not been entered yet.
    public func groupHints(_ state: SessionState) -> [GroupHint] {
        guard let key = state.currentStage, let stage = stage(key) else { return [] }
        return stage.groups.compactMap { group in
            let guidance = group.guidance.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            guard GroupHint.isCue(guidance) else { return nil }
            let members = stage.topics.filter { stage.group($0.group, isWithin: group.key) }.map(\.key)
            if let current = state.currentTopic, members.contains(current) { return nil }
            guard let target = members.first(where: { state.topics[$0] == nil }) else { return nil }
            return GroupHint(group: group, guidance: guidance, topics: members, jumpTarget: target)
        }
    }
}

extension Guide {
    /// The groups a topic sits in that have guidance, outermost first. Their advice holds for each of
    /// their topics (the seed's 3.2: skip 3.2.3 for a candidate who never used MongoDB), and was out of
    /// sight once the interview was inside the group: the hint is for the topics around it (a probe).
    public func enclosingGroups(ofTopic key: String) -> [TopicGroup] {
        guard let stage = stages.first(where: { $0.topics.contains { $0.key == key } }),
              let topic = stage.topics.first(where: { $0.key == key }) else { return [] }
        var chain: [TopicGroup] = []
        var current = topic.group
        var hops = stage.groups.count + 1   // a malformed parent chain cannot loop forever
        while let k = current, hops > 0, let group = stage.groups.first(where: { $0.key == k }) {
            chain.append(group)
            current = group.parent
            hops -= 1
        }
        return chain.reversed().filter { !$0.guidance.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}

extension TopicGroup {
    public var heading: String { [number, title].compactMap { $0 }.joined(separator: " ") }
}

extension Stage {
    /// Whether a topic filed under group `key` sits in `ancestor`, directly or through nested groups.
    func group(_ key: String?, isWithin ancestor: String) -> Bool {
        var current = key
        var hops = groups.count + 1   // a malformed parent chain cannot loop forever
        while let k = current, hops > 0 {
            if k == ancestor { return true }
            current = groups.first { $0.key == k }?.parent
            hops -= 1
        }
        return false
    }
}
