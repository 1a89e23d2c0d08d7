import Foundation
@testable import InterviewCore
import Testing

/// A skip without a reason: stored with a stock one, shown in the reader's language.
@Suite("Skip reasons in the reader's language")
struct SkipReasonTests {
    @Test func theStockReasonIsShownInTheReadersLanguageAndATypedOneAsWritten() {
        #expect(SkipReason.recorded(nil, language: .en) == "skipped by the interviewer")
        #expect(SkipReason.recorded("", language: .zh) == "面试官跳过")
        #expect(SkipReason.recorded("no time", language: .zh) == "no time")
        #expect(SkipReason.shown("skipped by the interviewer", in: .zh) == "面试官跳过")
        #expect(SkipReason.shown("面试官跳过", in: .en) == "skipped by the interviewer")
        #expect(SkipReason.shown("", in: .en) == "skipped by the interviewer")
        #expect(SkipReason.shown("没做过集群", in: .en) == "没做过集群")
    }

    @Test func aReportShowsAnUnexplainedSkipInItsLanguage() throws {
        // setup: the first stages finished, the first question skipped without a reason
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "s")
        let skipped = try #require(script.events.compactMap { event -> String? in
            if case .questionSkipped(_, let reason) = event.kind { return reason }
            return nil
        }.first)
        // act
        let chinese = InterviewReport.make(guide: script.driver.guide, state: script.state, audience: .interviewer, language: .zh)
        let english = InterviewReport.make(guide: script.driver.guide, state: script.state, audience: .interviewer, language: .en)
        // verify
        #expect([SkipReason.stock.en, SkipReason.stock.zh].contains(skipped))
        let reasons = { (report: InterviewReport) in report.topics.flatMap(\.questions).compactMap(\.skipReason) }
        #expect(reasons(chinese) == ["面试官跳过"])
        #expect(reasons(english) == ["skipped by the interviewer"])
    }
}
