import Flowchart
import Testing
@testable import InterviewCore

@Suite("Guide import: the seed's real structure", .enabled(if: SeedGuide.isAvailable, SeedGuide.skipMessage))
struct SeedImportTests {
    @Test func stagesWithTheirRequiredFlags() {
        // act
        let guide = SeedGuide.imported().guide
        // verify
        #expect(guide.title == "后端面试流程归纳总结")
        #expect(guide.stages.map(\.number) == ["0", "1", "2", "3", "4", "5"])
        #expect(guide.stages.map(\.requirement) == [.unspecified, .required, .unspecified, .required, .optional, .required])
        #expect(guide.stages[1].title == "请面试者做基本介绍")
        #expect(guide.stages[2].questions.map(\.number) == ["2.1", "2.2"])
        #expect(guide.stages[2].questions[0].text == "询问面试者自己的优点和缺点")
        #expect(guide.stages[1].guidance.contains("轻松的氛围"))
        #expect(guide.preface.map(\.title) == ["后端面试流程归纳总结", "概述", "面试题基本流程"])
        #expect(guide.afterword.map(\.title) == ["结语"])
    }

    @Test func everyTopicWithGroupsAndUniqueKeys() {
        let stage = SeedGuide.imported().guide.stages[3]
        #expect(stage.topics.map(\.key) == ["3.1", "3.2.1", "3.2.2", "3.2.3", "3.3", "3.4", "3.5.1", "3.5.2", "3.6", "3.6 一些开放式技术问题"])
        #expect(stage.groups.map(\.key) == ["3.2", "3.5"])
        #expect(stage.topics[1].group == "3.2")
        #expect(stage.groups[0].guidance.contains("跳转到缓存和数据库"))
    }

    @Test func questionsCarryTheirReferenceAnswers() throws {
        let redis = try #require(SeedGuide.imported().guide.topic("3.2.1"))
        let op4 = try #require(redis.question("op4"))
        #expect(op4.text == "redis的有序集合的底层实现")
        #expect(op4.reference == "跳表skiplist")
        #expect(op4.level == 2)
        #expect(op4.weight == 2)
        #expect(redis.question("op1")?.level == 1)
        #expect(redis.questions.count == 7)
    }

    @Test func gatesAndLevelsFollowTheFlowchart() throws {
        let guide = SeedGuide.imported().guide
        let tcp = try #require(guide.topic("3.5.1"))
        // cond1: yes → op3 → op4, no → op4: op4 is asked either way, so it stays basic.
        #expect(tcp.gates.map(\.id) == ["cond1"])
        #expect(tcp.gates[0].kind == .depth)
        #expect(tcp.question("op3")?.level == 2)
        #expect(tcp.question("op4")?.level == 1)
        let python = try #require(guide.topic("3.3"))
        #expect(python.gates.map(\.id) == ["cond1", "cond2", "cond3"])
        #expect(python.question("op8")?.level == 2)
        #expect(python.question("op10")?.level == 1)
        #expect(python.question("op9") == nil)   // never linked: not part of the walk
    }

    @Test func brokenChartIsRepairedAndStillUsable() throws {
        let web = try #require(SeedGuide.imported().guide.topic("3.1"))
        #expect(web.questions.map(\.id) == ["op1", "op2", "op3", "op4", "op5", "op6"])
        #expect(web.step("op6")?.next == "e")
        #expect(web.flowchart.contains("op3=>operation: 什么是cookie/什么是session"))
    }

    @Test func openQuestionsAreAPickList() throws {
        let open = try #require(SeedGuide.imported().guide.topic("3.6 一些开放式技术问题"))
        #expect(open.isPickList)
        #expect(open.instructions.map(\.text) == ["根据时机情况选择问题"])
        #expect(open.questions.count == 4)
    }

