import Foundation

/// Cohen's weighted kappa with quadratic weights: how far two interviewers who rated the same
/// questions agree beyond what their own rating habits would give by chance (Cohen 1968, weights as in
/// Fleiss & Cohen 1973, who showed this kappa equals an intraclass correlation for large samples).
///
///     κw  = 1 − Do / De
///     Do  = Σij wij · oij         oij: share of questions rated i by the first, j by the second
///     De  = Σij wij · pi · qj     pi, qj: each rater's own share of questions rated i, j
///     wij = (i − j)² / (max − min)²
///
/// The weights come from the guide's scale, not from the ratings seen: a pair that used only 0, 2 and 4
/// is two points apart between 0 and 2, not one category. (Numbering only the observed categories, as
/// a confusion matrix over observed labels would, changes the value.) Dividing by (max − min)² cancels in
/// κw; it only puts `observedDisagreement` and `expectedDisagreement` on 0…1 for every scale.
public struct WeightedKappa: Hashable, Sendable {
    /// κw: 1 is perfect agreement, 0 what chance gives, below 0 worse than chance.
    public var value: Double
    /// The questions both rated.
    public var itemCount: Int
    /// Do on 0…1: mean squared rating difference over the squared width of the scale.
    public var observedDisagreement: Double
    /// De on 0…1: the same for the raters' ratings paired at random.
    public var expectedDisagreement: Double

    /// Why a kappa has no value. Returned instead of NaN or infinity, so a caller must say why.
    public enum Undefined: Error, Hashable, Sendable {
        case noItems
        /// A scale with one level leaves nothing to disagree on.
        case singleLevelScale
        case ratingOutsideScale(Int)
        /// Both raters gave one and the same rating to every question: De = 0, κw = 0/0.
        case noExpectedDisagreement
    }

    /// κw over `pairs`, one (first rater, second rater) per question both rated. Order of the pairs does
    /// not matter, and swapping the raters gives the same value (the weights are symmetric).
    public static func compute(_ pairs: [(Int, Int)], scale: RatingScale) -> Result<WeightedKappa, Undefined> {
        let tally: Tally
        switch Tally.count(pairs, scale: scale) {
        case .success(let counted): tally = counted
        case .failure(let reason): return .failure(reason)
        }
        return tally.kappa(width: scale.levels.upperBound - scale.levels.lowerBound)
    }

    /// The integer sums behind κw, kept apart so panels can be pooled from them
    /// (`PooledAgreement`) before anything is divided.
    struct Tally: Hashable, Sendable {
        var itemCount = 0
        /// Σ over questions of (a − b)²: n · Do · width².
        var observedSum = 0
        /// Σij (first raters' count of i) · (second's count of j) · (i − j)²: n² · De · width².
        var expectedSum = 0

        static func count(_ pairs: [(Int, Int)], scale: RatingScale) -> Result<Tally, Undefined> {
            let lowest = scale.levels.lowerBound, width = scale.levels.upperBound - lowest
            guard width > 0 else { return .failure(.singleLevelScale) }
            guard !pairs.isEmpty else { return .failure(.noItems) }
            // Marginal counts over every level of the scale, so unused levels still sit at their place.
            var first = [Int](repeating: 0, count: width + 1), second = first
            var tally = Tally(itemCount: pairs.count)
            for (a, b) in pairs {
                guard scale.contains(a) else { return .failure(.ratingOutsideScale(a)) }
                guard scale.contains(b) else { return .failure(.ratingOutsideScale(b)) }
                first[a - lowest] += 1
                second[b - lowest] += 1
                tally.observedSum += (a - b) * (a - b)
            }
            for i in 0...width where first[i] > 0 {
                for j in 0...width where second[j] > 0 {
                    tally.expectedSum += first[i] * second[j] * (i - j) * (i - j)
                }
            }
            return .success(tally)
        }

        func kappa(width: Int) -> Result<WeightedKappa, Undefined> {
            // De = 0 only when both raters sit on one and the same level; then Do = 0 too.
            guard expectedSum > 0 else { return .failure(.noExpectedDisagreement) }
            let n = Double(itemCount), squaredWidth = Double(width * width)
            // 1 − Do/De with the integer sums: one division, so equal inputs give bit-equal values.
            let value = 1 - Double(observedSum * itemCount) / Double(expectedSum)
            return .success(WeightedKappa(
                value: value, itemCount: itemCount,
                observedDisagreement: Double(observedSum) / (n * squaredWidth),
                expectedDisagreement: Double(expectedSum) / (n * n * squaredWidth)))
        }
    }
}
