import Foundation
@testable import InterviewCore
@testable import InterviewServer
import Testing

/// How the guide-health page, the question bank and the editor print a question's figures.
@Suite("Question figures as printed")
struct QuestionFigureRowTests {
    @Test func aDiscriminationFromFewInterviewsCarriesItsCountAndSaysSo() throws {
        // setup: a question's figures, its item–rest correlation from 4 interviews and then from 40
        let occurrences = (0..<4).map {
            QuestionOccurrence(interview: "i\($0)", question: "q1", outcome: .rated($0), date: Date(timeIntervalSince1970: 0))
        }
        var figures = try #require(QuestionStatistics.compute(occurrences).questions.first)
        figures.itemRest = 1
        figures.itemRestCount = 4
        var plenty = figures
        plenty.itemRestCount = 40
        // act
        let few = QuestionFigureRow(id: "q1", key: "3.1/op1", text: "Q", figures: figures, rasch: nil, language: .en)
        let fewZh = QuestionFigureRow(id: "q1", key: "3.1/op1", text: "Q", figures: figures, rasch: nil, language: .zh)
        let many = QuestionFigureRow(id: "q1", key: "3.1/op1", text: "Q", figures: plenty, rasch: nil, language: .en)
        // verify: 1.00 from four interviews is no verdict, and the row says so; from forty it stands alone
        #expect(few.discrimination == "1.00 (n=4, little data)")
        #expect(fewZh.discrimination == "1.00（n=4，数据较少）")
        #expect(many.discrimination == "1.00")
    }

    @Test func aSignedFigureThatRoundsToNothingHasNoSign() {
        #expect(CalibrationFigures.signed(-0.001) == "0.00")
        #expect(CalibrationFigures.signed(0.004) == "0.00")
        #expect(CalibrationFigures.signed(-0.126) == "-0.13")
        #expect(CalibrationFigures.signed(0.5) == "+0.50")
    }

    @Test func raschFiguresFromOneRatingSayTheyAreThin() {
        // setup: a difficulty and fit from one rating, and from fifty
        let one = QuestionDifficulty(question: "q1", difficulty: -1.49, standardError: 1.71, ratingCount: 1, infit: 0.11, outfit: 0.11)
        var fifty = one
        fifty.ratingCount = 50
        // act
        let thin = QuestionFigureRow(id: "q1", key: "3.1/op1", text: "Q", figures: nil, rasch: one, language: .zh)
        let solid = QuestionFigureRow(id: "q1", key: "3.1/op1", text: "Q", figures: nil, rasch: fifty, language: .en)
        // verify
        #expect(thin.difficulty == "-1.49（± 1.71）（n=1，数据较少）")
        #expect(thin.fit == "0.11 / 0.11（n=1，数据较少）")
        #expect(solid.difficulty == "-1.49 (± 1.71)" && solid.fit == "0.11 / 0.11")
    }
}
