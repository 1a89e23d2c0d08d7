import Foundation

/// One rated question of one candidate, as the severity-adjusted score takes it.
public struct WeightedRating: Hashable, Sendable {
    public var question: String
    public var interviewer: String
    public var rating: Int
    public var weight: Double
    /// False for points that count but are no rating: a question behind a go-deeper gate answered "no"
    /// (0 of its possible points, docs/scoring.md). The model never saw it, so it is kept as it is in
    /// the adjusted score too, and the raw and adjusted scores stay the same kind of number.
    public var adjustable: Bool

    public init(question: String, interviewer: String, rating: Int, weight: Double = 1, adjustable: Bool = true) {
        self.question = question
        self.interviewer = interviewer
        self.rating = rating
        self.weight = weight
        self.adjustable = adjustable
    }
}

/// A candidate's points-earned / points-possible score (0–100) beside the same score with each
/// interviewer's estimated severity removed.
///
/// Each rating r by interviewer i on question q becomes
///
///     r' = clamp(r + E[X | θ, δq, 0] − E[X | θ, δq, si],  min…max)
///
/// — what the rating would have been from an interviewer of average severity, given the model's view of
/// this candidate (θ) and question (δq). The score is then 100 · Σ w·(r' − min) / Σ w·(max − min), the
/// team's points ratio (on a 0-based scale exactly Σ r'·w / Σ max·w).
///
/// Interval: only the severities' uncertainty is propagated (θ and δ rest on far more ratings). By the
/// delta method ∂r'/∂si = Var[X | θ − δq − si] for an unclamped rating (0 for a clamped one). Ratings by
/// the same interviewer share one error, ratings by different interviewers are taken as independent:
///
///     SE² = Σ_i ( 100 / Σ w(max − min) · Σ_{q rated by i} wq · Var[X | θ − δq − si] )² · SE(si)²
///
/// and the interval is adjusted ± 1.96 SE, cut to 0…100.
///
/// Minimum data: every interviewer of the candidate must have at least `MinimumData.ratings` ratings of
/// `MinimumData.candidates` distinct candidates in the fit, and every question must be in the fit;
/// otherwise the raw score stands alone. Why: with few candidates a severity estimate cannot tell a harsh
/// interviewer from one who happened to meet weak candidates. Its standard error (taken with the
/// abilities unknown, `SeverityPrecision`) widens for it and the prior shrinks such an interviewer toward
/// 0, but moving a hiring score on a handful of ratings is a decision we leave to people.
///
/// Worked example (scale 0–4, thresholds τ = −1.5, −0.5, 0.5, 1.5; candidate θ = 0.25):
///
/// | question | weight | δ | rated by | s (SE) | rating | E[X|s=0] | E[X|s] | r' |
/// | --- | --- | --- | --- | --- | --- | --- | --- | --- |
/// | Q1 | 1 | 0 | Olga | +1.0 (0.2) | 2 | E(η .25) = 2.230 | E(η −.75) = 1.330 | 2 + 0.901 = 2.901 |
/// | Q2 | 2 | 0.5 | Ben | −0.5 (0.3) | 3 | E(η −.25) = 1.770 | E(η .25) = 2.230 | 3 − 0.460 = 2.540 |
///
/// raw = 100 · (2·1 + 3·2) / (4·3) = 66.7; adjusted = 100 · (2.901·1 + 2.540·2) / 12 = 66.5.
/// SE: Olga 100/12 · 1 · Var(η −.75) = 0.834 · 0.2 = 1.39; Ben 100/12 · 2 · Var(η .25) = 0.914 · 0.3 =
/// 4.57; SE = √(1.39² + 4.57²) = 4.78; interval 66.5 ± 9.4 = 57.1…75.9. Olga's harshness lifts Q1 by
/// most of a point, Ben's leniency lowers Q2 by half a point, and at double weight Q2 nearly cancels Q1.
public struct SeverityAdjustedScore: Hashable, Sendable {
    /// 100 · Σ w(r − min) / Σ w(max − min); nil when nothing with a positive weight was rated.
    public var raw: Double?
    /// nil when the minimum-data rule (or missing ratings) left only the raw score.
    public var adjusted: Double?
    public var standardError: Double?
    public var interval: ClosedRange<Double>?
    /// Why there is no adjusted score; empty when there is one.
    public var notAdjusted: [Reason]
    /// The ratings with their adjusted values, in input order (adjusted = rating when not adjusted).
    public var lines: [Line]
    /// The ability the adjustment used: the fit's, or estimated from these ratings for a new candidate.
    public var ability: Double?

    public struct Line: Hashable, Sendable {
        public var rating: WeightedRating
        public var adjustedRating: Double
    }

    public enum Reason: Hashable, Sendable {
        case nothingRated
        case interviewerBelowMinimum(String, ratings: Int, candidates: Int)
        /// Too few candidates shared with colleagues, or none with the team's group (`InterviewerLinks`).
        case interviewerNotLinked(String, shared: Int, of: Int, inTeam: Bool)
        case questionNotCalibrated(String)
        case ratingOutsideScale(Int)
    }

    public struct MinimumData: Hashable, Sendable {
        /// 30 ratings ≈ three interviews of ten questions: the point where a 0.5-logit severity stands
        /// about two standard errors clear of 0.
        public var ratings = 30
        /// Five candidates, so one unusually weak or strong candidate cannot make an interviewer look harsh.
        public var candidates = 5
        /// Candidates also rated by a colleague in the team's group: only through these (and the prior
        /// that candidates are alike on average) is a severity a comparison. Three, so one bridging
        /// candidate's own quirks cannot set it. Chosen by simulation (Benchmarks/calibration/README.md,
        /// "Shared candidates"), which also shows what this does not fix: an interviewer far from the team
        /// who rates most candidates alone is pulled toward the team, by about one standard error.
        public var sharedCandidates = 3
        /// The share of the interviewer's candidates that must be shared; 0 by default, because requiring
        /// two thirds withheld every adjustment where a quarter of candidates have a second round, the
        /// design where it helps most (the calibration simulation's (a) and (c)). `--min-shared-share`.
        public var sharedShare = 0.0
        public init() {}
        public static let standard = MinimumData()

        /// Why `interviewer`'s severity is too thin to adjust a score with, or nil when it is not.
        public func shortfall(of interviewer: InterviewerSeverity) -> Reason? {
            if interviewer.ratingCount < ratings || interviewer.candidateCount < candidates {
                return .interviewerBelowMinimum(interviewer.interviewer, ratings: interviewer.ratingCount,
                                                candidates: interviewer.candidateCount)
            }
            if !interviewer.inTeam || interviewer.sharedCandidates < sharedCandidates
                || Double(interviewer.sharedCandidates) < sharedShare * Double(interviewer.candidateCount) {
                return .interviewerNotLinked(interviewer.interviewer, shared: interviewer.sharedCandidates,
                                             of: interviewer.candidateCount, inTeam: interviewer.inTeam)
            }
            return nil
        }
    }
}
