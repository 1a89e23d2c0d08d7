import Foundation
@testable import InterviewCore

/// Ratings drawn from the rating-scale model with known parameters: each candidate meets a loop of
/// `interviewersPerCandidate` distinct interviewers, each asking `questionsPerInterviewer` distinct
/// questions — the design that lets severity be told apart from ability (interviewers share candidates).
struct CalibrationSimulation {
    var abilities: [Double], difficulties: [Double], severities: [Double]
    var model = SimulatedRating(thresholds: [-1.5, -0.5, 0.5, 1.5])
    var ratings: [CalibrationRating] = []

    init(seed: UInt64, candidates: Int, questions: Int, interviewers: Int, severitySD: Double = 0.5,
         interviewersPerCandidate: Int = 3, questionsPerInterviewer: Int = 8) {
        var g = SimulationRandom(seed: seed)
        abilities = (0..<candidates).map { _ in g.normal() }
        difficulties = (0..<questions).map { _ in g.normal() }
        severities = (0..<interviewers).map { _ in g.normal(severitySD) }
        for (c, theta) in abilities.enumerated() {
            let loop = g.distinct(interviewersPerCandidate, below: interviewers)
            // Distinct questions across the loop when the bank is large enough, else within each interview.
            let total = interviewersPerCandidate * questionsPerInterviewer
            let shared = total <= questions ? g.distinct(total, below: questions) : []
            for (i, r) in loop.enumerated() {
                let asked = shared.isEmpty ? g.distinct(questionsPerInterviewer, below: questions)
                    : Array(shared[(i * questionsPerInterviewer)..<((i + 1) * questionsPerInterviewer)])
                for q in asked {
                    let x = model.draw(ability: theta, difficulty: difficulties[q], severity: severities[r], &g)
                    ratings.append(CalibrationRating(candidate: "c\(c)", interviewer: "i\(r)", question: "q\(q)", rating: x))
                }
            }
        }
    }
}

/// Spearman's ρ for recovery checks (0 when undefined, which fails every `> 0.9`).
func spearman(_ x: [Double], _ y: [Double]) -> Double {
    RankCorrelation.spearman(x, y) ?? 0
}
