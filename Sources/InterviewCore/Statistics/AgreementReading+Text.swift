import Foundation

// Every user-facing text exists in English and Chinese (product.md); the UI picks one.
extension AgreementReading {
    public var english: String {
        switch self {
        case .poor: "poor agreement"
        case .slight: "slight agreement"
        case .fair: "fair agreement"
        case .moderate: "moderate agreement"
        case .substantial: "substantial agreement"
        case .almostPerfect: "almost perfect agreement"
        case .good: "good agreement"
        case .excellent: "excellent agreement"
        }
    }

    public var chinese: String {
        switch self {
        case .poor: "一致性差"
        case .slight: "一致性轻微"
        case .fair: "一致性一般"
        case .moderate: "一致性中等"
        case .substantial: "一致性较强"
        case .almostPerfect: "一致性近乎完全"
        case .good: "一致性良好"
        case .excellent: "一致性极好"
        }
    }

    public func text(_ language: ReportLanguage) -> String { language == .zh ? chinese : english }
}

/// The three figures of the debrief, named and explained for a reader who does not know them.
public enum AgreementMeasure: String, Hashable, Sendable, CaseIterable, Codable {
    case pairKappa, singleRater, panelAverage

    public var english: String {
        switch self {
        case .pairKappa: "Weighted kappa: how far two interviewers agree on the questions both rated, beyond chance"
        case .singleRater: "ICC(2,1): how far one interviewer's ratings can be trusted on their own"
        case .panelAverage: "ICC(2,k): how far the panel's average rating can be trusted"
        }
    }

    public var chinese: String {
        switch self {
        case .pairKappa: "加权 kappa：两位面试官在共同评分的题目上、超出偶然的一致程度"
        case .singleRater: "ICC(2,1)：单独一位面试官的评分可信的程度"
        case .panelAverage: "ICC(2,k)：面试小组平均分可信的程度"
        }
    }

    public func text(_ language: ReportLanguage) -> String { language == .zh ? chinese : english }
}
