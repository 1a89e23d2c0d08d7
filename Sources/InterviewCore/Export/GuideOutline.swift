import Foundation

/// `interview guide show`: the guide as a tree a person reads, or as JSON a tool reads.
public enum GuideOutline {
    /// The tree's own words in `language` (default: the guide's, so a Chinese guide's tree reads in Chinese).
    public static func text(_ guide: Guide, language: ReportLanguage? = nil) -> String {
        let w = Words(language ?? ReportLanguage(guide: guide))
        var out = "\(guide.title)  [\(w.version) \(guide.shortHash)]\n"
        for (s, stage) in guide.stages.enumerated() {
            let lastStage = s == guide.stages.count - 1
            var line = (lastStage ? "└─ " : "├─ ") + [stage.number, stage.title].compactMap { $0 }.joined(separator: " ")
            if stage.requirement != .unspecified { line += " [\(w.requirement(stage.requirement))]" }
            if let minutes = stage.minutes { line += " \(minutes) \(w.minutes)" }
            out += line + "\n"
            let pad = lastStage ? "   " : "│  "
            // Prompts for the talk, not rated: said, since they look like questions (a guide author's probe).
            var rows: [[String]] = stage.questions.map { q in
                ["\(q.number) \(broken(q.text)) " + w.brackets.bracketed(w.notRated) + (q.reference.map { "  → \($0)" } ?? "")]
                    + (q.details?.split(separator: "\n").map { "   " + $0 } ?? [])
            }
            // A group heading (the seed's 3.2, 3.5) before its first topic, with the start of its guidance:
            // the tree left them out, and their advice with them (a probe).
            var shown = Set<String>()
            for topic in stage.topics {
                var chain: [TopicGroup] = []
                var key = topic.group
                while let k = key, !shown.contains(k), let group = stage.groups.first(where: { $0.key == k }) {
                    chain.insert(group, at: 0)
                    key = group.parent
                }
                for group in chain {
                    shown.insert(group.key)
                    let guidance = oneLine(group.guidance)
                    rows.append(["\(group.heading) " + w.brackets.bracketed(w.group)] + (guidance.isEmpty ? [] : ["   » " + guidance]))
                }
                rows.append(topicRows(topic, w))
            }
            for (r, row) in rows.enumerated() {
                let last = r == rows.count - 1
                out += pad + (last ? "└─ " : "├─ ") + row[0] + "\n"
                for detail in row.dropFirst() { out += pad + (last ? "   " : "│  ") + detail + "\n" }
            }
        }
        return out
    }

