import Flowchart
import Foundation
import InterviewCore
import Testing

/// `interview guide convert`: a guide rewritten in the other diagram language is the same interview.
@Suite("Guide conversion between flowchart.js and Mermaid")
struct GuideConversionTests {
    /// What an interview runs on, without the stored chart text (which is canonical flowchart.js in both).
    static func interview(_ guide: Guide) -> [String] {
        guide.stages.flatMap { stage -> [String] in
            ["stage \(stage.key) \(stage.title) \(stage.requirement) \(stage.questions.map(\.text))"]
                + stage.topics.flatMap { topic -> [String] in
                    ["topic \(topic.key) \(topic.title) start=\(topic.start ?? "-") pick=\(topic.isPickList)"]
                        + topic.questions.map { "  q \($0.id) \($0.text) ref=\($0.reference ?? "-") w=\($0.weight) l=\($0.level)" }
                        + topic.gates.map { "  g \($0.id) \($0.text) yes=\($0.yes ?? "-") no=\($0.no ?? "-") \($0.kind)" }
                        + topic.instructions.map { "  i \($0.id) \($0.text) calls=\($0.calls ?? "-")" }
                        + topic.steps.map { "  s \($0.id) \($0.kind) next=\($0.next ?? "-") yes=\($0.yes ?? "-") no=\($0.no ?? "-") paths=\($0.paths ?? [])" }
                }
        }
    }

    /// flowchart.js cannot hold `=>` in a question or `,` `(` in a gate's label; the converter writes
    /// full-width substitutes, and says so where each label is (a probe found them only by a diff).
    @Test func labelsWrittenWithSubstitutesAreWarnedOfWhereTheyAre() {
        // setup
        let markdown = "# G\n\n### 3. T\n\n#### 3.1 A\n\n```mermaid\nflowchart TD\n  s([Start]) --> q[\"Explain a => b\"]\n"
            + "  q --> g{Deeper?}\n  g -->|yes (C#)| d[Why?]\n  g -->|no| e([End])\n  d --> e\n```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .flowchartJS)
        let back = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        let warned = result.diagnostics.filter { $0.diagnostic.code == .labelRewritten }.map(\.diagnostic)
        #expect(result.converted == 1 && result.rewritten == 2 && warned.count == 2)
        #expect(warned.map(\.position.line) == [9, 11])
        #expect(warned[0].message.contains("it is written 'Explain a =＞ b'") && warned[1].message.contains("'yes （C#）'"))
        #expect(warned[0].text.zh.contains("已写成“Explain a =＞ b”"))
        #expect(result.markdown.contains("Explain a =＞ b"))
        #expect(back.rewritten == 0)
    }

    /// flowchart.js names a gate line's way (`c(yes@skip)`); Mermaid reads it from the label, and "skip"
    /// is a no: the gate's two ways swapped, the deeper question changed level, lint clean (a conversion
    /// probe). A label that reads as the other way is led by its own way's word, and said.
    @Test func aGateLabelThatReadsAsTheOtherWayIsLedByItsOwnWay() throws {
        // setup: the yes line says "skip", the no line "continue"; 跳过/不跳过 alike (led in the words of the
        // chart, whose questions are English here)
        func guide(_ yes: String, _ no: String) -> String {
            "# G\n\n### 1. S\n\n#### 1.1 T\n\n```flow\nst=>start: Start\nq1=>operation: Q1 (r1)\nc=>condition: Skip the deep part?\n"
                + "deep=>operation: Deep question (deep ref)\ne=>end: End\nst->q1->c\nc(yes@\(yes))->e\nc(no@\(no))->deep->e\n```\n"
        }
        for (yes, no, led) in [("skip", "continue", ["yes: skip", "no: continue"]), ("跳过", "不跳过", ["yes: 跳过", "no: 不跳过"]),
                               ("MySQL", "continue", ["MySQL", "no: continue"])] {
            let markdown = guide(yes, no)
            // act
            let result = GuideConversion.convert(markdown, to: .mermaid)
            // verify: the same interview, the labels led and said, and back in flowchart.js the same ways
            let original = GuideImporter.importMarkdown(markdown), mermaid = GuideImporter.importMarkdown(result.markdown)
            #expect(Self.interview(mermaid.guide) == Self.interview(original.guide), "\(result.markdown)")
            #expect(mermaid.guide.topics.first?.gates.first?.yes == "e")
            #expect(led.allSatisfy { result.markdown.contains("|\($0)|") }, "\(result.markdown)")
            let said = result.diagnostics.filter { $0.diagnostic.code == .labelRewritten }
            #expect(said.count == led.filter { $0.contains(":") || $0.contains("：") }.count && result.rewritten == said.count)
            #expect(said.allSatisfy { $0.diagnostic.text.en.contains("which Mermaid reads as a") && $0.diagnostic.text.zh.contains("Mermaid 会把它读成") })
            let back = GuideImporter.importMarkdown(GuideConversion.convert(result.markdown, to: .flowchartJS).markdown)
            #expect(Self.interview(back.guide) == Self.interview(original.guide))
        }
    }

