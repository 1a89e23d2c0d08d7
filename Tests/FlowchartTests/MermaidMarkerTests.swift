import Foundation
import Testing
@testable import Flowchart

/// What a guide author drawing the Mermaid way means, read so (a probe found each read silently wrong):
/// gate labels that negate to say yes, the chart's ends drawn as boxes, a question drawn as the first
/// stadium, and connectors that only join lines.
@Suite("Mermaid: markers, connectors and gate idioms")
struct MermaidMarkerTests {
    static func parse(_ body: String) -> ParsedFlowchart { MermaidParser.parse("flowchart TD\n" + body) }

    @Test(arguments: [("没问题", "有问题"), ("无误", "有误"), ("不错", "一般"), ("No problem", "Struggled"),
                      ("没有问题，深入", "答不上来"), ("Not bad, go on", "stuck"),
                      ("无压力", "换题"), ("没什么问题", "有点问题"), ("不成问题", "答不出"), ("没答错", "答错了"),
                      ("没难住他", "有难度"), ("没漏洞", "有漏洞"), ("不在话下", "一般"), ("ＹＥＳ", "ＮＯ"), ("√", "×"),
                      ("继续追问", "换题"), ("回答正确", "回答错误"), ("能答出", "答不出"),
                      ("没啥问题", "勉强"), ("没多大问题", "一知半解"), ("不是问题", "勉强"), ("没卡住", "勉强"), ("没出错", "勉强"),
                      ("不吃力", "勉强"), ("无可挑剔", "勉强"), ("不用换题", "换题"),
                      ("进阶", "基础"), ("进阶题", "基础题"), ("高阶", "初级"), ("Advanced", "Basic"), ("Harder", "Easier")])
    func aNegationThatMeansYesIsYes(_ good: String, _ poor: String) {
        // act
        let parsed = Self.parse("S([Start]) --> Q1[Hash maps]\nQ1 --> G{How did it go?}\nG -->|\(good)| Q2[Resizing]\nG -->|\(poor)| E([End])\nQ2 --> E")
        // verify: the good answer goes deeper
        #expect(parsed.edgeList.contains("G-yes->Q2"), "\(parsed.edgeList)")
        #expect(parsed.edgeList.contains("G-no->E"))
        #expect(!parsed.diagnostics.contains { $0.code == .gateLabelUnclear })
    }

    /// From a probe: with the no line written first, each pair was warned unclear and read the wrong way round.
    @Test(arguments: [("继续深入", "到此为止"), ("可以深入", "结束本题"), ("Dig deeper", "Move on"), ("Deep", "Shallow"),
                      ("深入追问", "点到为止"), ("再深入一点", "可以跳过"), ("继续追问原理", "换题吧")])
    func aGateLabelledInEverydayWordsGoesTheWayItSays(_ deeper: String, _ stop: String) {
        // act: the no line first
        let parsed = Self.parse("S([Start]) --> G{Go on?}\nG -->|\(stop)| E([End])\nG -->|\(deeper)| Q2[Resizing]\nQ2 --> E")
        // verify
        #expect(parsed.edgeList.contains("G-yes->Q2") && parsed.edgeList.contains("G-no->E"), "\(parsed.edgeList)")
        #expect(!parsed.diagnostics.contains { $0.code == .gateLabelUnclear })
    }

    @Test func aLoopBackToTheStartKeepsItTheStart() {
        // act: "another example? yes" goes back to the start stadium, or to a start box
        let stadium = Self.parse("s([Start]) --> q[Describe a bug you fixed]\nq --> g{Another example?}\ng -->|yes| s\ng -->|no| e([End])")
        let box = Self.parse("s[开始] --> q[说一个你修过的 bug]\nq --> g{再举一个例子？}\ng -->|是| s\ng -->|否| e[结束]")
        // the start written after the first link (a recheck)
        let later = Self.parse("q[Describe a bug you fixed] --> g{Another example?}\ns([Start]) --> q\ng -->|yes| s\ng -->|no| e([End])")
        let loopFirst = Self.parse("g -->|是| s\ns[开始] --> q[说一个你修过的 bug]\nq --> g{再举一个例子？}\ng -->|否| e[结束]")
        // verify: the start, not a question rated "Start"
        for parsed in [stadium, box, later, loopFirst] {
            #expect(parsed.graph.start == "s")
            #expect(parsed.graph.node("s")?.type == .start, "\(parsed.graph.nodes.map(\.type))")
            #expect(parsed.edgeList.contains("g-yes->s"))
        }
    }

