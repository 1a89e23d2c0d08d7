import Foundation

/// ICC(2,1) and ICC(2,k): two-way random effects, absolute agreement — the questions and the
/// interviewers are both taken as samples from larger pools, and a rater who rates everything a point
/// higher counts as disagreeing (Shrout & Fleiss 1979, case 2; McGraw & Wong 1996, case 2A).
///
///     ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS)/n)    one interviewer's ratings
///     ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)                  the mean of the k interviewers
///
/// with the mean squares of `TwoWayANOVA`. Shrout & Fleiss's example (6 targets × 4 judges) gives
/// .29 and .62; the tests recompute it.
public struct IntraclassCorrelation: Hashable, Sendable {
    /// ICC(2,1).
    public var single: Double
    /// ICC(2,k), k = `raterCount`.
    public var average: Double
    /// n: the questions (targets) the figures rest on.
    public var questionCount: Int { anova.targets }
    /// k.
    public var raterCount: Int { anova.raters }
    public var anova: TwoWayANOVA

    public enum Undefined: Error, Hashable, Sendable {
        case tooFewQuestions(Int)
        case tooFewRaters(Int)
        /// Rows of different lengths: the two-way model needs every rater's rating of every question.
        case incompleteMatrix
        /// Every rating is the same: 0/0.
        case noVariance
        /// The estimate falls outside the range the coefficient can take (a denominator at or below 0):
        /// ratings vary less between questions than the noise, so there is nothing to report.
        case outOfRange
    }

    /// The figures for `rows`, n ≥ 2 questions × k ≥ 2 raters, every cell filled. Panels with missing
    /// cells keep only the questions every rater rated (`PanelAgreement`) before they get here.
    public static func compute(_ rows: [[Double]]) -> Result<IntraclassCorrelation, Undefined> {
        guard rows.count >= 2 else { return .failure(.tooFewQuestions(rows.count)) }
        let k = rows[0].count
        guard rows.allSatisfy({ $0.count == k }) else { return .failure(.incompleteMatrix) }
        guard k >= 2 else { return .failure(.tooFewRaters(k)) }
        return compute(TwoWayANOVA(rows: rows))
    }

    static func compute(_ anova: TwoWayANOVA) -> Result<IntraclassCorrelation, Undefined> {
        guard anova.totalSumOfSquares > 0 else { return .failure(.noVariance) }
        let b = anova.betweenTargets, j = anova.betweenRaters, e = anova.residual
        let n = Double(anova.targets), k = Double(anova.raters)
        let singleDenominator = b + (k - 1) * e + k * (j - e) / n
        let averageDenominator = b + (j - e) / n
        // The first is ≥ 0 for n, k ≥ 2 and reaches 0 e.g. for [[0, 1], [1, 0]]; the second turns
        // negative when ICC(2,1) < −1/(k − 1). Either way the ratio means nothing. The tolerance keeps
        // rounding noise in a true 0 from passing as a tiny positive denominator and a huge value.
        let tolerance = 1e-12 * max(b, j, e)
        guard singleDenominator > tolerance, averageDenominator > tolerance else { return .failure(.outOfRange) }
        return .success(IntraclassCorrelation(
            single: (b - e) / singleDenominator, average: (b - e) / averageDenominator, anova: anova))
    }
}
