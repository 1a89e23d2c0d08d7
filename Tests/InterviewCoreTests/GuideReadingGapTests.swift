import Flowchart
import Foundation
@testable import InterviewCore
import Testing

/// What guides written elsewhere need from the engine: every path of a parallel node asked, lists under
/// a stage read as its questions, same-numbered topics told apart, group guidance in front of the
/// interviewer, and refusals in the guide's language.
@Suite("Reading guides: parallel paths, lists, groups, languages")
struct GuideReadingGapTests {
    /// A fork whose three paths meet at `j` (Fixtures/parallel.md; the terminal runner's tests use it too).
    static var parallelGuide: String { (try? GuideFixture.text("parallel.md")) ?? "" }

    @Test func everyPathOfAParallelNodeIsAskedOnceInPathOrder() throws {
        // setup
        let guide = GuideImporter.importMarkdown(Self.parallelGuide).guide
        var script = try SessionTestScript(guide: guide)
        // act: rate whatever is in front of the interviewer until the walk runs out
        var asked: [String] = []
        while case .rate(let ref) = script.agenda {
            asked.append(ref.question)
            try script.run("3")
        }
        // verify: each path up to where they meet, then the joined question, once, after all of them
        // (it came between path1 and path2, and a probe saw the question count run backwards)
        #expect(asked == ["op0", "a", "b", "c", "j"])
        let topic = try #require(guide.topic("1.1"))
        #expect(topic.step("para")?.paths == ["b", "c"])
        let card = Scoring.score(guide, script.state)
        #expect(card.topics.first?.coverage == 100)
    }

    /// Where only some paths meet, or one reaches the meeting point only behind a gate: the node waits
    /// for the paths that may lead to it, and is asked once whichever way the gate is answered.
    @Test(arguments: [("y", ["a", "b", "b2", "j", "c"]), ("n", ["a", "b", "c", "j"])])
    func aMeetingPointWaitsForEveryPathThatMayLeadToIt(answer: String, expected: [String]) throws {
        // setup: path2 reaches j only if the interviewer goes deeper; path3 runs to the end on its own
        let markdown = """
        # Meet
        ### 1.Tech
        #### 1.1 Fan out
        ```flow
        st=>start: Start
        para=>parallel: Ask all three
        a=>operation: Path one question
        b=>operation: Path two question
        g=>condition: Deeper?
        b2=>operation: Path two, deeper
        c=>operation: Path three question
        j=>operation: Where one and two meet
        e=>end
        st->para
        para(path1)->a->j->e
        para(path2)->b->g
        g(yes)->b2->j
        g(no)->e
        para(path3)->c->e
        ```
        """
        let guide = GuideImporter.importMarkdown(markdown).guide
        var script = try SessionTestScript(guide: guide)
        // act
        var asked: [String] = []
        while true {
            switch script.agenda {
            case .rate(let ref):
                asked.append(ref.question)
                try script.run("3")
            case .gate:
                try script.run(answer)
            default:
                // verify
                #expect(asked == expected)
                return
            }
        }
    }

    /// A log started before the join rule (version 1) replays as it was recorded: the joined question
    /// came after the first path, and a stored scorecard must still load.
    @Test func aVersionOneLogKeepsItsOwnOrder() throws {
        // setup
        let guide = GuideImporter.importMarkdown(Self.parallelGuide).guide
        let start = SessionEvent(at: Date(timeIntervalSince1970: 0), .started(SessionStart(guideID: guide.id, guideHash: "h",
                                                                                           guideTitle: guide.title, candidate: "C")),
                                 schemaVersion: 1)
        var driver = SessionDriver(engine: try SessionEngine(guide: guide, replaying: [start]), clock: SessionSteppingClock())
        _ = try driver.advance()
        // act
        var asked: [String] = []
        while case .rate(let ref) = driver.state.agenda(guide) {
            asked.append(ref.question)
            guard case .success(let command)? = SessionCommand.parse("3") else { break }
            _ = try driver.perform(command)
        }
        // verify
        #expect(driver.state.logVersion == 1)
        #expect(asked == ["op0", "a", "j", "b", "c"])
    }

    @Test func unaskedPathQuestionsCountAsNotAskedNotAsAbsent() throws {
        // setup
        let guide = GuideImporter.importMarkdown(Self.parallelGuide).guide
        var script = try SessionTestScript(guide: guide)
        // act: only the first question rated
        try script.run("3")
        let card = Scoring.score(guide, script.state)
        // verify: five applicable questions, one rated → coverage 20 %
        #expect(card.topics.first.map { ($0.coverage ?? -1).rounded() } == 20)
    }

