import Foundation
@testable import InterviewCore
import Testing

/// The calibration page's figures per interviewer, against values worked out by hand.
@Suite("Interviewer calibration figures")
struct InterviewerCalibrationTests {
    private let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    private func card(_ interview: String, _ candidate: String, _ interviewer: String, _ ratings: [String: Int],
                      gates: [(Bool, Bool?)], submittedAfterHours hours: Double) -> CalibrationCard {
        let rated = ratings.sorted { $0.key < $1.key }.map {
            CalibrationRating(candidate: candidate, interviewer: interviewer, question: $0.key, rating: $0.value)
        }
        return CalibrationCard(
            interview: interview,
            ratings: ScorecardRatings(candidate: candidate, interviewer: interviewer, ratings: rated, weighted: []),
            gates: gates.map { GateOccurrence(interview: interview, gate: "3.1/cond1", answer: $0.0, suggestion: $0.1) },
            finishedAt: start, submittedAt: start.addingTimeInterval(hours * 3600))
    }

    /// Panel P1: Olga rates q1 1, q2 2 and Ben q1 3, q2 4. Olga alone (S1): q1 0, q3 2. Ben alone (S2): q3 4.
    /// Olga's gates: "no" against a "yes" suggestion, "no" as suggested, "yes" without one; Ben's: "yes" as suggested.
    /// Olga submits after 2 h and 6 h, Ben after 1 h.
    private var cards: [CalibrationCard] {
        [card("P1", "c1", "olga", ["q1": 1, "q2": 2], gates: [(false, true)], submittedAfterHours: 2),
         card("P1", "c1", "ben", ["q1": 3, "q2": 4], gates: [(true, true)], submittedAfterHours: 1),
         card("S1", "c2", "olga", ["q1": 0, "q3": 2], gates: [(false, false), (true, nil)], submittedAfterHours: 6),
         card("S2", "c3", "ben", ["q3": 4], gates: [], submittedAfterHours: 1)]
    }

    @Test func distributionsGatesAndTimeToSubmit() throws {
        let fit = try RaterCalibration.fit(cards.flatMap(\.ratings.ratings), scale: 0...4).get()
        let figures = InterviewerCalibration.make(cards, fit: fit, scale: RatingScale())
        #expect(figures.map(\.interviewer) == ["ben", "olga"])
        let ben = figures[0], olga = figures[1]
        // Olga rated 1, 2, 0, 2 → levels 0…4: 1, 1, 2, 0, 0. On her questions (q1, q2, q3) the others gave 3, 4, 4.
        #expect(olga.distribution == [1, 1, 2, 0, 0] && olga.teamDistribution == [0, 0, 0, 1, 2])
        // Ben rated 3, 4, 4; on q1, q2, q3 Olga gave 1, 0, 2, 2 (q1 twice).
        #expect(ben.distribution == [0, 0, 0, 1, 2] && ben.teamDistribution == [1, 1, 2, 0, 0])
        // Olga: 3 gates, 1 "yes"; 2 had a suggestion, 1 followed. Ben: 1 of 1 and 1 of 1.
        #expect(olga.gatesAnswered == 3 && olga.deeperRate == 1.0 / 3 && olga.followRate == 0.5)
        #expect(ben.deeperRate == 1 && ben.followRate == 1)
        // Median of 2 h and 6 h; Ben's one card 1 h.
        #expect(olga.medianHoursToSubmit == 4 && ben.medianHoursToSubmit == 1)
        #expect(olga.cards == 2 && ben.cards == 2)
        // One shared panel with two common questions: too few paired ratings for a kappa, and it says so.
        #expect(olga.agreement.figure == nil && olga.agreement.reason != nil)
    }

    @Test func panelsOfEnoughCommonQuestionsGiveTheKappaOfThePair() throws {
        // Two raters, six questions in one panel, rating identically: quadratic-weighted kappa 1.
        let same = ["a": 0, "b": 1, "c": 2, "d": 3, "e": 4, "f": 2]
        let cards = [card("P", "c", "olga", same, gates: [], submittedAfterHours: 1),
                     card("P", "c", "ben", same, gates: [], submittedAfterHours: 1)]
        let fit = try RaterCalibration.fit(cards.flatMap(\.ratings.ratings), scale: 0...4).get()
        let figures = InterviewerCalibration.make(cards, fit: fit, scale: RatingScale())
        let kappa = try #require(figures.first?.agreement.figure)
        #expect(abs(kappa.value - 1) < 1e-12 && kappa.itemCount == 6)
    }
}
