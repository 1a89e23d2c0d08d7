import Foundation
@testable import InterviewCore
import Testing

/// Quadratic-weighted kappa against values worked out by hand. Notation: scale 0–4, so
/// wij = (i − j)² / 16; counts are written as the integer sums the code keeps:
/// Σo = Σ (a − b)², Σe = Σij (A's count of i)(B's count of j)(i − j)², κ = 1 − n·Σo / Σe,
/// Do = Σo / (16n), De = Σe / (16n²).
@Suite("Statistics: quadratic-weighted kappa")
struct KappaTests {
    static func kappa(_ a: [Int], _ b: [Int], scale: RatingScale = .standard) throws -> WeightedKappa {
        try WeightedKappa.compute(Array(zip(a, b)), scale: scale).get()
    }

    @Test func perfectAgreementIsOne() throws {
        // setup: A = B = (0, 1, 2, 3, 4). Confusion matrix: the 5 × 5 diagonal, one question each.
        // Observed: every pair on the diagonal, w = 0 → Σo = 0, Do = 0.
        // Expected: marginals (1, 1, 1, 1, 1) both; Σe = Σij (i − j)² = 2·(4·1 + 3·4 + 2·9 + 1·16) = 100;
        // De = 100 / (16 · 25) = .25. κ = 1 − 0 / .25 = 1.
        // act
        let k = try Self.kappa([0, 1, 2, 3, 4], [0, 1, 2, 3, 4])
        // verify
        #expect(k.value == 1)
        #expect(k.itemCount == 5)
        #expect(k.observedDisagreement == 0)
        #expect(k.expectedDisagreement == 0.25)
    }

    @Test func constantOffsetOfOnePoint() throws {
        // setup: B = A + 1 on A = (0, 1, 2, 3). Confusion matrix: ones at (0,1), (1,2), (2,3), (3,4).
        // Observed: each off by one, w = 1/16 → Σo = 4, Do = 4 / (16·4) = 1/16 = .0625.
        // Expected: A's counts 1 at 0…3, B's 1 at 1…4; Σe = Σ over the 16 cells of (i − j)²: by
        // difference d = i − j' (j = j' + 1), (4 − |d|)(d − 1)² for d = −3…3 = 16 + 18 + 12 + 4 + 0 + 2 + 4 = 56;
        // De = 56 / (16·16) = .21875. κ = 1 − .0625 / .21875 = 1 − 4·4/56 = 5/7 ≈ .714.
        // act
        let k = try Self.kappa([0, 1, 2, 3], [1, 2, 3, 4])
        // verify: a rater who is always one point higher is not in perfect agreement
        #expect(abs(k.value - 5.0 / 7.0) < 1e-12)
        #expect(k.observedDisagreement == 0.0625)
        #expect(k.expectedDisagreement == 0.21875)
    }

    @Test func smallExampleOnZeroToFour() throws {
        // setup: A = (4, 3, 2, 3, 1, 0), B = (3, 3, 2, 4, 2, 0); n = 6.
        // Confusion matrix (rows A 0…4, columns B 0…4):
        //   A0: 1 0 0 0 0
        //   A1: 0 0 1 0 0
        //   A2: 0 0 1 0 0
        //   A3: 0 0 0 1 1
        //   A4: 0 0 0 1 0
        // Observed: three cells off the diagonal by one (1→2, 3→4, 4→3): Σo = 3, Do = 3 / (16·6) = 1/32.
        // Marginals: A (1, 1, 1, 2, 1), B (1, 0, 2, 2, 1). For each i, Σj Bj (i − j)²:
        //   i=0: 0 + 2·4 + 2·9 + 16 = 42; i=1: 1 + 2·1 + 2·4 + 9 = 20; i=2: 4 + 0 + 2·1 + 4 = 10;
        //   i=3: 9 + 2·1 + 0 + 1 = 12;    i=4: 16 + 2·4 + 2·1 + 0 = 26.
        // Σe = 42 + 20 + 10 + 2·12 + 26 = 122; De = 122 / (16·36) = 122/576.
        // κ = 1 − 6·3 / 122 = 104/122 = 52/61 ≈ .852.
        // Independent check (numpy, by hand, no sklearn) printed 0.8524590163934427:
        // python3 -c "import numpy as np; a=np.array([4,3,2,3,1,0]); b=np.array([3,3,2,4,2,0]); C=np.zeros((5,5)); np.add.at(C,(a,b),1); W=np.subtract.outer(np.arange(5),np.arange(5))**2/16; E=np.outer(C.sum(1),C.sum(0))/C.sum(); print(1-(W*C).sum()/(W*E).sum())"
        // act
        let k = try Self.kappa([4, 3, 2, 3, 1, 0], [3, 3, 2, 4, 2, 0])
        // verify
        #expect(abs(k.value - 52.0 / 61.0) < 1e-12)
        #expect(abs(k.value - 0.8524590163934427) < 1e-12)
        #expect(k.observedDisagreement == 1.0 / 32.0)
        #expect(abs(k.expectedDisagreement - 122.0 / 576.0) < 1e-15)
        #expect(k.reading == .almostPerfect)
    }

