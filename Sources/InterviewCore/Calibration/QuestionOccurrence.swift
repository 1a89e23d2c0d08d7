import Foundation

/// One question in one interview, as the question statistics take it: what happened to it, when, and
/// (when the session clock knows) how long it took.
public struct QuestionOccurrence: Hashable, Sendable {
    /// Mirrors the scoring statuses that matter here (docs/scoring.md): rated, skipped by the interviewer,
    /// behind a depth gate answered "no", applicable but never reached.
    public enum Outcome: Hashable, Sendable {
        case rated(Int)
        case skipped
        case notDemonstrated
        case notAsked
    }

    public var interview: String
    public var question: String
    public var outcome: Outcome
    public var date: Date
    public var seconds: Double?
    /// Which group the interview belongs to when several are pooled (the question bank pools guides): the
    /// trend test is then taken within each group and summed, so a group that came later with stronger
    /// candidates does not pass for a leak. Nil: one group.
    public var stratum: String?

    public init(interview: String, question: String, outcome: Outcome, date: Date, seconds: Double? = nil, stratum: String? = nil) {
        self.interview = interview
        self.question = question
        self.outcome = outcome
        self.date = date
        self.seconds = seconds
        self.stratum = stratum
    }
}

/// One answered gate in one interview, with what the engine suggested (nil when it suggested nothing).
public struct GateOccurrence: Hashable, Sendable {
    public var interview: String
    public var gate: String
    public var answer: Bool
    public var suggestion: Bool?

    public init(interview: String, gate: String, answer: Bool, suggestion: Bool? = nil) {
        self.interview = interview
        self.gate = gate
        self.answer = answer
        self.suggestion = suggestion
    }
}

/// When a question is flagged. Each threshold is a judgement; the minimum counts keep a flag from
/// resting on a handful of interviews.
public struct QuestionFlagRules: Hashable, Sendable {
    /// Corrected item–rest r below .20 — the classical cut for "poor discrimination" (Ebel & Frisbie 1991)
    /// — with at least 30 pairs, where r's standard error (≈ 1/√n ≈ .18) makes .20 vs .40 distinguishable.
    public var discriminationBelow = 0.20
    public var discriminationMinimumCount = 30
    /// Mean at or above 90 % of the scale (3.6 of 4) or at or below 10 %, over at least 20 ratings.
    public var passesAbovePercent = 90.0
    public var failsBelowPercent = 10.0
    public var levelMinimumCount = 20
    /// Mann–Kendall, one-sided (rising), α = .01 over at least 20 ratings: a guide of 300 questions tested
    /// at .05 would flag 15 innocent questions by chance; at .01, 3.
    public var leakAlpha = 0.01
    public var leakMinimumCount = 20

    public init() {}
    public static let standard = QuestionFlagRules()
}

public enum QuestionFlag: Hashable, Sendable {
    case doesNotDiscriminate(itemRest: Double, count: Int)
    case nearlyEveryonePasses(meanPercent: Double)
    case nearlyEveryoneFails(meanPercent: Double)
    /// `test` names the test, so a report can print it: "Mann–Kendall trend test, one-sided".
    case likelyLeak(test: String, z: Double, p: Double, count: Int)

    public static let leakTest = "Mann–Kendall trend test, one-sided (rising), normal approximation with tie correction"
}