    @Test func aQuestionThatForksIsAskedThenEachOfItsPaths() throws {
        // setup: Mermaid's `q --> a & b`, as the graph holds it (a parallel node marked ask=yes)
        let markdown = """
        # Fork
        ### 1.Tech
        #### 1.1 Projects
        ```flow
        st=>start: Start
        q(ask=yes)=>parallel: Tell us about your last project (scope, role)
        a=>operation: How did you deploy it?
        b=>operation: How did you test it?
        e=>end
        st->q
        q(path1)->a->e
        q(path2)->b->e
        ```
        """
        let guide = GuideImporter.importMarkdown(markdown).guide
        var script = try SessionTestScript(guide: guide)
        // act
        var asked: [String] = []
        while case .rate(let ref) = script.agenda {
            asked.append(ref.question)
            try script.run("4")
        }
        // verify
        #expect(asked == ["q", "a", "b"])
        #expect(guide.topics.first?.question("q")?.reference == "scope, role")
        #expect(Scoring.score(guide, script.state).topics.first?.coverage == 100)
    }

    @Test func listsUnderAStageAreItsQuestions() {
        // setup
        let markdown = """
        # Graduate guide
        ### 1.Warm-up
        Put the candidate at ease.
        - What did you build in your final year? (a project they can explain end to end)
        * Which course did you enjoy most?
        ### 2.Closing
        1. What would you like to ask us?
        2) Anything we should know?
        3、你还有什么问题？
        ### 3.Notes
        * * *
        - 
        """
        // act
        let guide = GuideImporter.importMarkdown(markdown).guide
        // verify
        let warmUp = guide.stages[0].questions
        #expect(warmUp.map(\.number) == ["1.1", "1.2"])
        #expect(warmUp.first?.text == "What did you build in your final year?")
        #expect(warmUp.first?.reference == "a project they can explain end to end")
        #expect(guide.stages[0].guidance.contains("Put the candidate at ease."))
        #expect(guide.stages[1].questions.map(\.text) == ["What would you like to ask us?", "Anything we should know?", "你还有什么问题？"])
        #expect(guide.stages[2].questions.isEmpty, "a thematic break and an empty item are not questions")
    }

    /// A stage with a list and topics: the list's "3.1" and the topic 3.1 were two things under one number
    /// (a probe). Numbered by their place in the list there; a stage without topics keeps "1.1".
    @Test func listedQuestionsOfAStageWithTopicsDoNotTakeTheTopicsNumbers() {
        // setup
        let markdown = "# G\n### 3. 技术面试\n开场先问：\n- 你最熟悉的技术栈是什么？\n- 最近在学什么？\n#### 3.1 Redis\n"
            + "```flow\nst=>start: S\nop1=>operation: 数据类型？\ne=>end\nst->op1->e\n```\n#### 3.2 MySQL\n"
            + "```flow\nst=>start: S\nop1=>operation: 索引？\ne=>end\nst->op1->e\n```\n"
        // act
        let guide = GuideImporter.importMarkdown(markdown).guide
        // verify
        #expect(guide.stages[0].questions.map(\.number) == ["1", "2"])
        #expect(guide.stages[0].questions.map(\.text) == ["你最熟悉的技术栈是什么？", "最近在学什么？"])
        #expect(guide.stages[0].topics.map(\.key) == ["3.1", "3.2"])
    }

    /// From a recheck: a nested bullet under a numbered item took the next number ("2." became "4"), and
    /// an item written with its own number got a second one ("1 4.1 …", "2.1 2.1 …"). From a probe: the
    /// nested lines went to the stage's prose, away from the item they detail; they are that item's.
    @Test func nestedDetailsAreTheirItemsAndAnItemsOwnNumberIsKept() {
        // setup
        let markdown = "# G\n### 2. Warm-up\n1. Ordered first?\n   - nested detail a\n   - nested detail b\n2. Ordered second?\n"
            + "### 4. Closing\n- 4.1 Prefixed first\n- 4.2 Prefixed second (a hint)\n"
        // act
        let guide = GuideImporter.importMarkdown(markdown).guide
        // verify
        #expect(guide.stages[0].questions.map { "\($0.number) \($0.text)" } == ["2.1 Ordered first?", "2.2 Ordered second?"])
        #expect(guide.stages[0].questions.map(\.details) == ["- nested detail a\n- nested detail b", nil])
        #expect(!guide.stages[0].guidance.contains("nested detail a"))
        #expect(guide.stages[1].questions.map { "\($0.number) \($0.text)" } == ["4.1 Prefixed first", "4.2 Prefixed second"])
        #expect(guide.stages[1].questions.last?.reference == "a hint")
    }

