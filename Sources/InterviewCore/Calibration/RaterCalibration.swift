import Foundation

/// Interviewer severity, candidate ability and question difficulty on one logit scale: a many-facet
/// Rasch rating-scale model (Linacre 1989), fitted to every rating the team has given.
///
///     log P(k) / P(k − 1) = θ(candidate) − δ(question) − s(interviewer) − τk,   k = 1…m
///
/// m = scale width (0–4 → m = 4, categories counted from the scale's lowest level). Fitted by penalised
/// joint maximum likelihood: Gaussian priors on every facet (`CalibrationSettings` says which and why),
/// alternating Newton steps (abilities, then difficulties, severities and thresholds together), each
/// step limited to one logit. Identification: mean difficulty 0 over questions (unweighted), thresholds
/// summing to 0, and mean severity 0 over the interviewers whose severities adjust scores (the minimum-data
/// rule; over all of them when none qualifies); the abilities carry the common shift, so "severity +0.5"
/// means half a logit harsher than the average interviewer a score is corrected against.
///
/// A severity's standard error is that of its contrast with that average, from the severities'
/// information with every candidate's ability profiled out (`SeverityPrecision`): an interviewer who rates
/// candidates nobody else rated gets the wide error such ratings deserve. Abilities' and difficulties'
/// errors are 1/√(information + prior precision) with the others held at their estimates, the usual
/// Facets/Winsteps approximation.
public struct RaterCalibration: Sendable {
    public var scale: ClosedRange<Int>
    /// Sorted by interviewer id.
    public var interviewers: [InterviewerSeverity]
    /// Sorted by candidate id.
    public var candidates: [CandidateAbility]
    /// Sorted by question id.
    public var questions: [QuestionDifficulty]
    /// Andrich thresholds τ1…τm in logits, summing to 0 (empty when nothing was rated).
    public var thresholds: [Double]
    /// Mean candidate ability: "the average candidate" of the severity-in-points figures.
    public var meanAbility: Double
    public var iterations: Int
    public var converged: Bool
    public var settings: CalibrationSettings

    public enum Undefined: Error, Hashable, Sendable {
        /// A scale with one level has no steps to model.
        case singleLevelScale
        /// More than 10 steps: the fit's arithmetic is bounded for m ≤ 10 (see `RatingCategoryCurve`).
        case scaleTooWide(Int)
        case ratingOutsideScale(CalibrationRating)
    }

    /// Fits the model. Empty input gives an empty calibration, not an error: "nothing to calibrate yet".
    /// Deterministic: the same ratings in the same order give bit-equal results.
    public static func fit(_ ratings: [CalibrationRating], scale: ClosedRange<Int> = 0...4,
                           settings: CalibrationSettings = .standard,
                           minimum: SeverityAdjustedScore.MinimumData = .standard) -> Result<RaterCalibration, Undefined> {
        let width = scale.upperBound - scale.lowerBound
        guard width >= 1 else { return .failure(.singleLevelScale) }
        guard width <= 10 else { return .failure(.scaleTooWide(width)) }
        if let bad = ratings.first(where: { !scale.contains($0.rating) }) { return .failure(.ratingOutsideScale(bad)) }
        var estimator = CalibrationEstimator(ratings, scale: scale, settings: settings)
        estimator.run()
        return .success(estimator.calibration(minimum: minimum))
    }

    /// E[rating] on the guide's scale for a candidate of `ability` on a question of `difficulty` rated by
    /// an interviewer of `severity`, all in logits.
    public func expectedRating(ability: Double, difficulty: Double, severity: Double) -> Double {
        Double(scale.lowerBound) + curve.moments(eta: ability - difficulty - severity).mean
    }

    var curve: RatingCategoryCurve { RatingCategoryCurve(thresholds: thresholds) }

    public func interviewer(_ id: String) -> InterviewerSeverity? { Self.find(id, in: interviewers, \.interviewer) }
    public func candidate(_ id: String) -> CandidateAbility? { Self.find(id, in: candidates, \.candidate) }
    public func question(_ id: String) -> QuestionDifficulty? { Self.find(id, in: questions, \.question) }

