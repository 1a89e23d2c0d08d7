import Foundation
import InterviewCore
import Testing

/// Pooling panels (per position, per guide): see `PooledAgreement` for the method.
@Suite("Statistics: agreement pooled over panels")
struct AgreementPoolingTests {
    static func rater(_ name: String, _ ratings: [Int]) -> RaterRatings {
        RaterRatings(rater: name, ratings: Dictionary(uniqueKeysWithValues: ratings.enumerated().map { ("q\($0.offset + 1)", $0.element) }))
    }

    @Test func onePanelGivesBackItsOwnFigures() throws {
        // setup
        let twoRaters = [Self.rater("A", [4, 3, 2, 3, 1, 0]), Self.rater("B", [3, 3, 2, 4, 2, 0])]
        let scale = RatingScale(levels: 0...10)
        // act
        let pooledPair = PooledAgreement([twoRaters], scale: .standard)
        let pooledSF = PooledAgreement([AgreementPanelTests.shroutFleissPanel], scale: scale)
        let panelSF = try #require(PanelAgreement(AgreementPanelTests.shroutFleissPanel, scale: scale).icc.figure)
        // verify: the pair's Cohen's κw (52/61), Shrout & Fleiss's ICC(2,1) and ICC(2,4)
        let kappa = try #require(pooledPair.kappa.figure)
        #expect(abs(kappa.value - 52.0 / 61.0) < 1e-12)
        #expect(kappa.itemCount == 6)
        let icc = try #require(pooledSF.icc.figure)
        #expect(abs(icc.single - panelSF.single) < 1e-12)
        #expect(icc.averages.count == 1 && icc.averages[0].raters == 4)
        #expect(abs(icc.averages[0].value - panelSF.average) < 1e-12)
        #expect(icc.questionCount == 6 && icc.panelCount == 1)
    }

    @Test func twoCopiesOfAPanelGiveTheSameFigures() throws {
        // setup: sums of squares and degrees of freedom both double, so every estimate stays
        let scale = RatingScale(levels: 0...10)
        // act
        let pooled = PooledAgreement(Array(repeating: AgreementPanelTests.shroutFleissPanel, count: 2), scale: scale)
        // verify
        let icc = try #require(pooled.icc.figure)
        #expect(abs(icc.single - 0.2897637795275592) < 1e-12)
        #expect(abs(icc.averages[0].value - 0.6200505475989893) < 1e-12)
        #expect(icc.questionCount == 12)
        #expect(pooled.pairCount == 12)
    }

    @Test func panelsOfDifferentSizesPoolTheirVarianceComponents() throws {
        // setup: P1 = 2 raters × 4 questions (B's q5 has no partner); P2 = 3 raters × 3 complete questions
        // (Z did not ask q4). Sums of squares, by hand:
        //   P1 [[3,2],[2,2],[4,3],[1,1]]:     SSrows 6.5, SScols 0.5,  SSerr 0.5   (n 4, k 2)
        //   P2 [[4,3,4],[3,3,2],[1,0,1]]:     SSrows 14,  SScols 2/3,  SSerr 4/3   (n 3, k 3)
        // σe² = (0.5 + 4/3) / (3·1 + 2·2) = 11/42
        // σt² = (6.5 + 14 − (3 + 2)·11/42) / (3·2 + 2·3) = 403/252
        // σr² = (0.5 + 2/3 − (1 + 2)·11/42) / (1·4 + 2·3) = 4/105
        // ICC(2,1) = σt² / (σt² + σr² + σe²) = 4030 / 4786 ≈ .842
        // ICC(2,2) = σt² / (σt² + (σr² + σe²)/2) ≈ .914; ICC(2,3) ≈ .941 (numpy on the same sums agrees)
        let p1 = [Self.rater("A", [3, 2, 4, 1]), RaterRatings(rater: "B", ratings: ["q1": 2, "q2": 2, "q3": 3, "q4": 1, "q5": 4])]
        let p2 = [Self.rater("X", [4, 3, 1, 2]), Self.rater("Y", [3, 3, 0, 2]), Self.rater("Z", [4, 2, 1])]
        // act
        let pooled = PooledAgreement([p1, p2], scale: .standard)
        // verify
        let icc = try #require(pooled.icc.figure)
        #expect(abs(icc.residualVariance - 11.0 / 42.0) < 1e-12)
        #expect(abs(icc.questionVariance - 403.0 / 252.0) < 1e-12)
        #expect(abs(icc.raterVariance - 4.0 / 105.0) < 1e-12)
        #expect(abs(icc.single - 4030.0 / 4786.0) < 1e-12)
        #expect(icc.averages.map(\.raters) == [2, 3])
        #expect(abs(icc.averages[0].value - 0.9142468239564427) < 1e-12)
        #expect(abs(icc.averages[1].value - 0.9411489957963568) < 1e-12)
        #expect(icc.questionCount == 7 && icc.panelCount == 2)
        #expect(icc.singleReading == .good)
    }

