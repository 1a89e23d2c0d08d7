/// The live console's strings, in English and Chinese. The page hands them to its script as one table;
/// the exhaustive switch keeps both languages complete.
enum ConsoleText: String, CaseIterable, Sendable {
    case start, startHint, stage, topic, reference, showReference, hideReference, rubric, rate
    case suggestion, yes, no, jumpOffer, jumpTo, pickTitle, pickHint, talkHint, talkNotRated, finishStage
    case moveOn, returnBack, skip, skipReason, notes, notePlaceholder, addNote, noteAdded, sharedNote, draftSaved, draftLocal
    case finish, finishConfirm, finished, openReport, offline, queued, synced, refused, loggedOut, forbidden
    case help, helpTitle, level, weight, coverage, score, total, overTime, stageDone, stageCurrent, stageBegun, stageNotStarted
    case noChart, stages, close, ok, cancel, ratingWaits, noteOn, noteOnCurrent, noteOnRated, changeSubmission, reasonNeeded, reRate, rateSkipped, noEarlierRating
    case chartRated, chartNow, chartNotYet
    case flowchart, history, historyAll, skipped, noNotes, stageQuestions, moving, required, guidance, groupHint, groupJump
    case finishedSubmitted, sharedTag, submitTitle, submitHint, recommendationLabel, chooseRecommendation, summaryLabel, submitCard, submittedCard, revisionReason
    case keyRate, keyDecide, keyReference, keyNote, keyJump, keyBack, keyMoveOn, keySkip, keyFinish, keyHelp, keyPick
    case shortcutsOn, ratingOf, keyColumn, actionColumn, authorNote, colon
    case gateAnsweredAs, changeGateAnswer, plainYes, plainNo, jumpExample, changeGateKeys, gateKept