    /// Binary search: the lists are sorted by id, so no dictionary has to be kept in step with them.
    private static func find<T>(_ id: String, in list: [T], _ key: KeyPath<T, String>) -> T? {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid][keyPath: key] < id { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low][keyPath: key] == id ? list[low] : nil
    }
}

/// One interviewer's severity. `points` turns the logits into what a hiring manager reads: how many
/// rating points fewer this interviewer gives the team's average candidate on the team's average
/// question (difficulty 0) than an interviewer of severity 0 would —
/// `points = E[rating | θ̄, 0, 0] − E[rating | θ̄, 0, s]`, positive = more severe — with its standard error
/// by the delta method (dE/dη = Var[rating | η], so SE_points = Var · SE_logits). Printed as
/// "Olga is 1.1 points more severe than the team (standard error 0.4), 41 interviews".
/// An interviewer's ratings that fit the model poorly, from the information-weighted mean square (infit):
/// below 0.7 they are more predictable than the model expects (little of the scale used, or one rating for
/// everyone: a rater who gave everyone a 2 was called "lenient" unmarked, a calibration probe), above 1.3
/// more erratic. Either way the severity says less than its interval suggests. The usual bounds for
/// high-stakes ratings; said only with the minimum data, where a mean square is steady enough to read.
public enum RatingFit: Hashable, Sendable {
    case predictable, erratic

    public static func of(_ interviewer: InterviewerSeverity, minimumRatings: Int = SeverityAdjustedScore.MinimumData.standard.ratings) -> RatingFit? {
        guard interviewer.ratingCount >= minimumRatings else { return nil }
        return interviewer.infit < 0.7 ? .predictable : interviewer.infit > 1.3 ? .erratic : nil
    }

    public func text(_ infit: Double, _ language: ReportLanguage) -> String {
        let figure = String(format: "%.2f", infit)
        switch (self, language) {
        case (.predictable, .zh): return "评分比模型预期的更单一（infit \(figure)）：很少用到分制的两端，或给所有人同样的分；严格度的参考价值低于其区间所示"
        case (.predictable, _): return "rates more predictably than the model expects (infit \(figure)): little of the scale used, or one rating for everyone; the severity says less than its interval suggests"
        case (.erratic, .zh): return "评分比模型预期的更随意（infit \(figure)）：同样的回答得分起伏较大；严格度的参考价值低于其区间所示"
        case (.erratic, _): return "rates more erratically than the model expects (infit \(figure)): like answers get unlike ratings; the severity says less than its interval suggests"
        }
    }
}

public struct InterviewerSeverity: Hashable, Sendable {
    public var interviewer: String
    /// Logits; positive = harsher than the average interviewer.
    public var severity: Double
    public var standardError: Double
    public var points: Double
    public var pointsStandardError: Double
    public var ratingCount: Int
    /// Distinct candidates rated: the interviews this estimate rests on.
    public var candidateCount: Int
    /// Of those, the candidates another interviewer rated too: a severity is measured through these
    /// alone (`InterviewerLinks`).
    public var sharedCandidates: Int
    /// In the team's largest group of interviewers joined by shared candidates; a severity outside it is
    /// measured against nobody the team's are.
    public var inTeam: Bool
    /// Information-weighted and unweighted mean squares of this interviewer's residuals (1 = as the model
    /// expects; above 1.3 noisy, below 0.7 too predictable, e.g. always the middle level).
    public var infit: Double
    public var outfit: Double
}

public struct CandidateAbility: Hashable, Sendable {
    public var candidate: String
    public var ability: Double
    public var standardError: Double
    public var ratingCount: Int
    /// Every rating at the top (or every one at the bottom) of the scale: the ability rests on the prior
    /// as much as on the ratings, and is a lower (upper) bound rather than an estimate.
    public var extreme: Bool
}

public struct QuestionDifficulty: Hashable, Sendable {
    public var question: String
    /// Logits; positive = harder than the average question.
    public var difficulty: Double
    public var standardError: Double
    public var ratingCount: Int
    public var infit: Double
    public var outfit: Double
}
