import Foundation

/// The rating-scale (Andrich 1978) category probabilities for one rating:
///
///     log P(k) / P(k − 1) = η − τk,   η = ability − difficulty − severity,  k = 1…m
///
/// so P(k) ∝ exp(k·η − (τ1 + … + τk)). Kept in one place so the fit, the adjusted score and the
/// severity-in-points figures use the same arithmetic.
struct RatingCategoryCurve: Sendable {
    /// exp(−(τ1 + … + τk)) for k = 0…m (k = 0 is 1): computed once per sweep, so a rating costs
    /// multiplications only — no exp, no log — in the fit's inner loop.
    private(set) var stepWeights: [Double]
    var categories: Int { stepWeights.count - 1 }

    init(thresholds: [Double]) {
        var weights = [1.0], cumulative = 0.0
        for tau in thresholds {
            cumulative += tau
            weights.append(exp(-cumulative))
        }
        stepWeights = weights
    }

    /// η is clamped to ±`etaLimit` so the largest weight stays far below the largest Double for any scale
    /// the fit accepts (m ≤ 10, thresholds within ±20: at most e^(10·30 + 200)).
    static let etaLimit = 30.0

    /// Expected category and its variance at `q` = exp(η).
    @inline(__always)
    func moments(q: Double) -> (mean: Double, variance: Double) {
        var power = 1.0, total = 1.0, first = 0.0, second = 0.0
        for k in 1..<stepWeights.count {
            power *= q
            let w = power * stepWeights[k]
            total += w
            first += Double(k) * w
            second += Double(k * k) * w
        }
        let mean = first / total
        return (mean, max(second / total - mean * mean, 0))
    }

    func moments(eta: Double) -> (mean: Double, variance: Double) {
        moments(q: exp(min(max(eta, -Self.etaLimit), Self.etaLimit)))
    }

    /// P(X ≥ k) for k = 1…m, written into `atLeast[0..<m]`; used for the thresholds' gradient.
    @inline(__always)
    func tailProbabilities(q: Double, into atLeast: inout [Double]) {
        var power = 1.0, total = 1.0
        for k in 1..<stepWeights.count {
            power *= q
            let w = power * stepWeights[k]
            atLeast[k - 1] = w
            total += w
        }
        var tail = 0.0
        for k in stride(from: categories - 1, through: 0, by: -1) {
            tail += atLeast[k]
            atLeast[k] = tail / total
        }
    }
}