    /// An id the other syntax cannot hold is renamed in the chart (`graph` is a Mermaid keyword; `q:1` has
    /// a character no Mermaid id holds); the front matter's entry for it was left under the old name, so
    /// its weight and reference were lost and lint failed on an unknown question (a conversion probe).
    /// Renamed there too, in place, whatever the key's quoting; said for each id.
    @Test func anIDRenamedInAChartIsRenamedInTheFrontMatter() throws {
        // setup: three ways to write a key, and a second topic whose `graph` is another question
        let markdown = """
            ---
            topics:
              "1":
                questions:
                  "graph":   # the keyword
                    weight: 2
                    reference: "BFS uses a queue, DFS a stack"
                  q:1: {weight: 3}
              Trees:
                questions: {end: {weight: 4}}
            ---
            # G
            ## Stage
            ### 1. Algorithms
            ```flow
            st=>start: Start
            graph=>operation: BFS vs DFS?
            q:1=>operation: Dijkstra?
            e=>end: End
            st->graph->q:1->e
            ```
            ### 2. Trees
            ```flow
            st=>start: Start
            end=>operation: AVL rotations?
            e=>end: End
            st->end->e
            ```

            """
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify: the same interview under the new ids, with every weight and the reference kept
        let original = GuideImporter.importMarkdown(markdown), converted = GuideImporter.importMarkdown(result.markdown)
        #expect(converted.errors.isEmpty, "\(converted.errors.map(\.diagnostic.message))")
        let questions = converted.guide.topics.flatMap(\.questions).map { "\($0.id) w=\($0.weight) ref=\($0.reference ?? "-")" }
        #expect(questions == ["graph_ w=2.0 ref=BFS uses a queue, DFS a stack", "q_1 w=3.0 ref=-", "end_ w=4.0 ref=-"], "\(result.markdown)")
        #expect(original.guide.topics.flatMap(\.questions).map(\.weight) == [2, 3, 4])
        // in place: the comment, the flow mappings and the order stay as written
        #expect(result.markdown.contains("      \"graph_\":   # the keyword\n") && result.markdown.contains("      \"q_1\": {weight: 3}\n")
                && result.markdown.contains("    questions: {\"end_\": {weight: 4}}\n"), "\(result.markdown)")
        let said = result.diagnostics.filter { $0.diagnostic.code == .idRenamed }.map(\.diagnostic)
        #expect(said.map(\.position.line) == [17, 18, 25])
        #expect(said[0].text.en == "Mermaid reads the id 'graph' as a keyword: it is written 'graph_', the question's key in scores and reports from now on; the front matter's entry for it is renamed too")
        #expect(said[1].text.zh.hasPrefix("Mermaid 的 id 中不能有“q:1”里的某些字符：已写成“q_1”"))
    }

    /// A key written so it cannot be renamed in place (YAML's explicit `? end`) is said, and the id's own
    /// warning no longer claims the front matter was renamed (a recheck).
    @Test func aFrontMatterKeyNotRenamedIsSaidAndNotClaimed() {
        // setup
        let markdown = "---\ntopics:\n  \"1\":\n    questions:\n      ? end\n      : {weight: 4}\n---\n# G\n### 1. Trees\n"
            + "```flow\nst=>start: Start\nend=>operation: AVL rotations?\ne=>end: End\nst->end->e\n```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        let said = result.diagnostics.filter { $0.diagnostic.code == .idRenamed }.map(\.diagnostic.text.en)
        #expect(said.count == 2, "\(said)")
        #expect(said.contains { $0.hasPrefix("the front matter names the question 'end', renamed 'end_' in its chart") })
        #expect(said.contains { $0.hasPrefix("Mermaid reads the id 'end' as a keyword") && !$0.contains("renamed too") })
    }

    /// A flowchart.js chart without link lines draws nothing and asks nothing; converted, its node became a
    /// question the original never asked, and the way back refused it (a conversion probe). Left, and said.
    @Test func aFlowchartJSChartWithoutLinesIsLeftAsItIs() {
        // setup
        let markdown = "# N\n\n### 1. S\n\n#### 1.1 T\n\n```flow\nop1=>operation: Lonely question (r1)\n```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        #expect(result.converted == 0 && result.markdown == markdown)
        let said = result.diagnostics.first { $0.diagnostic.code == .noLinks }
        #expect(said?.diagnostic.text.en.contains("left in flowchart.js; add its link lines to convert it") == true)
        #expect(said?.diagnostic.position.line == 7)
    }

    @Test func aChartWithErrorsIsConvertedAsRepairedAndCountedSo() {
        // setup: one chart whose last line names a node never defined, one clean
        let markdown = "# G\n\n### 3. T\n\n#### 3.1 A\n\n```flow\nst=>start: S\nop1=>operation: Q?\ne=>end\nst->op1-op9->e\n```\n\n"
            + "#### 3.2 B\n\n```flow\nst=>start: S\nop1=>operation: R?\ne=>end\nst->op1->e\n```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify: both converted, one of them repaired, and the errors that say what was dropped kept
        #expect(result.converted == 2 && result.repaired == 1)
        #expect(result.diagnostics.contains { $0.diagnostic.severity == .error })
    }

    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func theSeedInMermaidImportsToTheSameGuide() throws {
        // setup
        let original = SeedGuide.imported()
        // act
        let converted = GuideConversion.convert(SeedGuide.text, to: .mermaid)
        let mermaid = GuideImporter.importMarkdown(converted.markdown, path: "seed.md")
        // verify: every chart converted, none left in flowchart.js, the same interview
        #expect(converted.converted == 10)   // the ten technical topics
        #expect(!converted.markdown.contains("```flow"))
        #expect(converted.markdown.components(separatedBy: "```mermaid").count - 1 == 10)
        #expect(Self.interview(mermaid.guide) == Self.interview(original.guide))
        // Each topic keeps its chart in the language it was written in, the same graph either way.
        #expect(mermaid.guide.topics.allSatisfy { DiagramSyntax.of($0.flowchart) == .mermaid })
        #expect(mermaid.guide.topics.map { DiagramSyntax.parse($0.flowchart).graph.nodes.map(\.id) }
                == original.guide.topics.map { DiagramSyntax.parse($0.flowchart).graph.nodes.map(\.id) })
        #expect(mermaid.guide.topics.map { DiagramSyntax.parse($0.flowchart).graph.edges.map { "\($0.from)\($0.branch)\($0.to)" }.sorted() }
                == original.guide.topics.map { DiagramSyntax.parse($0.flowchart).graph.edges.map { "\($0.from)\($0.branch)\($0.to)" }.sorted() })
        #expect(mermaid.guide.preface == original.guide.preface && mermaid.guide.afterword == original.guide.afterword)
    }

    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func aScriptedInterviewScoresTheSameThroughBoth() throws {
        // setup
        let mermaid = GuideImporter.importMarkdown(GuideConversion.convert(SeedGuide.text, to: .mermaid).markdown).guide
        // act
        let original = try ReportSeedInterviewTests.script()
        var converted = try SessionTestScript(guide: mermaid)
        for command in ReportSeedInterviewTests.commands { try converted.run(command) }
        let a = Scoring.score(original.driver.guide, original.state), b = Scoring.score(mermaid, converted.state)
        // verify
        #expect(converted.state.isFinished)
        #expect(converted.events.map(\.kind) == original.events.map(\.kind))
        #expect(b.overall == a.overall && a.overall != nil)
        #expect(b.topics.map(\.score) == a.topics.map(\.score))
        #expect(b.coverage == a.coverage)
    }

    /// From a probe: converting the seed's Mermaid back warned that 3.6's instruction is never reached,
    /// which lint does not say of a pick list (the interviewer picks there).
    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func conversionSaysOfAPickListWhatLintSays() throws {
        // setup
        let mermaid = GuideConversion.convert(SeedGuide.text, to: .mermaid).markdown
        // act
        let back = GuideConversion.convert(mermaid, to: .flowchartJS)
        // verify: the same unreachable findings as lint, none in 3.6
        let lint = GuideImporter.importMarkdown(mermaid).diagnostics.filter { $0.diagnostic.code == .unreachableNode }
        let said = back.diagnostics.filter { $0.diagnostic.code == .unreachableNode }
        #expect(said.map(\.diagnostic.position) == lint.map(\.diagnostic.position))
        #expect(!said.contains { $0.flowchart?.hasPrefix("3.6") == true })
    }

    @Test(.enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
    func onlyTheChartsChangeAndConvertingBackIsStable() throws {
        // setup
        let seed = SeedGuide.text
        // act
        let mermaid = GuideConversion.convert(seed, to: .mermaid).markdown
        let back = GuideConversion.convert(mermaid, to: .flowchartJS).markdown
        let again = GuideConversion.convert(back, to: .mermaid).markdown
        let unchanged = GuideConversion.convert(mermaid, to: .mermaid)
        // verify: outside the fences every line is the seed's own
        let outside = { (text: String) -> [String] in
            var inFence = false
            return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
                if line.hasPrefix("```") { inFence.toggle(); return nil }
                return inFence ? nil : String(line)
            }
        }
        #expect(outside(mermaid) == outside(seed))
        #expect(outside(back) == outside(seed))
        #expect(again == mermaid, "flowchart.js → Mermaid → flowchart.js → Mermaid settles after one round")
        #expect(unchanged.converted == 0 && unchanged.markdown == mermaid)
        #expect(Self.interview(GuideImporter.importMarkdown(back).guide) == Self.interview(SeedGuide.imported().guide))
    }

    @Test func anUnclosedChartIsReportedAndLeftAlone() {
        // setup
        let markdown = "# G\n### 1.Tech\n#### 1.1 A\n```flow\nst=>start: S\nop1=>operation: Q\nst->op1\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        #expect(result.converted == 0 && result.markdown == markdown)
        #expect(result.diagnostics.first?.diagnostic.code == .unclosedFence)
        #expect(result.diagnostics.first?.diagnostic.position == SourcePosition(line: 4, column: 1))
        #expect(result.diagnostics.first?.diagnostic.text.zh.hasSuffix("未转换") == true)
    }

    /// A block left open before the next topic holds that topic's heading: converted, the heading was lost
    /// and the two charts merged (the review). Left as it is, saying where to close it.
    @Test func aChartThatRunsOnIntoTheNextTopicIsLeftAlone() {
        // setup
        let chart = "```flow\nst=>start: S\nop1=>operation: Q\ne=>end: E\nst->op1->e\n"
        let markdown = "# G\n\n## 1. Tech\n\n### 1.1 A\n\n" + chart + "\n### 1.2 B\n\n" + chart + "```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        #expect(result.converted == 0 && result.markdown == markdown)
        let said = result.diagnostics.first { $0.diagnostic.code == .unclosedFence }?.diagnostic
        #expect(said?.position == SourcePosition(line: 7, column: 1))
        #expect(said?.text.en.contains("not closed before line 13") == true && said?.text.en.hasSuffix("; not converted") == true)
    }

    @Test func indentedAndTildeFencesKeepTheirShape() {
        // setup
        let markdown = "# G\n\n  ~~~~flow\n  st=>start: S\n  op1=>operation: Q\n  st->op1\n  ~~~~\ntail\n"
        // act
        let result = GuideConversion.convert(markdown, to: .mermaid)
        // verify
        #expect(result.converted == 1)
        #expect(result.markdown.hasPrefix("# G\n\n  ~~~~mermaid\n  flowchart TD\n"))
        #expect(result.markdown.hasSuffix("\n  ~~~~\ntail\n"))
    }

    @Test func aChartWithoutLinesStaysInMermaidWithAWarning() {
        // setup: a topic whose chart is one question; flowchart.js draws only from link lines
        let markdown = "# T\n\n## 1. Wrap-up\n\n### 1.1 Questions\n\n```mermaid\nflowchart TB\n    w1[Any questions for us?]\n```\n"
        // act
        let result = GuideConversion.convert(markdown, to: .flowchartJS)
        // verify: left as written, said at its fence, and the question still in the guide
        #expect(result.converted == 0 && result.markdown == markdown)
        let finding = result.diagnostics.first { $0.diagnostic.code == .noLinks }
        #expect(finding?.diagnostic.severity == .warning && finding?.diagnostic.position.line == 7)
        #expect(finding?.diagnostic.text.text(.zh).contains("保留为 Mermaid") == true)
        #expect(GuideImporter.importMarkdown(result.markdown, path: "t.md").guide.topics.first?.questions.map(\.id) == ["w1"])
    }
}
