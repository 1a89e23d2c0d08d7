import Flowchart
import Foundation
import InterviewCore

/// Every word `calibrate` and `stats` print, in English and Chinese. Ids, keys and numbers stay as they are.
struct CalibrationLabels {
    var language: Language

    private func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    func interviewersTitle(_ scale: ClosedRange<Int>) -> String {
        t("Interviewers: severity in logits (+ harsher than the team, − more lenient), and in points of the \(scale.lowerBound)–\(scale.upperBound) scale for an average candidate",
          "面试官：严格度（logit；+ 比团队严格，− 比团队宽松），以及对一般候选人在 \(scale.lowerBound)–\(scale.upperBound) 分制上相差的分数")
    }
    var interviewer: String { t("interviewer", "面试官") }
    var severity: String { t("severity", "严格度") }
    var points: String { t("points", "分数差") }
    var ratings: String { t("ratings", "评分数") }
    var candidatesCount: String { t("candidates", "候选人数") }
    var fit: String { t("fit", "拟合") }
    var shared: String { t("shared", "共同") }
    /// The interviewers table's last column: whether the severity adjusts scores, and if not why, briefly
    /// (a row below the minimum read like any other).
    var use: String { t("used", "是否采用") }
    func use(_ shortfall: SeverityAdjustedScore.Reason?) -> String {
        switch shortfall {
        case nil: return t("yes", "是")
        case .interviewerBelowMinimum?: return t("no: too few ratings or candidates", "否：评分或候选人太少")
        case .interviewerNotLinked(_, _, _, false)?: return t("no: shares no candidates with the team", "否：与团队没有共同的候选人")
        default: return t("no: too few candidates shared with colleagues", "否：与同事共同的候选人太少")
        }
    }
    var candidatesTitle: String {
        // The interval is the correction's alone: a probe found it held the candidate's severity-free score
        // for 13 of 40 candidates, read as the candidate's own (the web debrief already said whose it is).
        t("Candidates: scores 0–100; the raw score is the score of record, the adjusted one removes each interviewer's severity (the interval is the 95% interval of that correction alone, not of the candidate's own ratings)",
          "候选人：0–100 分；原始分为正式成绩，校准分去除了每位面试官的严格度（区间只是该校正本身的 95% 区间，不含候选人自身评分的波动）")
    }
    var candidate: String { t("candidate", "候选人") }
    var raw: String { t("raw", "原始分") }
    var adjusted: String { t("adjusted", "校准分") }
    var interval: String { t("correction's 95%", "校正的 95% 区间") }
    var interviewers: String { t("interviewers", "面试官") }
    var notAdjustedTitle: String { t("Not adjusted, the raw score stands alone:", "未校准，只有原始分：") }
    var nothing: String { t("No ratings to calibrate.", "没有可校准的评分。") }
    func model(_ iterations: Int, converged: Bool, ratings: Int) -> String {
        converged ? t("Model: many-facet Rasch rating-scale, \(ratings) ratings, converged in \(iterations) iterations (docs/scoring.md).",
                      "模型：多面 Rasch 评分量表模型，\(ratings) 个评分，\(iterations) 次迭代收敛（见 docs/scoring.md）。")
            : t("Model: many-facet Rasch rating-scale, \(ratings) ratings; NOT converged after \(iterations) iterations — read the figures with care.",
                "模型：多面 Rasch 评分量表模型，\(ratings) 个评分；\(iterations) 次迭代后仍未收敛，请谨慎看待这些数字。")
    }

    func reason(_ reason: SeverityAdjustedScore.Reason, minimum: SeverityAdjustedScore.MinimumData) -> String {
        switch reason {
        case .nothingRated:
            return t("nothing rated", "没有评分")
        case .interviewerBelowMinimum(let id, let ratings, let candidates):
            return t("\(id): \(ratings) \(ratings == 1 ? "rating" : "ratings") of \(candidates) \(candidates == 1 ? "candidate" : "candidates"), below the minimum of \(minimum.ratings) ratings of \(minimum.candidates) candidates",
                     "\(id)：\(ratings) 个评分、\(candidates) 位候选人，少于最低要求（\(minimum.ratings) 个评分、\(minimum.candidates) 位候选人）")
        case .interviewerNotLinked(let id, let shared, let of, let inTeam):
            return AdjustedScoreText.notLinked(id, shared: shared, of: of, inTeam: inTeam, minimum: minimum, zh: language == .zh)
        case .questionNotCalibrated(let q):
            return t("question \(q) is not in the model", "问题 \(q) 不在模型中")
        case .ratingOutsideScale(let r):
            return t("rating \(r) is off the scale", "评分 \(r) 超出分制")
        }
    }

    // stats
    var questionsTitle: String {
        t("Questions: asked, rated, mean rating (% of the scale), discrimination (corrected item–total r), skipped, not demonstrated, median time",
          "问题：提问次数、评分次数、平均分（占满分的百分比）、区分度（校正后的题总相关）、跳过、未展示、用时中位数")
    }
    var question: String { t("question", "问题") }
    var asked: String { t("asked", "提问") }
    var rated: String { t("rated", "评分") }
    var mean: String { t("mean %", "平均 %") }
    var discrimination: String { t("r item–rest", "区分度 r") }
    var skipped: String { t("skipped", "跳过") }
    var notDemonstrated: String { t("not shown", "未展示") }
    var median: String { t("median", "中位用时") }
    var gatesTitle: String { t("Gates: answered, share answered yes, share following the engine's suggestion (of those with one)",
                               "判断节点：回答次数、回答“是”的比例、遵循系统建议的比例（在有建议的回答中）") }
    var gate: String { t("gate", "判断") }
    var answered: String { t("answered", "回答") }
    var yes: String { t("yes", "是") }
    var followed: String { t("followed", "遵循建议") }
    var flagsTitle: String { t("Flags", "标记") }
    var noFlags: String { t("No question is flagged.", "没有被标记的问题。") }

    func flag(_ flag: QuestionFlag) -> String { flag.text(language == .zh ? .zh : .en) }
}
