import Foundation
@testable import InterviewCore
import Testing

@Suite("Reports: the self-contained HTML file")
struct ReportHTMLTests {
    @Test func nothingIsFetchedAndNothingRuns() throws {
        // setup
        let (report, guide) = try ReportTestSession.report(.interviewer)
        // act
        let html = HTMLReport.render(report, guide: guide)
        // verify: the only URL is the SVG namespace, which is a name, not a fetch
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        for fetch in ["src=", "href=", "@import", "<link", "<img", "<iframe"] {
            #expect(!html.lowercased().contains(fetch), "found \(fetch)")
        }
        // Arrowheads use url(#marker), a reference inside the file; nothing else may use url().
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(Set(urls) == ["://www.w3.org/2000/svg\" class="])
    }

    @Test func userTextIsEscaped() throws {
        // setup: a private note reads "表达清楚 <script>alert(1)</script>"
        let (report, guide) = try ReportTestSession.report(.interviewer)
        // act
        let html = HTMLReport.render(report, guide: guide)
        // verify
        #expect(html.contains("表达清楚 &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// Every report of a guide had the same window title; a reader switching windows (or a screen reader
    /// listing them) could not tell two candidates' apart (an accessibility audit).
    @Test func theWindowTitleNamesTheCandidate() throws {
        // setup
        var (report, guide) = try ReportTestSession.report(.interviewer)
        report.candidate = "Wang <b>Li</b>"
        // act
        let html = HTMLReport.render(report, guide: guide)
        // verify: named, escaped, and the page's heading unchanged
        #expect(html.contains("<title>面试报告 — 后端面试流程归纳总结 — Wang &lt;b&gt;Li&lt;/b&gt;</title>"))
        #expect(html.contains("<h1>面试报告 — 后端面试流程归纳总结</h1>"))
    }

    @Test func eachTopicEnteredIsDrawnWithThePathTakenHighlighted() throws {
        // setup
        let (report, guide) = try ReportTestSession.report(.interviewer)
        // act
        let html = HTMLReport.render(report, guide: guide)
        let tcp = try #require(html.range(of: "id=\"topic-3.5.1\"")).upperBound
        let tcpSection = String(html[tcp...].prefix { $0 != "§" }).components(separatedBy: "</section>")[0]
        // verify: in TCP the walk took "no" at cond1, so op3 stays unlit and the no-link is lit
        #expect(html.components(separatedBy: "class=\"flowchart\"").count - 1 == report.topics.filter(\.entered).count)
        #expect(tcpSection.contains("<title>3.5.1 TCP/IP相关问题</title>"))
        #expect(report.topic("3.5.1")?.path == ["st", "op1", "op2", "op4", "cond1", "e"])
        #expect(report.topic("3.5.1")?.moves.map(\.branch) == ["next", "next", "next", "no", "next"])
        #expect(tcpSection.contains("taken"))
    }

    @Test func topicScoresAreChartedAsInlineSVG() throws {
        // setup
        let (report, guide) = try ReportTestSession.report(.interviewer)
        // act
        let html = HTMLReport.render(report, guide: guide)
        // verify: a chart for wide screens and one for phones, each with one bar per topic with a score
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart wide\" width=\"780\""))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart narrow\" width=\"340\""))
        #expect(html.components(separatedBy: "<rect class=\"bar\"").count - 1 == 2 * report.topics.filter { $0.score != nil }.count)
    }

    @Test func thePhonesChartPutsEachTitleAboveItsBarWithinItsWidth() {
        // setup: a long Chinese title, which beside a bar is cut at 230 px and above one at 340 px
        let title = String(repeating: "数据库索引", count: 8)
        let rows = [ScoreChartSVG.Row(label: title, score: 100, accuracy: 50, note: "100%")]
        // act
        let narrow = ScoreChartSVG.render(rows, bands: [], title: "t", accuracyLabel: "a", layout: .narrow)
        let wide = ScoreChartSVG.render(rows, bands: [], title: "t", accuracyLabel: "a")
        // verify: the title starts the row at x 0, the full bar spans 250 of 340, the value right of it
        #expect(narrow.contains("<text class=\"label\" x=\"0\" y=\"56\">"))
        #expect(narrow.contains("<rect class=\"bar\" x=\"0\" y=\"62\" width=\"250\""))
        #expect(narrow.contains("<text class=\"value\" x=\"258\""))
        let shown = { (svg: String) in svg.components(separatedBy: "<text class=\"label\"")[1].split(separator: ">")[1].split(separator: "<")[0] }
        #expect(shown(narrow).count > shown(wide).count && shown(narrow).hasSuffix("…"))
        #expect(Double(shown(narrow).count - 1) * 13 <= 340 - 16)
    }
}
