import Foundation
import InterviewCore

/// One seed of one design: the cohort's interviews walked (`CohortWalk`), the calibration fitted to every
/// rating given, and each candidate's score of record and severity-adjusted score set against the truth.
struct CohortRun {
    /// Spearman's ρ with true ability of the raw score: the card's overall score of record, for a panel
    /// the points ratio pooled over both cards (`TeamCalibration`'s raw score).
    var raw: Double
    /// … of the severity-adjusted score (the raw score where the minimum-data rule withholds it).
    var adjusted: Double
    /// … of both scores over the rated questions only, the not-demonstrated zeros left out: what the
    /// adjustment could do if the gates were not answered from the interviewer's own, unadjusted ratings.
    var ratedOnlyRaw: Double
    var ratedOnlyAdjusted: Double
    /// RMSE of the estimated severities against the truth centred on its mean, as the model centres them.
    var severityRMSE: Double
    var connected: Bool
    var notAdjusted: Int
    var interviews: Int
    var ratings: Int
    /// Cards that make candidates' scores (a second, calibration-only round makes none), and those of
    /// them with a "no" at a depth gate.
    var scoredCards: Int
    var gatedCards: Int
    var iterations: Int
    var converged: Bool
    /// Candidates whose `adjustedScore` raw differs from the score their cards give: must be 0, or the
    /// raw score ranked here is not the one the report prints.
    var rawMismatches: Int

    static func run(_ design: PanelDesign, team: SimulatedTeam, guide: Guide, seed: UInt64) throws -> CohortRun {
        // Its own stream, apart from the truth's, so a change in how interviews draw leaves the truth alone.
        var random = SimulationRandom(seed: seed ^ 0xD1B5_4A32_D192_ED03)
        let severities = team.severities(sd: design.severitySD)
        let walk = try CohortWalk(design, team: team, severities: severities, guide: guide, random: &random)
        let fit = try RaterCalibration.fit(walk.fitRatings, scale: guide.scale.levels).get()
        var raw: [Double] = [], adjusted: [Double] = [], notAdjusted = 0, mismatches = 0
        var ratedRaw: [Double] = [], ratedAdjusted: [Double] = []
        for (c, weighted) in walk.scored.enumerated() {
            // A candidate with a calibration-only round is scored under a name the fit does not know, so
            // the adjustment estimates the ability from the scored card alone: that round stays out of the score.
            let name = SimulatedTeam.candidateID(c) + (walk.assignment[c].count > design.panelSize ? "-scored-round" : "")
            let score = fit.adjustedScore(candidate: name, ratings: weighted)
            if score.adjusted == nil { notAdjusted += 1 }
            if abs((score.raw ?? 0) - walk.cardScore[c]) > 1e-9 { mismatches += 1 }
            raw.append(score.raw ?? 0)
            adjusted.append(score.adjusted ?? score.raw ?? 0)
            let rated = fit.adjustedScore(candidate: name, ratings: weighted.filter(\.adjustable))
            ratedRaw.append(rated.raw ?? 0)
            ratedAdjusted.append(rated.adjusted ?? rated.raw ?? 0)
        }
        return CohortRun(raw: rho(raw, team.abilities), adjusted: rho(adjusted, team.abilities),
                         ratedOnlyRaw: rho(ratedRaw, team.abilities), ratedOnlyAdjusted: rho(ratedAdjusted, team.abilities),
                         severityRMSE: rmse(fit, severities),
                         connected: PanelDesign.isConnected(walk.assignment, interviewers: severities.count),
                         notAdjusted: notAdjusted, interviews: walk.assignment.reduce(0) { $0 + $1.count },
                         ratings: walk.fitRatings.count,
                         scoredCards: walk.scored.count * design.panelSize, gatedCards: walk.gatedCards,
                         iterations: fit.iterations, converged: fit.converged, rawMismatches: mismatches)
    }

    private static func rho(_ score: [Double], _ ability: [Double]) -> Double {
        RankCorrelation.spearman(score, ability) ?? 0
    }

    /// Over the interviewers in the fit; the truth is centred on the mean of the interviewers used to
    /// adjust scores (all of them when none is), as the fit centres its estimates.
    private static func rmse(_ fit: RaterCalibration, _ severities: [Double]) -> Double {
        let index = Dictionary(uniqueKeysWithValues: severities.indices.map { (SimulatedTeam.interviewerID($0), $0) })
        let truth = fit.interviewers.map { severities[index[$0.interviewer]!] }
        let used = fit.interviewers.map { SeverityAdjustedScore.MinimumData.standard.shortfall(of: $0) == nil }
        let centre = used.contains(true) ? used : used.map { _ in true }
        let centred = zip(truth, centre).filter(\.1).map(\.0)
        let mean = centred.reduce(0, +) / Double(centred.count)
        let squares = zip(fit.interviewers, truth).map { ($0.severity - ($1 - mean)) * ($0.severity - ($1 - mean)) }
        return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }
}
