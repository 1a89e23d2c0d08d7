import Foundation

extension RaterCalibration {
    /// The severity-adjusted score of `candidate` from `ratings` (see `SeverityAdjustedScore` for the
    /// formula, the interval and the minimum-data rule). A candidate not in the fit gets an ability
    /// estimated from these ratings with the fit's difficulties, severities and thresholds held fixed.
    public func adjustedScore(candidate: String, ratings: [WeightedRating],
                              minimum: SeverityAdjustedScore.MinimumData = .standard) -> SeverityAdjustedScore {
        let low = Double(scale.lowerBound), width = Double(scale.upperBound - scale.lowerBound)
        let weighted = ratings.filter { $0.weight > 0 }
        let possible = weighted.reduce(0) { $0 + $1.weight } * width
        let earned = weighted.reduce(0) { $0 + $1.weight * (Double($1.rating) - low) }
        let unchanged = ratings.map { SeverityAdjustedScore.Line(rating: $0, adjustedRating: Double($0.rating)) }
        var score = SeverityAdjustedScore(raw: possible > 0 ? 100 * earned / possible : nil, adjusted: nil,
                                          standardError: nil, interval: nil, notAdjusted: [], lines: unchanged,
                                          ability: nil)
        guard possible > 0 else { score.notAdjusted = [.nothingRated]; return score }

        var reasons: [SeverityAdjustedScore.Reason] = []
        var facets: [(difficulty: Double, severity: InterviewerSeverity)?] = []
        for r in ratings {
            guard r.adjustable else { facets.append(nil); continue }
            guard scale.contains(r.rating) else { reasons.append(.ratingOutsideScale(r.rating)); facets.append(nil); continue }
            let q = question(r.question), i = interviewer(r.interviewer)
            if q == nil { reasons.append(.questionNotCalibrated(r.question)) }
            if let i, let shortfall = minimum.shortfall(of: i) {
                reasons.append(shortfall)
            } else if i == nil {
                reasons.append(.interviewerBelowMinimum(r.interviewer, ratings: 0, candidates: 0))
            }
            facets.append(q.flatMap { q in i.map { (q.difficulty, $0) } })
        }
        var seen = Set<SeverityAdjustedScore.Reason>()
        score.notAdjusted = reasons.filter { seen.insert($0).inserted }
        guard score.notAdjusted.isEmpty else { return score }

        let modelled = ratings.indices.compactMap { n in facets[n].map { (ratings[n].rating, ($0.difficulty, $0.severity.severity)) } }
        guard !modelled.isEmpty else { score.notAdjusted = [.nothingRated]; return score }
        let theta = self.candidate(candidate)?.ability ?? estimateAbility(modelled)
        score.ability = theta
        let curve = self.curve
        var adjustedEarned = 0.0
        // Per interviewer: Σ w · ∂r'/∂s, the score's sensitivity to that interviewer's severity.
        var sensitivity: [String: (sum: Double, se: Double)] = [:]
        for (n, r) in ratings.enumerated() {
            guard let (difficulty, rater) = facets[n] else {
                adjustedEarned += max(r.weight, 0) * (Double(r.rating) - low)
                continue
            }
            let average = curve.moments(eta: theta - difficulty).mean
            let here = curve.moments(eta: theta - difficulty - rater.severity)
            let unclamped = Double(r.rating) + average - here.mean
            let adjusted = min(max(unclamped, low), low + width)
            score.lines[n].adjustedRating = adjusted
            guard r.weight > 0 else { continue }
            adjustedEarned += r.weight * (adjusted - low)
            let slope = adjusted == unclamped ? here.variance : 0
            sensitivity[r.interviewer, default: (0, rater.standardError)].sum += r.weight * slope
        }
        let adjusted = 100 * adjustedEarned / possible
        // Sorted so the sum is added in the same order every run: bit-equal results for equal input.
        let variance = sensitivity.sorted { $0.key < $1.key }.reduce(0.0) { total, entry in
            let term = 100 / possible * entry.value.sum * entry.value.se
            return total + term * term
        }
        let se = variance.squareRoot()
        score.adjusted = adjusted
        score.standardError = se
        score.interval = max(adjusted - 1.96 * se, 0)...min(adjusted + 1.96 * se, 100)
        return score
    }

    /// θ for ratings of known difficulty and severity: Newton on the same penalised likelihood the fit
    /// uses (ability prior included), so an all-maximum candidate still gets a finite ability.
    func estimateAbility(_ ratings: [(rating: Int, facets: (difficulty: Double, severity: Double))]) -> Double {
        let curve = self.curve, prior = 1 / (settings.abilityPriorSD * settings.abilityPriorSD)
        var theta = 0.0
        for _ in 0..<100 {
            var gradient = -theta * prior, information = prior
            for r in ratings {
                let (mean, variance) = curve.moments(eta: theta - r.facets.difficulty - r.facets.severity)
                gradient += Double(r.rating - scale.lowerBound) - mean
                information += variance
            }
            let step = min(max(gradient / information, -1), 1)
            theta += step
            if abs(step) < 1e-8 { break }
        }
        return theta
    }
}
