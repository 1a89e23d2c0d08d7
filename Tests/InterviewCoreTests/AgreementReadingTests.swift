import Foundation
import InterviewCore
import Testing

@Suite("Statistics: agreement readings and reasons")
struct AgreementReadingTests {
    @Test func kooAndLiBandsForICC() {
        // Koo & Li 2016: < .5 poor, .5–.75 moderate, .75–.9 good, > .9 excellent.
        let cases: [(Double, AgreementReading)] = [
            (-0.3, .poor), (0.49, .poor), (0.494, .poor), (0.5, .moderate), (0.4951, .moderate), (0.74, .moderate),
            (0.75, .good), (0.749, .good), (0.9, .good), (0.903, .good), (0.91, .excellent), (1, .excellent),
        ]
        for (value, reading) in cases {
            #expect(AgreementReading.icc(value) == reading, "ICC \(value)")
        }
    }

    @Test func landisAndKochBandsForKappa() {
        // Landis & Koch 1977: < 0 poor, 0–.20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial,
        // .81–1 almost perfect. A value that prints as 0.00 reads as slight, not poor.
        let cases: [(Double, AgreementReading)] = [
            (-0.01, .poor), (-0.004, .slight), (0, .slight), (0.2, .slight), (0.204, .slight), (0.21, .fair),
            (0.4, .fair), (0.41, .moderate), (0.6, .moderate), (0.6051, .substantial), (0.61, .substantial),
            (0.8, .substantial), (0.81, .almostPerfect), (1, .almostPerfect),
        ]
        for (value, reading) in cases {
            #expect(AgreementReading.kappa(value) == reading, "kappa \(value)")
        }
    }

    /// Printed as judged: a value read as 0.00 prints without a minus sign.
    @Test func aFigureIsPrintedAsItIsRead() {
        #expect(AgreementReading.shown(-0.004) == "0.00" && AgreementReading.kappa(-0.004) == .slight)
        #expect(AgreementReading.shown(-0.04) == "-0.04" && AgreementReading.shown(0.456) == "0.46")
        // ICC(2,k) of a panel that disagrees past chance: no measurement to print (it read -14.63: a probe)
        #expect(AgreementReading.shown(-14.63) == "< -1" && AgreementReading.icc(-14.63) == .poor)
        #expect(AgreementReading.shown(-1.0) == "-1.00")
    }

    @Test func everyReadingInBothLanguages() {
        for reading in AgreementReading.allCases {
            #expect(!reading.english.isEmpty && !reading.chinese.isEmpty)
            #expect(reading.text(.en) == reading.english && reading.text(.zh) == reading.chinese)
        }
        #expect(Set(AgreementReading.allCases.map(\.english)).count == AgreementReading.allCases.count)
        #expect(Set(AgreementReading.allCases.map(\.chinese)).count == AgreementReading.allCases.count)
        for measure in AgreementMeasure.allCases {
            #expect(!measure.text(.en).isEmpty && !measure.text(.zh).isEmpty)
        }
    }

    @Test func tooFewCommonQuestionsSaysHowManyAndHowManyNeeded() {
        // setup
        let pair = AgreementNotShown.tooFewCommonQuestions(found: 3, needed: 5, raters: 2)
        let panel = AgreementNotShown.tooFewCommonQuestions(found: 1, needed: 5, raters: 3)
        // verify
        #expect(pair.english == "not shown: only 3 questions rated by both, at least 5 needed")
        #expect(pair.chinese == "未显示：两人都评分的题目只有 3 道，至少需要 5 道")
        #expect(panel.english == "not shown: only 1 question rated by all 3, at least 5 needed")
        #expect(panel.chinese == "未显示：全部 3 位面试官都评分的题目只有 1 道，至少需要 5 道")
    }

    @Test func everyReasonInBothLanguages() {
        let reasons: [AgreementNotShown] = [
            .tooFewRaters(found: 0), .tooFewRaters(found: 1),
            .kappaUndefined(.noItems), .kappaUndefined(.singleLevelScale), .kappaUndefined(.ratingOutsideScale(7)),
            .kappaUndefined(.noExpectedDisagreement), .iccUndefined(.tooFewQuestions(1)), .iccUndefined(.tooFewRaters(1)),
            .iccUndefined(.incompleteMatrix), .iccUndefined(.noVariance), .iccUndefined(.outOfRange),
        ]
        for reason in reasons {
            #expect(reason.english.hasPrefix("not shown: "))
            #expect(reason.chinese.hasPrefix("未显示："))
        }
        #expect(AgreementNotShown.kappaUndefined(.ratingOutsideScale(7)).text(.en).contains("7"))
    }
}
