import Flowchart

/// Checks the front matter against the guide's structure and writes the annotations into it.
/// Every annotation that names something the guide does not have is a diagnostic at its line.
enum AnnotationApplier {
    static func apply(_ notes: Annotations, to guide: inout Guide) -> [GuideDiagnostic] {
        var found: [Diagnostic] = []
        guide.id = notes.id ?? guide.id
        guide.language = notes.language ?? guide.language
        guide.audience = notes.audience ?? guide.audience
        if let anchors = notes.scale, let low = anchors.keys.min(), let high = anchors.keys.max() {
            guide.scale = RatingScale(levels: low...high, anchors: anchors.filter { !$0.value.isEmpty })
        }
        for (stage, minutes) in notes.stages.sorted(by: { $0.key.position < $1.key.position }) {
            if let index = guide.stages.firstIndex(where: { $0.number == stage.value || $0.title == stage.value }) {
                guide.stages[index].minutes = minutes
            } else {
                let numbers = guide.stages.compactMap(\.number).joined(separator: ", ")
                found.append(Diagnostic(.error, .unknownAnnotation, at: stage.position, LocalizedText(
                    en: "there is no stage '\(stage.value)' in this guide; its stages are numbered \(numbers)",
                    zh: "本指南中没有阶段 '\(stage.value)'；现有阶段的编号是 \(numbers)")))
            }
        }
        for note in notes.topics {
            found += apply(note, to: &guide)
        }
        found += QuestionBankID.duplicates(in: notes)
        if let bands = notes.bands {
            found += checkBands(bands)
            guide.bands = bands.sorted { $0.minimum > $1.minimum }
                .map { RecommendationBand(id: $0.id, label: $0.label, minimum: $0.minimum) }
        }
        return found.map { GuideDiagnostic($0) }
    }

    private static func apply(_ note: Annotations.TopicNote, to guide: inout Guide) -> [Diagnostic] {
        guard let (s, t) = locate(note.key.value, in: guide) else {
            let keys = guide.topics.map(\.key)
            let guess = Suggestions.closest(note.key.value, in: keys)
            let listed = keys.joined(separator: ", ")
            return [Diagnostic(.error, .unknownAnnotation, at: note.key.position,
                LocalizedText(en: "there is no topic '\(note.key.value)' in this guide", zh: "本指南中没有主题 '\(note.key.value)'")
                    + (guess.map(LocalizedText.didYouMean) ?? LocalizedText(en: "; its topics are \(listed)", zh: "；现有主题是 \(listed)")))]
        }
        var found: [Diagnostic] = []
        var topic = guide.stages[s].topics[t]
        if let weight = note.weight { topic.weight = weight }
        topic.knockout = note.knockout ?? topic.knockout
        if let pick = note.pickList, pick != topic.isPickList {
            topic.isPickList = pick
            let flow = TopicFlow(DiagramSyntax.parse(topic.flowchart).graph)
            topic.questions = pick ? flow.questions + flow.unreachableQuestions : flow.questions
        }
        for question in note.questions {
            guard let q = topic.questions.firstIndex(where: { $0.id == question.id.value }) else {
                found.append(unknownQuestion(question.id, in: topic))
                continue
            }
            if let weight = question.weight { topic.questions[q].weight = weight }
            if let bankID = question.bankID { topic.questions[q].bankID = bankID.value }
            if let dimensions = question.dimensions { topic.questions[q].dimensions = dimensions }
            if let reference = question.reference { topic.questions[q].reference = reference }
            for (level, anchor) in question.rubric.sorted(by: { $0.key.value < $1.key.value }) {
                guard guide.scale.contains(level.value) else {
                    let scale = "\(guide.scale.levels.lowerBound)–\(guide.scale.levels.upperBound)"
                    found.append(Diagnostic(.error, .invalidAnnotation, at: level.position, LocalizedText(
                        en: "rubric level \(level.value) is outside the rating scale \(scale)",
                        zh: "评分标准等级 \(level.value) 超出了评分量表 \(scale) 的范围")))
                    continue
                }
                topic.questions[q].rubric[level.value] = anchor
            }
        }
        guide.stages[s].topics[t] = topic
        if let threshold = topic.knockout, let at = note.knockoutAt,
           let ceiling = KnockoutReach.ceilingWithoutGoingDeeper(topic: topic.key, guide: guide), ceiling < threshold {
            let best = String(format: "%.1f", ceiling), line = String(format: "%g", threshold)
            found.append(Diagnostic(.warning, .knockoutNeedsDepth, at: at, LocalizedText(
                en: "topic \(topic.key)'s knockout \(line) is above the best score it reaches without going deeper (\(best)): every candidate not taken deeper fails it, however well they answer; lower the knockout or weigh the basic questions more",
                zh: "主题 \(topic.key) 的一票否决线 \(line) 高于不深入时能得到的最高分（\(best)）：凡是没有深入的候选人，答得再好也会被否决；请降低否决线，或提高基础题的权重")))
        }
        return found
    }

