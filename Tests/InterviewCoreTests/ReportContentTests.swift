import Foundation
@testable import InterviewCore
import Testing

@Suite("Reports: content per audience")
struct ReportContentTests {
    @Test func theInterviewerReportCarriesEveryQuestionWithRatingNoteAndReference() throws {
        // setup
        let (report, _) = try ReportTestSession.report(.interviewer)
        // act
        let markdown = MarkdownReport.render(report)
        let redis = try #require(report.topic("3.2.1"))
        // verify
        #expect(redis.questions.first { $0.id == "op4" }?.notes.map(\.text) == ["知道跳表，说不清层数"])
        #expect(redis.questions.first { $0.id == "op4" }?.reference == "跳表skiplist")
        #expect(redis.questions.first { $0.id == "op5" }?.skipReason == "没做过集群")
        #expect(markdown.contains("| op4 | redis的有序集合的底层实现 | 2 | 2 | 已评分 | 2/4 | 知道跳表，说不清层数 | 跳表skiplist |"))
        #expect(markdown.contains("- 得分 = 100 × (4×1 + 3×1 + 4×1 + 2×2 + 1×2 + 3×2) / (4×1 + 4×1 + 4×1 + 4×2 + 4×2 + 4×2) = 100 × 23 / 36 = 63.9"))
        #expect(markdown.contains("表达清楚 &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(report.band != nil)
    }

    @Test func aKnockoutThatMovedTheRecommendationSaysSoAndWhatTheOverallAloneGives() throws {
        // setup: Redis rated at the top; MySQL (a knockout at 40) basics at the top too but "no" at its gate
        // (100 × 20 / 52 = 38.5); MySQL never entered in the second
        let guide = SessionTestGuide.guide(knockout: 40)
        var failed = try SessionTestScript(guide: guide)
        for line in ["f", "f", "f", "4", "4", "4", "y", "4", "4", "4", "4", "4", "4", "4", "4", "4", "n", "e", "y"] { _ = try failed.run(line) }
        var passed = try SessionTestScript(guide: guide)
        for line in ["f", "f", "f", "4", "4", "4", "y", "4", "4", "4", "4", "e", "y"] { _ = try passed.run(line) }
        // act
        let english = InterviewReport.make(guide: guide, state: failed.state, audience: .interviewer, language: .en)
        let chinese = InterviewReport.make(guide: guide, state: failed.state, audience: .interviewer, language: .zh)
        let candidate = InterviewReport.make(guide: guide, state: failed.state, audience: .candidate, language: .en)
        let clean = InterviewReport.make(guide: guide, state: passed.state, audience: .interviewer, language: .en)
        // verify: the overall alone ((100 + 1.5 × 38.46) / 2.5 = 63.1) is in another band than the knockout's lowest one
        let card = Scoring.score(guide, failed.state)
        let byOverall = try #require(Recommendation.band(guide.bands, overall: card.overall, knockedOut: false))
        #expect(card.band?.id == "no-hire" && byOverall.id != "no-hire")
        let effect = try #require(english.knockoutEffect)
        #expect(effect.contains("\"\(try #require(card.band).label(in: .en))\"") && effect.contains("\"\(byOverall.label(in: .en))\""))
        #expect(MarkdownReport.render(english).contains(effect))
        #expect(HTMLReport.render(english, guide: guide).contains("whatever the overall"))
        #expect(chinese.knockoutEffect?.contains("仅按总分应为") == true)
        #expect(candidate.knockoutEffect == nil && clean.knockoutEffect == nil)
    }

    @Test func aTopicNeverEnteredHasNoCoverageFormula() throws {
        // setup: only Redis entered
        var script = try SessionTestScript()
        for line in ["j 3.2.1", "3", "3", "3"] { try script.run(line) }
        // act
        let report = InterviewReport.make(guide: script.driver.guide, state: script.state, audience: .interviewer, language: .en)
        // verify: "= 0.0" for a topic whose coverage is none was read as a 0 by a tool
        let mysql = try #require(report.topic("3.2.2"))
        #expect(mysql.coverage == nil && mysql.formulas.coverage == "–" && mysql.formulas.deeperShare == "–")
        #expect(report.topic("3.2.1")?.formulas.coverage.hasPrefix("100 × ") == true)
    }

