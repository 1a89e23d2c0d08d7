/// What an edit to a guide changes for future interviews: questions added, removed and changed
/// (text, reference, weight, level, rubric), topics added or removed, gates rewired.
public struct GuideDiff: Sendable {
    public enum Kind: String, Sendable { case added, removed, changed }

    public struct Change: Hashable, Sendable, CustomStringConvertible {
        public var kind: Kind
        /// "3.2.1/op4", "3.2.1", or "stage 3".
        public var path: String
        public var detail: String

        public var description: String {
            let mark = switch kind { case .added: "+"; case .removed: "-"; case .changed: "~" }
            return "\(mark) \(path): \(detail)"
        }
    }

    public var changes: [Change] = []

    public init(old: Guide, new: Guide) {
        let oldTopics = Dictionary(old.topics.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newTopics = Dictionary(new.topics.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for stage in new.stages where !old.stages.contains(where: { $0.key == stage.key }) {
            changes.append(Change(kind: .added, path: "stage \(stage.key)", detail: stage.title))
        }
        for stage in old.stages where !new.stages.contains(where: { $0.key == stage.key }) {
            changes.append(Change(kind: .removed, path: "stage \(stage.key)", detail: stage.title))
        }
        for stage in new.stages {
            guard let before = old.stages.first(where: { $0.key == stage.key }) else { continue }
            if before.minutes != stage.minutes {
                changes.append(Change(kind: .changed, path: "stage \(stage.key)", detail: "time budget \(before.minutes.map(String.init) ?? "none") → \(stage.minutes.map(String.init) ?? "none") min"))
            }
            if before.requirement != stage.requirement {
                changes.append(Change(kind: .changed, path: "stage \(stage.key)", detail: "\(before.requirement.rawValue) → \(stage.requirement.rawValue)"))
            }
        }
        for topic in new.topics {
            guard let before = oldTopics[topic.key] else {
                changes.append(Change(kind: .added, path: topic.key, detail: "topic '\(topic.title)' with \(topic.questions.count) questions"))
                continue
            }
            compare(before, topic)
        }
        for topic in old.topics where newTopics[topic.key] == nil {
            changes.append(Change(kind: .removed, path: topic.key, detail: "topic '\(topic.title)' with \(topic.questions.count) questions"))
        }
        if old.scale != new.scale { changes.append(Change(kind: .changed, path: "scale", detail: "rating scale or its anchors")) }
        if old.bands != new.bands { changes.append(Change(kind: .changed, path: "recommendation", detail: "score bands")) }
    }

    private mutating func compare(_ old: Topic, _ new: Topic) {
        let path = new.key
        if old.weight != new.weight { changes.append(Change(kind: .changed, path: path, detail: "topic weight \(n(old.weight)) → \(n(new.weight))")) }
        if old.knockout != new.knockout { changes.append(Change(kind: .changed, path: path, detail: "knockout \(old.knockout.map(n) ?? "none") → \(new.knockout.map(n) ?? "none")")) }
        for q in new.questions {
            guard let before = old.question(q.id) else {
                changes.append(Change(kind: .added, path: "\(path)/\(q.id)", detail: "question '\(q.text)' (weight \(n(q.weight)))"))
                continue
            }
            var what: [String] = []
            if before.text != q.text { what.append("text '\(before.text)' → '\(q.text)'") }
            if before.reference != q.reference { what.append("reference '\(before.reference ?? "")' → '\(q.reference ?? "")'") }
            if before.weight != q.weight { what.append("weight \(n(before.weight)) → \(n(q.weight))") }
            if before.level != q.level { what.append("level \(before.level) → \(q.level)") }
            if before.rubric != q.rubric { what.append("rubric") }
            if before.dimensions != q.dimensions { what.append("dimensions \(before.dimensions) → \(q.dimensions)") }
            if !what.isEmpty { changes.append(Change(kind: .changed, path: "\(path)/\(q.id)", detail: what.joined(separator: "; "))) }
        }
        for q in old.questions where new.question(q.id) == nil {
            changes.append(Change(kind: .removed, path: "\(path)/\(q.id)", detail: "question '\(q.text)'"))
        }
        for g in new.gates {
            if let before = old.gate(g.id), before.yes != g.yes || before.no != g.no || before.text != g.text {
                changes.append(Change(kind: .changed, path: "\(path)/\(g.id)", detail: "gate '\(g.text)': yes → \(g.yes ?? "—"), no → \(g.no ?? "—")"))
            } else if old.gate(g.id) == nil {
                changes.append(Change(kind: .added, path: "\(path)/\(g.id)", detail: "gate '\(g.text)'"))
            }
        }
        for g in old.gates where new.gate(g.id) == nil {
            changes.append(Change(kind: .removed, path: "\(path)/\(g.id)", detail: "gate '\(g.text)'"))
        }
    }

    private func n(_ value: Double) -> String { FrontMatterWriter.number(value) }

    public var text: String {
        changes.isEmpty ? "no changes to questions, references, weights or structure\n" : changes.map(\.description).joined(separator: "\n") + "\n"
    }
}
