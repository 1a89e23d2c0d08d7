import Flowchart

/// The words of `GuideDiff`, in English and Chinese. Keys, numbers and the guide's own text are the same
/// in both; only the prose around them is translated.
enum GuideDiffText {
    static let nothing = LocalizedText(en: "no changes to questions, references, weights or structure",
                                       zh: "题目、参考答案、权重和结构都没有变化")
    static let scale = LocalizedText(en: "rating scale or its anchors", zh: "评分量表或其锚点")
    static let bands = LocalizedText(en: "score bands", zh: "分数段")

    /// "stage 3", "scale" and "recommendation" named in the reader's language; question paths as they are.
    static func place(_ path: String, _ language: Language) -> String {
        guard language == .zh else { return path }
        if path.hasPrefix("stage ") { return "阶段 " + path.dropFirst(6) }
        switch path {
        case "scale": return "评分量表"
        case "recommendation": return "录用建议"
        default: return path
        }
    }

    static func budget(_ old: Int?, _ new: Int?) -> LocalizedText {
        func en(_ m: Int?) -> String { m.map(String.init) ?? "none" }
        func zh(_ m: Int?) -> String { m.map(String.init) ?? "无" }
        return LocalizedText(en: "time budget \(en(old)) → \(en(new)) min", zh: "时间预算 \(zh(old)) → \(zh(new)) 分钟")
    }

    static func requirement(_ old: Requirement, _ new: Requirement) -> LocalizedText {
        func zh(_ r: Requirement) -> String {
            switch r {
            case .required: "必选"
            case .optional: "可选"
            case .unspecified: "未指定"
            }
        }
        return LocalizedText(en: "\(old.rawValue) → \(new.rawValue)", zh: "\(zh(old)) → \(zh(new))")
    }

    static func topic(_ topic: Topic) -> LocalizedText {
        // The second of two 3.6 topics has its title in its key, which the line starts with: said once
        // ("3.6 开放式技术问题：主题「开放式技术问题」" read it twice, a probe).
        if topic.key != topic.title, topic.key.hasSuffix(topic.title) {
            return LocalizedText(en: "topic with \(topic.questions.count) questions", zh: "主题，\(topic.questions.count) 道题")
        }
        return LocalizedText(en: "topic '\(topic.title)' with \(topic.questions.count) questions",
                             zh: "主题「\(topic.title)」，\(topic.questions.count) 道题")
    }

    static func topicWeight(_ old: Double, _ new: Double) -> LocalizedText {
        LocalizedText(en: "topic weight \(n(old)) → \(n(new))", zh: "主题权重 \(n(old)) → \(n(new))")
    }

    static func knockout(_ old: Double?, _ new: Double?) -> LocalizedText {
        LocalizedText(en: "knockout \(old.map(n) ?? "none") → \(new.map(n) ?? "none")",
                      zh: "一票否决线 \(old.map(n) ?? "无") → \(new.map(n) ?? "无")")
    }

    static func question(_ q: Question) -> LocalizedText {
        LocalizedText(en: "question '\(q.text)' (weight \(n(q.weight)))", zh: "题目「\(q.text)」（权重 \(n(q.weight))）")
    }

    static func removedQuestion(_ q: Question) -> LocalizedText {
        LocalizedText(en: "question '\(q.text)'", zh: "题目「\(q.text)」")
    }

    static func gate(_ g: Gate, rewired: Bool) -> LocalizedText {
        guard rewired else { return LocalizedText(en: "gate '\(g.text)'", zh: "分支「\(g.text)」") }
        return LocalizedText(en: "gate '\(g.text)': yes → \(g.yes ?? "—"), no → \(g.no ?? "—")",
                             zh: "分支「\(g.text)」：是 → \(g.yes ?? "—")，否 → \(g.no ?? "—")")
    }

    /// What changed in a question kept at its place; empty when nothing did.
    static func edits(_ old: Question, _ new: Question) -> LocalizedText {
        var en: [String] = [], zh: [String] = []
        if old.text != new.text {
            en.append("text '\(old.text)' → '\(new.text)'")
            zh.append("题目文字「\(old.text)」→「\(new.text)」")
        }
        if old.reference != new.reference {
            en.append("reference '\(old.reference ?? "")' → '\(new.reference ?? "")'")
            zh.append("参考答案「\(old.reference ?? "")」→「\(new.reference ?? "")」")
        }
        if old.weight != new.weight {
            en.append("weight \(n(old.weight)) → \(n(new.weight))")
            zh.append("权重 \(n(old.weight)) → \(n(new.weight))")
        }
        if old.level != new.level {
            en.append("level \(old.level) → \(new.level)")
            zh.append("层级 \(old.level) → \(new.level)")
        }
        if old.rubric != new.rubric {
            en.append("rubric")
            zh.append("评分标准")
        }
        if old.dimensions != new.dimensions {
            en.append("dimensions \(old.dimensions.joined(separator: ", ")) → \(new.dimensions.joined(separator: ", "))")
            zh.append("能力维度 \(old.dimensions.joined(separator: "、")) → \(new.dimensions.joined(separator: "、"))")
        }
        return LocalizedText(en: en.joined(separator: "; "), zh: zh.joined(separator: "；"))
    }

    static func identity(_ identity: GuideDiff.Identity) -> LocalizedText {
        switch identity {
        case .kept(let id):
            LocalizedText(en: "same question in the bank (\(id)): its figures carry over",
                          zh: "题库中仍是同一道题（\(id)）：统计数据延续")
        case .renewed(let old, let new):
            LocalizedText(en: "a new question in the bank (\(new), was \(old)): its figures start again and the old wording keeps its own; to carry them over, name the question with id: in the front matter",
                          zh: "题库中成为新题（\(new)，原为 \(old)）：统计数据重新开始，原措辞的数据保留在原题下；如要延续，请在 front matter 中用 id: 为该题命名")
        case .moved(let id, let from):
            LocalizedText(en: "moved from \(from), same question in the bank (\(id)): its figures carry over",
                          zh: "从 \(from) 移来，题库中仍是同一道题（\(id)）：统计数据延续")
        case .movedAway(let id, let to):
            LocalizedText(en: "moved to \(to) (\(id))", zh: "已移到 \(to)（\(id)）")
        case .new(let id):
            LocalizedText(en: "new to this guide (\(id))", zh: "本指南的新题（\(id)）")
        }
    }

    private static func n(_ value: Double) -> String { FrontMatterWriter.number(value) }
}
