import Foundation

extension QuestionFlag {
    /// The flag in words, for the command line and the guide-health page.
    public func text(_ language: ReportLanguage) -> String {
        let zh = language == .zh
        func number(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
        switch self {
        case .doesNotDiscriminate(let r, let n):
            return zh ? "区分度不足：题总相关 r = \(number(r, 2))（\(n) 场面试）"
                      : "does not discriminate: item–rest r = \(number(r, 2)) over \(n) interviews"
        case .nearlyEveryonePasses(let mean):
            return zh ? "几乎人人通过：平均为满分的 \(number(mean, 0))%" : "nearly everyone passes: mean \(number(mean, 0))% of the scale"
        case .nearlyEveryoneFails(let mean):
            return zh ? "几乎人人不及格：平均为满分的 \(number(mean, 0))%" : "nearly everyone fails: mean \(number(mean, 0))% of the scale"
        case .likelyLeak(_, let z, let p, let n):
            return zh ? "可能已泄题：相对于同场面试的其他问题，评分随时间上升（Mann–Kendall 趋势检验，单侧，z = \(number(z, 2))，p = \(number(p, 4))，\(n) 场面试）"
                      : "likely leaked: rated higher over time against the same interviews' other questions (Mann–Kendall trend test, one-sided, z = \(number(z, 2)), p = \(number(p, 4)), \(n) interviews)"
        }
    }
}

extension QuestionFlag {
    /// A stable name for programs (the JSON API): the flag's kind, whatever the language.
    public var code: String {
        switch self {
        case .doesNotDiscriminate: "doesNotDiscriminate"
        case .nearlyEveryonePasses: "nearlyEveryonePasses"
        case .nearlyEveryoneFails: "nearlyEveryoneFails"
        case .likelyLeak: "likelyLeak"
        }
    }
}
