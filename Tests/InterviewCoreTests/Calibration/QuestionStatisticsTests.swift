import Foundation
@testable import InterviewCore
import Testing

/// Each question statistic against values worked out by hand (the arithmetic is in the comments), and
/// the flags on data built to trip them.
@Suite("Question statistics")
struct QuestionStatisticsTests {
    private let day = Date(timeIntervalSinceReferenceDate: 0)

    private func occurrence(_ interview: String, _ question: String, _ outcome: QuestionOccurrence.Outcome,
                            day n: Int = 0, seconds: Double? = nil) -> QuestionOccurrence {
        QuestionOccurrence(interview: interview, question: question, outcome: outcome, date: day.addingTimeInterval(Double(n) * 86_400), seconds: seconds)
    }

    /// Four interviews on a 0–4 scale:
    ///     A: q1 4, q2 2, q3 skipped        C: q1 0, q2 1, q3 not demonstrated
    ///     B: q1 2, q2 2, q3 3              D: q1 3, q2 not asked, q3 1
    private var fourInterviews: [QuestionOccurrence] {
        [occurrence("A", "q1", .rated(4), seconds: 30), occurrence("A", "q2", .rated(2)), occurrence("A", "q3", .skipped),
         occurrence("B", "q1", .rated(2), seconds: 60), occurrence("B", "q2", .rated(2)), occurrence("B", "q3", .rated(3)),
         occurrence("C", "q1", .rated(0), seconds: 90), occurrence("C", "q2", .rated(1)), occurrence("C", "q3", .notDemonstrated),
         occurrence("D", "q1", .rated(3)), occurrence("D", "q2", .notAsked), occurrence("D", "q3", .rated(1))]
    }

    @Test func countsRatesMeanAndMedianTime() throws {
        let statistics = QuestionStatistics.compute(fourInterviews)
        #expect(statistics.questions.map(\.question) == ["q1", "q2", "q3"])
        let q1 = statistics.questions[0], q3 = statistics.questions[2]
        // q1: (4 + 2 + 0 + 3) / 4 = 2.25 of 4 = 56.25 %; times 30, 60, 90 (D has none) → median 60.
        #expect(q1.occurrences == 4 && q1.rated == 4 && q1.meanPercent == 56.25 && q1.medianSeconds == 60)
        // q3: rated 3 and 1 → 50 %; one skip and one not demonstrated of four occurrences.
        #expect(q3.rated == 2 && q3.skipped == 1 && q3.notDemonstrated == 1 && q3.meanPercent == 50)
        #expect(q3.skipRate == 0.25 && q3.notDemonstratedRate == 0.25)
        #expect(statistics.questions[1].notAsked == 1)
    }

    @Test func itemRestCorrelationLeavesTheQuestionOutOfItsOwnTotal() throws {
        // q1's share against the mean share of the interview's other rated questions:
        //     A 1.00 vs 0.50 (q2)   B 0.50 vs (0.50 + 0.75) / 2 = 0.625   C 0.00 vs 0.25   D 0.75 vs 0.25 (q3)
        // means 0.5625 and 0.40625; Σdxdy = 0.0703125, Σdx² = 0.546875, Σdy² = 0.0703125
        // r = 0.0703125 / √(0.546875 · 0.0703125) = 0.357830…
        let q1 = try #require(QuestionStatistics.compute(fourInterviews).questions.first)
        #expect(q1.itemRestCount == 4)
        #expect(abs(try #require(q1.itemRest) - 0.3578300267477955) < 1e-12)
    }

    @Test func mannKendallMatchesTheWorkedExample() throws {
        // values 1 2 2 4 3 at times 1…5: of the 10 pairs, 8 rise, 1 falls (4 → 3), 1 is tied (2, 2): S = 7.
        // Var = [5·4·15 − 2·1·9] / 18 = 282 / 18 = 15.667 (one tie group of 2, no tied times);
        // Z = (7 − 1) / √15.667 = 1.51587; one-sided p = P(Z ≥ 1.51587) = 0.064776.
        let trend = try #require(MannKendallTrend.test(times: [1, 2, 3, 4, 5], values: [1, 2, 2, 4, 3]))
        #expect(trend.s == 7)
        #expect(abs(trend.variance - 282.0 / 18) < 1e-12)
        #expect(abs(trend.z - 1.5158734579197342) < 1e-12)
        #expect(abs(trend.pIncreasing - 0.06477567645220444) < 1e-12)
    }

    @Test func tiedTimesCountAsNeitherEarlierNorLater() throws {
        // times 1 1 2 3, values 1 2 3 3: the pair at time 1 and the pair of equal values add 0; the other four rise.
        #expect(MannKendallTrend.score(times: [1, 1, 2, 3], values: [1, 2, 3, 3]) == 4)
        #expect(MannKendallTrend.test(times: [1, 1, 1], values: [0, 1, 2]) == nil)
    }

    @Test func theFastScoreIsThePairwiseOne() {
        // Against the definition, pair by pair, on seeded data with many ties in both times and values.
        var random = SimulationRandom(seed: 7)
        for size in [3, 10, 57, 400] {
            let times = (0..<size).map { _ in Double(random.index(size / 3 + 1)) }
            let values = (0..<size).map { _ in Double(random.index(5)) }
            var pairwise = 0
            for i in 0..<size {
                for j in (i + 1)..<size {
                    let dt = times[j] - times[i], dx = values[j] - values[i]
                    pairwise += (dt > 0 ? 1 : dt < 0 ? -1 : 0) * (dx > 0 ? 1 : dx < 0 ? -1 : 0)
                }
            }
            #expect(MannKendallTrend.score(times: times, values: values) == pairwise, "n = \(size)")
        }
    }

