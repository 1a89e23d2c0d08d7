import Foundation

/// One interviewer's ratings in one panel: question key → rating on the guide's scale. A question the
/// interviewer did not rate (not asked, skipped, not demonstrated) is simply absent.
public struct RaterRatings: Hashable, Sendable {
    public var rater: String
    /// Who scored: two cards of one person (two rounds) are not a pair of raters.
    public var person: String
    public var ratings: [String: Int]

    public init(rater: String, person: String? = nil, ratings: [String: Int]) {
        self.rater = rater
        self.person = person ?? rater
        self.ratings = ratings
    }
}

/// Weighted kappa of two interviewers over the questions both rated.
public struct PairAgreement: Hashable, Sendable {
    public var first: String
    public var second: String
    public var commonQuestions: Int
    public var kappa: AgreementOutcome<WeightedKappa>
}

/// The agreement figures of one panel for the debrief: every pair's weighted kappa and the panel's
/// ICC(2,1) and ICC(2,k), each shown only over at least `AgreementPolicy.minimumCommonQuestions`.
///
/// Missing cells: a kappa uses the questions both of its raters rated; the ICC uses only the questions
/// every rater of the panel rated (complete rows), because the two-way model needs each rater's
/// rating of each question and filling a gap would invent a rating. `iccQuestions` says which.
public struct PanelAgreement: Hashable, Sendable {
    /// In the order given.
    public var raters: [String]
    /// Every pair of two different people once, in the order of `raters` (first before second). The ICC
    /// takes every card as a column, two rounds of one person included.
    public var pairs: [PairAgreement]
    /// The questions every rater rated, sorted: the rows of the ICC.
    public var iccQuestions: [String]
    public var icc: AgreementOutcome<IntraclassCorrelation>

    public init(_ raters: [RaterRatings], scale: RatingScale, policy: AgreementPolicy = .standard) {
        self.raters = raters.map(\.rater)
        // Pairs of different people only: one interviewer's cards from two rounds agreeing says nothing
        // about how far the panel's raters agree (a walkthrough found "Olga × Olga: κ 1.00").
        pairs = raters.indices.flatMap { i in
            raters.indices.filter { $0 > i && raters[$0].person != raters[i].person }
                .map { Self.pair(raters[i], raters[$0], scale: scale, policy: policy) }
        }
        iccQuestions = Self.completeRows(raters)
        icc = Self.icc(raters, questions: iccQuestions, policy: policy)
    }

    static func pair(_ a: RaterRatings, _ b: RaterRatings, scale: RatingScale, policy: AgreementPolicy) -> PairAgreement {
        let paired = pairedRatings(a, b)
        let kappa: AgreementOutcome<WeightedKappa>
        if paired.count < policy.minimumCommonQuestions {
            kappa = .notShown(.tooFewCommonQuestions(found: paired.count, needed: policy.minimumCommonQuestions, raters: 2))
        } else {
            switch WeightedKappa.compute(paired, scale: scale) {
            case .success(let value): kappa = .shown(value)
            case .failure(let reason): kappa = .notShown(.kappaUndefined(reason))
            }
        }
        return PairAgreement(first: a.rater, second: b.rater, commonQuestions: paired.count, kappa: kappa)
    }

    /// (a's rating, b's rating) for each question both rated, in question-key order.
    static func pairedRatings(_ a: RaterRatings, _ b: RaterRatings) -> [(Int, Int)] {
        a.ratings.sorted { $0.key < $1.key }.compactMap { key, rating in b.ratings[key].map { (rating, $0) } }
    }

    /// The questions every rater rated, sorted.
    static func completeRows(_ raters: [RaterRatings]) -> [String] {
        guard let first = raters.first else { return [] }
        return first.ratings.keys.filter { key in raters.allSatisfy { $0.ratings[key] != nil } }.sorted()
    }

    /// One row per question in `questions`, one column per rater; `questions` come from `completeRows`.
    static func matrix(_ raters: [RaterRatings], questions: [String]) -> [[Double]] {
        questions.map { key in raters.map { Double($0.ratings[key] ?? 0) } }
    }

    static func icc(_ raters: [RaterRatings], questions: [String], policy: AgreementPolicy) -> AgreementOutcome<IntraclassCorrelation> {
        guard raters.count >= 2 else { return .notShown(.tooFewRaters(found: raters.count)) }
        guard questions.count >= policy.minimumCommonQuestions else {
            return .notShown(.tooFewCommonQuestions(found: questions.count, needed: policy.minimumCommonQuestions, raters: raters.count))
        }
        switch IntraclassCorrelation.compute(matrix(raters, questions: questions)) {
        case .success(let value): return .shown(value)
        case .failure(let reason): return .notShown(.iccUndefined(reason))
        }
    }
}