    @Test func theScaleNotTheObservedCategoriesDefinesTheWeights() throws {
        // setup: only 0, 1 and 4 are used. A = (0, 1, 4, 1, 0, 4, 1), B = (1, 1, 4, 0, 0, 1, 1).
        // Σo = 1 + 1 + 9 = 11; ΣA = 11, ΣA² = 35, ΣB = 8, ΣB² = 20;
        // Σe = n·ΣA² + n·ΣB² − 2·ΣA·ΣB = 245 + 140 − 176 = 209; κ = 1 − 7·11/209 = 12/19 ≈ .632.
        // Numbering the observed categories 0, 1, 2 instead would make 4 sit next to 1 and give 4/7 ≈ .571
        // (same numpy one-liner on a, b mapped {0:0, 1:1, 4:2}, 3 × 3 weights /4).
        let a = [0, 1, 4, 1, 0, 4, 1], b = [1, 1, 4, 0, 0, 1, 1]
        // act
        let k = try Self.kappa(a, b)
        // verify
        #expect(abs(k.value - 12.0 / 19.0) < 1e-12)
        #expect(abs(k.value - 4.0 / 7.0) > 0.05)
    }

    @Test func aWiderScaleChangesTheDisagreementsNotKappa() throws {
        // setup: the normalising (max − min)² cancels in κ; it only rescales Do and De.
        let a = [4, 3, 2, 3, 1, 0], b = [3, 3, 2, 4, 2, 0]
        // act
        let standard = try Self.kappa(a, b)
        let wide = try Self.kappa(a, b, scale: RatingScale(levels: 0...10))
        let shifted = try Self.kappa(a.map { $0 + 1 }, b.map { $0 + 1 }, scale: RatingScale(levels: 1...5))
        // verify
        #expect(abs(wide.value - standard.value) < 1e-12)
        #expect(abs(wide.observedDisagreement - standard.observedDisagreement * 16 / 100) < 1e-15)
        #expect(shifted == standard)
    }

    @Test func symmetricInTheRatersAndBlindToListingOrder() throws {
        // setup
        let a = [4, 3, 2, 3, 1, 0, 2, 4], b = [3, 3, 2, 4, 2, 0, 1, 4]
        let order = [5, 2, 7, 0, 3, 6, 1, 4]
        // act
        let k = try Self.kappa(a, b)
        let swapped = try Self.kappa(b, a)
        let reordered = try Self.kappa(order.map { a[$0] }, order.map { b[$0] })
        // verify
        #expect(swapped == k)
        #expect(reordered == k)
    }

    @Test func degenerateCasesSayWhy() {
        // Both constant and equal: Σe = 0, κ would be 0/0.
        #expect(WeightedKappa.compute([(3, 3), (3, 3), (3, 3)], scale: .standard) == .failure(.noExpectedDisagreement))
        #expect(WeightedKappa.compute([], scale: .standard) == .failure(.noItems))
        #expect(WeightedKappa.compute([(1, 5)], scale: .standard) == .failure(.ratingOutsideScale(5)))
        #expect(WeightedKappa.compute([(3, 3)], scale: RatingScale(levels: 3...3)) == .failure(.singleLevelScale))
    }

    @Test func bothConstantButApartIsChanceLevel() throws {
        // setup: A always 2, B always 3: Σo = 3, Σe = 3·3·1 = 9, κ = 1 − 3·3/9 = 0 — defined, not degenerate.
        // act
        let k = try Self.kappa([2, 2, 2], [3, 3, 3])
        // verify
        #expect(k.value == 0)
        #expect(k.reading == .slight)
    }
}
