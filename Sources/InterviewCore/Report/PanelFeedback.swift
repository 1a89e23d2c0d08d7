/// The candidate's version of a panel: one feedback from every submitted scorecard of one interview.
/// A panel probe sent one interviewer's version to a candidate the panel had rejected on its mean, and
/// the two cards read opposite ways; what the candidate reads must be what the team decided on. Each
/// number is the mean of the cards that have it (the debrief's and the decision's mean), said as such;
/// a question the interviewers saw differently shows each one's answer in turn, unnamed (the
/// candidate's feedback is the team's, not one person's).
extension InterviewReport {
    /// nil without states; one state is that card's own candidate version.
    public static func panelFeedback(guide: Guide, states: [SessionState], language: ReportLanguage? = nil) -> InterviewReport? {
        let cards = states.map { make(guide: guide, state: $0, audience: .candidate, language: language) }
        guard var panel = cards.first else { return nil }
        guard cards.count > 1 else { return panel }
        let labels = ReportLabels.labels(panel.language)
        let mean = PanelMean(labels: labels)
        panel.panelSize = cards.count
        panel.startedAt = cards.compactMap(\.startedAt).min()
        panel.finishedAt = cards.compactMap(\.finishedAt).max()
        // The interviewers sat in one interview: it lasted as long as the longest card records.
        panel.minutes = cards.map(\.minutes).max() ?? 0
        (panel.overall, panel.overallFormula) = mean.of(cards.map(\.overall))
        (panel.accuracy, panel.accuracyFormula) = mean.of(cards.map(\.accuracy))
        (panel.coverage, panel.coverageFormula) = mean.of(cards.map(\.coverage))
        panel.topics = panel.topics.indices.map { i in TopicReport.panel(cards.map { $0.topics[i] }, mean) }
        panel.dimensions = panel.dimensions.indices.map { i in
            let (score, formula) = mean.of(cards.map { $0.dimensions[i].score })
            return DimensionReport(name: panel.dimensions[i].name, score: score, formula: formula)
        }
        panel.stages = panel.stages.indices.map { i in
            var stage = panel.stages[i]
            stage.elapsedMinutes = cards.map { $0.stages[i].elapsedMinutes }.max() ?? 0
            stage.visited = cards.contains { $0.stages[i].visited }
            return stage
        }
        panel.notes = cards.flatMap(\.notes).sorted { $0.at < $1.at }
        panel.feedback = CandidateFeedback.sentences(panel.topics, labels: labels)
        return panel
    }
}

/// A panel's number: the mean of the cards that have one, with the sum it comes from.
struct PanelMean {
    let labels: ReportLabels

    func of(_ values: [Double?]) -> (Double?, String) {
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { return (nil, labels.panelMeanNone) }
        // A topic only one interviewer entered: that card's number, said as such rather than as a mean of one.
        guard known.count > 1 else { return (known[0], labels.panelMeanOne + labels.colon + ScoreFormat.score(known[0])) }
        let mean = known.reduce(0, +) / Double(known.count)
        let sum = "(" + known.map(ScoreFormat.score).joined(separator: " + ") + ") / \(known.count)"
        return (mean, labels.panelMean(known.count) + labels.colon + sum + " = " + ScoreFormat.score(mean))
    }
}

extension TopicReport {
    /// One topic across the panel's cards (the same guide, so the same questions in the same order).
    static func panel(_ cards: [TopicReport], _ mean: PanelMean) -> TopicReport {
        var topic = cards[0]
        topic.entered = cards.contains(where: \.entered)
        (topic.score, topic.formulas.score) = mean.of(cards.map(\.score))
        (topic.accuracy, topic.formulas.accuracy) = mean.of(cards.map(\.accuracy))
        (topic.coverage, topic.formulas.coverage) = mean.of(cards.map(\.coverage))
        (topic.deeperShare, topic.formulas.deeperShare) = mean.of(cards.map(\.deeperShare))
        topic.depthReached = cards.map(\.depthReached).max() ?? 0
        topic.questions = topic.questions.indices.map { i in QuestionReport.panel(cards.map { $0.questions[i] }) }
        // A gate the interviewers answered differently has no one answer to give.
        topic.gates = topic.gates.indices.map { i in
            var gate = topic.gates[i]
            let answers = Set(cards.map { $0.gates[i].answer })
            gate.answer = answers.count == 1 ? gate.answer : nil
            gate.leftUnanswered = nil
            return gate
        }
        // Each card walked its own path; the candidate's version draws none.
        topic.path = []
        topic.moves = []
        return topic
    }
}

extension QuestionReport {
    /// One question across the panel's cards: as one card says it when all say the same, else each
    /// card's answer in turn, and the status that counts most for the row.
    static func panel(_ cards: [QuestionReport]) -> QuestionReport {
        var question = cards[0]
        question.notes = cards.flatMap(\.notes)
        let answers = cards.map { PanelAnswer(statusLabel: $0.statusLabel, rating: $0.rating) }
        guard Set(answers).count > 1 else { return question }
        question.status = cards.map(\.status).max { $0.panelWeight < $1.panelWeight } ?? question.status
        question.statusLabel = answers.map(\.statusLabel).joined(separator: " · ")
        question.rating = nil
        question.ratingMeaning = nil
        question.panel = answers
        return question
    }
}

/// One interviewer's answer to a question, unnamed, in a panel's candidate version.
public struct PanelAnswer: Hashable, Sendable, Codable {
    public var statusLabel: String
    public var rating: Int?

    public init(statusLabel: String, rating: Int?) {
        self.statusLabel = statusLabel
        self.rating = rating
    }
}

extension QuestionStatus {
    /// Which of the cards' statuses a panel's row takes (its style, and whether it is listed at all):
    /// what was said about the candidate before what was not.
    fileprivate var panelWeight: Int {
        switch self {
        case .rated: 5
        case .notDemonstrated: 4
        case .askedNotRated: 3
        case .skipped: 2
        case .notAsked: 1
        case .notApplicable: 0
        }
    }
}
