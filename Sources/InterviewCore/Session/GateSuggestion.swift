import Foundation

/// The engine's advice at a "go deeper?" gate, with its reason. Advice only: the interviewer decides.
/// Thresholds (docs/scoring.md, "Gate suggestions"), on the mean rating of the questions rated so far
/// in the topic, as a share of the scale's maximum:
/// - at least 75 % (3 of 4): go deeper — the basics are solid;
/// - under 50 % (below 2 of 4): stay — deeper questions would most likely score 0;
/// - in between: go deeper if time allows — going deeper never lowers the score, so it is safe;
/// - the stage over its time budget turns anything short of "go deeper" into "stay".
/// A path gate (the answers lead to different questions) gets no advice: it follows the candidate.
public struct GateSuggestion: Hashable, Sendable {
    public enum Advice: String, Hashable, Sendable, Codable {
        case goDeeper, ifTimeAllows, stay, noEvidence, followCandidate
        /// The answer the ratings lean to leads straight back to this gate (the chart loops), which the
        /// runner and the console refuse: the other one is advised (it advised the refused one: a recheck).
        case loopsBack
    }

    public static let deeperShare = 0.75
    public static let stayShare = 0.5

    public var advice: Advice
    /// The answer it leans to: true for yes, false for no, nil when it has no view.
    public var answer: Bool?
    public var mean: Double?
    public var rated: Int
    public var maximum: Int
    public var overTime: Bool
    /// In a knockout topic whose score cannot reach its threshold without going deeper: the best score a
    /// "no" leaves (`KnockoutReach`) and the threshold. The reason then says that "no" fails the knockout.
    public var ceilingIfNo: Double?
    public var knockout: Double?

    public static func make(for gate: String, in topicKey: String, state: SessionState, guide: Guide, now: Date) -> GateSuggestion {
        let maximum = guide.scale.maximum
        let progress = state.topics[topicKey]
        let ratings = progress.map { p in p.asked.compactMap { p.ratings[$0] } } ?? []
        let mean = ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
        let stage = guide.stageKey(ofTopic: topicKey)
        let overTime = stage.flatMap { state.remaining(stage: $0, guide: guide, at: now) }.map { $0 <= 0 } ?? false
        var suggestion = GateSuggestion(advice: .noEvidence, answer: nil, mean: mean, rated: ratings.count, maximum: maximum, overTime: overTime)
        if guide.topic(topicKey)?.gate(gate)?.kind == .path {
            suggestion.advice = .followCandidate
            return suggestion
        }
        if let threshold = guide.topic(topicKey)?.knockout,
           let ceiling = KnockoutReach.ceilingWithoutGoingDeeper(topic: topicKey, from: state, guide: guide),
           ceiling < threshold {
            (suggestion.ceilingIfNo, suggestion.knockout) = (ceiling, threshold)
        }
        guard let mean else { return suggestion }
        let share = maximum > 0 ? mean / Double(maximum) : 0
        if share >= deeperShare {
            (suggestion.advice, suggestion.answer) = (.goDeeper, true)
        } else if share < stayShare || overTime {
            (suggestion.advice, suggestion.answer) = (.stay, false)
        } else {
            (suggestion.advice, suggestion.answer) = (.ifTimeAllows, true)
        }
        if let answer = suggestion.answer, state.answerLeadsBack(guide, topic: topicKey, gate: gate, answer: answer) != nil {
            (suggestion.advice, suggestion.answer) = (.loopsBack, !answer)
        }
        return suggestion
    }

    /// The reason in the guide's language ("zh…" Chinese, otherwise English), with what a "no" does to a
    /// knockout when it fails it.
    public func reason(language: String?) -> String {
        let zh = language?.lowercased().hasPrefix("zh") == true
        guard let ceiling = ceilingIfNo, let knockout else { return adviceReason(zh: zh) }
        let best = String(format: "%.1f", ceiling), line = String(format: "%g", knockout)
        return adviceReason(zh: zh) + (zh ? "。注意：答“否”即未通过一票否决——不深入时本主题最高 \(best) 分，低于否决线 \(line)"
                                          : ". Note: answering no fails the knockout — without going deeper this topic scores at most \(best), below its knockout of \(line)")
    }

    private func adviceReason(zh: Bool) -> String {
        let avg = mean.map { String(format: "%.1f", $0) } ?? "–"
        // One question has a rating, not an average ("the 1 question rated … average", a probe).
        let asked = zh ? (rated == 1 ? "本主题已评分的 1 题得 \(avg)/\(maximum) 分" : "本主题已评分的 \(rated) 题平均 \(avg)/\(maximum) 分")
            : rated == 1 ? "the one question rated in this topic has \(avg) of \(maximum)"
            : "the \(rated) questions rated in this topic average \(avg) of \(maximum)"
        let deep = String(format: "%.1f", Double(maximum) * Self.deeperShare), low = String(format: "%.1f", Double(maximum) * Self.stayShare)
        switch advice {
        case .goDeeper:
            return zh ? "\(asked)（≥ \(deep)），建议深入" : "\(asked) (≥ \(deep)), so go deeper"
        case .stay where overTime:
            return zh ? "\(asked)，且本阶段已超时，建议不深入" : "\(asked) and the stage is over its time, so move on"
        case .stay:
            return zh ? "\(asked)（< \(low)），基础尚不扎实，建议不深入" : "\(asked) (< \(low)): the basics are shaky, so move on"
        case .ifTimeAllows:
            return zh ? "\(asked)，时间允许就深入：深入不会降低得分" : "\(asked): go deeper if time allows — going deeper never lowers the score"
        case .noEvidence:
            return zh ? "本主题尚无评分，无建议" : "no question rated in this topic yet, so no advice"
        case .followCandidate:
            return zh ? "选择路径的分支：按候选人的经历选择" : "a choice of path, not of depth: follow the candidate's experience"
        case .loopsBack:
            // The ratings leaned to the other answer than the one advised.
            let leaned = answer == false
            return zh ? "\(asked)，本可答“\(leaned ? "是" : "否")”，但它会直接回到这个判断（流程图是个环），所以答“\(leaned ? "否" : "是")”"
                : "\(asked), which would say \(leaned ? "yes" : "no"), but \(leaned ? "yes" : "no") leads straight back to this gate (the chart loops), so \(leaned ? "no" : "yes")"
        }
    }
}
