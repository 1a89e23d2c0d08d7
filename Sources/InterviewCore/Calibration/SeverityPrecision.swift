/// How precisely the ratings fix each interviewer's severity once the candidates' abilities are not
/// taken as known: the severities' information matrix with every ability profiled out (a Schur
/// complement), which is what a standard error must come from when a rater's candidates are few or rated
/// by nobody else.
///
/// Why: the per-parameter information (Facets' usual standard error) holds every candidate's ability at
/// its estimate. For an interviewer who rates candidates alone, the same ratings could come from a harsher
/// interviewer or from weaker candidates, and only the priors tell them apart; that error said ±0.16 for a
/// severity 0.9 logits off the truth (Benchmarks/calibration/README.md, "Shared candidates"). Profiling
/// the abilities out puts that confusion into the error.
///
/// The rating-scale model's information is Σ Var[X] · a aᵀ over ratings, a = ∂η/∂(θ, s) = (1, −1). Per
/// candidate c the abilities' block is one number, I_c = Σ_c Var + 1/σθ², and its cross terms with the
/// severities are u_c(r) = Σ_{c's ratings by r} Var, so
///
///     P = diag(1/σs²) + Σ_c [ diag(u_c) − u_c u_cᵀ / I_c ]
///
/// is the severities' precision given the ratings alone. Question difficulties and thresholds are held at
/// their estimates: each rests on every interviewer's ratings, and their share of a severity's error is
/// small beside the candidates'. Severities are reported against the mean of a set of interviewers (the
/// ones used to adjust scores), so the error said is that of the contrast s_r − mean(s_U).
struct SeverityPrecision {
    let count: Int
    /// Row-major count × count.
    private var matrix: [Double]

    init(count: Int, priorSD: Double) {
        self.count = count
        matrix = [Double](repeating: 0, count: count * count)
        for r in 0..<count { matrix[r * count + r] = 1 / (priorSD * priorSD) }
    }

    /// One candidate's ratings: per interviewer of theirs the summed rating variance, and the candidate's
    /// own information (their ratings' summed variance plus the ability prior's precision).
    mutating func addCandidate(_ raters: [(interviewer: Int, variance: Double)], abilityInformation: Double) {
        guard abilityInformation > 0 else { return }
        for (r, v) in raters {
            matrix[r * count + r] += v
            for (r2, v2) in raters { matrix[r * count + r2] -= v * v2 / abilityInformation }
        }
    }

    /// Standard errors of each severity against the unweighted mean of the interviewers marked in
    /// `centre` (all of them when none is); nil when the matrix cannot be inverted, which the prior
    /// rules out short of rounding.
    func contrastStandardErrors(centre: [Bool]) -> [Double]? {
        guard count > 0, let covariance = inverse() else { return count == 0 ? [] : nil }
        let members = centre.contains(true) ? (0..<count).filter { centre[$0] } : Array(0..<count)
        let n = Double(members.count)
        // m_r = mean over U of C(r, u); t = mean over U × U of C(u, v).
        let meanWithCentre = (0..<count).map { r in members.reduce(0.0) { $0 + covariance[r * count + $1] } / n }
        let centreVariance = members.reduce(0.0) { $0 + meanWithCentre[$1] } / n
        return (0..<count).map { r in
            max(covariance[r * count + r] - 2 * meanWithCentre[r] + centreVariance, 0).squareRoot()
        }
    }

    /// P⁻¹ by Cholesky (P = L Lᵀ, then L⁻¹, then L⁻ᵀ L⁻¹). Row-major; nil when P is not positive definite.
    /// Written here: the package has no linear-algebra dependency and the matrix is interviewers ×
    /// interviewers (200 for the benchmark's team), a few million operations.
    private func inverse() -> [Double]? {
        let n = count
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // L⁻¹, lower triangular, by forward substitution column by column.
        var inv = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            inv[j * n + j] = 1 / l[j * n + j]
            for i in (j + 1)..<n {
                var sum = 0.0
                for k in j..<i { sum -= l[i * n + k] * inv[k * n + j] }
                inv[i * n + j] = sum / l[i * n + i]
            }
        }
        // P⁻¹ = L⁻ᵀ L⁻¹: entry (i, j) = Σ_k≥max(i,j) inv(k, i) · inv(k, j).
        var result = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = 0.0
                for k in i..<n { sum += inv[k * n + i] * inv[k * n + j] }
                result[i * n + j] = sum
                result[j * n + i] = sum
            }
        }
        return result
    }
}
