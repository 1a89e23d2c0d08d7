/// The fixed texts of a report, in English and Chinese. Every string a report prints that does not
/// come from the guide or the session comes from here.
public struct ReportLabels: Sendable {
    public var reportTitle, feedbackTitle: String
    public var guide, candidate, interviewer, started, finished, duration, minutes: String
    public var summary, overall, band, accuracy, coverage, depth, deeperShare, knockouts, knockoutsNotAssessed: String
    /// The session's coverage: a mean over the topics rated, which a bare "Coverage" hid (a probe read
    /// 76.6 as three quarters of the guide when half had never been entered). The console says the same.
    public var overallCoverage: String
    public var incomplete, topicScores, topic, weight, score, notEntered, derivation: String
    public var question, level, status, rating, notes, reference, skipReason: String
    public var gates, yes, no, unanswered: String
    /// A gate the walk stopped at and the interviewer moved on from without answering: it was shown, so
    /// "not reached" was untrue, and its deeper questions count neither way, which the reader must see
    /// (a probe's same ratings were 28.6 after "no" and 75.0 after moving on).
    public var leftUnanswered: String
    public var path, chartCaption: String
    public var dimensions, dimension, stages, stage, budget, elapsed, requirement: String
    public var required, optional, unspecified, generalNotes, shared, method: String
    public var methodText: [String]
    public var feedback, comments, disclaimer: String
    public var interviewerStatus: [QuestionStatus: String]
    /// What the candidate's version calls each status. A question behind a "no" counts 0, so it is said to:
    /// "not reached" beside "questions never reached count neither way" read as a contradiction to a
    /// rejected candidate (a panel probe).
    public var candidateStatus: [QuestionStatus: String]
    public var strong, solid, revisit, wentDeeper, notDeeper: String
    /// Advanced questions the interview did not come to (no "no" answered): they count neither way.
    public var deeperNotReached: String
    /// Said of a session that stopped before its end (quit in the runner, or still going).
    public var notFinished: String
    /// The in-app page's first Tab stop, past its toolbar.
    public var skipToReport: String
    /// A panel's candidate version: the fact naming how many cards it combines, the method's line on it,
    /// a mean's words ({n}: how many cards have the number), a number one card has, and one no card has.
    public var panelCards, panelMethod, panelMeanWords, panelMeanOne, panelMeanNone: String
    /// A panel's topic where some went deeper and some did not; when the cards were last changed; one
    /// card's version of a panel ({n}: the panel's cards).
    public var partlyDeeper, asOf, basedOn, oneOfPanelWords: String
    /// "2 of 3" submitted; the titles of a panel's feedback and of one card's when the interview has a panel.
    public var panelOfWords, panelFeedbackTitle, oneCardFeedbackTitle: String
    /// Why the recommendation is the lowest band when a knockout failed ({band}), and what the overall
    /// alone gives ({overall}): "Recommendation by score: No hire" beside an overall of 69.2 said neither.
    public var knockoutEffectWords: String
    /// Between a label and its value: ": ", or the full-width "：" in Chinese.
    public var colon = ": "
    /// The brackets around a note after what it is about: " (…)", or "（…）" in Chinese (a probe found "(可分享给候选人)").
    public var brackets = (open: " (", close: ")")

    public func bracketed(_ text: String) -> String { brackets.open + text + brackets.close }

    public static func labels(_ language: ReportLanguage) -> ReportLabels { language == .zh ? chinese : english }

    public func statusLabel(_ status: QuestionStatus, _ audience: ReportAudience) -> String {
        (audience == .candidate ? candidateStatus : interviewerStatus)[status] ?? status.rawValue
    }

    /// How the numbers are computed; a panel's combined feedback has its own last line, on the overall
    /// (the single card's said "weighted by topic weight", and the panel's explanation contradicted it).
    func methodLines(panel: Bool) -> [String] { panel ? Array(methodText.dropLast()) + [panelMethod] : methodText }

    /// The report's title: a candidate's copy says whether it is the panel's or one interviewer's of a
    /// panel (the two printed and saved under one title, and one card's was sent as the team's).
    func title(of report: InterviewReport) -> String {
        guard report.audience == .candidate else { return reportTitle }
        return report.panelSize != nil ? panelFeedbackTitle : report.oneOfPanel != nil ? oneCardFeedbackTitle : feedbackTitle
    }

    func panelOf(_ cards: Int, _ seats: Int) -> String {
        panelOfWords.replacingOccurrences(of: "{k}", with: String(cards)).replacingOccurrences(of: "{n}", with: String(seats))
    }

    func oneOfPanel(_ count: Int) -> String { oneOfPanelWords.replacingOccurrences(of: "{n}", with: String(count)) }

    func panelMean(_ count: Int) -> String { panelMeanWords.replacingOccurrences(of: "{n}", with: String(count)) }

    func knockoutEffect(band: String, byOverall: String) -> String {
        knockoutEffectWords.replacingOccurrences(of: "{band}", with: band).replacingOccurrences(of: "{overall}", with: byOverall)
    }