    var pair: (en: String, zh: String) {
        switch self {
        case .start: ("Start the interview", "开始面试")
        case .startHint: ("The clock starts when you press Enter or the button.", "按回车或按钮开始计时。")
        case .stage: ("Stage", "阶段")
        case .topic: ("Topic", "主题")
        case .reference: ("Reference answer", "参考答案")
        case .showReference: ("Show reference (r)", "显示参考答案 (r)")
        case .hideReference: ("Hide reference (r)", "隐藏参考答案 (r)")
        case .rubric: ("Rubric", "评分标准")
        case .authorNote: ("The guide's note", "指南附注")
        // Chinese text takes the full-width colon (a probe found "建议: 是" and "未记录: …").
        case .colon: (": ", "：")
        case .gateAnsweredAs: ("You answered “%1” at %2:", "你在 %2 回答了“%1”：")
        case .changeGateAnswer: ("Change to “%1”", "改为“%1”")
        case .plainYes: ("yes", "是")
        case .plainNo: ("no", "否")
        case .jumpExample: (" (3.2.1, redis…)", "（3.2.1、redis…）")
        case .changeGateKeys: ("Change the answer at %1 (now “%2”): press y or n; b again goes further back.",
                               "更改 %1 的回答（现在是“%2”）：请按 y 或 n；再按 b 继续往前。")
        case .gateKept: ("Kept: %1 stays “%2”.", "未更改：%1 仍为“%2”。")
        case .rate: ("Rate", "评分")
        case .suggestion: ("Suggestion", "建议")
        case .yes: ("Yes (y)", "是 (y)")
        case .no: ("No (n)", "否 (n)")
        case .jumpOffer: ("The guide offers to move to", "指南建议转到")
        case .jumpTo: ("Jump to a topic", "跳转到主题")
        case .pickTitle: ("Open questions: pick as the moment fits", "开放式问题：视情况挑选")
        case .pickHint: ("Press the question's number, or f when done.", "按题号挑选，结束请按 f。")
        case .talkHint: ("A stage without flowcharts: talk, take notes, then press f.", "本阶段没有流程图：交谈、记录，然后按 f。")
        case .talkNotRated: ("This stage's questions are talked through, not rated: take notes (m), then press f.",
                             "本阶段的问题用于交谈，不评分：请记笔记（m），然后按 f。")
        case .finishStage: ("Finish this stage (f)", "结束本阶段 (f)")
        case .moveOn: ("Done here, move on (f)", "本题结束，继续 (f)")
        case .returnBack: ("Return (b)", "返回 (b)")
        case .skip: ("Skip (s)", "跳过 (s)")
        case .ratingWaits: ("Rated %1; the next question appears when the server answers (the connection is slow or down). Keys wait until then; click a rating to change this one.",
                            "已评 %1 分；服务器答复后才会显示下一题（连接缓慢或已断开）。在此之前按键不会生效；如需修改本题评分，请点击分数。")
        case .reasonNeeded: ("Nothing changed: a submitted card changes only with a reason.", "未修改：已提交的评分卡只有填写原因才能修改。")
        case .reRate: ("Re-rate %1 (now %2): press a rating; b again goes further back.",
                       "重新评分 %1（现在是 %2）：请按评分键；再按 b 继续往前。")
        case .rateSkipped: ("Rate %1 (now skipped): a rating takes the skip back; b again goes further back.",
                            "为 %1 评分（现在是“跳过”）：评分后不再算作跳过；再按 b 继续往前。")
        case .noEarlierRating: ("No earlier rated question in this topic or the one before it; a rating can also be corrected by clicking it in the list below the question, and every one once the interview is finished.",
                                "这个主题及上一个主题里没有更早评过分的问题；也可以点击题目下方列表中的分数来修改评分，面试结束后可修改所有评分。")
        case .changeSubmission: ("Change the recommendation or summary", "修改推荐或总结")
        case .noteOn: ("This note is about", "这条笔记针对")
        case .noteOnCurrent: ("file it under the current question", "改为当前问题")
        case .noteOnRated: ("file it under %1, just rated", "改为刚评分的 %1")
        case .ok: ("OK", "确定")
        case .cancel: ("Cancel", "取消")
        case .skipReason: ("Why skip this question? (optional)", "跳过原因（可选）")
        case .notes: ("Notes", "笔记")
        case .notePlaceholder: ("Type a note; it is saved as you type. Ctrl+Enter adds it to the record.",
                                "输入笔记，边写边保存。Ctrl+Enter 记入面试记录。")
        case .addNote: ("Add note (Ctrl+Enter)", "记入笔记 (Ctrl+Enter)")
        case .sharedNote: ("The candidate may read this note", "候选人可见")
        case .noteAdded: ("Note added", "笔记已添加")
        case .draftSaved: ("Draft saved", "草稿已保存")
        case .draftLocal: ("Draft kept in this browser; it will be saved when the server is back",
                           "草稿暂存在浏览器中，服务器恢复后自动保存")
        case .finish: ("Finish interview (e)", "结束面试 (e)")
        case .finishConfirm: ("These required stages were never started. Finish anyway?", "以下必选阶段尚未开始，仍要结束面试吗？")
        case .finished: ("The interview is finished. Ratings and notes can still be corrected until you submit your scorecard below.",
                         "面试已结束。提交下方的评分卡之前，评分和笔记仍可修改。")
        case .finishedSubmitted: ("The interview is finished and your scorecard submitted. A change now asks for a reason and is kept as a revision.",
                                  "面试已结束，评分卡已提交。现在修改需要说明原因，并作为修订记录保留。")
        case .sharedTag: ("candidate may read", "候选人可见")
        case .openReport: ("Open the report", "查看报告")
        case .submitTitle: ("Submit your scorecard", "提交评分卡")
        case .submitHint: ("Your own verdict, before you see your colleagues': once submitted, the card is locked and their submitted cards open to you. Later changes are revisions with a reason.",
                           "在看到同事的评价之前给出你自己的结论：提交后评分卡锁定，你才能看到同事已提交的评分卡。之后的修改需说明原因，并作为修订记录保留。")
        case .recommendationLabel: ("Your recommendation", "你的推荐")
        case .chooseRecommendation: ("Choose…", "请选择…")
        case .summaryLabel: ("Summary (a few sentences for the debrief)", "总结（供讨论会参考的几句话）")
        case .submitCard: ("Submit scorecard", "提交评分卡")
        case .submittedCard: ("Scorecard submitted", "评分卡已提交")
        case .revisionReason: ("The scorecard is submitted. Why do you change it?", "评分卡已提交。为什么要修改？")
        case .offline: ("Connection lost — your actions are kept in this browser and sent when the server is back.",
                        "连接已断开——操作已保存在浏览器中，服务器恢复后自动发送。")
        case .queued: ("waiting to be sent", "条待发送")
        case .synced: ("All saved", "已全部保存")
        case .refused: ("Not recorded", "未记录")
        case .loggedOut: ("Your session ended. Log in again in another tab; nothing queued is lost.",
                          "登录已失效。请在新标签页重新登录，待发送的操作不会丢失。")
        case .forbidden: ("Only this interview's interviewers can score it.", "只有本场面试的面试官可以评分。")
        case .help: ("Keys (?)", "快捷键 (?)")
        case .helpTitle: ("Keyboard", "快捷键")
        case .level: ("level", "层级")
        case .weight: ("weight", "权重")
        // The overall figure is over the topics rated so far (docs/scoring.md): a topic entered and not yet
        // rated does not lower it, which read as a contradiction beside that topic's 0%.
        case .coverage: ("coverage of the topics rated", "已评分主题的覆盖率")
        case .score: ("score", "得分")
        case .total: ("Total", "总计")
        case .noChart: ("No flowchart here: this stage has none, or the interview has ended.", "此处没有流程图：本阶段没有流程图，或面试已结束。")
        case .stages: ("Stages", "各阶段")
        case .close: ("Close", "关闭")
        case .overTime: ("over time", "已超时")
        // Said after each stage in the outline, which colour alone told apart (WCAG 1.4.1).
        case .stageDone: ("finished", "已结束")
        case .stageCurrent: ("current", "进行中")
        case .stageBegun: ("begun, not finished", "已开始，未结束")
        case .stageNotStarted: ("not started", "未开始")
        case .flowchart: ("Flowchart, path so far highlighted", "流程图（已走路径高亮）")
        case .history: ("Asked in this topic and the one before — click a rating to correct it", "本主题及上一个主题已问——点击分数可修改")
        case .historyAll: ("Asked in this interview — click a rating to correct it", "本场面试已问——点击分数可修改")
        case .skipped: ("skipped", "已跳过")
        case .chartRated: ("rated", "已评分")
        case .chartNow: ("being asked now", "正在提问")
        case .chartNotYet: ("not asked yet", "尚未提问")
        case .noNotes: ("No notes yet.", "暂无笔记。")
        case .stageQuestions: ("Questions of this stage", "本阶段问题")
        case .moving: ("Moving on…", "正在继续…")
        case .required: ("required", "必选")
        case .guidance: ("Guidance", "指导说明")
        case .groupHint: ("Keep in mind", "留意")
        case .groupJump: ("Go to", "转到")
        case .keyRate: ("rate the question", "给当前问题评分")
        case .keyDecide: ("answer go-deeper, or take an offered jump", "回答是否深入，或接受跳转建议")
        case .keyReference: ("show or hide the reference answer", "显示或隐藏参考答案")
        case .keyNote: ("write a note (Esc leaves the note)", "写笔记（Esc 离开笔记框）")
        case .keyJump: ("jump to a topic", "跳转到主题")
        case .keyBack: ("return from a jump; otherwise change the gate answered last (then y or n), or correct the last rating (then a digit)",
                        "从跳转返回；否则更改刚回答的判断（再按 y 或 n），或修改上一个评分（再按数字）")
        case .keyMoveOn: ("done here: next topic or stage", "本处结束：下一个主题或阶段")
        case .keySkip: ("skip the question", "跳过当前问题")
        case .keyFinish: ("finish the interview", "结束面试")
        case .keyHelp: ("show these keys", "显示快捷键")
        case .keyPick: ("pick an open question by number", "按题号挑选开放式问题")
        case .shortcutsOn: ("Single-key shortcuts (turn off for speech input or a screen reader; the buttons always work)",
                            "单键快捷键（使用语音输入或读屏软件时可关闭；按钮始终可用）")
        case .ratingOf: ("Rate", "评分")
        case .keyColumn: ("Key", "按键")
        case .actionColumn: ("What it does", "作用")
        }
    }

    func `in`(_ language: Language) -> String { language == .en ? pair.en : pair.zh }

    static func table(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.in(language)) })
    }
}
