import Foundation
import InterviewCore
import Testing

@Suite("Statistics: a panel's agreement")
struct AgreementPanelTests {
    static func rater(_ name: String, _ ratings: [String: Int]) -> RaterRatings { RaterRatings(rater: name, ratings: ratings) }

    /// Shrout & Fleiss's 6 × 4 table as a panel: questions q1…q6, judges j1…j4, on a 0–10 scale.
    static let shroutFleissPanel: [RaterRatings] = (0..<4).map { judge in
        rater("j\(judge + 1)", Dictionary(uniqueKeysWithValues: ICCTests.shroutFleiss.enumerated().map { ("q\($0.offset + 1)", Int($0.element[judge])) }))
    }

    @Test func shroutAndFleissAsAPanel() throws {
        // act
        let panel = PanelAgreement(Self.shroutFleissPanel, scale: RatingScale(levels: 0...10))
        // verify
        let icc = try #require(panel.icc.figure)
        #expect(ICCTests.twoDecimals(icc.single) == 0.29)
        #expect(ICCTests.twoDecimals(icc.average) == 0.62)
        #expect(panel.iccQuestions == ["q1", "q2", "q3", "q4", "q5", "q6"])
        #expect(panel.pairs.map { "\($0.first)-\($0.second)" } == ["j1-j2", "j1-j3", "j1-j4", "j2-j3", "j2-j4", "j3-j4"])
        #expect(panel.pairs.allSatisfy { $0.commonQuestions == 6 && $0.kappa.figure != nil })
    }

    @Test func aPairsKappaUsesTheQuestionsBothRated() throws {
        // setup: A and B share q1…q6 (the small example of KappaTests); B also rated q7, A also q8.
        let a = Self.rater("A", ["q1": 4, "q2": 3, "q3": 2, "q4": 3, "q5": 1, "q6": 0, "q8": 4])
        let b = Self.rater("B", ["q1": 3, "q2": 3, "q3": 2, "q4": 4, "q5": 2, "q6": 0, "q7": 0])
        // act
        let panel = PanelAgreement([a, b], scale: .standard)
        // verify
        let pair = try #require(panel.pairs.first)
        #expect(pair.commonQuestions == 6)
        #expect(abs(try #require(pair.kappa.figure).value - 52.0 / 61.0) < 1e-12)
        #expect(panel.iccQuestions.count == 6)
    }

    @Test func missingCellsLeaveOnlyCompleteRowsForTheICC() throws {
        // setup: three raters; C did not rate q5 and q6, B did not rate q7. Complete rows: q1…q4 and q8.
        let a = Self.rater("A", ["q1": 4, "q2": 3, "q3": 2, "q4": 3, "q5": 1, "q6": 0, "q7": 2, "q8": 1])
        let b = Self.rater("B", ["q1": 3, "q2": 3, "q3": 2, "q4": 4, "q5": 2, "q6": 0, "q8": 1])
        let c = Self.rater("C", ["q1": 4, "q2": 2, "q3": 2, "q4": 3, "q7": 3, "q8": 0])
        // act
        let panel = PanelAgreement([a, b, c], scale: .standard)
        // verify: the ICC rests on those five questions and equals the ICC of that 5 × 3 matrix
        #expect(panel.iccQuestions == ["q1", "q2", "q3", "q4", "q8"])
        let icc = try #require(panel.icc.figure)
        #expect(icc.questionCount == 5)
        let direct = try IntraclassCorrelation.compute([[4, 3, 4], [3, 3, 2], [2, 2, 2], [3, 4, 3], [1, 1, 0]]).get()
        #expect(icc == direct)
        // Pairs: A–B share 7, A–C 6, B–C 5 questions.
        #expect(panel.pairs.map(\.commonQuestions) == [7, 6, 5])
    }

    @Test func tooFewCommonQuestionsIsNotShownAndSaysWhy() {
        // setup: A and B share four questions, one short of the default minimum
        let a = Self.rater("A", ["q1": 4, "q2": 3, "q3": 2, "q4": 1, "q5": 2])
        let b = Self.rater("B", ["q1": 3, "q2": 3, "q3": 2, "q4": 0, "q6": 1])
        // act
        let panel = PanelAgreement([a, b], scale: .standard)
        // verify
        let expected = AgreementNotShown.tooFewCommonQuestions(found: 4, needed: 5, raters: 2)
        #expect(panel.pairs.first?.kappa == .notShown(expected))
        #expect(panel.icc == .notShown(expected))
        #expect(panel.icc.reason?.english == "not shown: only 4 questions rated by both, at least 5 needed")
        // A lower minimum shows both.
        let lenient = PanelAgreement([a, b], scale: .standard, policy: AgreementPolicy(minimumCommonQuestions: 4))
        #expect(lenient.pairs.first?.kappa.figure != nil)
        #expect(lenient.icc.figure != nil)
    }

    @Test func oneRaterHasNobodyToAgreeWith() {
        // act
        let panel = PanelAgreement([Self.rater("A", ["q1": 1, "q2": 2])], scale: .standard)
        // verify
        #expect(panel.pairs.isEmpty)
        #expect(panel.icc == .notShown(.tooFewRaters(found: 1)))
    }

    @Test func sameRatingEverywhereIsNotShownAndSaysWhy() {
        // setup: five questions, every rating a 3
        let ratings = Dictionary(uniqueKeysWithValues: (1...5).map { ("q\($0)", 3) })
        // act
        let panel = PanelAgreement([Self.rater("A", ratings), Self.rater("B", ratings)], scale: .standard)
        // verify
        #expect(panel.pairs.first?.kappa == .notShown(.kappaUndefined(.noExpectedDisagreement)))
        #expect(panel.icc == .notShown(.iccUndefined(.noVariance)))
        #expect(panel.icc.reason?.english == "not shown: every rating was the same, so agreement beyond chance cannot be measured")
    }
}
