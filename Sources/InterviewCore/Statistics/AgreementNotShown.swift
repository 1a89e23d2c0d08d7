import Foundation

/// Why an agreement figure is withheld, in words for the debrief (English and Chinese).
public enum AgreementNotShown: Hashable, Sendable {
    /// A panel (or a pooled set) with fewer than two raters has nobody to agree with.
    case tooFewRaters(found: Int)
    /// Pooled over panels: none had a second interviewer (someone who always interviewed alone).
    case noSharedPanel
    /// `found` questions rated by both (raters == 2) or by all `raters`, fewer than `needed`.
    case tooFewCommonQuestions(found: Int, needed: Int, raters: Int)
    case kappaUndefined(WeightedKappa.Undefined)
    case iccUndefined(IntraclassCorrelation.Undefined)
    /// The reader's own card on the candidate is not submitted: the colleagues' cards are hidden, so the
    /// figures would rest on the reader's card alone ("no interviewer rated" was said to a panelist whose
    /// two colleagues had, an operations probe).
    case withheldUntilOwnCard

    public var english: String {
        switch self {
        case .withheldUntilOwnCard:
            "not shown until you submit your own scorecard: your colleagues' cards are hidden until then"
        case .tooFewRaters(let found):
            "not shown: \(found == 0 ? "no interviewer" : "only one interviewer") rated, at least two needed"
        case .noSharedPanel:
            "not shown: never on a panel with another interviewer; agreement needs two people rating the same candidate"
        case .tooFewCommonQuestions(let found, let needed, let raters):
            "not shown: only \(found) \(found == 1 ? "question" : "questions") rated by \(raters == 2 ? "both" : "all \(raters)"), at least \(needed) needed"
        case .kappaUndefined(.noExpectedDisagreement), .iccUndefined(.noVariance):
            "not shown: every rating was the same, so agreement beyond chance cannot be measured"
        case .iccUndefined(.outOfRange):
            "not shown: the raters differ so much more than the questions do that the figure falls outside its possible range"
        case .kappaUndefined(.ratingOutsideScale(let rating)):
            "not shown: rating \(rating) lies outside the guide's scale"
        case .kappaUndefined(.singleLevelScale):
            "not shown: the guide's scale has a single level"
        case .kappaUndefined(.noItems), .iccUndefined(.tooFewQuestions), .iccUndefined(.tooFewRaters),
             .iccUndefined(.incompleteMatrix):
            "not shown: too few ratings in common"
        }
    }

    public var chinese: String {
        switch self {
        case .withheldUntilOwnCard:
            "在你提交自己的评分卡之前不显示：在此之前同事的评分卡对你隐藏"
        case .tooFewRaters(let found):
            "未显示：\(found == 0 ? "没有面试官" : "只有一位面试官")评分，至少需要两位"
        case .noSharedPanel:
            "未显示：没有与其他面试官同场评分的记录；一致性需要至少两人评同一位候选人"
        case .tooFewCommonQuestions(let found, let needed, let raters):
            "未显示：\(raters == 2 ? "两人" : "全部 \(raters) 位面试官")都评分的题目只有 \(found) 道，至少需要 \(needed) 道"
        case .kappaUndefined(.noExpectedDisagreement), .iccUndefined(.noVariance):
            "未显示：所有评分都相同，无法衡量超出偶然的一致性"
        case .iccUndefined(.outOfRange):
            "未显示：评分者之间的分歧远大于题目之间的差异，系数超出其可能范围"
        case .kappaUndefined(.ratingOutsideScale(let rating)):
            "未显示：评分 \(rating) 超出本指南的评分范围"
        case .kappaUndefined(.singleLevelScale):
            "未显示：本指南的评分只有一个等级"
        case .kappaUndefined(.noItems), .iccUndefined(.tooFewQuestions), .iccUndefined(.tooFewRaters),
             .iccUndefined(.incompleteMatrix):
            "未显示：共同评分太少"
        }
    }

    public func text(_ language: ReportLanguage) -> String { language == .zh ? chinese : english }
}