    private static func topicRows(_ topic: Topic, _ w: Words) -> [String] {
        var head = topic.heading
        if topic.weight != 1 { head += "  \(w.weight) \(FrontMatterWriter.number(topic.weight))" }
        if let knockout = topic.knockout { head += "  \(w.knockout) < \(FrontMatterWriter.number(knockout))" }
        if topic.isPickList { head += "  [\(w.pickList)]" }
        var rows = [head]
        // By id, once: a lookup per step through the topic's lists made a 40,000-node chart take minutes (a probe).
        let questions = Dictionary(topic.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let gates = Dictionary(topic.gates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let instructions = Dictionary(topic.instructions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for step in topic.steps {
            if let q = questions[step.id] {
                // A label's line breaks (`<br>`, a multi-line quoted label) would start a line of the tree at
                // its left edge: the text on one line, its breaks as "⏎".
                rows.append("  \(q.id)  \(broken(q.text)) " + w.brackets.bracketed("\(w.w) \(FrontMatterWriter.number(q.weight))\(w.comma)\(w.level) \(q.level)")
                            + (q.reference.map { "\n      → \(oneLine($0))" } ?? ""))
            } else if let g = gates[step.id] {
                rows.append("  \(g.id)  ◇ \(g.text)  \(w.yes) → \(g.yes ?? "—"), \(w.no) → \(g.no ?? "—")  [\(w.gateKind(g.kind))]")
            } else if let i = instructions[step.id] {
                // A junction or fork bar without words of its own read "f  ▷ f", or "g  ▷ " (a probe).
                let text = i.saysNothing ? w.junction : i.text
                rows.append("  \(i.id)  ▷ \(text)" + (i.calls.map { " " + w.brackets.bracketed("\(w.calls) \($0)") } ?? ""))
            }
            for note in step.note?.split(separator: "\n") ?? [] { rows.append("      ✎ \(note)") }
        }
        return rows.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// The tree's fixed words; ids, numbers and the guide's own text are the same in both languages.
    private struct Words {
        let zh: Bool
        init(_ language: ReportLanguage) { zh = language == .zh }
        func t(_ en: String, _ zh: String) -> String { self.zh ? zh : en }
        var version: String { t("version", "版本") }
        var minutes: String { t("min", "分钟") }
        var weight: String { t("weight", "权重") }
        var w: String { t("w", "权重") }
        var level: String { t("level", "层级") }
        // Chinese punctuation in Chinese lines: "（权重 1，层级 1）", not "(权重 1, 层级 1)".
        var brackets: ReportLabels { ReportLabels.labels(zh ? .zh : .en) }
        var comma: String { t(", ", "，") }
        var knockout: String { t("knockout", "一票否决") }
        var pickList: String { t("pick list", "按需挑选") }
        var group: String { t("group of topics", "主题组") }
        var junction: String { t("(where lines meet or part, not asked)", "（连线汇合或分开处，不提问）") }
        var notRated: String { t("talk prompt, not rated", "谈话提示，不评分") }
        var yes: String { t("yes", "是") }
        var no: String { t("no", "否") }
        var calls: String { t("calls", "转到") }
        func requirement(_ r: Requirement) -> String {
            switch r {
            case .required: t("required", "必选")
            case .optional: t("optional", "可选")
            case .unspecified: ""
            }
        }
        func gateKind(_ kind: Gate.Kind) -> String {
            switch kind {
            case .depth: t("depth", "深入")
            case .path: t("path", "分支")
            }
        }
    }

    private static func broken(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return flat.count > 100 ? String(flat.prefix(99)) + "…" : flat
    }

    /// `{title, version, stages:[{number, title, required, requirement, minutes, questions, topics}]}`;
    /// a topic has `title`, `questions` (`id`, `text`, `reference`, `weight`, …) and `gates`.
    public static func json(_ guide: Guide) -> String {
        let stages: [[String: Any]] = guide.stages.map { stage in
            [
                "number": stage.number as Any? ?? NSNull(),
                "title": stage.title,
                "required": stage.requirement == .required,
                "requirement": stage.requirement.rawValue,
                "minutes": stage.minutes as Any? ?? NSNull(),
                "questions": stage.questions.map { ["number": $0.number, "text": $0.text, "reference": $0.reference as Any? ?? NSNull(),
                                                    "details": $0.details as Any? ?? NSNull()] },
                "topics": stage.topics.map(topicJSON),
            ]
        }
        let root: [String: Any] = ["title": guide.title, "version": guide.contentHash, "id": guide.id as Any? ?? NSNull(),
                                   "language": guide.language as Any? ?? NSNull(), "stages": stages,
                                   "scale": ["min": guide.scale.levels.lowerBound, "max": guide.scale.levels.upperBound]]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func topicJSON(_ topic: Topic) -> [String: Any] {
        [
            "key": topic.key,
            "number": topic.number as Any? ?? NSNull(),
            "title": topic.title,
            "weight": topic.weight,
            "knockout": topic.knockout as Any? ?? NSNull(),
            "pickList": topic.isPickList,
            "questions": topic.questions.map { q in
                ["id": q.id, "text": q.text, "reference": q.reference as Any? ?? NSNull(), "hint": q.hint as Any? ?? NSNull(),
                 "weight": q.weight, "level": q.level, "dimensions": q.dimensions] as [String: Any]
            },
            "gates": topic.gates.map { g in
                ["id": g.id, "text": g.text, "yes": g.yes as Any? ?? NSNull(), "no": g.no as Any? ?? NSNull(), "kind": g.kind.rawValue] as [String: Any]
            },
            "notes": Dictionary(topic.steps.compactMap { step in step.note.map { (step.id, $0) } }) { a, _ in a },
            "instructions": topic.instructions.map { i in
                ["id": i.id, "text": i.text, "calls": i.calls as Any? ?? NSNull()] as [String: Any]
            },
        ]
    }
}
