import Flowchart

/// What a guide read from exported JSON must hold, as its Markdown would: the decoder checks the shape,
/// not the numbers, and a weight edited to -3 scored a question -150% with no word (a probe).
enum GuideJSONCheck {
    /// The first number out of its range, said with where it is; nil when all are in range.
    static func problem(in guide: Guide) -> LocalizedText? {
        func negative(_ value: Double) -> Bool { !value.isFinite || value < 0 }
        for topic in guide.topics {
            if negative(topic.weight) {
                return LocalizedText(en: "the weight of topic \(topic.key) is \(topic.weight); weights must not be negative",
                                     zh: "主题 \(topic.key) 的权重是 \(topic.weight)；权重不能是负数")
            }
            for question in topic.questions where negative(question.weight) {
                return LocalizedText(en: "the weight of question \(topic.key)/\(question.id) is \(question.weight); weights must not be negative",
                                     zh: "问题 \(topic.key)/\(question.id) 的权重是 \(question.weight)；权重不能是负数")
            }
        }
        for stage in guide.stages {
            if let minutes = stage.minutes, minutes < 0 {
                return LocalizedText(en: "stage \(stage.key) has \(minutes) minutes; a time box must not be negative",
                                     zh: "阶段 \(stage.key) 的时长是 \(minutes) 分钟；时长不能是负数")
            }
        }
        return nil
    }
}
