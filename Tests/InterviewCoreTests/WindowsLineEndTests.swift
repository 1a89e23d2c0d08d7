import Flowchart
import Foundation
import InterviewCore
import Testing

/// A guide saved on Windows ("\r\n" line ends) reads as the same guide: it was once one long line to the
/// importer and to lint (0 flowcharts, the whole file its title), because "\r\n" is one Character.
@Suite("Guides with Windows line ends")
struct WindowsLineEndTests {
    static let guide = """
    # Backend guide

    ## 1. Technical

    ### 1.1 Redis

    ```flow
    st=>start: Start
    op1=>operation: Which data types does Redis have?(string, hash, list, set, zset)
    cond1=>condition: Go deeper?
    op2=>operation: How is a sorted set stored?(listpack, then skiplist plus dict)
    e=>end: End
    st->op1->cond1
    cond1(yes)->op2->e
    cond1(no)->e
    ```

    ### 1.2 MySQL

    ```mermaid
    flowchart TD
        s([Start]) --> q1[What is MVCC?]
        q1 --> e([End])
    ```

    """
    static let windows = guide.replacingOccurrences(of: "\n", with: "\r\n")

    @Test func itImportsToTheSameGuide() {
        // act
        let unix = GuideImporter.importMarkdown(Self.guide, path: "g.md")
        let windows = GuideImporter.importMarkdown(Self.windows, path: "g.md")
        // verify: the same stages, topics, questions and version, and no finding about the line ends
        #expect(windows.guide.title == "Backend guide")
        #expect(windows.chartCount == 2)
        #expect(GuideConversionTests.interview(windows.guide) == GuideConversionTests.interview(unix.guide))
        #expect(windows.guide.topics.flatMap(\.questions).count == 3)
        #expect(windows.diagnostics.map(\.diagnostic.code) == unix.diagnostics.map(\.diagnostic.code))
    }

    @Test func lintFindsTheSameChartsAndFindingsAtTheSamePlaces() {
        // setup: a mistake to be found on line 14 of both
        let broken = Self.guide.replacingOccurrences(of: "cond1(no)->e", with: "cond1(no)->missing")
        // act
        let unix = FlowchartDocument(text: broken, path: "g.md")
        let windows = FlowchartDocument(text: broken.replacingOccurrences(of: "\n", with: "\r\n"), path: "g.md")
        // verify
        #expect(windows.charts.count == 2)
        #expect(windows.allDiagnostics == unix.allDiagnostics)
        #expect(!windows.allDiagnostics.isEmpty)
        #expect(windows.charts.map { $0.parsed.graph } == unix.charts.map { $0.parsed.graph })
    }

    @Test func convertingKeepsTheFilesLineEnds() {
        // act
        let converted = GuideConversion.convert(Self.windows, to: .mermaid)
        // verify: every line still ends in "\r\n", and it reads as the original
        #expect(converted.converted == 1)
        #expect(!converted.markdown.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(GuideConversionTests.interview(GuideImporter.importMarkdown(converted.markdown).guide)
                == GuideConversionTests.interview(GuideImporter.importMarkdown(Self.guide).guide))
    }
}
