import Foundation

/// The debrief as data, in one language: what `GET /api/v1/candidates/{id}/debrief` answers, what the
/// debrief page and the Markdown report are drawn from, and what `interview report --format json`
/// writes for several sessions. Agreement figures come with their plain-language reading, or with the
/// reason they are not shown.
public struct PanelDebriefDocument: Sendable, Codable, Hashable {
    public struct Figure: Sendable, Codable, Hashable {
        /// Nil when not shown; `reason` says why.
        public var value: Double?
        public var reading: String?
        public var reason: String?
        /// The questions it rests on.
        public var questions: Int
    }

    public struct Pair: Sendable, Codable, Hashable {
        public var first: String
        public var second: String
        public var kappa: Figure
    }

    public struct Agreement: Sendable, Codable, Hashable {
        public var pairs: [Pair]
        /// ICC(2,1): how reliable one interviewer's rating is.
        public var singleRater: Figure
        /// ICC(2,k): how reliable the panel's mean is.
        public var panelMean: Figure
        public var explanation: [String]
    }

    public struct Scores: Sendable, Codable, Hashable {
        public var low: Double
        public var high: Double
        public var mean: Double
    }

    public var language: ReportLanguage
    public var guideTitle: String
    public var raters: [PanelDebrief.Rater]
    public var topics: [PanelDebrief.TopicGroup]
    public var agreement: Agreement
    public var scores: Scores?
    /// `PanelDebrief.otherNotes`.
    public var otherNotes: [PanelDebrief.RaterNotes]

    /// No agreement figure, each for `reason`: for a reader who may not see the colleagues' cards.
    public mutating func withholdAgreement(_ reason: AgreementNotShown) {
        let text = language == .zh ? reason.chinese : reason.english
        let withheld = Figure(value: nil, reading: nil, reason: text, questions: 0)
        agreement = Agreement(pairs: [], singleRater: withheld, panelMean: withheld, explanation: agreement.explanation)
    }

    public init(_ debrief: PanelDebrief, language: ReportLanguage) {
        self.language = language
        guideTitle = debrief.guideTitle
        // "推荐 Hire" (a default band) and "No decision" in the document's language, as the rest of it is.
        raters = debrief.raters.map { rater in
            var rater = rater
            rater.recommendationLabel = RecommendationBand.shown(rater.recommendationLabel, in: language)
            return rater
        }
        // A skip without a reason carries the stock one: in the document's language, as the rest.
        topics = debrief.topics.map { group in
            var group = group
            group.rows = group.rows.map { row in
                var row = row
                row.cells = row.cells.map { cell in
                    var cell = cell
                    cell.skipReason = cell.skipReason.map { SkipReason.shown($0, in: language) }
                    return cell
                }
                return row
            }
            return group
        }
        let panel = debrief.agreement
        let iccQuestions = panel.iccQuestions.count
        func icc(_ pick: (IntraclassCorrelation) -> Double, _ reading: (IntraclassCorrelation) -> AgreementReading) -> Figure {
            if let figure = panel.icc.figure {
                return Figure(value: pick(figure), reading: reading(figure).text(language), reason: nil, questions: iccQuestions)
            }
            return Figure(value: nil, reading: nil, reason: panel.icc.reason?.text(language), questions: iccQuestions)
        }
        agreement = Agreement(
            pairs: panel.pairs.map { pair in
                Pair(first: pair.first, second: pair.second,
                     kappa: pair.kappa.figure.map { Figure(value: $0.value, reading: $0.reading.text(language), reason: nil,
                                                           questions: pair.commonQuestions) }
                        ?? Figure(value: nil, reading: nil, reason: pair.kappa.reason?.text(language), questions: pair.commonQuestions))
            },
            singleRater: icc(\.single, \.singleReading),
            panelMean: icc(\.average, \.averageReading),
            explanation: AgreementMeasure.allCases.map { language == .zh ? $0.chinese : $0.english })
        scores = debrief.scoreRange.map { Scores(low: $0.low, high: $0.high, mean: $0.mean) }
        otherNotes = debrief.otherNotes
    }
}