    static func locate(_ key: String, in guide: Guide) -> (Int, Int)? {
        for (s, stage) in guide.stages.enumerated() {
            if let t = stage.topics.firstIndex(where: { $0.key == key }) { return (s, t) }
        }
        for (s, stage) in guide.stages.enumerated() {
            if let t = stage.topics.firstIndex(where: { $0.number == key || $0.title == key }) { return (s, t) }
        }
        return nil
    }

    private static func unknownQuestion(_ id: Annotations.Located<String>, in topic: Topic) -> Diagnostic {
        if let step = topic.step(id.value) {
            let what = switch step.kind {
            case .gate: LocalizedText(en: "a go-deeper condition", zh: "一个决定是否追问的条件节点")
            case .instruction: LocalizedText(en: "an instruction (subroutine)", zh: "一条指示（subroutine 节点）")
            case .start: LocalizedText(en: "the start", zh: "起点")
            case .end: LocalizedText(en: "the end", zh: "终点")
            case .question: LocalizedText(en: "a question the start cannot reach", zh: "一个从起点无法到达的问题")
            }
            return Diagnostic(.error, .unknownAnnotation, at: id.position, LocalizedText(
                en: "'\(id.value)' in topic \(topic.key) is \(what.en), not a question that is asked; only questions take weights and rubrics",
                zh: "主题 \(topic.key) 中的 '\(id.value)' 是\(what.zh)，不是会被提出的问题；只有问题才能设置权重和评分标准"))
        }
        let ids = topic.questions.map(\.id)
        let guess = Suggestions.closest(id.value, in: ids)
        return Diagnostic(.error, .unknownAnnotation, at: id.position,
            LocalizedText(en: "topic \(topic.key) has no question '\(id.value)'", zh: "主题 \(topic.key) 中没有问题 '\(id.value)'")
                + (guess.map(LocalizedText.didYouMean) ?? LocalizedText(en: "; its questions are \(ids.joined(separator: ", "))",
                                                                         zh: "；现有问题是 \(ids.joined(separator: "、"))")))
    }

    /// Bands are read from their `min` up to the next band's; explicit `max` values must not reach
    /// into another band, and two bands must not start at the same score.
    private static func checkBands(_ bands: [Annotations.BandNote]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let sorted = bands.sorted { $0.minimum < $1.minimum }
        for (lower, upper) in zip(sorted, sorted.dropFirst()) {
            if lower.minimum == upper.minimum || (lower.maximum.map { $0 >= upper.minimum } ?? false) {
                let from = format(upper.minimum), lowerFrom = format(lower.minimum)
                let lowerTo = lower.maximum.map(format)
                found.append(Diagnostic(.error, .overlappingBands, at: upper.position, LocalizedText(
                    en: "band '\(upper.id)' (from \(from)) overlaps band '\(lower.id)' (from \(lowerFrom)\(lowerTo.map { " to \($0)" } ?? ""))",
                    zh: "档位 '\(upper.id)'（从 \(from) 起）与档位 '\(lower.id)'（\(lowerTo.map { "\(lowerFrom) 到 \($0)" } ?? "从 \(lowerFrom) 起")）重叠")))
            }
        }
        for band in bands {
            if let maximum = band.maximum, maximum < band.minimum {
                found.append(Diagnostic(.error, .invalidAnnotation, at: band.position, LocalizedText(
                    en: "band '\(band.id)' ends (\(format(maximum))) below where it starts (\(format(band.minimum)))",
                    zh: "档位 '\(band.id)' 的结束分（\(format(maximum))）低于起始分（\(format(band.minimum))）")))
            }
        }
        if let lowest = sorted.first, lowest.minimum > 0 {
            found.append(Diagnostic(.warning, .invalidAnnotation, at: lowest.position, LocalizedText(
                en: "scores below \(format(lowest.minimum)) fall in no band; start the lowest band at 0",
                zh: "低于 \(format(lowest.minimum)) 的分数不属于任何档位；请让最低档位从 0 开始")))
        }
        return found
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
