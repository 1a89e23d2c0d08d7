import Flowchart

/// The engine's refusals in English and Chinese: a Chinese console or terminal must not answer in
/// English. Keys, ids and numbers are the same in both; only the words around them are translated.
extension SessionError {
    public var text: LocalizedText {
        switch self {
        case .notStarted:
            t("the session has not started: the first event must be 'started'", "面试尚未开始：第一个事件必须是 'started'")
        case .alreadyStarted:
            t("the session has already started", "面试已经开始")
        case .alreadyFinished:
            t("the interview is finished; only ratings and notes can still be added", "面试已结束；只能再补充评分和备注")
        case .wrongGuide(let expected, let found):
            t("the session is for guide '\(found ?? "unnamed")', but the guide loaded is '\(expected ?? "unnamed")'",
              "这场面试用的是指南 '\(found ?? "未命名")'，但加载的是 '\(expected ?? "未命名")'")
        case .timeWentBackwards:
            t("the event is dated before the previous one", "这个事件的时间早于上一个事件")
        case .unknownStage(let stage):
            t("the guide has no stage '\(stage)'", "指南中没有阶段 '\(stage)'")
        case .unknownTopic(let topic):
            t("the guide has no topic '\(topic)'", "指南中没有主题 '\(topic)'")
        case .unknownQuestion(let ref):
            t("topic \(ref.topic) has no question '\(ref.question)'", "主题 \(ref.topic) 中没有问题 '\(ref.question)'")
        case .ratingOutOfScale(let rating, let scale):
            t("rating \(rating) is outside the guide's scale \(scale.lowerBound)–\(scale.upperBound)",
              "评分 \(rating) 超出了指南的评分范围 \(scale.lowerBound)–\(scale.upperBound)")
        case .notAsked(let ref):
            t("question \(ref) has not been asked", "问题 \(ref) 还没有问过")
        case .alreadyHandled(let ref, let how):
            t("question \(ref) was already \(how)", "问题 \(ref) 已经\(Self.chinese(how))")
        case .notNext(let ref, let expected):
            t("question \(ref) is not where the flowchart leads (\(expected))", "问题 \(ref) 不是流程图接下来要问的（\(expected)）")
        case .notCurrentTopic(let topic):
            t("topic \(topic) is not the current topic", "主题 \(topic) 不是当前主题")
        case .alreadyCurrent(let topic):
            t("topic \(topic) is already the current topic", "主题 \(topic) 已经是当前主题")
        case .notAtGate(let topic, let gate):
            t("gate \(gate) of topic \(topic) is not the current decision", "主题 \(topic) 的判断 \(gate) 不是当前要做的决定")
        case .gateNotRevisable(let topic, let gate):
            t("the answer at gate \(gate) of topic \(topic) can no longer be changed: only the last gate answered can be, until a question after it is rated or skipped",
              "主题 \(topic) 的判断 \(gate) 的回答已不能更改：只能更改最后回答的判断，且在它之后的问题评分或跳过之前")
        case .gateAlreadyAnswered(let topic, let gate, let answer):
            t("gate \(gate) of topic \(topic) is already answered \(answer ? "yes" : "no")",
              "主题 \(topic) 的判断 \(gate) 已经回答为“\(answer ? "是" : "否")”")
        case .notAtJumpOffer(let topic, let instruction):
            t("\(instruction) of topic \(topic) is not offering a jump now", "主题 \(topic) 的 \(instruction) 现在没有提供跳转")
        case .pickListOnly(let topic):
            t("topic \(topic) is a pick list: pick its questions instead of walking", "主题 \(topic) 是选题列表：请从中挑选问题，而不是按顺序走")
        case .notAPickList(let topic):
            t("topic \(topic) is walked in order, not picked from", "主题 \(topic) 按流程顺序进行，不能挑选")
        case .stageStillOpen(let stage):
            t("stage \(stage) is still open; finish it first", "阶段 \(stage) 还没有结束；请先完成它")
        case .notCurrentStage(let stage):
            t("stage \(stage) is not the current stage", "阶段 \(stage) 不是当前阶段")
        case .topicOutsideStage(let topic, let stage):
            t("topic \(topic) is not in the current stage \(stage ?? "(none)"); jump to it instead",
              "主题 \(topic) 不在当前阶段 \(stage ?? "（无）") 中；请改用跳转")
        case .insideJump:
            t("return from the jump first", "请先从跳转中返回")
        case .nothingToReturnTo:
            t("there is no jump to return from", "没有可以返回的跳转")
        case .emptyText(let what):
            t("the \(what) is empty", "\(Self.chinese(what))是空的")
        case .notFinishedYet:
            t("finish the interview before submitting the scorecard", "请先结束面试，再提交评分卡")
        case .alreadySubmitted:
            t("the scorecard is already submitted; changes are revisions with a reason", "评分卡已经提交；之后的修改都是需要说明原因的修订")
        case .notSubmitted:
            t("the scorecard is not submitted yet: change it directly", "评分卡尚未提交：可以直接修改")
        case .revisionNeedsReason:
            t("the scorecard is submitted: say why you change it", "评分卡已提交：请说明修改原因")
        case .unknownRecommendation(let text):
            t("'\(text)' is not one of the guide's recommendations", "'\(text)' 不是指南中的推荐结论之一")
        case .requiredStagesUntouched(let stages):
            t("required stage\(stages.count == 1 ? "" : "s") \(stages.joined(separator: ", ")) never started: confirm to finish anyway",
              "必选阶段 \(stages.joined(separator: "、")) 从未开始：确认后仍可结束面试")
        }
    }

    private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

    /// The few English words the engine passes in (`alreadyHandled`'s "rated", `emptyText`'s "note").
    private static func chinese(_ word: String) -> String {
        switch word {
        case "rated": "评过分"
        case "skipped": "跳过"
        case "asked": "问过"
        case "picked": "选过"
        case "picked and awaits a rating": "被选中，正在等待评分"
        case "note": "备注"
        case "reason for skipping": "跳过的原因"
        case "recommendation": "推荐结论"
        default: word
        }
    }
}