    @Test func aTopicToEnterWhenTheMomentFitsButDrawnWithAGateIsWalkedNotPicked() throws {
        // setup: guidance saying 择机 (enter when the moment fits) over a chart with a "go deeper?" gate
        let markdown = "# 指南\n\n### 3. 技术问题\n\n#### 3.8 Kafka\n候选人提到消息队列时择机进入。\n\n```mermaid\nflowchart TD\n"
            + "    st([开始]) --> k1[\"分区和副本是什么？\"]\n    k1 --> c1{是否深入?}\n    c1 -->|是| k3[\"如何保证消息不丢失？\"]\n"
            + "    c1 -->|否| e([结束])\n    k3 --> e\n```\n\n#### 3.9 开放问题\n择机提出。\n\n```mermaid\nflowchart TD\n"
            + "    st([开始]) --> q1[\"如何处理日志？\"]\n    q1 --> q2[\"如何排查慢请求？\"]\n    q2 --> e([结束])\n```\n"
        // act
        let imported = GuideImporter.importMarkdown(markdown, path: "kafka.md")
        // verify: the gated topic is a sequence, with a warning that says how to make it a pick list; the
        // gateless one is still a pick list
        let kafka = try #require(imported.guide.topic("3.8"))
        #expect(!kafka.isPickList && kafka.gates.map(\.id) == ["c1"])
        let warning = try #require(imported.diagnostics.first { $0.diagnostic.code == .pickListGuidance })
        #expect(warning.diagnostic.severity == .warning && warning.diagnostic.position.line == 5)
        #expect(warning.diagnostic.text.zh.contains("pickList: true"))
        #expect(try #require(imported.guide.topic("3.9")).isPickList)
        #expect(imported.diagnostics.filter { $0.diagnostic.code == .pickListGuidance }.count == 1)
    }

    @Test func aDeclaredPickListsQuestionsWithNoLineToThemAreNoFinding() throws {
        // setup: open questions written one after another with no links, the topic declared a pick list
        // (its guidance says nothing that would make it one); the same chart in a topic not declared one
        let chart = "```mermaid\nflowchart TD\n    P1[\"Favourite data structure?\"]\n    P2[\"Hardest bug?\"]\n    P3[\"A design you regret?\"]\n```\n"
        let markdown = "---\ntopics:\n  \"2.3\":\n    pickList: true\n---\n\n# Guide\n\n## 2. Technical\n\n### 2.3 Open questions\n\n" + chart
            + "\n### 2.4 Open questions too\n\n" + chart
        // act
        let imported = GuideImporter.importMarkdown(markdown, path: "open.md")
        // verify: every question is the interviewer's to pick in 2.3, and none is "never asked" there;
        // 2.4 is walked, so its unlinked questions are still said
        let open = try #require(imported.guide.topic("2.3"))
        #expect(open.isPickList && open.questions.map(\.id) == ["P1", "P2", "P3"])
        let unreachable = imported.diagnostics.filter { $0.diagnostic.code == .unreachableNode }
        #expect(!unreachable.isEmpty && unreachable.allSatisfy { $0.flowchart?.hasPrefix("2.4") == true })
    }

    /// A ```flow block left open before the next topic ran on to that topic's closing fence: the topic
    /// vanished and the one before asked its questions, and no finding named the open fence (the
    /// terminal probe). A Python block's `# comment` is no heading.
    @Test func aChartBlockLeftOpenBeforeTheNextTopicIsNamedAtItsFence() throws {
        // setup
        let chart = "```flow\nst=>start: S\nop1=>operation: Q\ne=>end: E\nst->op1->e\n"
        let markdown = "# G\n\n## 3. Tech\n\n### 3.1 Redis\n\n" + chart + "\n### 3.2 MySQL\n\n" + chart + "```\n\n```python\n# a comment\nx = 1\n```\n"
        // act
        let imported = GuideImporter.importMarkdown(markdown, path: "g.md")
        let closed = GuideImporter.importMarkdown(markdown.replacingOccurrences(of: "\n### 3.2", with: "```\n### 3.2"), path: "g.md")
        // verify: at the open fence (line 7), naming the heading it ran past, with the fence to add before it
        let finding = try #require(imported.diagnostics.first { $0.diagnostic.code == .unclosedFence })
        #expect(finding.diagnostic.severity == .error && finding.diagnostic.position == SourcePosition(line: 7, column: 1))
        #expect(finding.diagnostic.text.en.contains("not closed before line 13 ('### 3.2 MySQL')"))
        #expect(finding.diagnostic.text.zh.contains("第 13 行"))
        #expect(finding.diagnostic.fix == Fix(start: SourcePosition(line: 13, column: 1), end: SourcePosition(line: 13, column: 1), replacement: "```\n"))
        #expect(imported.diagnostics.filter { $0.diagnostic.code == .unclosedFence }.count == 1)
        #expect(!closed.diagnostics.contains { $0.diagnostic.code == .unclosedFence })
        // a `# comment` line in a closed chart is no sign of a block left open (the review: it was an error)
        let commented = GuideImporter.importMarkdown("# G\n\n## 3. Tech\n\n### 3.1 Redis\n\n```flow\n# Redis basics\n" + chart.dropFirst(8) + "```\n", path: "g.md")
        #expect(!commented.diagnostics.contains { $0.diagnostic.code == .unclosedFence })
    }

