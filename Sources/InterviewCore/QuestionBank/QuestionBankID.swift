import Flowchart

/// The rules for a question-bank id written in the front matter (`topics.3.1.questions.op1.id`).
enum QuestionBankID {
    static let maximumLength = 64

    /// Why `id` cannot name a question, or nil when it can. Letters, digits, `.`, `_` and `-`, starting
    /// with a letter or digit: ids appear in URLs and CSV files, and never contain the `:` that the
    /// bank's own text-derived ids (`QuestionBank.derivedPrefix`) start with, so the two cannot meet.
    static func problem(_ id: String) -> LocalizedText? {
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        let first = id.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) } ?? false
        guard id.isEmpty || !allowed || !first || id.count > maximumLength else { return nil }
        return LocalizedText(
            en: "question id '\(id)' must be 1 to \(maximumLength) letters, digits, '.', '_' or '-', starting with a letter or digit",
            zh: "问题 id '\(id)' 必须由 1 到 \(maximumLength) 个字母、数字、'.'、'_' 或 '-' 组成，并以字母或数字开头")
    }

    /// One id given to two questions of one guide: the bank would pool two different questions. Both are
    /// named, at the second one's line.
    static func duplicates(in notes: Annotations) -> [Diagnostic] {
        var first: [String: String] = [:], found: [Diagnostic] = []
        for topic in notes.topics {
            for question in topic.questions {
                guard let id = question.bankID else { continue }
                let name = "\(topic.key.value)/\(question.id.value)"
                if let earlier = first[id.value] {
                    found.append(Diagnostic(.error, .invalidAnnotation, at: id.position, LocalizedText(
                        en: "question id '\(id.value)' is already given to \(earlier); two questions of one guide cannot share an id",
                        zh: "问题 id '\(id.value)' 已经用于 \(earlier)；同一指南中的两个问题不能共用一个 id")))
                } else {
                    first[id.value] = name
                }
            }
        }
        return found
    }
}
