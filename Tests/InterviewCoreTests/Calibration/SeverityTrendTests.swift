import Foundation
import Testing
@testable import InterviewCore

/// An interviewer who grows more lenient shows it quarter by quarter.
struct SeverityTrendTests {
    @Test func aDriftingInterviewerIsSeenDriftingAndSteadyOnesStaySteady() throws {
        // setup: olga rates severely (+1) in the first quarter and leniently (−1) in the second; the
        // others are steady at 0. Every candidate meets olga and one colleague.
        var random = SimulationRandom(seed: 42)
        let model = SimulatedRating(thresholds: [-1.5, -0.5, 0.5, 1.5])
        let difficulties = (0..<20).map { _ in random.normal() }
        var dated: [(rating: CalibrationRating, date: Date)] = []
        let january = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01
        for c in 0..<200 {
            let ability = random.normal(), second = c >= 100
            let date = january.addingTimeInterval(second ? 100 * 86_400 : 10 * 86_400)
            for (rater, severity) in [("olga", second ? -1.0 : 1.0), ("r\(c % 4)", 0.0)] {
                for q in random.distinct(8, below: 20) {
                    dated.append((CalibrationRating(candidate: "c\(c)", interviewer: rater, question: "q\(q)",
                                                    rating: model.draw(ability: ability, difficulty: difficulties[q], severity: severity, &random)),
                                  date))
                }
            }
        }
        // act
        let trends = SeverityTrend.fit(dated, scale: 0...4)
        // verify: olga's two quarters about two logits apart; a steady colleague within noise of 0
        let olga = try #require(trends["olga"])
        #expect(olga.map(\.period) == ["2026-Q1", "2026-Q2"])
        #expect(olga.map(\.ratings) == [800, 800])
        let drop = olga[0].severity - olga[1].severity
        #expect(drop > 1.6 && drop < 2.4, "drop \(drop)")
        // 100 candidates a quarter, each shared with one of eight colleague-quarters: about 0.11 for olga
        // against one colleague, wider against the average of all ten (0.135 for this seed)
        #expect(olga.allSatisfy { $0.standardError > 0.08 && $0.standardError < 0.2 }, "\(olga)")
        let steady = try #require(trends["r0"])
        #expect(steady.allSatisfy { abs($0.severity) < 0.35 }, "\(steady)")
    }

    @Test func nothingDatedGivesNoTrend() {
        #expect(SeverityTrend.fit([], scale: 0...4).isEmpty)
    }
}
