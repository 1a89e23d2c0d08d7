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
    /// Interviewer id (a user id) → display name.
    var names: [String: String]
    var scale: RatingScale

    static func load(guide libraryID: UUID, req: Request) async throws -> TeamCards {
        let versions = try await GuideVersion.query(on: req.db).filter(\.$guide.$id == libraryID).all().map { try $0.requireID() }
        guard !versions.isEmpty else { return TeamCards(cards: [], names: [:], scale: RatingScale()) }
        let records = try await ScorecardRecord.query(on: req.db)
            .filter(\.$submittedAt != nil)
            .join(Interview.self, on: \ScorecardRecord.$interview.$id == \Interview.$id)
            .filter(Interview.self, \.$guideVersion.$id ~~ versions)
            .with(\.$interviewer)
            .all()
        let cache = req.application.scorecardCache
        var cards: [CalibrationCard] = [], names: [String: String] = [:], scale: RatingScale?
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
            scale = scale ?? loaded.guide.scale
        }
        return TeamCards(cards: cards, names: names, scale: scale ?? RatingScale())
    }
}
