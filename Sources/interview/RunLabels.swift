import ArgumentParser
import Flowchart
import InterviewCore

/// Every word the runner prints, in English and Chinese. The runner speaks `--language`, or else the
/// guide's language: a Chinese guide is run in Chinese. Keys, ids and the log's event names stay as
/// they are in both, since scripts and the session log use them.
struct RunLabels: Sendable {
    var language: Language

    private func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// After a label: ": " in English, the full-width "：" in Chinese (a Chinese reader saw "问: …").
    var colon: String { t(": ", "：") }
    var total: String { t("total", "总计") }
    var stage: String { t("stage", "阶段") }
    var required: String { t(" (required)", "（必选）") }
    var optional: String { t(" (optional)", "（可选）") }
    func of(_ minutes: Int) -> String { t(" of \(minutes):00", " / \(minutes):00") }
    func left(_ clock: String) -> String { t("\(clock) left", "剩余 \(clock)") }
    func over(_ clock: String) -> String { t("\(clock) over", "超时 \(clock)") }
    var finishStage: String { t("f: finish this stage", "f：结束这个阶段") }
    var gate: String { t("gate", "判断") }
    var suggestion: String { t("suggestion", "建议") }
    var yes: String { t("yes", "是") }
    var no: String { t("no", "否") }
    var answerKeys: String { t("y: yes   n: no", "y：是   n：否") }
    func jumpOffer(_ target: String) -> String {
        t("jump to \(target)? y: jump (b comes back)   n: carry on", "跳转到 \(target)？y：跳转（b 返回）   n：继续")
    }
    var pickOpen: String { t("open questions, pick one as the moment fits (p N), f when done",
                             "开放式问题，择机选一个（p 序号），问完按 f") }
    var finished: String { t("The interview is finished.", "面试已结束。") }
    var correctingAfterEnd: String {
        t("Ratings can still be corrected: b shows the last rated question (again for the one before), then press a rating; m adds a note; q leaves.",
          "仍可更正评分：按 b 显示最后评分的问题（再按一次显示更早的），然后按评分键；m 添加备注；q 退出。")
    }
    var finishInterview: String { t("Every stage is done: e to end the interview.", "所有阶段都已完成：按 e 结束面试。") }
    func changeGateWithB(_ gate: String) -> String { t("b changes the answer at \(gate) first.", "按 b 可先更改 \(gate) 的回答。") }
    /// In brackets, the language's own, after the question's id: " (1 of 8)", "（第 1 / 8 题）".
    func position(_ n: Int, _ count: Int) -> String {
        ReportLabels.labels(language == .zh ? .zh : .en).bracketed(t("\(n) of \(count)", "第 \(n) / \(count) 题"))
    }
    var level: String { t("level", "层级") }
    var weight: String { t("weight", "权重") }
    func reRating(_ now: String) -> String { t("re-rating: now \(now)", "重新评分：现在是 \(now)") }
    func changingAnswer(_ now: String) -> String {
        t("changing the answer: now \(now); the questions it skipped or opened follow the new one", "更改回答：现在是“\(now)”；它跳过或打开的问题随新的回答而变")
    }
    var question: String { t("Q", "问") }
    var reference: String { t("Reference", "参考答案") }
    var none: String { t("(none)", "（无）") }
    func rateKeys(_ low: Int, _ high: Int) -> String { t("rate \(low)-\(high) · s skip · r reference", "评分 \(low)-\(high) · s 跳过 · r 参考答案") }
    var keys: String {
        t("0-4 rate · y/n · m note · j jump · s skip · b back · r reference · f next · e end · ? help · q quit",
          "0-4 评分 · y/n · m 备注 · j 跳转 · s 跳过 · b 返回 · r 参考答案 · f 下一步 · e 结束 · ? 帮助 · q 退出")
    }

    /// The key bar for a window `columns` wide: the full one, or with the keys' words dropped but those of
    /// help and quit, so `? help · q quit` is never the part cut off (at 80 columns it was: a terminal probe).
    func keys(fitting columns: Int) -> String {
        if TerminalText.width(keys) <= columns { return keys }
        return t("0-4 · y/n · m · j · s · b · r · f · e · ? help · q quit", "0-4 · y/n · m · j · s · b · r · f · e · ? 帮助 · q 退出")
    }
    var sharedNote: String { t("note for the candidate: ", "给候选人的备注：") }
    var privateNote: String { t("private note: ", "私人备注：") }
    var skipReason: String { t("skip — reason (Enter for none): ", "跳过——原因（直接回车表示不写）：") }
    var pick: String { t("pick (number or id): ", "选择（序号或编号）：") }
    var jumpTo: String { t("jump to (key or part of the title): ", "跳转到（编号或标题的一部分）：") }
    var topics: String { t("Topics:", "主题：") }
    /// On the first screen, for a guide file with errors (the interview runs on the charts as repaired).
    func guideErrors(_ count: Int, file: String) -> String {
        t("\(file) has \(count) error\(count == 1 ? "" : "s"): the charts run as repaired; 'interview lint \(file)' lists them",
          "\(file) 中有 \(count) 个错误：流程图按修复后的样子进行；'interview lint \(file)' 会列出它们")
    }

    /// A paste outside a note: not read as keys (a pasted note's second line once rated a question).
    var pasteIgnored: String { t("pasted text is not read as keys: press m (or M) first, then paste the note",
                                 "粘贴的文字不会被当作按键：请先按 m（或 M），再粘贴笔记") }
    func noCommand(_ key: Character) -> String { t("no command on '\(key)'; ? lists the keys", "'\(key)' 不是命令；按 ? 查看所有按键") }
    var error: String { t("error", "错误") }
    func interrupted(_ path: String) -> String {
        t("stopped; every event so far is saved in \(path): run the same command with --resume to continue",
          "已停止；目前的所有事件都已保存在 \(path)：加上 --resume 再运行同一命令即可继续")
    }
    func saved(_ count: Int) -> String { t("saved: \(count) events; continue with --resume", "已保存 \(count) 个事件；用 --resume 继续") }
    func resumed(_ count: Int) -> String { t("resumed \(count) events", "已恢复 \(count) 个事件") }
    var recorded: String { t("recorded", "已记录") }
    /// A topic group's advice, shown beside its topics: where the walk may want to go next.
    func groupHint(_ group: String, _ guidance: String, _ first: String) -> String {
        t("\(group): \(guidance) — j \(first) to go there", "\(group)：\(guidance)——按 j \(first) 跳过去")
    }

    /// Why a command was refused, in the runner's language.
    func refusal(_ error: any Error) -> String {
        if let error = error as? SessionError { return error.text.text(language) }
        if let error = error as? CommandError { return error.text.text(language) }
        if let error = error as? SessionFileError { return error.text.text(language) }
        return "\(error)"
    }
}

/// `--language` for `interview run`.
enum RunLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, zh
    var language: Language { self == .zh ? .zh : .en }
}