    /// The last chart left open ran to the end of the file: the stages after it vanished, and each of their
    /// prose lines was a finding whose "fix" made things worse (a guide author's probe). It is read up to
    /// the next section's heading, with the fence to add there as the one finding.
    @Test func aLastChartLeftOpenEndsBeforeTheNextSection() throws {
        // setup
        let chart = "```mermaid\nflowchart TD\n  s([开始]) --> q1[什么是进程?(资源分配的单位)]\n  q1 --> e([结束])\n"
        let markdown = "# 校招指南\n\n## 2. 基础知识(必选)\n\n### 2.5 Python\n\n" + chart
            + "\n## 3. 项目经历(必选)\n\n- 项目的背景和你负责的部分\n- 留 5 分钟给候选人提问\n\n## 4. 反问\n\n候选人提问。\n"
        // act
        let imported = GuideImporter.importMarkdown(markdown, path: "g.md")
        let fixed = GuideImporter.importMarkdown(markdown.replacingOccurrences(of: "\n## 3.", with: "```\n## 3."), path: "g.md")
        // verify: one error, at the fence, closing it before line 12
        let errors = imported.diagnostics.filter { $0.diagnostic.severity == .error }
        #expect(errors.count == 1 && errors.first?.diagnostic.code == .unclosedFence)
        #expect(errors.first?.diagnostic.position == SourcePosition(line: 7, column: 1))
        #expect(errors.first?.diagnostic.fix == Fix(start: SourcePosition(line: 12, column: 1), end: SourcePosition(line: 12, column: 1), replacement: "```\n"))
        #expect(errors.first?.diagnostic.text.zh.contains("请在第 12 行之前加一行 ```") == true)
        // the stages after it are in the guide, and the chart asks its question, as once closed
        #expect(imported.guide.stages.map(\.number) == fixed.guide.stages.map(\.number))
        #expect(imported.guide.stages.count == 3)
        #expect(imported.guide.topic("2.5")?.questions.map(\.text) == fixed.guide.topic("2.5")?.questions.map(\.text))
        #expect(!fixed.diagnostics.contains { $0.diagnostic.severity == .error })
        // a `# comment` in a flowchart.js chart is no section: that block still runs to the end
        let commented = GuideImporter.importMarkdown("# G\n\n## 3. Tech\n\n### 3.1 Redis\n\n```flow\n# Redis basics\nst=>start: S\n", path: "g.md")
        let open = try #require(commented.diagnostics.first { $0.diagnostic.code == .unclosedFence })
        #expect(open.diagnostic.fix == nil && open.diagnostic.text.en.contains("to the end of the file"))
    }

