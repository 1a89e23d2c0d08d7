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

    /// `interviews`: with their ids and candidates read.
    static func of(_ interviews: [Interview], for viewer: User, language: Language, on db: any Database) async throws -> [UUID: InterviewOutcome] {
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
            let scores = shown.compactMap(\.overall), coverages = shown.compactMap(\.coverage)
            var bands: [String] = []
            for band in shown.compactMap({ $0.band.map { RecommendationBand.shown($0, in: language.report) } }) where !bands.contains(band) {
                bands.append(band)
            }
            return InterviewOutcome(score: scores.isEmpty ? "–" : ScoreFormat.score(scores.reduce(0, +) / Double(scores.count)),
                                    coverage: coverages.isEmpty ? "–" : ScoreFormat.score(coverages.reduce(0, +) / Double(coverages.count)) + "%",
                                    recommendation: bands.isEmpty ? "–" : bands.joined(separator: " / "), cards: shown.count)
        }
    }
}
