import Foundation

/// The numerical work behind `RaterCalibration.fit`: ids mapped to integers once, ratings regrouped by
/// candidate (a counting sort, so the ability step reads a contiguous run), parameters in flat arrays.
/// Built for the budget — 300,000 ratings in under a second — so the inner loops touch no
/// dictionary and call no exp: exp(θ), exp(−δ), exp(−s) are computed once per sweep and a rating's
/// q = exp(η) is their product (`calibration-benchmark` measures it).
struct CalibrationEstimator {
    let scale: ClosedRange<Int>
    let settings: CalibrationSettings
    let m: Int
    let candidateNames: [String], questionNames: [String], interviewerNames: [String]
    /// Per rating, grouped by candidate; `start[c]..<start[c + 1]` are candidate c's ratings.
    var question: [Int32] = [], interviewer: [Int32] = [], category: [Int8] = []
    var start: [Int] = []
    var theta: [Double], delta: [Double], severity: [Double], tau: [Double]
    var iterations = 0, converged = false

    init(_ ratings: [CalibrationRating], scale: ClosedRange<Int>, settings: CalibrationSettings) {
        self.scale = scale
        self.settings = settings
        m = scale.upperBound - scale.lowerBound
        func index(_ key: KeyPath<CalibrationRating, String>) -> ([String], [Int32]) {
            var ids: [String: Int32] = [:], names: [String] = [], out = [Int32]()
            out.reserveCapacity(ratings.count)
            for r in ratings {
                let name = r[keyPath: key]
                if let id = ids[name] { out.append(id); continue }
                let id = Int32(names.count)
                ids[name] = id
                names.append(name)
                out.append(id)
            }
            return (names, out)
        }
        let (cn, c) = index(\.candidate), (qn, q) = index(\.question), (rn, r) = index(\.interviewer)
        candidateNames = cn; questionNames = qn; interviewerNames = rn
        // Counting sort by candidate, stable, so the result depends only on the input order.
        var offsets = [Int](repeating: 0, count: cn.count + 1)
        for id in c { offsets[Int(id) + 1] += 1 }
        for i in 0..<cn.count { offsets[i + 1] += offsets[i] }
        start = offsets
        var next = offsets
        question = [Int32](repeating: 0, count: ratings.count)
        interviewer = question
        category = [Int8](repeating: 0, count: ratings.count)
        for i in ratings.indices {
            let slot = next[Int(c[i])]
            next[Int(c[i])] += 1
            question[slot] = q[i]
            interviewer[slot] = r[i]
            category[slot] = Int8(ratings[i].rating - scale.lowerBound)
        }
        theta = [Double](repeating: 0, count: cn.count)
        delta = [Double](repeating: 0, count: qn.count)
        severity = [Double](repeating: 0, count: rn.count)
        tau = [Double](repeating: 0, count: ratings.isEmpty ? 0 : m)
    }

    static let maximumStep = 1.0
    static let qLimits = (exp(-RatingCategoryCurve.etaLimit), exp(RatingCategoryCurve.etaLimit))

    mutating func run() {
        guard !category.isEmpty else { converged = true; return }
        while iterations < settings.maximumIterations {
            iterations += 1
            let before = (theta, delta, severity, tau)
            _ = abilityStep()
            _ = facetStep()
            // The net move over the sweep, after the identification shifts: each step's own size does not
            // settle, since the priors pull abilities and difficulties toward 0 and the centring puts
            // them back by the same amount every sweep (a standing ±0.001 on 400 × 30 data).
            let change = max(Self.largestMove(before.0, theta), Self.largestMove(before.1, delta),
                             Self.largestMove(before.2, severity), Self.largestMove(before.3, tau))
            if change < settings.tolerance { converged = true; return }
        }
    }

    private static func largestMove(_ a: [Double], _ b: [Double]) -> Double {
        var largest = 0.0
        for i in a.indices { largest = max(largest, abs(a[i] - b[i])) }
        return largest
    }

    private static func precision(_ sd: Double) -> Double { 1 / (sd * sd) }

    private static func clampedStep(_ gradient: Double, _ information: Double) -> Double {
        min(max(gradient / information, -maximumStep), maximumStep)
    }