    /// ``` does not close a ~~~ or ```` block (CommonMark), so the fix and the words name the block's own
    /// fence: applying a ``` fix left the block as open as before.
    @Test func aBlockLeftOpenIsClosedWithItsOwnFence() throws {
        // setup
        let chart = "st=>start: S\nop1=>operation: Q\ne=>end: E\nst->op1->e\n"
        for fence in ["~~~", "````"] {
            let markdown = "# G\n\n## 3. Tech\n\n### 3.1 Redis\n\n\(fence)flow\n" + chart + "\n### 3.2 MySQL\n\n\(fence)flow\n" + chart + "\(fence)\n"
            let unclosed = "# G\n\n## 3. Tech\n\n### 3.1 Redis\n\n\(fence)flow\n" + chart
            // act
            let imported = GuideImporter.importMarkdown(markdown, path: "g.md")
            let atEnd = GuideImporter.importMarkdown(unclosed, path: "g.md")
            // verify
            let finding = try #require(imported.diagnostics.first { $0.diagnostic.code == .unclosedFence })
            #expect(finding.diagnostic.fix?.replacement == fence + "\n")
            #expect(finding.diagnostic.text.en.contains("add \(fence) on a line before line 13"))
            #expect(finding.diagnostic.text.zh.contains("加一行 \(fence)"))
            let never = try #require(atEnd.diagnostics.first { $0.diagnostic.code == .unclosedFence })
            #expect(never.diagnostic.text.en.hasPrefix("this \(fence)flow block is never closed"))
            // the fix applied closes the block: no finding left
            let fixed = markdown.replacingOccurrences(of: "\n### 3.2", with: "\(fence)\n### 3.2")
            #expect(!GuideImporter.importMarkdown(fixed, path: "g.md").diagnostics.contains { $0.diagnostic.code == .unclosedFence })
        }
    }

    @Test func aGuideWithNothingToAskSaysSo() throws {
        // act
        let prose = GuideImporter.importMarkdown("# Only a title\n\nSome prose.\n", path: "empty.md")
        let seed = SeedGuide.imported()
        // verify
        let finding = try #require(prose.diagnostics.first { $0.diagnostic.code == .nothingToAsk })
        #expect(finding.diagnostic.severity == .error && finding.diagnostic.position.line == 1)
        #expect(finding.diagnostic.text.zh.contains("无题可问"))
        #expect(!seed.diagnostics.contains { $0.diagnostic.code == .nothingToAsk })
    }

    @Test func defectsComeOutAsDiagnostics() {
        #expect(SeedGuide.imported().located == [
            "20:6 unknown-type", "25:30 broken-arrow", "25:34 undefined-node", "84:1 unlinked-node",
            "164:1 duplicate-section", "168:1 unlinked-node",
        ])
    }
}

@Suite("Guide import: headings and answers")
struct HeadingTests {
    @Test(arguments: [
        ("1.请面试者做基本介绍(必选)", "1", "请面试者做基本介绍", Requirement.required),
        ("4.请介绍自己满意的项目(可选)", "4", "请介绍自己满意的项目", .optional),
        ("5. Candidate's questions (required)", "5", "Candidate's questions", .required),
        ("3.2.1 redis的问题", "3.2.1", "redis的问题", .unspecified),
        ("3.1一般python web 框架", "3.1", "一般python web 框架", .unspecified),
        ("结语", nil, "结语", .unspecified),
        ("2、热场（可选）", "2", "热场", .optional),
    ] as [(String, String?, String, Requirement)])
    func headingsSplitIntoNumberTitleAndRequirement(text: String, number: String?, title: String, requirement: Requirement) {
        let heading = SectionHeading(text)
        #expect(heading.number == number)
        #expect(heading.title == title)
        #expect(heading.requirement == requirement)
    }

    @Test func trailingBracketsAreTheReference() {
        #expect(ReferenceAnswer.split("redis的有序集合的底层实现(跳表skiplist)") == ("redis的有序集合的底层实现", "跳表skiplist"))
        #expect(ReferenceAnswer.split("事务的底层实现（undo log）") == ("事务的底层实现", "undo log"))
        #expect(ReferenceAnswer.split("GET(with (nested) parens)") == ("GET", "with (nested) parens"))
        #expect(ReferenceAnswer.split("如何进入docker bash环境(docker run -it) sh/bash").reference == nil)
        #expect(ReferenceAnswer.split("(only brackets)").reference == nil)
    }

    @Test func numberedStageQuestionsNeedTheStagePrefix() {
        #expect(GuideText.numberedQuestion("  2.1 询问面试者自己的优点和缺点", prefix: "2.")?.number == "2.1")
        #expect(GuideText.numberedQuestion("3.1 not this stage", prefix: "2.") == nil)
        #expect(GuideText.numberedQuestion("2.3 Awards?(any prize)", prefix: "2.")?.reference == "any prize")
    }
}
