import Foundation

/// One rating as the rater-severity model sees it: who was rated, by whom, on which question, and the
/// rating on the guide's scale. Issue: "interviewers differ: one gives 3s where another gives 2s".
/// Names are the ids the caller already has (candidate id, interviewer login, question id); the fit maps
/// them to integers once so its inner loop touches only flat arrays.
public struct CalibrationRating: Hashable, Sendable {
    public var candidate: String
    public var interviewer: String
    public var question: String
    public var rating: Int

    public init(candidate: String, interviewer: String, question: String, rating: Int) {
        self.candidate = candidate
        self.interviewer = interviewer
        self.question = question
        self.rating = rating
    }
}

/// The priors and stopping rule of `RaterCalibration.fit`. The defaults are the team's choices; each is
/// explained where it is declared so a reader can disagree with a reason.
public struct CalibrationSettings: Hashable, Sendable {
    /// SD of the Gaussian prior on interviewer severity, in logits. Half a logit is about 0.4 rating
    /// points for an average candidate on a 0–4 scale: we expect most interviewers within ±1 logit of the
    /// team (published many-facet Rasch rater studies, e.g. Myford & Wolfe 2003, typically report rater
    /// spreads of that order). The prior is what pulls an interviewer with a handful of ratings toward 0:
    /// with 3 ratings the data carry about 3 units of information against the prior's 4, so the estimate
    /// keeps under half of what the ratings alone would say; with 300 ratings the prior is negligible.
    public var severityPriorSD: Double = 0.5
    /// SD of the prior on candidate ability, in logits. Weak on purpose (candidates really differ by
    /// several logits); its job is to keep a candidate with all-maximum or all-minimum ratings at a finite
    /// ability instead of running to infinity, as plain joint maximum likelihood would.
    public var abilityPriorSD: Double = 3
    /// SD of the prior on question difficulty: weak, for questions everyone passes or fails.
    public var difficultyPriorSD: Double = 3
    /// SD of the prior on the Andrich thresholds: weak, for scale levels nobody used.
    public var thresholdPriorSD: Double = 3
    /// Stop when no parameter moved more than this in one sweep, in logits. A thousandth of a logit is
    /// far below any standard error the model reports (0.05 at best), so further sweeps change nothing a
    /// reader would see.
    public var tolerance: Double = 1e-3
    /// Give up after this many sweeps and report `converged == false`.
    public var maximumIterations: Int = 500

    public init() {}

    public static let standard = CalibrationSettings()
}
