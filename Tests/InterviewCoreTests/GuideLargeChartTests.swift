import Testing
@testable import InterviewCore

/// Large charts import and show in time that grows with their size (a probe: telling depth gates from
/// path gates searched the rest of the chart from every gate, so 5,000 chained gates took minutes to
/// lint; `guide show` looked each step's question up through the whole topic). The limit is a hang guard
/// for the debug build, not a performance figure: those come from the benchmark.
@Suite("Guides: large charts", .timeLimit(.minutes(1)))
struct GuideLargeChartTests {
    /// Gate i: yes to gate i+1, no past it to gate i+2 (each a depth gate: its no is reached from its yes).
    static func chainedGates(_ count: Int) -> String {
        var lines = ["# G", "## 1. Tech", "### 1.1 Chain", "```mermaid", "flowchart TD", "    s([Start]) --> c0"]
        for i in 0..<count {
            lines.append("    c\(i){Go deeper \(i)?} -->|yes| " + (i + 1 < count ? "c\(i + 1)" : "q"))
            lines.append("    c\(i) -->|no| " + (i + 2 < count ? "c\(i + 2)" : "q"))
        }
        lines += ["    q[Last question] --> e([End])", "```"]
        return lines.joined(separator: "\n")
    }

    @Test func tenThousandChainedGatesAreReadAsDepthGates() throws {
        // act
        let guide = GuideImporter.importMarkdown(Self.chainedGates(10_000)).guide
        // verify
        let topic = try #require(guide.topics.first)
        #expect(topic.gates.count == 10_000)
        #expect(topic.gates.allSatisfy { $0.kind == .depth })
        #expect(topic.questions.map(\.id) == ["q"])
    }

    @Test func aPathGateIsStillToldFromADepthGate() throws {
        // setup: yes and no lead to two questions that never meet again
        let markdown = "# G\n## 1. T\n### 1.1 P\n```mermaid\nflowchart TD\n  s([Start]) --> g{Web or data?}\n"
            + "  g -->|yes| a[Web question] --> e([End])\n  g -->|no| b[Data question] --> e2([End])\n```\n"
        // act
        let topic = try #require(GuideImporter.importMarkdown(markdown).guide.topics.first)
        // verify
        #expect(topic.gates.map(\.kind) == [.path])
    }

    @Test func theOutlineOfAFortyThousandQuestionChartNamesEveryQuestion() throws {
        // setup
        let ids = (0..<40_000).map { "q\($0)" }
        let markdown = "# G\n## 1. T\n### 1.1 Long\n```mermaid\nflowchart TD\n  s([Start]) --> q0\n"
            + zip(ids, ids.dropFirst()).map { "  \($0)[Question \($0)] --> \($1)\n" }.joined() + "```\n"
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act
        let outline = GuideOutline.text(guide, language: .en)
        // verify
        #expect(guide.topics.first?.questions.count == 40_000)
        #expect(outline.contains("  q39998  Question q39998 ") && outline.contains("  q39999  q39999 "))
    }
}
