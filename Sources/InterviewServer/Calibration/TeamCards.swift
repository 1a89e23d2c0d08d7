import Fluent
import Foundation
import InterviewCore
import Vapor

/// Every submitted scorecard of one guide family (all versions of a library guide), replayed and read
/// as calibration inputs. Calibration pools the whole team's cards: what it shows is aggregate (a
/// severity, a distribution), never one card's content, and who may see which interviewer's figures is
/// the page's rule (`CalibrationController`).
struct TeamCards: Sendable {
    var cards: [CalibrationCard]
    /// The scorecard record of each card, in the same order.
    var cardIDs: [UUID]
    /// Interviewer id (a user id) → display name.
    var names: [String: String]
    var scale: RatingScale

    static func load(guide libraryID: UUID, req: Request) async throws -> TeamCards {
        let versions = try await GuideVersion.query(on: req.db).filter(\.$guide.$id == libraryID).all().map { try $0.requireID() }
        guard !versions.isEmpty else { return TeamCards(cards: [], cardIDs: [], names: [:], scale: RatingScale()) }
        let records = try await ScorecardRecord.query(on: req.db)
            .filter(\.$submittedAt != nil)
            .join(Interview.self, on: \ScorecardRecord.$interview.$id == \Interview.$id)
            .filter(Interview.self, \.$guideVersion.$id ~~ versions)
            .with(\.$interviewer)
            .all()
        let cache = req.application.scorecardCache
        var cards: [CalibrationCard] = [], cardIDs: [UUID] = [], names: [String: String] = [:], scale: RatingScale?
        for record in records {
            let interview = try record.joined(Interview.self)
            let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: req.db)
            let entry = try await ScorecardService.entry(cardID: try record.requireID(), guide: loaded.guide, cache: cache, on: req.db)
            let interviewer = record.$interviewer.id.uuidString
            names[interviewer] = record.interviewer.name
            let events = entry.engine.events
            let score = Scoring.score(loaded.guide, entry.engine.state)
            let ratings = ScorecardRatings(candidate: interview.$candidate.id.uuidString, interviewer: interviewer,
                                           card: score, scale: loaded.guide.scale.levels)
            let gates = (try? SessionAnalytics.read(events, guide: loaded.guide, interview: try interview.requireID().uuidString).gates) ?? []
            let finished = events.last { if case .interviewFinished = $0.kind { true } else { false } }?.at
            cards.append(CalibrationCard(interview: try interview.requireID().uuidString, ratings: ratings, gates: gates,
                                         finishedAt: finished, submittedAt: record.submittedAt))
            cardIDs.append(try record.requireID())
            scale = scale ?? loaded.guide.scale
        }
        return TeamCards(cards: cards, cardIDs: cardIDs, names: names, scale: scale ?? RatingScale())
    }

    /// The severity-adjusted score of a candidate over `visible` cards (those the viewer may read, so the
    /// number never rests on a colleague's card the viewer may not see yet), with the fit of every card.
    func adjustedScore(candidate: UUID, visible: Set<UUID>, language: ReportLanguage) -> AdjustedScoreText? {
        let mine = cards.indices.filter { visible.contains(cardIDs[$0]) && cards[$0].ratings.candidate == candidate.uuidString }
        guard !mine.isEmpty, let fit = try? RaterCalibration.fit(cards.flatMap(\.ratings.ratings), scale: scale.levels).get() else { return nil }
        let score = fit.adjustedScore(candidate: candidate.uuidString, ratings: mine.flatMap { cards[$0].ratings.weighted })
        return AdjustedScoreText.make(score, fit: fit, names: names, language: language)
    }
}