    @Test func gatesCountYesAndFollowedSuggestions() throws {
        let gates = [GateOccurrence(interview: "A", gate: "3.1/cond1", answer: true, suggestion: true),
                     GateOccurrence(interview: "B", gate: "3.1/cond1", answer: true, suggestion: false),
                     GateOccurrence(interview: "C", gate: "3.1/cond1", answer: false, suggestion: nil),
                     GateOccurrence(interview: "D", gate: "3.1/cond1", answer: false, suggestion: false)]
        let gate = try #require(QuestionStatistics.compute([], gates: gates).gates.first)
        // 2 yes of 4; 3 had a suggestion, followed in A and D: 2 of 3.
        #expect(gate.answered == 4 && gate.yesRate == 0.5)
        #expect(gate.withSuggestion == 3 && gate.followedSuggestion == 2)
    }

    @Test func flagsNameTheQuestionsThatNeedAttention() throws {
        // 40 interviews, one a day: "easy" is 4 for everyone; "noise" alternates 0 / 4 whatever the rest says;
        // "core" follows the candidate (0…4 by interview); "leak" rises with the date.
        var all: [QuestionOccurrence] = []
        for n in 0..<40 {
            let id = "i\(n)", level = n % 5
            all.append(occurrence(id, "easy", .rated(4), day: n))
            all.append(occurrence(id, "noise", .rated(n % 2 == 0 ? 0 : 4), day: n))
            all.append(occurrence(id, "core", .rated(level), day: n))
            all.append(occurrence(id, "core2", .rated(level), day: n))
            all.append(occurrence(id, "leak", .rated(min(4, n / 8)), day: n))
        }
        let flags = Dictionary(uniqueKeysWithValues: QuestionStatistics.compute(all).questions.map { ($0.question, $0.flags) })
        #expect(flags["easy"]?.contains { if case .nearlyEveryonePasses = $0 { true } else { false } } == true)
        #expect(flags["noise"]?.contains { if case .doesNotDiscriminate = $0 { true } else { false } } == true)
        #expect(flags["core"] == [])
        let leak = try #require(flags["leak"]?.first { if case .likelyLeak = $0 { true } else { false } })
        guard case .likelyLeak(let test, _, let p, let count) = leak else { return }
        #expect(test.hasPrefix("Mann–Kendall") && p < 0.01 && count == 40)
        #expect(flags["core"]?.isEmpty == true && flags["noise"]?.contains { if case .likelyLeak = $0 { true } else { false } } == false)
    }

    @Test func aStrongerCohortOfCandidatesIsNotALeak() throws {
        // 80 interviews a day apart; from day 40 the candidates are stronger and every question is rated
        // two points higher. The ratings rise, but no question rises against the others.
        var random = SimulationRandom(seed: 3)
        var all: [QuestionOccurrence] = []
        for n in 0..<80 {
            let lift = n < 40 ? 0 : 2
            for question in ["q", "r", "s"] { all.append(occurrence("i\(n)", question, .rated(lift + random.index(3)), day: n)) }
        }
        let raw = try #require(MannKendallTrend.test(times: (0..<80).map(Double.init),
                                                     values: all.filter { $0.question == "q" }.map { if case .rated(let r) = $0.outcome { Double(r) } else { 0 } }))
        let flags = QuestionStatistics.compute(all).questions.flatMap(\.flags)
        // verify: the raw ratings' trend would call it a leak; against the interview's other answers there is none
        #expect(raw.pIncreasing < 0.001)
        #expect(!flags.contains { if case .likelyLeak = $0 { true } else { false } })
    }

    @Test func pooledGuidesAreTestedForALeakWithinEachGuide() throws {
        // Guide A's interviews (days 0–39) rate q 1–2 and its other questions 3; guide B's (days 40–79) rate
        // q 3–4 and theirs 2. Within each guide q keeps its place among the questions; pooled over time it
        // jumps at day 40.
        var random = SimulationRandom(seed: 5)
        var pooled: [QuestionOccurrence] = []
        for n in 0..<80 {
            let early = n < 40
            pooled.append(occurrence("i\(n)", "q", .rated((early ? 1 : 3) + random.index(2)), day: n))
            for other in ["r", "s"] { pooled.append(occurrence("i\(n)", other, .rated(early ? 3 : 2), day: n)) }
        }
        let strata = pooled.map { o in
            var tagged = o
            tagged.stratum = Int(o.interview.dropFirst())! < 40 ? "A" : "B"
            return tagged
        }
        // act
        let unstratified = try #require(QuestionStatistics.compute(pooled).questions.first { $0.question == "q" })
        let stratified = try #require(QuestionStatistics.compute(strata).questions.first { $0.question == "q" })
        // verify: pooled the guides' difference looks like a leak; within each guide there is none
        #expect(unstratified.flags.contains { if case .likelyLeak = $0 { true } else { false } })
        #expect(!stratified.flags.contains { if case .likelyLeak = $0 { true } else { false } })
        #expect(stratified.trend?.count == 80)
    }

    @Test func theStratifiedTestSumsEachGroupsScoreAndVariance() throws {
        // Two copies of the worked example: S = 7 + 7, Var = 2 · 282/18, Z = 13 / √31.333.
        let group = (times: [1.0, 2, 3, 4, 5], values: [1.0, 2, 2, 4, 3])
        let trend = try #require(MannKendallTrend.stratified([group, group]))
        #expect(trend.s == 14 && abs(trend.variance - 2 * 282.0 / 18) < 1e-12)
        #expect(abs(trend.z - 13 / (2 * 282.0 / 18).squareRoot()) < 1e-12 && trend.count == 10)
        // One group is the plain test.
        #expect(MannKendallTrend.stratified([group]) == MannKendallTrend.test(times: group.times, values: group.values))
    }
}
