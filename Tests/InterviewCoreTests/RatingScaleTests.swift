import InterviewCore
import Testing

@Suite("Rating scale")
struct RatingScaleTests {
    @Test func standardScaleIsZeroToFour() {
        #expect(RatingScale.standard.levels == 0...4)
        #expect(RatingScale.standard.maximum == 4)
        #expect(RatingScale.standard.contains(4))
        #expect(!RatingScale.standard.contains(5))
        #expect(!RatingScale.standard.contains(-1))
    }

    @Test func aGuideMayChooseItsOwnScale() {
        let scale = RatingScale(levels: 1...5, anchors: [5: "teaches it"])
        #expect(scale.maximum == 5)
        #expect(!scale.contains(0))
        #expect(scale.anchors[5] == "teaches it")
    }
}
