import Foundation
import InterviewCore

/// Every interview of one seed and design walked through the engine, scored as the product scores it,
/// and read as calibration reads a scorecard (`ScorecardRatings`, what `TeamCalibration` pools).
struct CohortWalk {
    var assignment: [[Int]]
    /// Every rating of every round, for the fit.
    var fitRatings: [CalibrationRating] = []
    /// Per candidate: the scored cards' weighted points, rated and not demonstrated.
    var scored: [[WeightedRating]] = []
    /// Per candidate: the score the cards themselves give, Σ(topic weights × topic scores) / Σ topic
    /// weights over the scored cards — the overall of a single card. `adjustedScore`'s raw must equal it.
    var cardScore: [Double] = []
    /// Scored cards with a "no" at some depth gate, whose deeper questions count 0 and stay 0 when adjusted.
    var gatedCards = 0

    static let start = Date(timeIntervalSince1970: 1_765_000_000)

    init(_ design: PanelDesign, team: SimulatedTeam, severities: [Double], guide: Guide,
         random: inout SimulationRandom) throws {
        assignment = design.assign(candidates: team.abilities.count, interviewers: severities.count, &random)
        for (c, panel) in assignment.enumerated() {
            let candidate = InterviewSimulator.Participant(id: SimulatedTeam.candidateID(c), logit: team.abilities[c])
            var weighted: [WeightedRating] = [], numerator = 0.0, denominator = 0.0
            for (round, r) in panel.enumerated() {
                let interviewer = InterviewSimulator.Participant(id: SimulatedTeam.interviewerID(r), logit: severities[r])
                let events = try InterviewSimulator.interview(guide, candidate: candidate, interviewer: interviewer,
                                                              difficulty: { team.difficulties[$0.description] ?? 0 },
                                                              rating: SimulatedTeam.rating, start: Self.start, random: &random)
                let card = try Scoring.score(guide, events: events)
                let read = ScorecardRatings(candidate: candidate.id, interviewer: interviewer.id, card: card, scale: guide.scale.levels)
                fitRatings += read.ratings
                // A single design's second round is calibration data only.
                guard round < design.panelSize else { continue }
                weighted += read.weighted
                numerator += card.overallDerivation.numerator
                denominator += card.overallDerivation.denominator
                if read.weighted.contains(where: { !$0.adjustable }) { gatedCards += 1 }
            }
            scored.append(weighted)
            cardScore.append(denominator > 0 ? numerator / denominator : 0)
        }
    }
}
