import Foundation
@testable import InterviewCore
import Testing

/// The default bands' labels hold both languages; each reader sees their own half; an author's label
/// that is one of the usual words is translated, any other shown as written.
@Suite("Recommendation labels in the reader's language")
struct RecommendationBandLabelTests {
    @Test func everyDefaultBandShowsOneLanguage() {
        for band in RecommendationBand.defaults {
            let english = band.label(in: .en), chinese = band.label(in: .zh)
            #expect(!english.isEmpty && !chinese.isEmpty && band.label.contains(english))
            #expect(!english.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(english)")
            #expect(!chinese.unicodeScalars.contains { ("A"..."z").contains(Character($0)) }, "\(chinese)")
        }
        #expect(RecommendationBand.defaults.map { $0.label(in: .zh) } == ["强烈推荐", "推荐", "倾向不录用", "不推荐"])
        #expect(RecommendationBand.defaults.map { $0.label(in: .en) } == ["Strong hire", "Hire", "Lean no", "No hire"])
    }

    @Test func noDecisionAndAuthorsLabels() {
        #expect(RecommendationBand.shown("No decision", in: .zh) == "不作推荐")
        #expect(RecommendationBand.shown("不作推荐", in: .en) == "No decision")
        // A guide's own label that is one of the usual words is said in the reader's language (the bundled
        // Chinese guide's "待定" on an English page); any other label is the author's, as written.
        #expect(RecommendationBand.shown("待定", in: .en) == "Undecided")
        #expect(RecommendationBand.shown("推荐", in: .en) == "Hire" && RecommendationBand.shown("推荐", in: .zh) == "推荐")
        #expect(RecommendationBand(id: "hire", label: "Hire", minimum: 60).label(in: .zh) == "推荐")
        #expect(RecommendationBand(id: "bar", label: "Bar raiser", minimum: 90).label(in: .zh) == "Bar raiser")
        #expect(RecommendationBand.shown("值得二面", in: .en) == "值得二面")
    }

    @Test func aReportShowsTheBandInItsLanguage() throws {
        // setup: the scripted session's guide has no bands of its own, so the defaults
        let script = try ReportTestSession.script()
        let guide = script.driver.guide
        #expect(guide.bands == RecommendationBand.defaults)
        // act
        let english = InterviewReport.make(guide: guide, state: script.state, audience: .interviewer, language: .en)
        let chinese = InterviewReport.make(guide: guide, state: script.state, audience: .interviewer, language: .zh)
        // verify: one language each, in the headline and on the chart's band lines
        let band = try #require(english.band)
        #expect(RecommendationBand.defaults.map { $0.label(in: .en) }.contains(band))
        #expect(chinese.band == RecommendationBand.defaults.first { $0.label(in: .en) == band }?.label(in: .zh))
        let html = HTMLReport.render(english, guide: guide)
        #expect(html.contains("Strong hire ≥ 85") && !html.contains("强烈推荐"))
    }
}
