import Foundation
import InterviewCore

/// Every parameter of a run, printed before the figures so the output alone says how to reproduce them.
enum RunParameters {
    static func lines(_ options: SimulationOptions, guide: Guide, designs: [PanelDesign]) -> [String] {
        let questions = guide.topics.reduce(0) { $0 + $1.questions.count }
        let levels = Dictionary(grouping: guide.topics.flatMap(\.questions), by: \.level).mapValues(\.count)
            .sorted { $0.key < $1.key }.map { "level \($0.key): \($0.value)" }.joined(separator: ", ")
        let tau = SimulatedTeam.rating.thresholds.map { String(format: "%.1f", $0) }.joined(separator: ", ")
        let last = options.firstSeed + UInt64(options.seeds - 1)
        let settings = CalibrationSettings.standard, minimum = SeverityAdjustedScore.MinimumData.standard
        return [
            "calibration-simulation: seeds \(options.firstSeed)…\(last) (\(options.seeds)), SplitMix64",
            "guide: \(options.guideID).\(options.language), \(guide.topics.count) topics, \(questions) questions (\(levels)), "
                + "scale \(guide.scale.levels.lowerBound)–\(guide.scale.maximum)",
            "candidates: \(options.candidates) per seed, ability θ ~ N(0, \(SimulatedTeam.abilitySD))",
            "questions: difficulty δ = \(SimulatedTeam.levelStep) × (level − 1) + N(0, \(SimulatedTeam.difficultySD)), one per guide question",
            "interviewers: \(options.interviewers), severity s = σ × N(0, 1) (same draws for every σ; positive = harsh, leniency = −s)",
            "ratings: rating-scale Rasch model, log P(k)/P(k−1) = θ − δ − s − τk, τ = (\(tau))",
            "walk: InterviewSimulator (SessionEngine): depth gates answered as GateSuggestion advises (mean ≥ half the scale "
                + "when it has no view), jumps declined, 2 open questions picked per pick list, talk stages skipped",
            "assignment: a panel's two interviewers distinct, uniform over the team; single designs: one interviewer, uniform, "
                + "but a share " + String(format: "%.2f", options.linkingShare) + " of candidates have a second round (fit only, "
                + "not scored) whose interviewers are the next in rotation and one other drawn uniformly",
            "clock: SimulationClock, 40 s per reading (stage time budgets apply to gate advice)",
            "raw score: the card's overall (Scoring); a panel's, the points ratio pooled over its two cards (TeamCalibration)",
            "adjusted score: RaterCalibration.adjustedScore of the scored cards read by ScorecardRatings (not-demonstrated "
                + "questions stay 0); minimum data \(minimum.ratings) ratings of \(minimum.candidates) candidates per interviewer",
            "fit: every rating of every round; priors SD severity \(settings.severityPriorSD), ability \(settings.abilityPriorSD), "
                + "difficulty \(settings.difficultyPriorSD); tolerance \(settings.tolerance)",
            "designs: " + designs.map { "(\($0.label)) \($0.name)" }.joined(separator: "; "),
            "workers: \(options.workers)",
        ]
    }
}
