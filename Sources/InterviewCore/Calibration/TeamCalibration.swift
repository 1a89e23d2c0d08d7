/// The whole calibration of a team: the model fitted to every scorecard, and each candidate's raw and
/// severity-adjusted score over all their scorecards. The command line (`interview calibrate`) and the
/// server both call this, so a team sees the same numbers wherever it looks.
public struct TeamCalibration: Sendable {
    public var fit: RaterCalibration
    /// Sorted by candidate id.
    public var candidates: [CandidateCalibration]

    public struct CandidateCalibration: Hashable, Sendable {
        public var candidate: String
        /// The interviewers whose scorecards the scores pool, sorted.
        public var raters: [String]
        public var score: SeverityAdjustedScore
    }

    /// A candidate's raw score pools all their scorecards' weighted points: with one scorecard it is that
    /// scorecard's overall score; with a panel, the panel's points ratio over everything it rated.
    public static func make(_ scorecards: [ScorecardRatings], scale: ClosedRange<Int>,
                            settings: CalibrationSettings = .standard,
                            minimum: SeverityAdjustedScore.MinimumData = .standard) -> Result<TeamCalibration, RaterCalibration.Undefined> {
        let fitted = RaterCalibration.fit(scorecards.flatMap(\.ratings), scale: scale, settings: settings, minimum: minimum)
        return fitted.map { fit in
            var byCandidate: [String: [ScorecardRatings]] = [:]
            for card in scorecards { byCandidate[card.candidate, default: []].append(card) }
            let candidates = byCandidate.keys.sorted().map { id in
                let cards = byCandidate[id] ?? []
                return CandidateCalibration(candidate: id, raters: Array(Set(cards.map(\.interviewer))).sorted(),
                                            score: fit.adjustedScore(candidate: id, ratings: cards.flatMap(\.weighted), minimum: minimum))
            }
            return TeamCalibration(fit: fit, candidates: candidates)
        }
    }
}
