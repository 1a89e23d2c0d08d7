import Foundation
@testable import InterviewCore
import Testing

@Suite("Calibration: a panel's raw score is the mean of its cards")
struct PanelRawScoreTests {
    /// The points ratio of ratings pooled over cards, on a 0–4 scale, as `adjustedScore` takes it.
    private func pooled(_ ratings: [WeightedRating]) -> Double {
        let possible = ratings.reduce(0) { $0 + $1.weight } * 4
        return 100 * ratings.reduce(0) { $0 + $1.weight * Double($1.rating) } / possible
    }

    @Test func eachCardCountsOnceWhateverItCovered() {
        // setup: one card of two questions (50%), one card that covered a heavier topic only (100%)
        let wide = [WeightedRating(question: "3.1/op1", interviewer: "olga", rating: 4, weight: 1),
                    WeightedRating(question: "3.1/op2", interviewer: "olga", rating: 0, weight: 1)]
        let narrow = [WeightedRating(question: "3.2/op1", interviewer: "li", rating: 4, weight: 3)]
        // act
        let asWritten = pooled(wide + narrow)
        let once = pooled(ScorecardRatings.countingOnce(wide) + ScorecardRatings.countingOnce(narrow))
        // verify: 80 weighed the heavier card more; the panel's score of record is the mean, 75
        #expect(abs(asWritten - 80) < 1e-9)
        #expect(abs(once - 75) < 1e-9)
        #expect(abs(pooled(ScorecardRatings.countingOnce(wide)) - pooled(wide)) < 1e-9, "a card's own ratio is unchanged")
        #expect(abs(ScorecardRatings.countingOnce(wide).reduce(0) { $0 + $1.weight } - 1) < 1e-12)
    }
}