    @Test func codeCutInTwoByTheReferenceRuleIsNamedAndBackticksKeepItWhole() throws {
        // setup: code glued to its brackets at a label's end, the same in backticks, and a hint glued to a word
        let markdown = """
        # G
        ### 3.Tech
        #### 3.1 SQL
        ```flow
        st=>start: S
        op1=>operation: What is O(n log n)
        op2=>operation: Explain SELECT `COUNT(*)`
        op3=>operation: 事务的四个特征ACID(redo log, undo log, 读写锁，MVVC)
        op4=>operation: Which index (a B-tree)
        e=>end: E
        st->op1->op2->op3->op4->e
        ```
        """
        // act
        let imported = GuideImporter.importMarkdown(markdown)
        // verify: one warning, at op1, saying what was read and how to keep it whole
        let warnings = imported.diagnostics.filter { $0.diagnostic.code == .codeReadAsReference }
        #expect(warnings.map(\.diagnostic.position.line) == [6])
        #expect(warnings.first?.diagnostic.message.contains("'n log n'") == true && warnings.first?.diagnostic.message.contains("backticks") == true)
        let sql = try #require(imported.guide.topic("3.1"))
        #expect(sql.question("op2")?.text == "Explain SELECT `COUNT(*)`" && sql.question("op2")?.reference == nil)
        #expect(sql.question("op3")?.reference == "redo log, undo log, 读写锁，MVVC")
        #expect(sql.question("op4")?.reference == "a B-tree")
    }

    @Test func aChartThatLoopsBackIsNamedOnceAtWhereItReturns() throws {
        // setup: "until satisfied" — no leads to a follow-up that leads back to the gate
        // act
        let imported = SessionTestGuide.importOneTopic("""
            Q1 --> G{Satisfied with the design?}
            G -->|no| Q2[Ask a follow-up about scaling]
            Q2 --> G
            G -->|yes| E([End])
            """)
        // verify
        let loops = imported.diagnostics.filter { $0.diagnostic.code == .loopAsksNothingNew }
        // at the line that goes back (Q2 --> G), not at G's definition, where an editor underlined it
        #expect(loops.count == 1 && loops[0].diagnostic.position.line == 9, "\(loops.map(\.diagnostic.position))")
        #expect(loops[0].diagnostic.message.contains("from 'Q2' to 'G'"))
        #expect(GuideImporter.importMarkdown(Self.groupGuide).diagnostics.allSatisfy { $0.diagnostic.code != .loopAsksNothingNew })
    }