    @Test func pooledKappaIsTheRatioOfSummedDisagreements() throws {
        // setup: pair 1 is KappaTests' small example (Σo = 3, Σe = 122, n = 6), pair 2 the constant
        // offset (Σo = 4, Σe = 56, n = 4). κ = 1 − (3 + 4) / (122/6 + 56/4) = 1 − 7 / (103/3) = 82/103.
        let p1 = [Self.rater("A", [4, 3, 2, 3, 1, 0]), Self.rater("B", [3, 3, 2, 4, 2, 0])]
        let p2 = [Self.rater("C", [0, 1, 2, 3]), Self.rater("D", [1, 2, 3, 4])]
        // act
        let pooled = PooledAgreement([p1, p2], scale: .standard)
        // verify
        let kappa = try #require(pooled.kappa.figure)
        #expect(abs(kappa.value - 82.0 / 103.0) < 1e-12)
        #expect(kappa.itemCount == 10)
        #expect(pooled.pairCount == 2)
        // Which rater is "first" does not matter.
        let swapped = PooledAgreement([p1.reversed(), p2], scale: .standard)
        #expect(swapped.kappa == pooled.kappa)
    }

    @Test func smallPanelsAddUp() throws {
        // setup: two panels of three common questions each, each withheld on its own
        let p1 = [Self.rater("A", [4, 2, 1]), Self.rater("B", [3, 2, 0])]
        let p2 = [Self.rater("C", [0, 3, 4]), Self.rater("D", [1, 3, 3])]
        // act
        let alone = PanelAgreement(p1, scale: .standard)
        let pooled = PooledAgreement([p1, p2], scale: .standard)
        // verify
        #expect(alone.pairs.first?.kappa.reason == .tooFewCommonQuestions(found: 3, needed: 5, raters: 2))
        #expect(pooled.kappa.figure?.itemCount == 6)
        #expect(pooled.icc.figure?.questionCount == 6)
    }

    @Test func aCandidatesOverallLevelDoesNotPassForAgreement() throws {
        // setup: the same pattern of ratings for a weak candidate and, two points higher, a strong one
        let weak = [Self.rater("A", [0, 1, 2, 1, 0]), Self.rater("B", [1, 1, 2, 0, 0])]
        let strong = [Self.rater("C", [2, 3, 4, 3, 2]), Self.rater("D", [3, 3, 4, 2, 2])]
        // act
        let one = try #require(PanelAgreement(weak, scale: .standard).pairs.first?.kappa.figure)
        let pooled = try #require(PooledAgreement([weak, strong], scale: .standard).kappa.figure)
        let stacked = try WeightedKappa.compute(
            zip([0, 1, 2, 1, 0, 2, 3, 4, 3, 2], [1, 1, 2, 0, 0, 3, 3, 4, 2, 2]).map { ($0, $1) }, scale: .standard).get()
        // verify: pooled equals each panel's own κw; one table of all ratings would read the two-point gap
        // between candidates as agreement
        #expect(abs(pooled.value - one.value) < 1e-12)
        #expect(stacked.value > pooled.value + 0.2)
    }

    @Test func nothingToPool() {
        // act
        let empty = PooledAgreement([], scale: .standard)
        let solo = PooledAgreement([[Self.rater("A", [1, 2, 3, 4, 5])]], scale: RatingScale(levels: 0...5))
        // verify: said as what it is — no panel with a second interviewer — not "no interviewer rated"
        // (an interviewer with 76 ratings who always interviewed alone read that).
        #expect(empty.kappa == .notShown(.noSharedPanel))
        #expect(solo.icc == .notShown(.noSharedPanel))
        #expect(AgreementNotShown.noSharedPanel.chinese.contains("同场评分"))
    }
}
