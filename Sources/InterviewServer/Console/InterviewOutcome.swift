import Fluent
import Foundation
import InterviewCore
import Vapor

/// An interview's result as lists show it: the panel's mean score and coverage over the submitted cards
/// the viewer may see (`PanelVisibility`), how many they are, and the recommendations they came to (one
/// per distinct band, in the cards' order). Drafts never count: a mean that moves while colleagues
/// are still scoring would show them each other's work.
struct InterviewOutcome: Content {
    var score: String
    var coverage: String
    var recommendation: String
    /// Submitted cards the mean rests on.
    var cards: Int

    static let empty = InterviewOutcome(score: "–", coverage: "–", recommendation: "–", cards: 0)

    /// The cards behind an outcome, kept apart from it so a candidate's rounds combine card by card (a
    /// mean of the rounds' means would weigh a one-card round like a three-card panel).
    struct ShownCards {
        var scores: [Double] = []
        var coverages: [Double] = []
        var bands: [String] = []
        var count = 0

        mutating func add(_ other: ShownCards) {
            scores += other.scores
            coverages += other.coverages
            for band in other.bands where !bands.contains(band) { bands.append(band) }
            count += other.count
        }
    }

    init(score: String, coverage: String, recommendation: String, cards: Int) {
        self.score = score
        self.coverage = coverage
        self.recommendation = recommendation
        self.cards = cards
    }

    init(_ shown: ShownCards) {
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        self.init(score: shown.scores.isEmpty ? "–" : ScoreFormat.score(mean(shown.scores)),
                  coverage: shown.coverages.isEmpty ? "–" : ScoreFormat.score(mean(shown.coverages)) + "%",
                  recommendation: shown.bands.isEmpty ? "–" : shown.bands.joined(separator: " / "), cards: shown.count)
    }

    /// `interviews`: with their ids and candidates read.
    static func of(_ interviews: [Interview], for viewer: User, language: Language, on db: any Database) async throws -> [UUID: InterviewOutcome] {
        try await shownCards(of: interviews, for: viewer, language: language, on: db).mapValues(InterviewOutcome.init)
    }

    /// Per interview, the submitted cards the viewer may read; interviews with none are left out.
    static func shownCards(of interviews: [Interview], for viewer: User, language: Language, on db: any Database) async throws -> [UUID: ShownCards] {
        let interviewIDs = interviews.compactMap(\.id)
        guard !interviewIDs.isEmpty else { return [:] }
        let candidateOf = Dictionary(interviews.compactMap { interview in interview.id.map { ($0, interview.$candidate.id) } },
                                     uniquingKeysWith: { first, _ in first })
        let awaiting = try await PanelVisibility.candidatesAwaitingOwnCard(of: viewer, among: Array(Set(candidateOf.values)), on: db)
        // The columns a list needs, not the draft note: a position's whole list reads thousands of cards.
        let cards = try await ScorecardRecord.query(on: db).filter(\.$interview.$id ~~ interviewIDs)
            .filter(\.$eventCount > 0).sort(\.$updatedAt)
            .field(\.$id).field(\.$interview.$id).field(\.$interviewer.$id).field(\.$eventCount).field(\.$submittedAt)
            .field(\.$overall).field(\.$coverage).field(\.$band).field(\.$updatedAt).all()
        let panels = Dictionary(grouping: try await InterviewInterviewer.query(on: db).filter(\.$interview.$id ~~ interviewIDs).all(),
                                by: { $0.$interview.id }).mapValues { Set($0.map(\.$user.id)) }
        return Dictionary(grouping: cards, by: { $0.$interview.id }).compactMapValues { cards in
            let interviewID = cards[0].$interview.id
            let rule = PanelVisibility(viewer: viewer, panel: panels[interviewID] ?? [], cards: cards,
                                       awaitingOwnCard: candidateOf[interviewID].map(awaiting.contains) ?? true)
            let shown = cards.filter { $0.submittedAt != nil && rule.view(of: $0) == .full }
            guard !shown.isEmpty else { return nil }
            var result = ShownCards(scores: shown.compactMap(\.overall), coverages: shown.compactMap(\.coverage), count: shown.count)
            for band in shown.compactMap({ $0.band.map { RecommendationBand.shown($0, in: language.report) } }) where !result.bands.contains(band) {
                result.bands.append(band)
            }
            return result
        }
    }
}