    /// GitHub and Obsidian draw a chart inside a quote or callout; the guide does not read it, and its topic
    /// went missing without a word (a Mermaid probe). Said at its fence.
    @Test func aChartInsideAQuoteIsSaidNotLost() throws {
        // setup
        let markdown = "# G\n### 1.Tech\n#### 1.1 Topic\n> [!note] Chart\n> ```mermaid\n> flowchart TD\n>     A[Q a] --> B[Q b]\n> ```\n"
        // act
        let imported = GuideImporter.importMarkdown(markdown)
        // verify
        let quoted = imported.diagnostics.filter { $0.diagnostic.code == .chartInQuote }
        #expect(quoted.count == 1 && quoted[0].diagnostic.position.line == 5 && quoted[0].diagnostic.position.column == 3,
                "\(imported.diagnostics.map(\.diagnostic.message))")
        #expect(GuideBuilder.quotedFenceInfo("> > ~~~flow") == "flow" && GuideBuilder.quotedFenceInfo("> `code`") == nil)
        #expect(GuideBuilder.quotedFenceInfo("- > ```mermaid") == "mermaid")
        // not for a sequence diagram in a quote, nor for such text shown inside a code block (a recheck)
        let sequence = "# G\n### 1.Tech\n#### 1.1 Topic\n> ```mermaid\n> sequenceDiagram\n> A->>B: hi\n> ```\n"
        let shown = "# G\n### 1.Tech\n#### 1.1 Topic\n````markdown\n> ```mermaid\n> flowchart TD\n> ```\n````\n"
        for markdown in [sequence, shown] {
            #expect(GuideImporter.importMarkdown(markdown).diagnostics.allSatisfy { $0.diagnostic.code != .chartInQuote }, "\(markdown)")
        }
        #expect(GuideImporter.importMarkdown(Self.groupGuide).diagnostics.allSatisfy { $0.diagnostic.code != .chartInQuote })
    }

    @Test func theOutlineKeepsALabelsLineBreaksOnItsLine() {
        // setup: a question written over two lines
        let guide = GuideImporter.importMarkdown("# G\n### 1.Tech\n#### 1.1 CSS\n```mermaid\nflowchart TD\n  c2[\"Flexbox vs Grid?<br>Give an example\"]\n```\n").guide
        // act
        let tree = GuideOutline.text(guide)
        // verify: one line of the tree, the break shown, none starting at the left edge
        #expect(tree.contains("c2  Flexbox vs Grid? ⏎ Give an example  (w 1, level 1)"), "\(tree)")
        #expect(!tree.split(separator: "\n").contains { $0.hasPrefix("Give an example") })
    }

    @Test func aMermaidCommentShapeIsTheNoteOfItsQuestionNeverAQuestion() throws {
        // setup: notes tied to a question and one tied to a gate (Fixtures/notes.md; a probe: a note was asked and scored)
        let markdown = try GuideFixture.text("notes.md")
        // act
        let result = GuideImporter.importMarkdown(markdown)
        let topic = try #require(result.guide.topic("1.1"))
        var script = try SessionTestScript(guide: result.guide)
        var asked: [String] = []
        while case .rate(let ref) = script.agenda {
            asked.append(ref.question)
            try script.run("4")
            if case .gate = script.agenda { try script.run("y") }
        }
        // verify
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(topic.questions.map(\.id) == ["q1", "q2"])
        #expect(!topic.isPickList)
        #expect(topic.steps.map(\.id).allSatisfy { !$0.hasPrefix("n") })
        #expect(topic.step("q1")?.note == "Move to 3.2 if they mention asyncio\nNot a question either")
        #expect(topic.step("g")?.note == "Only if time allows")
        #expect(asked == ["q1", "q2"])
        #expect(Scoring.score(result.guide, script.state).topics.first?.coverage == 100)
        let tree = GuideOutline.text(result.guide)
        let lines = tree.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let q1 = try #require(lines.firstIndex(of: "q1  Explain the GIL  (w 1, level 1)"), "\(tree)")
        #expect(Array(lines[(q1 + 1)...(q1 + 2)]) == ["✎ Move to 3.2 if they mention asyncio", "✎ Not a question either"])
    }

    /// From a probe: lint said a note beside the start is shown nowhere, and `guide show` printed it anyway,
    /// under no row.
    @Test func aNoteBesideTheStartIsShownNowhere() throws {
        // act
        let markdown = "# G\n## 1. T\n### 1.1 A\n```mermaid\nflowchart TD\n  n@{ shape: comment, label: \"On the start\" } -.- s\n"
            + "  s([Start]) --> q[Question one]\n  m@{ shape: comment, label: \"On q\" } -.- q\n```\n"
        let guide = GuideImporter.importMarkdown(markdown).guide
        // verify
        let topic = try #require(guide.topics.first)
        #expect(topic.steps.compactMap(\.note) == ["On q"])
        #expect(!GuideOutline.text(guide, language: .en).contains("On the start"))
    }

    @Test func aOneQuestionChartWithANoteIsAskedTheSameOnceConverted() throws {
        // setup: the note's tie is the chart's only line (a review: converted, nothing was asked)
        let markdown = "# G\n### 1.Tech\n#### 1.1 Intro\n```mermaid\nflowchart TD\n  n1@{ shape: comment, label: \"Warm up\" } -.- q1[Tell me about yourself]\n```\n"
        let converted = GuideConversion.convert(markdown, to: .flowchartJS).markdown
        // act
        let topics = [markdown, converted].map { GuideImporter.importMarkdown($0).guide.topics.first }
        // verify
        for topic in topics {
            #expect(topic?.start == "q1", "\(converted)")
            #expect(topic?.questions.map(\.id) == ["q1"])
            #expect(topic?.step("q1")?.note == "Warm up")
        }
    }

    /// From a probe: importing the export gave another guide (nested items became prompts of their own,
    /// a list's "1" prompts came back as prose, an empty heading moved).
    @Test func theExportOfListsAndNestedDetailsReadsBackTheSame() throws {
        // setup
        let markdown = """
            # Lists
            ## 1. Warm-up
            Some prose.
            - Bullet one
            - Bullet two
              - Listen for ownership
                 - and for numbers

              - A point after a blank line
            - Bullet three
            ## 3. Mixed
            1. Talk prompt A
            2. Talk prompt B
            ### 3.1 Topic
            ```flow
            st=>start: Start
            op1=>operation: Flow Q1 (ans)
            e=>end
            st->op1->e
            ```
            """
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act
        let again = GuideImporter.importMarkdown(GuideExporter.markdown(guide)).guide
        // verify
        #expect(guide.stages[0].questions[1].details == "- Listen for ownership\n   - and for numbers\n\n- A point after a blank line")
        #expect(guide.stages[1].questions.map(\.number) == ["1", "2"])
        #expect(again.contentHash == guide.contentHash)
        #expect(again.stages.map(\.questions) == guide.stages.map(\.questions))
    }

    /// From a recheck: a topic titled "Basics (2)" beside two "Basics" was keyed "Basics (2) (2)".
    @Test func aCountedKeyNeverTakesAnotherTopicsOwn() {
        // act
        let chart = "```flow\nst=>start: S\nop1=>operation: Q\nst->op1\n```\n"
        let guide = GuideImporter.importMarkdown("# G\n## 1. T\n### Basics\n" + chart + "### Basics\n" + chart + "### Basics (2)\n" + chart).guide
        // verify
        #expect(guide.topics.map(\.key) == ["Basics", "Basics (3)", "Basics (2)"])
    }

    /// From a probe: `guide show` left the group headings (the seed's 3.2, 3.5) and their advice out of its tree.
    @Test func theOutlineNamesAGroupBeforeItsTopicsWithItsAdvice() {
        // act
        let outline = GuideOutline.text(GuideImporter.importMarkdown(Self.groupGuide).guide, language: .zh)
        // verify: once, after 3.1 and before 3.2.1, in Chinese brackets
        let lines = outline.split(separator: "\n").map(String.init)
        let group = lines.firstIndex { $0.contains("3.2 缓存和数据库 （主题组）") }
        #expect(group != nil && lines.filter { $0.contains("（主题组）") }.count == 1, "\(outline)")
        #expect(group.map { lines[$0 + 1].contains("» 当候选人提到使用缓存和数据库后") } == true)
        #expect(lines.firstIndex { $0.contains("3.1 框架") }! < group! && group! < lines.firstIndex { $0.contains("3.2.1 redis") }!)
    }

    /// From a probe: a fork bar or a junction without words read "f  ▷ f" in `guide show`.
    @Test func aJunctionWithoutWordsIsNamedForWhatItIs() {
        // setup
        let markdown = "# G\n## 1. T\n### 1.1 A\n```mermaid\nflowchart TD\n  s([Start]) --> f@{ shape: fork }\n  f --> a[Q one]\n  f --> b[Q two]\n"
            + "  a --> j(( ))\n  b --> j\n  j --> c[Q three]\n```\n"
        // act
        let outline = GuideOutline.text(GuideImporter.importMarkdown(markdown).guide, language: .en)
        // verify
        #expect(outline.contains("f  ▷ (where lines meet or part, not asked)") && !outline.contains("▷ f"), "\(outline)")
    }

    /// From a recheck: a tab-indented detail was read as the stage's prose (and the export then made a
    /// prompt of it), and a line nested under a numbered prompt ("1.1 …") became the next prompt.
    @Test func detailsIndentedWithATabOrUnderANumberedPromptAreThatPromptsOwn() throws {
        // setup
        let markdown = "# G\n## 1. Warm\nStage prose.\n- Bullet\n\t- tab detail\n  - two detail\n## 2. Talk\n2.1 Ask strengths\n  - listen for examples\n2.2 Ask weaknesses\n"
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act
        let again = GuideImporter.importMarkdown(GuideExporter.markdown(guide)).guide
        // verify
        #expect(guide.stages[0].questions.map(\.details) == ["- tab detail\n- two detail"])
        #expect(guide.stages[0].guidance == "Stage prose.")
        #expect(guide.stages[1].questions.map { "\($0.number) \($0.details ?? "")" } == ["2.1 - listen for examples", "2.2 "])
        #expect(again.contentHash == guide.contentHash)
    }

    @Test func aSectionWithNeitherChartNorTopicIsTold() throws {
        // act
        let imported = GuideImporter.importMarkdown("# G\n## 3. Tech\n### 3.1 A\n```flow\nst=>start: S\nop1=>operation: Q\nst->op1\n```\n### 3.2 Empty topic\nSome text.\n")
        // verify
        let said = try #require(imported.diagnostics.first { $0.diagnostic.code == .sectionAskedNowhere })
        #expect(said.diagnostic.position.line == 9)
        #expect(said.diagnostic.text.en.contains("section '3.2 Empty topic' has no flowchart and no topic under it"))
        // a group with topics under it is no finding
        #expect(!GuideImporter.importMarkdown(Self.groupGuide).diagnostics.contains { $0.diagnostic.code == .sectionAskedNowhere })
    }

    /// From a probe: an instruction the walk passes without a stop ("Hand the candidate a whiteboard
    /// marker", a fork's "Now ask both halves") was never shown; it is named with the questions it leads to.
    @Test func theInstructionsOnTheWayToAQuestionAreNamedWithIt() throws {
        // setup
        let markdown = """
            # G
            ## 1. Tech
            ### 1.1 T
            ```flow
            st=>start: Start
            op1=>operation: First Q
            sub=>subroutine: Hand the candidate a whiteboard marker
            p=>parallel: Now ask both halves in any order
            a=>operation: Half A
            b=>operation: Half B
            e=>end
            st->op1->sub->p
            p(path2)->a->e
            p(path3)->b->e
            ```
            """
        // act
        let topic = try #require(GuideImporter.importMarkdown(markdown).guide.topics.first)
        // verify
        let said = ["Hand the candidate a whiteboard marker", "Now ask both halves in any order"]
        #expect(topic.instructions(before: "a").map(\.text) == said)
        #expect(topic.instructions(before: "b").map(\.text) == said)
        #expect(topic.instructions(before: "op1").isEmpty)
        // a call into another topic is offered on its own, not said here (the seed's 3.1 → 3.4)
        if SeedGuide.isAvailable {
            let seed = SeedGuide.imported().guide
            #expect(seed.topics.allSatisfy { t in t.questions.allSatisfy { q in t.instructions(before: q.id).allSatisfy { $0.calls == nil } } })
        }
    }

    @Test func topicsSharingANumberAreNamedByTheirTitlesOnce() throws {
        // setup: the seed has two sections numbered 3.6
        let markdown = """
        # G
        ### 3.Tech
        #### 3.6 linux问题
        ```flow
        op1=>operation: Q1
        ```
        #### 3.6 开放式问题
        ```flow
        op1=>operation: Q2
        ```
        """
        // act
        let guide = GuideImporter.importMarkdown(markdown).guide
        // verify
        #expect(guide.topics.map(\.heading) == ["3.6 linux问题", "3.6 开放式问题"])
        #expect(guide.topics.map(\.key) == ["3.6", "3.6 开放式问题"])
        #expect(Topic.heading(key: "3.6 开放式问题", title: "开放式问题") == "3.6 开放式问题")
        #expect(Topic.heading(key: "3.6", title: "linux问题") == "3.6 linux问题")
        #expect(Topic.heading(key: "Intro", title: "Intro") == "Intro")
        // `guide show`'s tree and a panel debrief's headings name the second one once (a terminal probe
        // found "3.6 开放式问题 开放式问题" in both)
        let tree = GuideOutline.text(guide, language: .en)
        #expect(tree.contains("3.6 开放式问题\n") && !tree.contains("开放式问题 开放式问题"), "\(tree)")
        #expect(PanelDebrief.keyBeforeTitle("3.6 开放式问题", title: "开放式问题") == "3.6")
        #expect(PanelDebrief.keyBeforeTitle("3.6", title: "linux问题") == "3.6")
        #expect(PanelDebrief.keyBeforeTitle("Intro", title: "Intro") == "")
    }

    /// From a probe: two unnumbered topics of one title had one key, so the second was never asked and
    /// the first's rating was reported for both (once per stage and in one stage alike).
    @Test(arguments: ["# G\n## 1. Phone\n### Basics\n", "# G\n## 1. Phone\n### Basics\n```flow\nst=>start: S\nop0=>operation: Phone first\nst->op0\n```\n### Basics\n"])
    func unnumberedTopicsOfOneTitleGetKeysOfTheirOwnAndTheAuthorIsTold(_ before: String) throws {
        // setup
        let markdown = before + "```flow\nst=>start: S\nop1=>operation: Phone basics\nst->op1\n```\n## 2. Onsite\n### Basics\n"
            + "```flow\nop1=>operation: Onsite basics\nop2=>operation: Onsite second\nop1->op2\n```\n"
        // act
        let imported = GuideImporter.importMarkdown(markdown)
        // verify
        let keys = imported.guide.topics.map(\.key)
        #expect(Set(keys).count == keys.count && keys.first == "Basics" && keys.last == "Basics (\(keys.count))", "\(keys)")
        #expect(Topic.heading(key: "Basics (2)", title: "Basics") == "Basics (2)")
        // named by the key wherever the topic is named (guide show printed "Basics" for each: a recheck)
        #expect(imported.guide.topics.map(\.heading) == keys)
        #expect(GuideOutline.text(imported.guide, language: .en).contains("Basics (\(keys.count))\n"))
        let warnings = imported.diagnostics.filter { $0.diagnostic.code == .duplicateSection }
        #expect(warnings.count == keys.count - 1)
        #expect(warnings.last?.diagnostic.text.en.contains("this one is 'Basics (\(keys.count))'") == true)
        #expect(warnings.last?.diagnostic.text.zh.contains("这个主题记作“Basics (\(keys.count))”") == true)
        // the onsite topic is walked, and its ratings are its own
        var script = try SessionTestScript(guide: imported.guide)
        for _ in 0..<8 { if case .rate = script.agenda { try script.run("4") } }
        #expect(script.state.topics[keys.last!]?.ratings == ["op1": 4, "op2": 4])
        #expect(script.state.topics[keys.first!]?.ratings.count == 1)
        #expect(Set(script.state.topics.keys) == Set(keys))
    }

    static let groupGuide = """
    # 后端面试
    ### 3.技术面试问题(必选)
    #### 3.1 框架
    ```flow
    op1=>operation: 介绍最近的项目
    op2=>operation: 说说 WSGI
    op1->op2
    ```
    #### 3.2 缓存和数据库
      当候选人提到使用缓存和数据库后，
      面试官需要在合适时机跳转到缓存和数据库的问题上来
    ##### 3.2.1 redis
    ```flow
    op1=>operation: redis 有哪些数据类型
    op2=>operation: 持久化有哪几种方式
    op1->op2
    ```
    ##### 3.2.2 mysql
    ```flow
    op1=>operation: 索引是怎么实现的
    op2=>operation: 事务隔离级别有哪些
    op1->op2
    ```
    """

    @Test func aGroupsGuidanceIsOfferedWithAJumpWhileElsewhereInItsStage() throws {
        // setup
        let guide = GuideImporter.importMarkdown(Self.groupGuide).guide
        var script = try SessionTestScript(guide: guide)
        // act: in 3.1
        let during = guide.groupHints(script.state)
        // verify: the advice as one line, the jump to the first topic not yet entered
        #expect(script.state.currentTopic == "3.1")
        #expect(during.count == 1)
        #expect(during.first?.heading == "3.2 缓存和数据库")
        #expect(during.first?.guidance == "当候选人提到使用缓存和数据库后， 面试官需要在合适时机跳转到缓存和数据库的问题上来")
        #expect(during.first?.topics == ["3.2.1", "3.2.2"])
        #expect(during.first?.jumpTarget == "3.2.1")
        // a group that only describes its topics is not a cue
        let described = GuideImporter.importMarkdown(Self.groupGuide.replacingOccurrences(
            of: "  当候选人提到使用缓存和数据库后，\n  面试官需要在合适时机跳转到缓存和数据库的问题上来", with: "  缓存与数据库的基础知识。")).guide
        #expect(described.stages[0].groups.first?.guidance.contains("基础知识") == true)
        #expect(described.groupHints(try SessionTestScript(guide: described).state).isEmpty)
        // act: follow the jump; inside the group the hint is gone, and the group's advice is the topic's
        // own surroundings (it was out of sight there: a probe), in the console's guidance box too
        try script.run("j 3.2.1")
        #expect(guide.groupHints(script.state).isEmpty)
        #expect(guide.enclosingGroups(ofTopic: "3.2.1").map(\.heading) == ["3.2 缓存和数据库"])
        #expect(guide.enclosingGroups(ofTopic: "3.1").isEmpty)
        let box = GuidanceHTML.topic(try #require(guide.topic("3.2.1")), in: guide)
        #expect(box.hasPrefix("<div class=\"group-guidance\"><p class=\"group-heading\">3.2 缓存和数据库</p><p>当候选人提到"), "\(box)")
        // the heading is text, never markup
        let hostile = GuideImporter.importMarkdown(Self.groupGuide.replacingOccurrences(of: "#### 3.2 缓存和数据库", with: "#### 3.2 <img src=x onerror=alert(1)>")).guide
        let escaped = GuidanceHTML.topic(try #require(hostile.topic("3.2.1")), in: hostile)
        #expect(escaped.contains("<p class=\"group-heading\">3.2 &lt;img src=x onerror=alert(1)&gt;</p>") && !escaped.contains("<img"), "\(escaped)")
        // act: come back to 3.1; the hint offers the topic not yet entered
        try script.run("b")
        #expect(guide.groupHints(script.state).first?.jumpTarget == "3.2.2")
    }

    @Test func everyRefusalHasChineseWords() {
        // setup
        let ref = QuestionRef(topic: "3.1", question: "op1")
        let errors: [SessionError] = [
            .notStarted, .alreadyStarted, .alreadyFinished, .wrongGuide(expected: "a", found: "b"), .timeWentBackwards,
            .unknownStage("9"), .unknownTopic("9.9"), .unknownQuestion(ref), .ratingOutOfScale(7, 0...4), .notAsked(ref),
            .alreadyHandled(ref, "rated"), .notNext(ref, expected: "op2"), .notCurrentTopic("3.1"), .alreadyCurrent("3.1"),
            .notAtGate(topic: "3.1", gate: "c1"), .notAtJumpOffer(topic: "3.1", instruction: "sub1"), .pickListOnly("3.6"),
            .notAPickList("3.1"), .stageStillOpen("2"), .notCurrentStage("2"), .topicOutsideStage(topic: "3.1", stage: "2"),
            .insideJump, .nothingToReturnTo, .emptyText("note"), .requiredStagesUntouched(["1", "5"]), .notFinishedYet,
            .alreadySubmitted, .notSubmitted, .revisionNeedsReason, .unknownRecommendation("maybe"),
        ]
        for error in errors {
            // verify: a Chinese sentence (CJK characters), not the English one, and English kept as the description
            #expect(error.text.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(error)")
            #expect(error.text.zh != error.text.en)
            #expect(error.description == error.text.en)
        }
        #expect(SessionError.alreadyHandled(ref, "rated").text.zh == "问题 3.1/op1 已经评过分")
        #expect(SessionError.emptyText("note").text.zh == "备注是空的")
    }

    @Test func aCommandTypedWithFullWidthKeysIsTheCommand() {
        // A Chinese input method types ３, ｙ, ？, ｍ: the same commands (the runner said there was no command '３').
        #expect(SessionCommand.parse("３") == .success(.rate(3)))
        #expect(SessionCommand.parse("１０") == .success(.rate(10)))
        #expect(SessionCommand.parse("ｙ") == .success(.answer(true)))
        #expect(SessionCommand.parse("？") == .success(.help))
        #expect(SessionCommand.parse("ｍ 答得很好，３分") == .success(.note("答得很好，３分", shared: false)))
        // 〇一二三四 and 是/否 on a line of their own, as the full-screen runner's keys (plain mode refused them)
        #expect(SessionCommand.parse("三") == .success(.rate(3)))
        #expect(SessionCommand.parse("〇") == .success(.rate(0)))
        #expect(SessionCommand.parse("是") == .success(.answer(true)))
        #expect(SessionCommand.parse("否") == .success(.answer(false)))
        #expect(SessionCommand.parse("三分") != .success(.rate(3)))
    }

    @Test func commandErrorsAndMessagesComeInBothLanguages() throws {
        // setup
        var script = try SessionTestScript()
        // act
        let parsed = SessionCommand.parse("zz")
        // verify
        guard case .failure(let error)? = parsed else { Issue.record("zz parsed as a command"); return }
        #expect(error.text.en == "unknown command 'zz'; ? lists the commands")
        #expect(error.text.zh == "没有命令 'zz'；按 ? 查看所有命令")
        #expect(SessionCommand.helpLines(.zh).count == SessionCommand.helpLines(.en).count)
        #expect(SessionCommand.helpLines(.zh).allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        do {
            _ = try script.driver.perform(.answer(true))
            Issue.record("a yes with no gate in front was accepted")
        } catch let error as CommandError {
            #expect(error.text.zh == "现在没有需要回答是/否的判断")
        }
    }

    @Test func aJumpToATopicTheGuideLacksIsReportedWhereTheJumpIsWritten() throws {
        for (fence, chart) in [("flow", "st=>start: Start\nop1=>operation: Q\nsub1=>subroutine: 转到 3.4\nst->op1->sub1"),
                               ("mermaid", "flowchart TD\ns([Start]) --> A[Q]\nA --> sub1[[转到 3.4]]")] {
            // setup
            let markdown = "# G\n\n## 1. Stage\n\n### 1.1 Topic\n\n```\(fence)\n\(chart)\n```\n"
            // act
            let found = try #require(GuideImporter.importMarkdown(markdown).diagnostics.first { $0.diagnostic.code == .callToUnknownTopic })
            // verify: on the subroutine's line, named by the chart's heading like its other findings
            #expect(found.diagnostic.position.line == 10, "\(fence)")
            #expect(found.diagnostic.position.column == (fence == "flow" ? 1 : 7), "\(fence)")
            #expect(found.flowchart == "1.1 Topic", "\(fence)")
        }
    }

    @Test func whatAnAuthorCommentsOutIsNeitherAskedNorShownAndAnUnclosedCommentIsTold() throws {
        // setup: a note, a question and an old chart put aside in comments, then a comment left open
        let markdown = """
        # Guide
        <!-- 维护记录：v2 -->

        ## 1. Introduction

        1.1 What did you build last? <!-- not their age -->
        - <!-- an item put aside -->
        - Why this team? <!--
          a note over two lines --> <!-- and one more -->
        <!--
        1.2 An old question
        ```flow
        st=>start: Start
        old=>operation: An old chart
        e=>end: End
        st->old->e
        ```
        -->

        ## 2. Python <!-- reword the title -->

        ```flow
        st=>start: Start
        op1=>operation: What is the GIL?
        e=>end: End
        st->op1->e
        ```

        <!-- left open
        ## 3. Hidden
        """
        // act
        let imported = GuideImporter.importMarkdown(markdown, path: "g.md")
        // verify: one question in stage 1, the chart in stage 2, no stage 3; the open comment told at its line
        let guide = imported.guide
        #expect(guide.stages.map(\.key) == ["1", "2"])
        // comments inside a question's line, an item or a heading are no part of them (the console showed them)
        #expect(guide.stages[0].questions.map(\.text) == ["What did you build last?", "Why this team?"])
        #expect(guide.stages[1].title == "Python")
        #expect(guide.topics.flatMap(\.questions).map(\.text).contains("What is the GIL?"))
        #expect(!guide.topics.flatMap(\.questions).map(\.text).contains { $0.contains("old") || $0.contains("An old") })
        #expect(!guide.stages.map(\.guidance).joined().contains("维护记录"))
        let open = try #require(imported.diagnostics.first { $0.diagnostic.code == .unclosedComment })
        #expect(open.diagnostic.position.line == 29 && open.diagnostic.severity == .warning)
        #expect(imported.diagnostics.count == 1, "\(imported.diagnostics.map(\.diagnostic.message))")
    }

    @Test func textAfterACommentsEndOnItsLineIsToldItIsHidden() throws {
        // act
        let imported = GuideImporter.importMarkdown("# Guide\n\n## 1. Intro\n\n<!-- reword -->1.1 Tell me about a hard bug\n", path: "g.md")
        // verify: hidden with the comment, as the page hides it, and said at its line
        let told = try #require(imported.diagnostics.first { $0.diagnostic.code == .textAfterComment })
        #expect(told.diagnostic.position.line == 5 && told.diagnostic.severity == .warning)
        #expect(imported.guide.stages.first?.questions.isEmpty == true)
    }
}