    @Test func theNegativePrefixStillSaysNo() {
        #expect(MermaidGateWords.answer("不太会") == .no)
        #expect(MermaidGateWords.answer("没答出") == .no)
        #expect(MermaidGateWords.answer("No, stop here") == .no)
        #expect(MermaidGateWords.answer("有") == .yes)
        #expect(MermaidGateWords.answer("不了解错误处理") == .no, "the difficulty is not what is negated")
        #expect(MermaidGateWords.answer("没思路") == .no)
        #expect(MermaidGateWords.answer("没答对") == .no)
        #expect(MermaidGateWords.answer("不是") == .no)
        #expect(MermaidGateWords.answer("不需要深入") == .no)
        #expect(MermaidGateWords.answer("有一点问题") == .no)
        #expect(MermaidGateWords.answer("\"yes\"") == .yes)
        #expect(MermaidGateWords.answer("“否”") == .no)
        #expect(MermaidGateWords.answer("「深入」") == .yes)
        // a level word as the whole label only: as a first word it may say either
        #expect(MermaidGateWords.answer("Basic understanding solid") == .unclear)
        #expect(MermaidGateWords.answer("Easier than I thought") == .unclear)
        #expect(MermaidGateWords.answer("基础") == .no && MermaidGateWords.answer("进阶题") == .yes)
        // a word that begins a label says its way unless a negation follows it (a recheck)
        #expect(MermaidGateWords.answer("深入不下去") == .unclear && MermaidGateWords.answer("继续深入") == .yes)
    }

    @Test(arguments: ["A[Start] --> Q1[Hash maps?] --> Z[End]", "A[开始] --> Q1[哈希表] --> Z[结束]",
                      "S[开始：] --> Q1[哈希表] --> E[本题结束]", "S[开始] --> Q1[哈希表] --> E[结束。]",
                      "S[开始] --> Q1[哈希表] --> E[下一题]", "S[开始] --> Q1[哈希表] --> E[进入下一个主题]",
                      "S[开始] --> Q1[哈希表] --> E[本节结束]", "S[开始] --> Q1[哈希表] --> E[换下一题]",
                      "S[开始] --> Q1[哈希表] --> E[面试结束，谢谢]", "S[开始本轮] --> Q1[哈希表] --> E[下一步]",
                      "Start --> Q1[Hash maps?] --> Stop", "A(Begin) --> Q1[Hash maps?] --> Z(Done)"])
    func theChartsEndsDrawnAsBoxesAreItsStartAndEnd(_ chart: String) {
        // act
        let parsed = Self.parse(chart)
        // verify: only Q1 is a question
        let types = parsed.graph.nodes.map(\.type)
        #expect(types == [.start, .operation, .end], "\(types)")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
    }

    @Test func aBoxCalledStartInMidChartIsStillAQuestion() {
        // act: "Start" that something leads to, "End" that leads on
        let parsed = Self.parse("S([Go]) --> A[Start] --> B[End] --> C([Finish])")
        // verify
        #expect(parsed.graph.node("A")?.type == .operation)
        #expect(parsed.graph.node("B")?.type == .operation)
    }

    @Test func aQuestionDrawnAsTheFirstStadiumIsTold() throws {
        // act
        let question = Self.parse("Q1([\"Tell me about your last project (scope, role)\"]) --> Q2[Hardest bug?]")
        let start = Self.parse("S([Start the interview]) --> Q2[Hardest bug?]\nQ0([开始面试，先请候选人自我介绍一下]) --> Q2")
        // verify
        #expect(question.graph.node("Q1")?.type == .start)
        let w = try #require(question.diagnostics.first { $0.code == .questionReadAsStart })
        #expect(w.position == SourcePosition(line: 2, column: 1))
        #expect(w.text.en.contains("S([Start]) --> Q1"))
        #expect(w.text.zh.contains("永远不会被问到"))
        #expect(!start.diagnostics.contains { $0.code == .questionReadAsStart }, "\(start.diagnostics.map(\.message))")
        // short Chinese questions that ask: at the start and at the end
        let short = Self.parse("S([介绍一下你自己]) --> Q2[项目难点]\nQ2 --> E((介绍下gc算法))")
        #expect(short.diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.questionReadAsEnd, .questionReadAsStart])
    }

    @Test(arguments: ["J@{ shape: f-circ }", "J@{ shape: junction }", "J(( ))", "J[\" \"]", "J@{ shape: join }"])
    func aConnectorThatJoinsLinesIsPassedThroughNotAsked(_ connector: String) {
        // act
        let parsed = Self.parse("S([Start]) --> G{Deeper?}\nG -->|yes| Q2[Resizing] --> \(connector)\nG -->|no| J\nJ --> Q3[Load factor] --> E([End])")
        // verify: an instruction leading on to Q3, no question with the text "J" or none
        #expect(parsed.graph.node("J")?.type == .parallel)
        #expect(parsed.edgeList.contains("J-path1->Q3"))
        #expect(parsed.graph.node("J")?.parameters["ask"] == nil)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
    }

