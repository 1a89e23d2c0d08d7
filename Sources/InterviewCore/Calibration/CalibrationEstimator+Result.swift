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

    /// The fitted parameters as a calibration whose severities are centred on the interviewers that
    /// `minimum` lets adjust scores (all of them when none qualifies): "severity 0" is then the average of
    /// the interviewers a score is corrected against, and one marked "not compared" no longer moves every
    /// other candidate's adjusted score (a recheck: by 1–3 points). A common shift of the severities and
    /// the abilities changes no rating's probability, so this is the same fit, told from another zero.
    func calibration(minimum: SeverityAdjustedScore.MinimumData) -> RaterCalibration {
        let curve = RatingCategoryCurve(thresholds: tau)
        var abilities = Sums(theta.count), difficulties = Sums(delta.count), severities = Sums(severity.count)
        var precision = SeverityPrecision(count: severity.count, priorSD: settings.severityPriorSD)
        let abilityPrior = 1 / (settings.abilityPriorSD * settings.abilityPriorSD)
        var candidatesSeen = [Int](repeating: 0, count: severity.count)
        var lastCandidate = [Int](repeating: -1, count: severity.count)
        var extreme = [Bool](repeating: false, count: theta.count)
        var raters: [(interviewer: Int, variance: Double)] = []
        for c in theta.indices {
            var lowest = Int8.max, highest = Int8.min
            raters.removeAll(keepingCapacity: true)
            for i in start[c]..<start[c + 1] {
                let qi = Int(question[i]), ri = Int(interviewer[i]), x = category[i]
                let (mean, variance) = curve.moments(eta: theta[c] - delta[qi] - severity[ri])
                let residual = Double(x) - mean
                abilities.add(c, residual: residual, variance: variance)
                difficulties.add(qi, residual: residual, variance: variance)
                severities.add(ri, residual: residual, variance: variance)
                if lastCandidate[ri] != c { lastCandidate[ri] = c; candidatesSeen[ri] += 1 }
                if let k = raters.firstIndex(where: { $0.interviewer == ri }) { raters[k].variance += variance }
                else { raters.append((ri, variance)) }
                lowest = min(lowest, x); highest = max(highest, x)
            }
            precision.addCandidate(raters, abilityInformation: abilities.information[c] + abilityPrior)
            extreme[c] = start[c + 1] > start[c] && lowest == highest && (lowest == 0 || Int(highest) == m)
        }
        let links = InterviewerLinks(interviewerCount: severity.count, start: start, interviewer: interviewer,
                                     ratingCount: severities.count)
        func rater(_ r: Int, shift: Double, meanAbility: Double, se: Double) -> InterviewerSeverity {
            let here = curve.moments(eta: meanAbility - (severity[r] - shift))
            let (infit, outfit) = severities.meanSquares(r)
            return InterviewerSeverity(
                interviewer: interviewerNames[r], severity: severity[r] - shift, standardError: se,
                points: curve.moments(eta: meanAbility).mean - here.mean, pointsStandardError: here.variance * se,
                ratingCount: severities.count[r], candidateCount: candidatesSeen[r],
                sharedCandidates: links.sharedCandidates[r], inTeam: links.inTeam[r], infit: infit, outfit: outfit)
        }
        // Which interviewers adjust scores depends only on counts, not on where 0 is.
        let used = severity.indices.map { minimum.shortfall(of: rater($0, shift: 0, meanAbility: 0, se: 0)) == nil }
        let centre = used.contains(true) ? used : used.map { _ in true }
        let members = severity.indices.filter { centre[$0] }
        let shift = members.isEmpty ? 0 : members.reduce(0.0) { $0 + severity[$1] } / Double(members.count)
        let thetaShifted = theta.map { $0 - shift }
        let meanAbility = thetaShifted.isEmpty ? 0 : thetaShifted.reduce(0, +) / Double(thetaShifted.count)
        let errors = precision.contrastStandardErrors(centre: centre)
            ?? severity.indices.map { severities.standardError($0, priorSD: settings.severityPriorSD) }

        var interviewers = severity.indices.map { rater($0, shift: shift, meanAbility: meanAbility, se: errors[$0]) }
        var candidates = theta.indices.map { c in
            CandidateAbility(candidate: candidateNames[c], ability: thetaShifted[c],
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
