import Foundation
import Yams

/// The annotations of a guide as YAML, keys in a fixed, readable order.
enum FrontMatterWriter {
    static func yaml(_ guide: Guide) -> String {
        var root: [(Yams.Node, Yams.Node)] = []
        var info: [(Yams.Node, Yams.Node)] = []
        if let id = guide.id { info.append((key("id"), text(id))) }
        if let language = guide.language { info.append((key("language"), text(language))) }
        // Without a `#` heading the title lives only here.
        if !guide.preface.contains(where: { $0.level == 1 }) { info.append((key("title"), text(guide.title))) }
        if let audience = guide.audience { info.append((key("audience"), text(guide.audience ?? audience))) }
        if !info.isEmpty { root.append((key("guide"), Yams.Node(info))) }
        if guide.scale != .standard {
            let levels = guide.scale.levels.map { (Yams.Node(String($0)), text(guide.scale.anchors[$0] ?? "")) }
            root.append((key("scale"), Yams.Node(levels)))
        }
        let stages = guide.stages.compactMap { stage -> (Yams.Node, Yams.Node)? in
            guard let minutes = stage.minutes else { return nil }
            return (text(stage.key), Yams.Node([(key("minutes"), Yams.Node(String(minutes)))], .implicit, .flow))
        }
        if !stages.isEmpty { root.append((key("stages"), Yams.Node(stages))) }
        let topics = guide.topics.map { (text($0.key), topicNode($0)) }
        if !topics.isEmpty { root.append((key("topics"), Yams.Node(topics))) }
        if guide.bands != RecommendationBand.defaults {
            let bands = guide.bands.map { band in
                Yams.Node([(key("band"), text(band.id)), (key("min"), Yams.Node(number(band.minimum))), (key("label"), text(band.label))], .implicit, .flow)
            }
            root.append((key("recommendation"), Yams.Node(bands)))
        }
        guard !root.isEmpty else { return "" }
        return (try? Yams.serialize(node: Yams.Node(root), width: -1, allowUnicode: true)) ?? ""
    }

    private static func topicNode(_ topic: Topic) -> Yams.Node {
        var pairs: [(Yams.Node, Yams.Node)] = []
        if topic.weight != 1 { pairs.append((key("weight"), Yams.Node(number(topic.weight)))) }
        if let knockout = topic.knockout { pairs.append((key("knockout"), Yams.Node(number(knockout)))) }
        // Written only where the topic's own words would suggest otherwise.
        if topic.isPickList != PickList.looksLikeOne(instructions: topic.instructions, guidance: topic.guidance, hasGates: !topic.gates.isEmpty) {
            pairs.append((key("pickList"), Yams.Node(topic.isPickList ? "true" : "false")))
        }
        let questions = topic.questions.map { question -> (Yams.Node, Yams.Node) in
            var q: [(Yams.Node, Yams.Node)] = []
            if let id = question.bankID { q.append((key("id"), text(id))) }
            q.append((key("weight"), Yams.Node(number(question.weight))))
            if !question.dimensions.isEmpty {
                q.append((key("dimensions"), Yams.Node(question.dimensions.map(text), .implicit, .flow)))
            }
            if let reference = question.reference, reference != question.hint { q.append((key("reference"), text(reference))) }
            if !question.rubric.isEmpty {
                q.append((key("rubric"), Yams.Node(question.rubric.sorted { $0.key < $1.key }.map { (Yams.Node(String($0.key)), text($0.value)) })))
            }
            return (text(question.id), Yams.Node(q))
        }
        if !questions.isEmpty { pairs.append((key("questions"), Yams.Node(questions))) }
        return Yams.Node(pairs)
    }

    private static func key(_ name: String) -> Yams.Node { Yams.Node(name) }

    /// Strings always quoted: "3.1" must stay the text "3.1", and "yes" must not become true.
    private static func text(_ value: String) -> Yams.Node { Yams.Node(value, .implicit, .doubleQuoted) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