    /// Moving on at a "go deeper?" gate leaves its deeper questions out of the score, where "no" counts them
    /// as not demonstrated: the report says the gate was shown and left unanswered, and what that did.
    @Test func aGateLeftUnansweredIsNotCalledNotReached() throws {
        // setup: Redis basics rated, the walk stands at cond1; MySQL never entered
        var script = try SessionTestScript()
        for line in ["j 3.2.1", "3", "3", "3"] { try script.run(line) }
        // act
        let report = InterviewReport.make(guide: script.driver.guide, state: script.state, audience: .interviewer, language: .en)
        let markdown = MarkdownReport.render(report)
        // verify
        #expect(report.topic("3.2.1")?.gates.first { $0.id == "cond1" }?.leftUnanswered == true)
        #expect(report.topic("3.2.2")?.gates.allSatisfy { $0.leftUnanswered == nil } == true)
        #expect(markdown.contains("cond1 是否需要深入redis? → left unanswered (the questions behind it count neither for nor against"))
    }

    @Test func theCandidatesOverallIsEachTopicsShareTimesItsScore() throws {
        // setup
        let (report, _) = try ReportTestSession.report(.candidate)
        let entered = report.topics.filter { $0.score != nil }
        try #require(entered.count > 1, "the scripted session enters several topics")
        // act: the shares and scores read back from the formula the candidate sees
        let terms = report.overallFormula.components(separatedBy: " = ")[0].components(separatedBy: " + ").map { term in
            term.components(separatedBy: "% × ").compactMap(Double.init)
        }
        // verify: one share per topic entered, together 100 %, recomputing the overall to its shown decimal
        #expect(terms.count == entered.count && terms.allSatisfy { $0.count == 2 })
        #expect(abs(terms.map { $0[0] }.reduce(0, +) - 100) < 0.1)
        let recomputed = terms.map { $0[0] / 100 * $0[1] }.reduce(0, +)
        #expect(abs(recomputed - (report.overall ?? -1)) < 0.2, "\(report.overallFormula)")
    }

    @Test func anAmpersandStaysAsWrittenUnlessItWouldStartACharacterReference() {
        #expect(MarkdownReport.inline("Browser & rendering") == "Browser & rendering")
        #expect(MarkdownReport.inline("write &lt; or &#60; & R&D") == "write &amp;lt; or &amp;#60; & R&D")
        #expect(MarkdownReport.inline("<b>|x</b>") == "&lt;b&gt;\\|x&lt;/b&gt;")
    }

    @Test func theCandidateReportLeavesOutPrivateNotesReferencesWeightsAndTheVerdict() throws {
        // setup
        let (report, guide) = try ReportTestSession.report(.candidate)
        // act
        let outputs = [MarkdownReport.render(report), JSONReport.render(report), HTMLReport.render(report, guide: guide)]
        // verify
        for text in outputs {
            #expect(!text.contains("表达清楚"))
            #expect(!text.contains("知道跳表"))
            #expect(!text.contains("跳表skiplist"))
            // "100 × 23 / 36" is fine; "4×2" would be a raw weight
            #expect(!(0...9).contains { text.contains("\($0)×") })
            #expect(text.contains("四次挥手讲得很清楚"))
        }
        #expect(report.band == nil)
        #expect(report.topics.allSatisfy { $0.weight == nil && $0.questions.allSatisfy { $0.weight == nil && $0.reference == nil } })
        #expect(report.feedback.first == "3.2.1 redis的问题：基础扎实，但仍有欠缺；我们进一步讨论了深入的问题。")
    }

    @Test func fixedTextsFollowTheGuidesLanguage() throws {
        // setup
        let (zh, _) = try ReportTestSession.report(.interviewer, language: "zh-CN")
        let (en, _) = try ReportTestSession.report(.interviewer, language: "en")
        // act
        let (chinese, english) = (MarkdownReport.render(zh), MarkdownReport.render(en))
        // verify
        #expect(chinese.hasPrefix("# 面试报告 — 后端面试流程归纳总结"))
        #expect(english.hasPrefix("# Interview report — 后端面试流程归纳总结"))
        #expect(english.contains("| op3 | 为什么TCP/IP建立连接需要三次握手，为什么不能是2次？ | 2 | 2 | not demonstrated | – |"))
    }

    @Test func theJSONReportDecodesBackToTheSameModel() throws {
        // setup
        let (report, _) = try ReportTestSession.report(.interviewer)
        // act
        let decoded = try JSONDecoder().decode(InterviewReport.self, from: Data(JSONReport.render(report).utf8))
        // verify
        #expect(decoded == report)
    }
}
