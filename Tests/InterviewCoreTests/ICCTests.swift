import Foundation
@testable import InterviewCore
import Testing

/// ICC(2,1) and ICC(2,k) against Shrout & Fleiss 1979 (Psychological Bulletin 86:420), Table 2:
/// 6 targets rated by 4 judges.
@Suite("Statistics: intraclass correlation")
struct ICCTests {
    static let shroutFleiss: [[Double]] = [
        [9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7],
    ]

    /// The value as the paper prints it, to two decimals.
    static func twoDecimals(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    @Test func shroutAndFleissMeanSquares() throws {
        // act
        let icc = try IntraclassCorrelation.compute(Self.shroutFleiss).get()
        // verify: Table 2's analysis of variance
        #expect(Self.twoDecimals(icc.anova.betweenTargets) == 11.24)
        #expect(Self.twoDecimals(icc.anova.withinTargets) == 6.26)
        #expect(Self.twoDecimals(icc.anova.betweenRaters) == 32.49)
        #expect(Self.twoDecimals(icc.anova.residual) == 1.02)
        #expect(icc.questionCount == 6)
        #expect(icc.raterCount == 4)
    }

    @Test func shroutAndFleissICC2() throws {
        // act
        let icc = try IntraclassCorrelation.compute(Self.shroutFleiss).get()
        // verify: published ICC(2,1) = .29, ICC(2,k) = .62; to 12 places against numpy on the same
        // formulas (0.2897637795275592, 0.6200505475989893)
        #expect(Self.twoDecimals(icc.single) == 0.29)
        #expect(Self.twoDecimals(icc.average) == 0.62)
        #expect(abs(icc.single - 0.2897637795275592) < 1e-12)
        #expect(abs(icc.average - 0.6200505475989893) < 1e-12)
        #expect(icc.singleReading == .poor)
        #expect(icc.averageReading == .moderate)
    }

    @Test func shroutAndFleissOtherCasesFromTheSameMeanSquares() throws {
        // setup: the paper's other coefficients come from the same table; matching them checks WMS and EMS
        let a = try IntraclassCorrelation.compute(Self.shroutFleiss).get().anova
        let (b, w, e, k) = (a.betweenTargets, a.withinTargets, a.residual, Double(a.raters))
        // act
        let icc11 = (b - w) / (b + (k - 1) * w)
        let icc31 = (b - e) / (b + (k - 1) * e)
        // verify: published ICC(1,1) = .17, ICC(3,1) = .71
        #expect(Self.twoDecimals(icc11) == 0.17)
        #expect(Self.twoDecimals(icc31) == 0.71)
    }

    @Test func blindToTheOrderOfQuestionsAndRaters() throws {
        // setup
        let rows = Self.shroutFleiss.reversed().map { Array($0.reversed()) }
        // act
        let original = try IntraclassCorrelation.compute(Self.shroutFleiss).get()
        let reordered = try IntraclassCorrelation.compute(Array(rows)).get()
        // verify
        #expect(abs(original.single - reordered.single) < 1e-12)
        #expect(abs(original.average - reordered.average) < 1e-12)
    }

    @Test func identicalRatersAgreePerfectly() throws {
        // act
        let icc = try IntraclassCorrelation.compute([[1, 1, 1], [3, 3, 3], [4, 4, 4], [2, 2, 2]]).get()
        // verify
        #expect(icc.single == 1)
        #expect(icc.average == 1)
        #expect(icc.singleReading == .excellent)
    }

    @Test func aRaterOnePointHigherCountsAgainstAbsoluteAgreement() throws {
        // setup: B = A + 1. Consistency would be perfect; absolute agreement is not.
        // act
        let icc = try IntraclassCorrelation.compute([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]).get()
        // verify: row means 0.5…4.5 around 2.5, SSrows = 2·(4 + 1 + 0 + 1 + 4) = 20, BMS = 5; column means
        // 2 and 3, SScols = 5·(.25 + .25) = 2.5, JMS = 2.5; EMS = 0. ICC(2,1) = 5 / (5 + 0 + 2·2.5/5) = 5/6.
        #expect(icc.anova.residual == 0)
        #expect(abs(icc.single - 5.0 / 6.0) < 1e-12)
    }

    @Test func degenerateCasesSayWhy() {
        #expect(IntraclassCorrelation.compute([[1, 2, 3]]) == .failure(.tooFewQuestions(1)))
        #expect(IntraclassCorrelation.compute([]) == .failure(.tooFewQuestions(0)))
        #expect(IntraclassCorrelation.compute([[1], [2], [3]]) == .failure(.tooFewRaters(1)))
        #expect(IntraclassCorrelation.compute([[1, 2], [2]]) == .failure(.incompleteMatrix))
        // Every rating the same: 0/0.
        #expect(IntraclassCorrelation.compute([[3, 3], [3, 3], [3, 3]]) == .failure(.noVariance))
        // Question and rater means all equal, only residual: the ICC(2,1) denominator is exactly 0.
        #expect(IntraclassCorrelation.compute([[0, 1], [1, 0]]) == .failure(.outOfRange))
        // The same with n = 3: ICC(2,1) would be −3, below its floor of −1/(k − 1), and ICC(2,k)'s
        // denominator is negative.
        #expect(IntraclassCorrelation.compute([[0, 1], [1, 0], [0.5, 0.5]]) == .failure(.outOfRange))
    }

    @Test func negativeValuesInRangeAreReported() throws {
        // setup: raters that disagree more than chance, yet inside the range: reported, read as poor
        // act
        let icc = try IntraclassCorrelation.compute([[0, 2], [2, 0], [1, 1], [2, 2]]).get()
        // verify
        #expect(icc.single < 0)
        #expect(icc.singleReading == .poor)
    }
}