    public func requirementLabel(_ requirement: Requirement) -> String {
        switch requirement {
        case .required: required
        case .optional: optional
        case .unspecified: unspecified
        }
    }

    static let english = ReportLabels(
        reportTitle: "Interview report", feedbackTitle: "Interview feedback",
        guide: "Guide", candidate: "Candidate", interviewer: "Interviewer", started: "Started", finished: "Finished", duration: "Duration", minutes: "min",
        summary: "Summary", overall: "Overall score", band: "Recommendation by score", accuracy: "Accuracy", coverage: "Coverage",
        // "Depth 1/2" beside "Deeper questions asked = 0.0" read as a contradiction: two measures, each named.
        depth: "Depth (level rated / deepest)", deeperShare: "Deeper questions asked", knockouts: "Knockout topics failed",
        knockoutsNotAssessed: "Knockout topics not assessed", overallCoverage: "Coverage of the topics rated",
        incomplete: "Ended with required stages never started (confirmed)", topicScores: "Topic scores", topic: "Topic",
        weight: "Weight", score: "Score", notEntered: "not entered", derivation: "Derivation",
        question: "Question", level: "Level", status: "Status", rating: "Rating", notes: "Notes", reference: "Reference answer",
        skipReason: "Reason skipped", gates: "Decisions", yes: "yes", no: "no", unanswered: "not reached",
        leftUnanswered: "left unanswered (the questions behind it count neither for nor against; answering no would count them as not demonstrated)",
        path: "path",
        chartCaption: "The path taken is highlighted.",
        dimensions: "Dimensions", dimension: "Dimension", stages: "Stages and time", stage: "Stage", budget: "Budget",
        elapsed: "Spent", requirement: "Requirement", required: "required", optional: "optional", unspecified: "—",
        generalNotes: "Notes", shared: "shared with the candidate", method: "How the numbers are computed",
        methodText: [
            "Topic score = 100 × Σ rating × weight / Σ maximum × weight over the questions rated and those behind a \"go deeper?\" answered no (not demonstrated: 0 points). Skipped questions, the branch not taken at a path gate, and questions the interview never came to count neither way.",
            "Accuracy is the same ratio over the questions rated only; coverage is the rated weight over the applicable weight; depth is the deepest level rated and the share of deeper questions asked.",
            "Overall = mean of the topics' scores, weighted by topic weight, over the topics that have a score (a question rated or a \"go deeper?\" answered no); a topic left before anything in it was rated does not count. Scores are printed to one decimal, a half rounded up; recommendation bands and knockouts compare the score as printed. The score supports the hiring decision; people make it.",
        ],
        feedback: "Feedback", comments: "Interviewer's comments",
        disclaimer: "This feedback reflects one conversation on one day. It describes the questions we covered, not your worth as an engineer.",
        interviewerStatus: [.rated: "rated", .askedNotRated: "asked, not rated", .skipped: "skipped", .notDemonstrated: "not demonstrated",
                            .notAsked: "not asked", .notApplicable: "not applicable"],
        candidateStatus: [.rated: "discussed", .askedNotRated: "discussed briefly", .skipped: "left out", .notDemonstrated: "not gone into: 0 points",
                          .notAsked: "not covered", .notApplicable: "not applicable"],
        strong: "strong answers on the questions we covered", solid: "a solid grasp of the basics, with some gaps",
        revisit: "an area worth revisiting", wentDeeper: "we went on to advanced questions",
        notDeeper: "we did not go on to the advanced questions this time, and they count as not shown (0 points) in the score",
        deeperNotReached: "we did not get to the advanced questions this time; they count neither for nor against you",
        notFinished: "Not finished: the interview stopped before its end, so the scores cover only what was asked",
        skipToReport: "Skip to the report",
        panelCards: "Interviewers' scorecards combined",
        panelMethod: "This feedback combines the panel's submitted scorecards. The overall is the mean of the interviewers' overall scores, each the mean of the topics that interviewer rated, weighted by topic weight: where they rated different topics it is not a weighting of the topic scores above. A topic's numbers are the means of the interviewers who rated in it, and a question they saw differently lists their answers, highest first, without saying whose. The score supports the hiring decision; people make it.",
        panelMeanWords: "mean of {n} scorecards", panelMeanOne: "from the one scorecard that has it", panelMeanNone: "no scorecard has it",
        partlyDeeper: "some of us went on to advanced questions; where we did not, they count as not shown (0 points) in the score",
        asOf: "As of", basedOn: "Based on", oneOfPanelWords: "one interviewer's scorecard; the panel has {n}",
        panelOfWords: "{k} of {n}", panelFeedbackTitle: "Interview feedback of the panel", oneCardFeedbackTitle: "Interview feedback of one interviewer",
        knockoutEffectWords: "a knockout topic failed, so the recommendation by score is the lowest band, \"{band}\", whatever the overall; by the overall alone it would be \"{overall}\"")
}