    @Test func aJunctionIsADotWithNoTextAndSurvivesAConversion() {
        // setup
        let chart = "flowchart TD\nS([Start]) --> Q1[Hash maps] --> J@{ shape: f-circ }\nJ --> Q2[Load factor] --> E([End])"
        let graph = MermaidParser.parse(chart).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        let svg = SVGRenderer.render(graph, layout: layout)
        let flow = FlowchartJSWriter.write(graph)
        let back = MermaidParser.parse(MermaidWriter.write(FlowchartParser.parse(flow).graph))
        // verify
        let dot = layout.nodes.first { $0.id == "J" }
        #expect(dot?.lines == [] && dot?.width == NodeSizing.junctionSize)
        #expect(svg.contains("class=\"node parallel junction\""))
        #expect(MermaidWriter.write(graph).contains("J@{ shape: f-circ }"))
        #expect(back.graph.node("J")?.type == .parallel)
        #expect(back.graph.node("J")?.parameters["shape"] == "f-circ")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics.map(\.message))")
    }

    @Test func aBoxWhoseLinesSayYesAndNoIsAGate() throws {
        // act
        let parsed = Self.parse("S([开始]) --> Q[是否了解 GIL？]\nQ -->|是| D[讲讲 GIL 的实现]\nQ -->|否| E([结束])\nD --> E")
        let fork = Self.parse("S([Start]) --> Q[Tell us]\nQ --> A[One] & B[Two]")
        // verify: a gate with its two branches, told; a plain fork stays a fork
        #expect(parsed.graph.node("Q")?.type == .condition)
        #expect(parsed.edgeList.contains("Q-yes->D") && parsed.edgeList.contains("Q-no->E"))
        let w = try #require(parsed.diagnostics.first { $0.code == .boxReadAsGate })
        #expect(w.position.line == 2 && w.text.zh.contains("按判断节点读取"))
        #expect(fork.graph.node("Q")?.type == .parallel)
    }

    @Test func theStartTheFixSuggestsIsNotTheQuestionsOwnID() throws {
        let parsed = Self.parse("S([介绍一下你自己]) --> Q2[项目难点]")
        let w = try #require(parsed.diagnostics.first { $0.code == .questionReadAsStart })
        #expect(w.text.en.contains("S0([Start]) --> S") && w.text.zh.contains("S0([开始]) --> S"))
    }

    @Test func aQuestionToRateWhoseLinesSayYesAndNoStaysAQuestion() {
        // act: a question with a reference answer, not a yes-or-no one
        let parsed = Self.parse("S([开始]) --> A[讲讲HashMap的原理（数组+链表+红黑树）]\nA -->|会| B[扩容]\nA -->|不会| E([结束])\nB --> E")
        // verify: rated (a question that forks, told so), its reference kept
        #expect(parsed.graph.node("A")?.type == .parallel)
        #expect(parsed.graph.node("A")?.parameters["ask"] == "yes")
        #expect(!parsed.diagnostics.contains { $0.code == .boxReadAsGate })
    }

    @Test func shortQuestionsThatLookLikeMarkersAreStillAsked() {
        // act: a question whose text starts like a marker
        let parsed = Self.parse("S([开始]) --> Q1[开始时间?] --> Q2[下一题是什么？]")
        // verify
        #expect(parsed.graph.node("Q1")?.type == .operation)
        #expect(parsed.graph.node("Q2")?.type == .operation)
    }

    @Test(arguments: ["S([开始：自我介绍]) --> Q[项目]", "Q0[项目] --> E([GIL是啥])", "Q0[项目] --> E([完成度如何])"])
    func aStadiumThatAsksIsTold(_ chart: String) {
        let parsed = Self.parse(chart)
        #expect(parsed.diagnostics.contains { $0.code == .questionReadAsStart || $0.code == .questionReadAsEnd }, "\(parsed.diagnostics.map(\.message))")
    }

    @Test func twoLinesReadTheSameWaySayWhatTheyWereReadAs() throws {
        let parsed = Self.parse("A[问题一] --> G{答得怎么样}\nG -->|不太会| Y[深问题]\nG -->|不会| N[基础题]")
        let e = try #require(parsed.diagnostics.first { $0.code == .duplicateGateLabel })
        #expect(e.text.zh.contains("连线“不太会”和“不会”（连到 'N'）都被读作“否”"), "\(e.text.zh)")
    }
}
