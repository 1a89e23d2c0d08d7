import Foundation

extension CalibrationEstimator {
    /// Per-parameter sums from one final pass at the estimates: information for the standard errors,
    /// squared residuals for the fit mean squares, and the counts.
    private struct Sums {
        var information: [Double]
        var squaredResidual: [Double]
        /// Σ z² = Σ (x − E)² / Var, for the outfit.
        var squaredStandardized: [Double]
        var count: [Int]

        init(_ n: Int) {
            information = [Double](repeating: 0, count: n)
            squaredResidual = information
            squaredStandardized = information
            count = [Int](repeating: 0, count: n)
        }

        mutating func add(_ j: Int, residual: Double, variance: Double) {
            information[j] += variance
            squaredResidual[j] += residual * residual
            // A variance this small means an all-but-certain rating; its z² would only measure rounding.
            if variance > 1e-9 { squaredStandardized[j] += residual * residual / variance }
            count[j] += 1
        }

        func standardError(_ j: Int, priorSD: Double) -> Double {
            1 / (information[j] + 1 / (priorSD * priorSD)).squareRoot()
        }

        /// Infit = Σ(x − E)² / ΣVar; outfit = mean z². 1 when the ratings vary as the model expects.
        func meanSquares(_ j: Int) -> (infit: Double, outfit: Double) {
            guard count[j] > 0 else { return (1, 1) }
            let infit = information[j] > 1e-9 ? squaredResidual[j] / information[j] : 1
            return (infit, squaredStandardized[j] / Double(count[j]))
        }
    }

    func calibration() -> RaterCalibration {
        let curve = RatingCategoryCurve(thresholds: tau)
        var abilities = Sums(theta.count), difficulties = Sums(delta.count), severities = Sums(severity.count)
        var candidatesSeen = [Int](repeating: 0, count: severity.count)
        var lastCandidate = [Int](repeating: -1, count: severity.count)
        var extreme = [Bool](repeating: false, count: theta.count)
        for c in theta.indices {
            var lowest = Int8.max, highest = Int8.min
            for i in start[c]..<start[c + 1] {
                let qi = Int(question[i]), ri = Int(interviewer[i]), x = category[i]
                let (mean, variance) = curve.moments(eta: theta[c] - delta[qi] - severity[ri])
                let residual = Double(x) - mean
                abilities.add(c, residual: residual, variance: variance)
                difficulties.add(qi, residual: residual, variance: variance)
                severities.add(ri, residual: residual, variance: variance)
                if lastCandidate[ri] != c { lastCandidate[ri] = c; candidatesSeen[ri] += 1 }
                lowest = min(lowest, x); highest = max(highest, x)
            }
            extreme[c] = start[c + 1] > start[c] && lowest == highest && (lowest == 0 || Int(highest) == m)
        }
        let meanAbility = theta.isEmpty ? 0 : theta.reduce(0, +) / Double(theta.count)
        let atAverage = curve.moments(eta: meanAbility)

        let links = InterviewerLinks(interviewerCount: severity.count, start: start, interviewer: interviewer,
                                     ratingCount: severities.count)
        var interviewers = severity.indices.map { r -> InterviewerSeverity in
            let se = severities.standardError(r, priorSD: settings.severityPriorSD)
            let here = curve.moments(eta: meanAbility - severity[r])
            let (infit, outfit) = severities.meanSquares(r)
            return InterviewerSeverity(
                interviewer: interviewerNames[r], severity: severity[r], standardError: se,
                points: atAverage.mean - here.mean, pointsStandardError: here.variance * se,
                ratingCount: severities.count[r], candidateCount: candidatesSeen[r],
                sharedCandidates: links.sharedCandidates[r], inTeam: links.inTeam[r], infit: infit, outfit: outfit)
        }
        var candidates = theta.indices.map { c in
            CandidateAbility(candidate: candidateNames[c], ability: theta[c],
                             standardError: abilities.standardError(c, priorSD: settings.abilityPriorSD),
                             ratingCount: abilities.count[c], extreme: extreme[c])
        }
        var questions = delta.indices.map { q -> QuestionDifficulty in
            let (infit, outfit) = difficulties.meanSquares(q)
            return QuestionDifficulty(question: questionNames[q], difficulty: delta[q],
                                      standardError: difficulties.standardError(q, priorSD: settings.difficultyPriorSD),
                                      ratingCount: difficulties.count[q], infit: infit, outfit: outfit)
        }
        interviewers.sort { $0.interviewer < $1.interviewer }
        candidates.sort { $0.candidate < $1.candidate }
        questions.sort { $0.question < $1.question }
        return RaterCalibration(scale: scale, interviewers: interviewers, candidates: candidates, questions: questions,
                                thresholds: tau, meanAbility: meanAbility, iterations: iterations,
                                converged: converged, settings: settings)
    }
}
