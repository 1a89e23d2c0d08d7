import Flowchart

/// What an edit to a guide changes for future interviews: questions added, removed and changed
/// (text, reference, weight, level, rubric), topics added or removed, gates rewired, and for every
/// question touched whether it keeps its identity in the question bank, i.e. whether its figures
/// (difficulty, discrimination, interviewer calibration) carry over or start again.
public struct GuideDiff: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed }

    /// A question's identity across the edit, by the question bank's rules (`QuestionBank`).
    public enum Identity: Hashable, Sendable {
        /// The same identity before and after: its figures carry over.
        case kept(String)
        /// The edit made it a different question: figures start again under `new`; `old` keeps its own.
        case renewed(old: String, new: String)
        /// Added where it was not, but it is a question the old version had at `from`: a move.
        case moved(String, from: String)
        /// Removed here, but the new version has the same question at `to`.
        case movedAway(String, to: String)
        /// A question the old version did not have.
        case new(String)
    }

    public struct Change: Hashable, Sendable {
        public var kind: Kind
        /// "3.2.1/op4", "3.2.1", "stage 3", "scale" or "recommendation".
        public var path: String
        public var detail: LocalizedText
        public var identity: Identity?

        public func text(_ language: Language) -> String {
            // Chinese text takes the full-width colon (a probe found ": " inside Chinese pages).
            var line = "\(mark) \(place(language))\(language == .zh ? "：" : ": ")\(detail.text(language))"
            if let identity = identityText(language) { line += "\n    " + identity }
            return line
        }

        /// "+", "-" or "~".
        public var mark: String { switch kind { case .added: "+"; case .removed: "-"; case .changed: "~" } }

        /// Where, as people say it: "question 3.2.1/op4", "topic 3.2.1", "stage 3".
        public func place(_ language: Language) -> String { GuideDiffText.place(path, language) }

        /// Whether its figures carry over in the question bank, for a question.
        public func identityText(_ language: Language) -> String? { identity.map { GuideDiffText.identity($0).text(language) } }
    }

    /// What `text` says when nothing changed.
    public static func nothing(_ language: Language) -> String { GuideDiffText.nothing.text(language) }

    public var changes: [Change] = []
    /// Identity per question key ("3.2.1/op4") in each version, from a bank of just these two.
    private let before: [String: String]
    private let after: [String: String]

    public init(old: Guide, new: Guide) {
        let bank = QuestionBank([QuestionBank.Lineage(id: "diff", title: new.title, versions: [
            QuestionBank.Version(id: "old", label: "old", guide: old),
            QuestionBank.Version(id: "new", label: "new", guide: new),
        ])])
        before = bank.identities(version: "old")
        after = bank.identities(version: "new")
        compareStages(old, new)
        let oldTopics = Dictionary(old.topics.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newTopics = Dictionary(new.topics.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for topic in new.topics {
            guard let earlier = oldTopics[topic.key] else {
                changes.append(Change(kind: .added, path: topic.key, detail: GuideDiffText.topic(topic)))
                for question in topic.questions { added(question, in: topic.key) }
                continue
            }
            compare(earlier, topic)
        }
        for topic in old.topics where newTopics[topic.key] == nil {
            changes.append(Change(kind: .removed, path: topic.key, detail: GuideDiffText.topic(topic)))
            for question in topic.questions { removed(question, in: topic.key) }
        }
        if old.scale != new.scale { changes.append(Change(kind: .changed, path: "scale", detail: GuideDiffText.scale)) }
        if old.bands != new.bands { changes.append(Change(kind: .changed, path: "recommendation", detail: GuideDiffText.bands)) }
    }

    private mutating func compareStages(_ old: Guide, _ new: Guide) {
        for stage in new.stages where !old.stages.contains(where: { $0.key == stage.key }) {
            changes.append(Change(kind: .added, path: "stage \(stage.key)", detail: LocalizedText(en: stage.title, zh: stage.title)))
        }
        for stage in old.stages where !new.stages.contains(where: { $0.key == stage.key }) {
            changes.append(Change(kind: .removed, path: "stage \(stage.key)", detail: LocalizedText(en: stage.title, zh: stage.title)))
        }
        for stage in new.stages {
            guard let earlier = old.stages.first(where: { $0.key == stage.key }) else { continue }
            if earlier.minutes != stage.minutes {
                changes.append(Change(kind: .changed, path: "stage \(stage.key)", detail: GuideDiffText.budget(earlier.minutes, stage.minutes)))
            }
            if earlier.requirement != stage.requirement {
                changes.append(Change(kind: .changed, path: "stage \(stage.key)", detail: GuideDiffText.requirement(earlier.requirement, stage.requirement)))
            }
        }
    }

    private mutating func compare(_ old: Topic, _ new: Topic) {
        let path = new.key
        if old.weight != new.weight {
            changes.append(Change(kind: .changed, path: path, detail: GuideDiffText.topicWeight(old.weight, new.weight)))
        }
        if old.knockout != new.knockout {
            changes.append(Change(kind: .changed, path: path, detail: GuideDiffText.knockout(old.knockout, new.knockout)))
        }
        for q in new.questions {
            guard let earlier = old.question(q.id) else {
                added(q, in: path)
                continue
            }
            let what = GuideDiffText.edits(earlier, q)
            guard !what.en.isEmpty else { continue }
            let key = QuestionKey.of(topic: path, question: q.id)
            let identity: Identity? = switch (before[key], after[key]) {
            case let (was?, now?) where was == now: .kept(now)
            case let (was?, now?): .renewed(old: was, new: now)
            default: nil
            }
            changes.append(Change(kind: .changed, path: key, detail: what, identity: identity))
        }
        for q in old.questions where new.question(q.id) == nil {
            removed(q, in: path)
        }
        for g in new.gates {
            if let earlier = old.gate(g.id), earlier.yes != g.yes || earlier.no != g.no || earlier.text != g.text {
                changes.append(Change(kind: .changed, path: "\(path)/\(g.id)", detail: GuideDiffText.gate(g, rewired: true)))
            } else if old.gate(g.id) == nil {
                changes.append(Change(kind: .added, path: "\(path)/\(g.id)", detail: GuideDiffText.gate(g, rewired: false)))
            }
        }
        for g in old.gates where new.gate(g.id) == nil {
            changes.append(Change(kind: .removed, path: "\(path)/\(g.id)", detail: GuideDiffText.gate(g, rewired: false)))
        }
    }

    private mutating func added(_ question: Question, in topic: String) {
        let key = QuestionKey.of(topic: topic, question: question.id)
        let identity: Identity? = after[key].map { id in
            // Its identity at some key of the old version that the new one no longer has there: a move.
            let from = before.filter { $0.value == id && after[$0.key] != id }.keys.min()
            return from.map { .moved(id, from: $0) } ?? .new(id)
        }
        changes.append(Change(kind: .added, path: key, detail: GuideDiffText.question(question), identity: identity))
    }

    private mutating func removed(_ question: Question, in topic: String) {
        let key = QuestionKey.of(topic: topic, question: question.id)
        let identity: Identity? = before[key].flatMap { id in
            after.filter { $0.value == id && before[$0.key] != id }.keys.min().map { .movedAway(id, to: $0) }
        }
        changes.append(Change(kind: .removed, path: key, detail: GuideDiffText.removedQuestion(question), identity: identity))
    }

    public func text(_ language: Language) -> String {
        changes.isEmpty
            ? GuideDiffText.nothing.text(language) + "\n"
            : changes.map { $0.text(language) }.joined(separator: "\n") + "\n"
    }
}
