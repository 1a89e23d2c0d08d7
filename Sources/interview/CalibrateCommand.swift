import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate each interviewer's severity and each candidate's score with it removed.",
            discussion: """
            Reads session logs written by 'interview run --interviewer NAME' and/or CSV files with the header \
            candidate,interviewer,topic,question,rating. Fits a many-facet Rasch model (rating ≈ ability − \
            difficulty − severity, shrunk toward the team for interviewers with little data) and prints each \
            interviewer's severity (+ is harsher than the team) and each candidate's raw score beside the \
            severity-adjusted score with its 95% interval (docs/scoring.md). The raw score stays the score of \
            record; below the minimum data only the raw score is shown.
            """
        )

        @OptionGroup var source: CalibrationSource

        @Option(help: "An interviewer's severity is used once they have this many ratings…")
        var minRatings = SeverityAdjustedScore.MinimumData.standard.ratings

        @Option(help: "…of at least this many candidates.")
        var minCandidates = SeverityAdjustedScore.MinimumData.standard.candidates

        func validate() throws {
            guard minRatings >= 1, minCandidates >= 1 else { throw ValidationError(CommandLineLanguage.pick("--min-ratings and --min-candidates must be at least 1", "--min-ratings 和 --min-candidates 至少为 1")) }
        }

        func run() throws {
            let input = source.read()
            var minimum = SeverityAdjustedScore.MinimumData()
            minimum.ratings = minRatings
            minimum.candidates = minCandidates
            switch TeamCalibration.make(input.scorecards, scale: input.scale, minimum: minimum) {
            case .success(let team):
                let labels = source.labels(input)
                print(source.format == .json ? CalibrationJSON.team(team, minimum: minimum) : TerminalSafe.visible(CalibrationText.team(team, labels, minimum: minimum)), terminator: "")
            case .failure(let problem):
                UsageError("cannot calibrate: \(problem)", "无法校准：\(problem)").report()
            }
        }
    }
}

enum CalibrationFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
