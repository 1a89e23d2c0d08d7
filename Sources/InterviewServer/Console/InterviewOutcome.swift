import Fluent
import Foundation
import InterviewCore
import Vapor

/// An interview's result as lists show it: the panel's mean score and coverage over the cards that hold
/// evidence, and the recommendations they came to (one per distinct band, in the cards' order).
struct InterviewOutcome: Content {
    var score: String
    var coverage: String
    var recommendation: String
    var cards: Int

    static let empty = InterviewOutcome(score: "–", coverage: "–", recommendation: "–", cards: 0)

    static func of(_ interviewIDs: [UUID], on db: any Database) async throws -> [UUID: InterviewOutcome] {
        guard !interviewIDs.isEmpty else { return [:] }
        let cards = try await ScorecardRecord.query(on: db).filter(\.$interview.$id ~~ interviewIDs)
            .filter(\.$eventCount > 0).sort(\.$updatedAt).all()
        return Dictionary(grouping: cards, by: { $0.$interview.id }).mapValues { cards in
            let scores = cards.compactMap(\.overall), coverages = cards.compactMap(\.coverage)
            var bands: [String] = []
            for band in cards.compactMap(\.band) where !bands.contains(band) { bands.append(band) }
            return InterviewOutcome(score: scores.isEmpty ? "–" : ScoreFormat.score(scores.reduce(0, +) / Double(scores.count)),
                                    coverage: coverages.isEmpty ? "–" : ScoreFormat.score(coverages.reduce(0, +) / Double(coverages.count)) + "%",
                                    recommendation: bands.isEmpty ? "–" : bands.joined(separator: " / "), cards: cards.count)
        }
    }
}
