import Foundation
import InterviewCore

/// A finished session over the hand-built seed copy, with private and shared notes (one carrying
/// markup, to prove it is escaped), a skip, both gate answers and a jump.
enum ReportTestSession {
    static func script() throws -> SessionTestScript {
        var script = try SessionTestScript()
        try script.run("f", "m 表达清楚 <script>alert(1)</script>", "f", "f",
                       "4", "3", "4", "y", "m 知道跳表，说不清层数", "2", "s 没做过集群", "j 3.5.1", "3", "3", "n",
                       "M 四次挥手讲得很清楚", "4", "1", "3", "2", "2", "2", "2", "1", "n", "f", "f", "f")
        return script
    }

    static func report(_ audience: ReportAudience, language: String? = "zh") throws -> (InterviewReport, Guide) {
        let script = try script()
        var guide = script.driver.guide
        guide.language = language
        return (InterviewReport.make(guide: guide, state: script.state, audience: audience), guide)
    }
}
