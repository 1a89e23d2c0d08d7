import Foundation
import Testing
@testable import Flowchart

@Suite("Lint report formats")
struct LintReportTests {
    static let guide = "# G\n### 3.1 Topic\n```flow\nst=>start\nop3=>opeartion: 问题\ne=>end\nst->op3->e\n```\n"

    @Test func textLinesNameFileLineColumnAndHeading() {
        // setup
        var report = LintReport()
        // act
        report.add(FlowchartDocument(text: Self.guide, path: "g.md"), file: "g.md")
        // verify
        let lines = report.text().split(separator: "\n").map(String.init)
        #expect(lines == [
            "g.md:5:6: error: unknown node type 'opeartion' — did you mean 'operation'? [in 3.1 Topic]",
            "1 error and 0 warnings in 1 file (1 flowchart)",
        ])
    }

    @Test func snippetsShowTheLineCaretAndFix() {
        var report = LintReport()
        report.add(FlowchartDocument(text: Self.guide, path: "g.md"), file: "g.md")
        let text = report.text(sources: ["g.md": Self.guide])
        #expect(text.contains(" 5 | op3=>opeartion: 问题\n   |      ^\n   = fix: op3=>operation: 问题\n"))
    }

    @Test func snippetsShowTheLineOfAWindowsFileToo() {
        // setup: the same guide with "\r\n" line ends ("\r\n" is one Character, and one line was found)
        let windows = Self.guide.replacingOccurrences(of: "\n", with: "\r\n")
        var report = LintReport()
        report.add(FlowchartDocument(text: windows, path: "g.md"), file: "g.md")
        // act
        let text = report.text(sources: ["g.md": windows])
        // verify
        #expect(text.contains(" 5 | op3=>opeartion: 问题\n   |      ^\n   = fix: op3=>operation: 问题\n"), "\(text)")
    }

    @Test func jsonHasTheDocumentedFields() throws {
        // setup
        var report = LintReport()
        report.add(FlowchartDocument(text: Self.guide, path: "g.md"), file: "g.md")
        // act
        let array = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
        // verify
        #expect(array.count == 1)
        let first = try #require(array.first)
        #expect(first["file"] as? String == "g.md")
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 6)
        #expect(first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.hasPrefix("unknown node type") == true)
        let fix = try #require(first["fix"] as? [String: Any])
        #expect(fix["replacement"] as? String == "operation")
    }

    @Test func cleanFileSaysSo() {
        var report = LintReport()
        report.add(FlowchartDocument(text: "st=>start\ne=>end\nst->e", path: "a.flow"), file: "a.flow")
        #expect(report.text() == "no problems in 1 file (1 flowchart)\n")
        #expect(report.json() == "[\n\n]" || report.json() == "[]")
    }
}
