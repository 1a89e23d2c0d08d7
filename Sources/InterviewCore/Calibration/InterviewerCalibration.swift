import Foundation

/// One submitted scorecard as the calibration page reads it: whose, of whom, in which panel, its
/// weighted ratings, its gates, and when it was finished and submitted.
public struct CalibrationCard: Sendable {
    /// The interview (panel) the card belongs to: co-panelists share it.
    public var interview: String
    public var ratings: ScorecardRatings
    public var gates: [GateOccurrence]
    /// Every question of the topics entered, with what became of it (for the question statistics).
    public var questions: [QuestionOccurrence]
    public var finishedAt: Date?
    public var submittedAt: Date?

    public init(interview: String, ratings: ScorecardRatings, gates: [GateOccurrence], questions: [QuestionOccurrence] = [],
                finishedAt: Date?, submittedAt: Date?) {
        self.interview = interview
        self.ratings = ratings
        self.gates = gates
        self.questions = questions
        self.finishedAt = finishedAt
        self.submittedAt = submittedAt
    }
}

/// What an interviewer's calibration page shows beside their severity: how their ratings spread against
/// the team's on the same questions, how they use go-deeper gates, how soon they submit, and how well
/// they agree with the colleagues they sat on panels with (Hartwell & Campion 2016: feedback of this kind
/// is what raises reliability).
public struct InterviewerCalibration: Hashable, Sendable {
    public var interviewer: String
    public var severity: InterviewerSeverity?
    /// Their ratings per level of the scale, lowest first.
    public var distribution: [Int]
    /// The other interviewers' ratings of the questions this interviewer rated, per level.
    public var teamDistribution: [Int]
    public var gatesAnswered: Int
    /// Share of their gates answered "go deeper".
    public var deeperRate: Double?
    /// Share of the gates with an engine suggestion where they did as suggested.
    public var followRate: Double?
    public var medianHoursToSubmit: Double?
    public var cards: Int
    /// Pooled weighted kappa with their co-panelists, over every panel they shared.
    public var agreement: AgreementOutcome<WeightedKappa>
    /// Severity per calendar quarter (by when each card was submitted, else finished).
    public var trend: [SeverityPeriod]

    public static func make(_ cards: [CalibrationCard], fit: RaterCalibration, scale: RatingScale) -> [InterviewerCalibration] {
        let levels = scale.levels
        var byInterviewer: [String: [CalibrationCard]] = [:]
        for card in cards { byInterviewer[card.ratings.interviewer, default: []].append(card) }
        var byInterview: [String: [CalibrationCard]] = [:]
        for card in cards { byInterview[card.interview, default: []].append(card) }
        // Every rating per question, with its interviewer, for the team's distribution.
        var byQuestion: [String: [(interviewer: String, rating: Int)]] = [:]
        for card in cards { for r in card.ratings.ratings { byQuestion[r.question, default: []].append((r.interviewer, r.rating)) } }

        // Dated by submission (else the end of the interview); a card with neither has no quarter.
        let trends = SeverityTrend.fit(cards.flatMap { card in
            (card.submittedAt ?? card.finishedAt).map { date in card.ratings.ratings.map { ($0, date) } } ?? []
        }, scale: levels, settings: fit.settings)

        return byInterviewer.keys.sorted().map { id in
            let own = byInterviewer[id] ?? []
            var distribution = [Int](repeating: 0, count: levels.count), team = distribution
            var questions = Set<String>()
            for card in own {
                for r in card.ratings.ratings where levels.contains(r.rating) {
                    distribution[r.rating - levels.lowerBound] += 1
                    questions.insert(r.question)
                }
            }
            for q in questions {
                for other in byQuestion[q] ?? [] where other.interviewer != id && levels.contains(other.rating) {
                    team[other.rating - levels.lowerBound] += 1
                }
            }
            let gates = own.flatMap(\.gates)
            let suggested = gates.filter { $0.suggestion != nil }
            let hours = own.compactMap { card in
                card.submittedAt.flatMap { s in card.finishedAt.map { max(s.timeIntervalSince($0), 0) / 3600 } }
            }
            // Each shared panel as a two-rater panel of this interviewer and one colleague.
            var pairs: [[RaterRatings]] = []
            for card in own {
                let mine = RaterRatings(rater: id, ratings: Self.ratingMap(card))
                for other in byInterview[card.interview] ?? [] where other.ratings.interviewer != id {
                    pairs.append([mine, RaterRatings(rater: other.ratings.interviewer, ratings: Self.ratingMap(other))])
                }
            }
            return InterviewerCalibration(
                interviewer: id, severity: fit.interviewer(id), distribution: distribution, teamDistribution: team,
                gatesAnswered: gates.count, deeperRate: gates.isEmpty ? nil : Double(gates.filter(\.answer).count) / Double(gates.count),
                followRate: suggested.isEmpty ? nil : Double(suggested.filter { $0.suggestion == $0.answer }.count) / Double(suggested.count),
                medianHoursToSubmit: QuestionFigures.median(hours), cards: own.count,
                agreement: PooledAgreement(pairs, scale: scale).kappa,
                trend: trends[id] ?? [])
        }
    }

    private static func ratingMap(_ card: CalibrationCard) -> [String: Int] {
        var map: [String: Int] = [:]
        for r in card.ratings.ratings { map[r.question] = r.rating }
        return map
    }
}
