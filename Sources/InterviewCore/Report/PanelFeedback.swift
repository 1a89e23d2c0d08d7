import Foundation

/// The candidate's version of a panel: one feedback from every submitted scorecard of one interview.
/// A panel probe sent one interviewer's version to a candidate the panel had rejected on its mean, and
/// the two cards read opposite ways; what the candidate reads must be what the team decided on. The
/// overall is the mean of the cards' overalls (the debrief's and the decision's); a topic's numbers are
/// the means of the cards that asked something in it, said as such; a question the interviewers saw
/// differently shows each answer, unnamed and in an order that follows the answers, not the people (a
/// recruiter's probe read who scored what from the card order). The feedback is the team's.
extension InterviewReport {
    /// nil without states; one state is that card's own candidate version.
    public static func panelFeedback(guide: Guide, states: [SessionState], language: ReportLanguage? = nil) -> InterviewReport? {
        let cards = states.map { make(guide: guide, state: $0, audience: .candidate, language: language) }
        guard var panel = cards.first else { return nil }
        guard cards.count > 1 else { return panel }
        let labels = ReportLabels.labels(panel.language)
        let mean = PanelMean(labels: labels)
        panel.panelSize = cards.count
        // What the document rests on: a card submitted or revised later changes it (the probe's page moved
        // from 43.5 to 32.6 over a day, with nothing to tell two copies apart).
        panel.asOf = cards.compactMap(\.asOf).max()
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
        let partlyDeeper = Set(panel.topics.indices.compactMap { i -> String? in
            let depths = cards.map { $0.topics[i] }.filter(\.saidSomething).map { $0.depthReached > 1 }
            return Set(depths).count > 1 ? panel.topics[i].key : nil
        })
        panel.feedback = CandidateFeedback.sentences(panel.topics, labels: labels, partlyDeeper: partlyDeeper)
        return panel
    }
}

/// A panel's number: the mean of the cards that have one, with the sum it comes from.
struct PanelMean {
    let labels: ReportLabels

    func of(_ values: [Double?]) -> (Double?, String) {
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { return (nil, labels.panelMeanNone) }
        // A topic only one interviewer asked in: that card's number, said as such rather than as a mean of one.
        guard known.count > 1 else { return (known[0], labels.panelMeanOne + labels.colon + ScoreFormat.score(known[0])) }
        let mean = known.reduce(0, +) / Double(known.count)
        // From lowest to highest, not in the cards' order, which followed the interviewers' names.
        // Two decimals, as in an overall's formula: the mean is of the unrounded scores.
        let sum = "(" + known.sorted().map(ScoreFormat.number).joined(separator: " + ") + ") / \(known.count)"
        return (mean, labels.panelMean(known.count) + labels.colon + sum + " = " + ScoreFormat.score(mean))
    }
}

extension TopicReport {
    /// Whether the card says anything of the candidate in the topic (a rating, a "no" behind a gate, a
    /// skip): a card that never came to it, or only passed a question on screen, would put a coverage of 0
    /// into the mean beside the others' (the probe's "(0.0 + 0.0 + 38.1) / 3").
    var saidSomething: Bool {
        entered && questions.contains { $0.status.saysSomething }
    }

    /// One topic across the panel's cards (the same guide, so the same questions in the same order),
    /// from the cards that asked something in it.
    static func panel(_ all: [TopicReport], _ mean: PanelMean) -> TopicReport {
        let said = all.filter(\.saidSomething)
        let cards = said.isEmpty ? all : said
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
    /// One question across the panel's cards: as one card says it when all say the same, else the answers
    /// of the cards that came to it, the highest rating first, and the status that counts most for the row.
    /// "Not covered" beside "discussed" read as if the candidate could not tell whether they were asked.
    static func panel(_ cards: [QuestionReport]) -> QuestionReport {
        var question = cards[0]
        question.notes = cards.flatMap(\.notes)
        // The cards that say something of the candidate here; failing those, the ones that showed it.
        let said = cards.filter { $0.status.saysSomething }
        let shown = cards.filter { $0.status == .askedNotRated }
        let asked = said.isEmpty ? shown : said
        let answers = (asked.isEmpty ? cards : asked).map { PanelAnswer(statusLabel: $0.statusLabel, rating: $0.rating) }
        guard Set(answers).count > 1 else {
            // Every card that came to it says the same: as the first of them says it.
            guard var same = asked.first else { return question }
            same.notes = question.notes
            return same
        }
        question.status = cards.map(\.status).max { $0.panelWeight < $1.panelWeight } ?? question.status
        let ordered = answers.sorted { ($0.rating ?? -1, $1.statusLabel) > ($1.rating ?? -1, $0.statusLabel) }
        // One status said once; different ones each beside its rating's place, so the two lists line up.
        let statuses = ordered.map(\.statusLabel)
        question.statusLabel = Set(statuses).count == 1 ? statuses[0] : statuses.joined(separator: " · ")
        question.rating = nil
        question.ratingMeaning = nil
        question.panel = ordered
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
    /// Rated, not demonstrated behind a "no", or skipped: what a card says of the candidate.
    fileprivate var saysSomething: Bool { self == .rated || self == .notDemonstrated || self == .skipped }

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