    /// One Newton step for every candidate's ability, the others held fixed. Returns the largest move.
    mutating func abilityStep() -> Double {
        let curve = RatingCategoryCurve(thresholds: tau)
        let eDelta = delta.map { exp(-$0) }, eSeverity = severity.map { exp(-$0) }
        let prior = Self.precision(settings.abilityPriorSD)
        let (low, high) = Self.qLimits
        var largest = 0.0
        question.withUnsafeBufferPointer { qs in
        interviewer.withUnsafeBufferPointer { rs in
        category.withUnsafeBufferPointer { xs in
            for c in theta.indices {
                var gradient = -theta[c] * prior, information = prior
                let eTheta = exp(theta[c])
                for i in start[c]..<start[c + 1] {
                    let q = min(max(eTheta * eDelta[Int(qs[i])] * eSeverity[Int(rs[i])], low), high)
                    let (mean, variance) = curve.moments(q: q)
                    gradient += Double(xs[i]) - mean
                    information += variance
                }
                let step = Self.clampedStep(gradient, information)
                theta[c] += step
                largest = max(largest, abs(step))
            }
        }}}
        return largest
    }

    /// One Newton step for every difficulty, severity and threshold from a single pass (with the new
    /// abilities), then the identification shifts. Returns the largest move of any parameter.
    mutating func facetStep() -> Double {
        let curve = RatingCategoryCurve(thresholds: tau)
        let eDelta = delta.map { exp(-$0) }, eSeverity = severity.map { exp(-$0) }
        let (low, high) = Self.qLimits
        var gDelta = [Double](repeating: 0, count: delta.count), hDelta = gDelta
        var gSeverity = [Double](repeating: 0, count: severity.count), hSeverity = gSeverity
        var gTau = [Double](repeating: 0, count: m), hTau = gTau
        var atLeast = [Double](repeating: 0, count: m)
        question.withUnsafeBufferPointer { qs in
        interviewer.withUnsafeBufferPointer { rs in
        category.withUnsafeBufferPointer { xs in
            for c in theta.indices {
                let eTheta = exp(theta[c])
                for i in start[c]..<start[c + 1] {
                    let qi = Int(qs[i]), ri = Int(rs[i]), x = Int(xs[i])
                    let q = min(max(eTheta * eDelta[qi] * eSeverity[ri], low), high)
                    curve.tailProbabilities(q: q, into: &atLeast)
                    // E[X] = Σk P(X ≥ k), E[X²] = Σk (2k − 1)·P(X ≥ k).
                    var mean = 0.0, square = 0.0
                    for k in 0..<m {
                        let p = atLeast[k]
                        mean += p
                        square += Double(2 * k + 1) * p
                        // ∂ log L / ∂τk = −(1[x ≥ k] − P(X ≥ k)); information P(1 − P).
                        gTau[k] -= (x > k ? 1 : 0) - p
                        hTau[k] += p * (1 - p)
                    }
                    let residual = Double(x) - mean, variance = max(square - mean * mean, 0)
                    gDelta[qi] -= residual
                    hDelta[qi] += variance
                    gSeverity[ri] -= residual
                    hSeverity[ri] += variance
                }
            }
        }}}
        var largest = 0.0
        func update(_ values: inout [Double], _ g: [Double], _ h: [Double], sd: Double, limit: Double) {
            let prior = Self.precision(sd)
            for j in values.indices {
                let step = Self.clampedStep(g[j] - values[j] * prior, h[j] + prior)
                values[j] = min(max(values[j] + step, -limit), limit)
                largest = max(largest, abs(step))
            }
        }
        update(&delta, gDelta, hDelta, sd: settings.difficultyPriorSD, limit: 30)
        update(&severity, gSeverity, hSeverity, sd: settings.severityPriorSD, limit: 30)
        // ±20 keeps exp(−Στ) finite for m ≤ 10 (see `RatingCategoryCurve.etaLimit`).
        update(&tau, gTau, hTau, sd: settings.thresholdPriorSD, limit: 20)
        // Identification: each shift changes no η, it only says where 0 is.
        let shift = mean(delta) + mean(severity) + mean(tau)
        let deltaMean = mean(delta), severityMean = mean(severity), tauMean = mean(tau)
        for j in delta.indices { delta[j] -= deltaMean }
        for j in severity.indices { severity[j] -= severityMean }
        for j in tau.indices { tau[j] -= tauMean }
        for c in theta.indices { theta[c] -= shift }
        return max(largest, abs(shift))
    }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
