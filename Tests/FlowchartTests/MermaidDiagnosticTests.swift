import Testing
@testable import Flowchart

/// Each Mermaid finding: its code, where it points (line and Unicode-scalar column), what it says in
/// both languages, the fix, and that the rest of the chart is still read.
@Suite("Mermaid parser: diagnostics") struct MermaidDiagnosticTests {
    private func parse(_ body: String) -> ParsedFlowchart {
        MermaidParser.parse("flowchart TD\n" + body, firstLine: 10)
    }

    @Test func unknownDirectionIsFixedToTheClosestOne() throws {
        // act
        let parsed = MermaidParser.parse("flowchart DT\nA --> B")
        // verify
        let d = try #require(parsed.first(.unknownDirection))
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(line: 1, column: 11))
        #expect(d.fix?.replacement == "TD")
        #expect(d.message.contains("'DT'") && d.text.zh.contains("不是方向"))
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func missingHeaderIsReportedAndTheChartStillRead() throws {
        // act
        let parsed = MermaidParser.parse("A --> B")
        // verify
        let d = try #require(parsed.first(.missingHeader))
        #expect(d.fix?.replacement == "flowchart TD\n")
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func unclosedBracketPointsAtTheOpenerAndFixesBeforeALinkOrAtLineEnd() throws {
        // act: one label left open before a link, one at the line's end
        let beforeLink = parse("问[中文标签 --> B\nC --> D")
        let atEnd = parse("问[中文标签\nC --> D")
        // verify
        let d = try #require(beforeLink.first(.unclosedBracket))
        #expect(d.position == SourcePosition(line: 11, column: 2))
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: 7), end: SourcePosition(line: 11, column: 7), replacement: "]"))
        #expect(d.text.zh.contains("没有闭合"))
        #expect(beforeLink.edgeList == ["问-next->B", "C-next->D"])
        let e = try #require(atEnd.first(.unclosedBracket))
        #expect(e.fix == Fix(start: SourcePosition(line: 11, column: 7), end: SourcePosition(line: 11, column: 7), replacement: "]"))
        #expect(atEnd.edgeList == ["C-next->D"])
    }

    @Test(arguments: [("e([End]", ")", "End"), ("e{{Gate}", "}", "Gate"), ("e(((Out))", ")", "Out"), ("e[[Sub]", "]", "Sub"), ("e((End)", ")", "End"), ("e([End", "])", "End"),
                      ("e[(Store (cache)", ")]", "Store (cache)")])
    func aCloserBegunIsFinishedNotAddedWhole(written: String, missing: String, label: String) throws {
        // act: the closer's first half written (`e([End]`), the fix gave `e([End]])`
        let parsed = parse("s --> \(written)")
        // verify: the fix adds only what is missing, the message says so, and the label stops before it
        let d = try #require(parsed.first(.unclosedBracket))
        let end = 7 + written.count
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: end), end: SourcePosition(line: 11, column: end), replacement: missing))
        #expect(d.message.hasSuffix("add '\(missing)'"))
        #expect(parsed.graph.node("e")?.text == label)
    }

    @Test(arguments: [("->", "->"), ("=>", "=>"), ("-=>", "-=>"), ("->>", "->>"), ("→", "→")])
    func anArrowFromAnotherNotationIsReplacedAndTheLinkKept(written: String, token: String) throws {
        // act: the flowchart.js habit in a Mermaid chart, with a labelled target and a line after it
        let parsed = parse("A[Q1] \(written) B[\"Q2 (r2)\"]\nB -->|yes| C")
        // verify: one finding whose fix writes '-->' over the token, and the link and B's label are kept
        #expect(parsed.diagnostics.count == 1)
        let d = try #require(parsed.first(.unexpectedText))
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(line: 11, column: 7))
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: 7),
                             end: SourcePosition(line: 11, column: 7 + token.unicodeScalars.count), replacement: "-->"))
        #expect(d.message.contains("'\(token)'") && d.text.zh.contains("不是 Mermaid 连线"))
        #expect(parsed.edgeList == ["A-next->B", "B-next->C"])
        #expect(parsed.graph.nodes.first { $0.id == "B" }?.text == "Q2 (r2)")
    }

    /// From a probe: the fix said `C[Q two] --> D[Q three]`, but the link was not built, so D and every
    /// node after it could not be reached. Words after a node are still not read as nodes.
    @Test func aForgottenArrowBeforeANodeIsReadAsTheLinkItsFixWrites() throws {
        // act
        let parsed = parse("A([Start]) --> C[Q two] D[Q three]\nD --> E[Q four]\nE --> F\nF[Q five] 追问细节")
        // verify
        let d = try #require(parsed.first(.unexpectedText))
        #expect(d.position == SourcePosition(line: 11, column: 25), "\(d.position)")
        #expect(d.fix?.replacement == "--> ")
        #expect(parsed.edgeList == ["A-next->C", "C-next->D", "D-next->E", "E-next->F"])
        #expect(parsed.graph.node("D")?.text == "Q three")
        #expect(parsed.diagnostics.filter { $0.code == .unexpectedText }.count == 2)
        #expect(parsed.graph.node("追问细节") == nil)
    }

    /// From a recheck: a node reached only through one whose line in was left out got the plain message.
    @Test func whatLiesBehindALeftOutLineSaysSo() throws {
        // act: a fourth path left out, and a question after it
        let parsed = parse("S([Start]) --> q[Hub]\nq --> a[A] & b[B] & c[C] & d[D]\nd --> d2[After D]")
        // verify
        let findings = parsed.diagnostics.filter { $0.code == .unreachableNode }
        #expect(findings.map(\.message) == [
            "'d' cannot be reached from the start 'S'; the interview never asks it — the line drawn to it was left out: see the error on that line",
            "'d2' cannot be reached from the start 'S'; the interview never asks it — it is reached through 'd', whose line in was left out: see the error on that line",
        ])
        #expect(findings.last?.text.zh.contains("要经过 'd' 才能到达") == true)
    }

    @Test func aMistakenArrowKeepsItsPipeLabel() throws {
        // act
        let parsed = parse("G{ok?} ->|no| B\nG -->|yes| C")
        // verify
        #expect(parsed.first(.unexpectedText)?.fix?.replacement == "-->")
        #expect(parsed.edgeList.sorted() == ["G-no->B", "G-yes->C"])
    }

    @Test func unclosedQuote() throws {
        // act
        let parsed = parse("A[\"open] --> B\nC --> D")
        // verify
        let d = try #require(parsed.first(.unclosedQuote))
        #expect(d.position == SourcePosition(line: 11, column: 3))
        #expect(d.fix?.replacement == "\"")
        #expect(parsed.edgeList.contains("C-next->D"))
    }

    /// A quote left open in a label whose line ends with the shape's closer: closed before it, one error,
    /// and the reference answer kept (a probe got two errors, two wrong fixes and a stray `]`).
    @Test func aQuoteLeftOpenBeforeTheShapesCloserClosesThere() throws {
        // act
        let parsed = parse("A([Start]) --> C[\"What does a readiness probe do? (removes the pod)]\nC --> D{\"Deeper?}\nD -->|yes| E([End])\nD -->|no| E")
        // verify
        let found = parsed.diagnostics.filter { $0.severity == .error }
        #expect(found.count == 2 && found.allSatisfy { $0.code == .unclosedQuote }, "\(parsed.diagnostics.map(\.message))")
        #expect(found[0].fix?.start == SourcePosition(line: 11, column: 68) && found[0].fix?.replacement == "\"")
        #expect(parsed.graph.node("C")?.text == "What does a readiness probe do? (removes the pod)")
        #expect(parsed.graph.node("D")?.text == "Deeper?" && parsed.graph.node("D")?.type == .condition)
    }

    /// A quote left open in a link's `|…|` or a shape data's label closes before the bar or the brace:
    /// one error, the link and the node kept (they ran to the line's end, and the bar or the `@{` was
    /// reported unclosed as well, with fixes that were wrong).
    @Test func aQuoteLeftOpenInALinkLabelOrShapeDataClosesAtItsPlace() throws {
        // act
        let parsed = parse("A{\"Deeper?\"} -->|\"yes| C[Q2]\nA -->|no| D@{ shape: rect, label: \"Why? (cost) }")
        // verify
        let found = parsed.diagnostics.filter { $0.severity == .error }
        #expect(found.count == 2 && found.allSatisfy { $0.code == .unclosedQuote }, "\(parsed.diagnostics.map(\.message))")
        #expect(found[0].fix?.start == SourcePosition(line: 11, column: 22) && found[0].fix?.replacement == "\"")
        #expect(found[1].fix?.start == SourcePosition(line: 12, column: 47))
        #expect(parsed.edgeList.sorted() == ["A-no->D", "A-yes->C"])
        #expect(parsed.graph.node("D")?.text == "Why? (cost)")
    }

    /// A quoted label over several lines, which Mermaid accepts: one label with its line break, no error.
    @Test func aQuotedLabelMayRunOverSeveralLines() throws {
        // act
        let parsed = parse("A --> B[\"First line\n    second line (answer)\"]\nB --> C")
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("B")?.text == "First line\nsecond line (answer)")
        #expect(parsed.edgeList == ["A-next->B", "B-next->C"])
    }

    @Test func unclosedSubgraphGetsAnEnd() throws {
        // act
        let parsed = parse("subgraph s1\n  A --> B")
        // verify
        let d = try #require(parsed.first(.unclosedSubgraph))
        #expect(d.position == SourcePosition(line: 11, column: 1))
        #expect(d.fix?.replacement == "\nend")
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func endWithoutSubgraph() throws {
        // act
        let parsed = parse("A --> B\nend")
        // verify
        let d = try #require(parsed.first(.unmatchedEnd))
        #expect(d.position == SourcePosition(line: 12, column: 1))
        #expect(d.fix?.replacement == "")
    }

    @Test func unknownShapeSuggestsTheNearestName() throws {
        // act
        let parsed = parse("A@{ shape: dimond, label: \"Go?\" } -->|yes| B\nA -->|no| C\nX@{ shape: zzzzzzz }")
        // verify: and read as the shape it suggests, so the gate is a gate (it was a question that forked)
        let d = try #require(parsed.first(.unknownShape))
        #expect(d.position == SourcePosition(line: 11, column: 12))
        #expect(d.fix?.replacement == "diamond")
        #expect(d.message.contains("did you mean 'diamond'? It is read as 'diamond'"))
        #expect(parsed.graph.node("A")?.text == "Go?" && parsed.graph.node("A")?.type == .condition)
        #expect(parsed.edgeList.contains("A-yes->B") && parsed.edgeList.contains("A-no->C"))
        #expect(parsed.diagnostics.filter { $0.code == .unknownShape }.last?.message == "unknown shape 'zzzzzzz', drawn as a box")
    }

    @Test func gateWithOnlyYes() throws {
        // act
        let parsed = parse("G{Deeper?} -->|yes| A")
        // verify
        let d = try #require(parsed.first(.conditionMissingBranch))
        #expect(d.position == SourcePosition(line: 11, column: 1))
        #expect(d.message.contains("'no'") && d.message.contains("add 'G -->|no| …'"))
        #expect(d.text.zh.contains("缺少"))
    }

    /// Mermaid keeps an id's last label; a guide loses the first question without a word unless told.
    @Test func aSecondDifferentLabelForAnIdIsAWarningNamingTheFirst() throws {
        // act
        let parsed = parse("s([开始]) --> f1[\"Vue 的响应式原理？\"]\nf1 --> f2[下一题]\nf2 --> f1[\"React Hooks 的规则？\"]\nf2 --> f2[下一题]")
        // verify: one finding, at the second label, naming the first; the same label again is no finding
        let found = parsed.diagnostics.filter { $0.code == .nodeRelabelled }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .warning && d.position == SourcePosition(line: 13, column: 11))
        #expect(d.message.contains("'f1' already has the label 'Vue 的响应式原理？' (line 11, column 16)"))
        #expect(d.text.zh.contains("那个问题就不会被问到"))
        #expect(parsed.graph.node("f1")?.text == "React Hooks 的规则？")
    }

    /// A node named like a subgraph takes the subgraph's links; the author is told where both are.
    @Test func aNodeNamedLikeASubgraphIsAWarning() throws {
        // act
        let parsed = parse("s([开始]) --> k0[问题一]\nsubgraph 深入 [深入问题]\n  k1[问题二] --> k2[问题三]\nend\nk0 --> 深入\n深入[再问一个] --> e([结束])")
        // verify
        let d = try #require(parsed.first(.nodeHidesSubgraph))
        #expect(d.severity == .warning && d.position.line == 16)
        #expect(d.message.contains("'深入' is already a subgraph (line 12)") && d.text.zh.contains("子图里的问题就永远到不了"))
        // a subgraph alone, linked to, is no finding
        #expect(parse("s --> g\nsubgraph g [G]\n  a --> b\nend").first(.nodeHidesSubgraph) == nil)
    }

    /// `dev---ops` is a circle head and a node `ps` in Mermaid; read so, and said.
    @Test func aHeadGluedToANameIsReadAsMermaidDoesAndSaid() throws {
        // act
        let parsed = parse("dev[Dev] ---ops[Ops]\nA --o B")
        // verify
        let d = try #require(parsed.first(.gluedArrowHead))
        #expect(parsed.diagnostics.filter { $0.code == .gluedArrowHead }.count == 1)
        #expect(d.severity == .warning && d.position == SourcePosition(line: 11, column: 13) && d.fix?.replacement == " ")
        #expect(d.message.contains("a circle end ('o') and a node 'ps'; for a node 'ops', put a space before it"))
        #expect(parsed.graph.node("ps")?.text == "Ops")
    }

    /// Thousands of broken labels on one line: every finding's column is right though each is counted on
    /// from the one before (they were counted from the line's start, which with a scan to the line's end
    /// per label made such a line quadratic: 55 KB took 12.7 s).
    @Test func findingsAlongOneLongLineHaveTheirColumns() throws {
        // act
        let ids = (0..<1_000).map { "a\($0)【x" }
        let parsed = MermaidParser.parse("flowchart TD\n" + ids.joined(separator: " --> "))
        // verify: one finding per id, each at its 【, counted in characters
        let found = parsed.diagnostics.filter { $0.code == .fullWidthSyntax }
        #expect(found.count == 1_000)
        var column = 1
        for (n, id) in ids.enumerated() {
            let expected = column + id.firstIndex(of: "【")!.utf16Offset(in: id)
            if found[n].position != SourcePosition(line: 2, column: expected) {
                Issue.record("finding \(n) at \(found[n].position), expected column \(expected)")
                break
            }
            column += id.count + " --> ".count
        }
    }

    /// A chart written in Chinese is told to add the branch in its own words (a probe was told '|no|').
    @Test func aChineseGateIsToldToAddItsBranchInChinese() throws {
        // act
        let parsed = parse("G{是否深入？} -->|是| A[讲讲缓存？]")
        // verify
        let d = try #require(parsed.first(.conditionMissingBranch))
        #expect(d.text.zh.contains("请添加 'G -->|否| …'") && d.text.en.contains("add 'G -->|否| …'"))
    }

    @Test func gateWhoseLabelsSayNeitherTakesTheFirstAsYes() throws {
        // act
        let parsed = parse("G{DB?} -->|MySQL| M\nG -->|Postgres| P")
        // verify
        let d = try #require(parsed.first(.gateLabelUnclear))
        #expect(d.severity == .warning)
        #expect(d.position == SourcePosition(line: 11, column: 12))
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: 12), end: SourcePosition(line: 11, column: 17), replacement: "yes"))
        #expect(parsed.edgeList == ["G-yes->M", "G-no->P"])
    }

    @Test func labelLessGateLineIsNamedAndFixed() throws {
        // act
        let parsed = parse("G{Deeper?} -->|no| A\nG --> B")
        // verify
        let d = try #require(parsed.first(.unlabelledGateEdge))
        #expect(d.position == SourcePosition(line: 12, column: 6))
        #expect(d.fix?.replacement == "|yes|")
        #expect(parsed.graph.edge(from: "G", branch: .yes)?.to == "B")
    }

    @Test func twoLinesWithTheSameLabelFromAGate() throws {
        // act
        let parsed = parse("G{?} -->|是| A\nG -->|是| B\nG -->|否| C")
        // verify
        let d = try #require(parsed.first(.duplicateGateLabel))
        #expect(d.position == SourcePosition(line: 12, column: 7) && d.severity == .error)
        #expect(parsed.edgeList == ["G-yes->A", "G-no->C"])
    }

    @Test func forkOfFourIsAnError() throws {
        // act
        let parsed = parse("H --> A & B & C & D")
        // verify
        let d = try #require(parsed.first(.tooManyBranches))
        #expect(d.severity == .error)
        #expect(d.message.contains("H_more"))
        #expect(parsed.graph.outgoing("H").count == 3)
    }

    @Test func questionNeverReached() throws {
        // act
        let parsed = parse("A --> B\nLost[Never asked]")
        // verify
        let d = try #require(parsed.first(.unreachableNode))
        #expect(d.position == SourcePosition(line: 12, column: 1))
        #expect(d.text.zh.contains("永远不会问到"))
        // A second root says how to link it in (`A & B --> C` first: the chart starts at A)
        let roots = MermaidParser.parse("flowchart TD\nA[Q1] & B[Q2] --> C[Q3]")
        let b = try #require(roots.first(.unreachableNode))
        #expect(b.message.contains("nothing leads to it") && b.message.contains("S([Start]) --> A & B"))
    }

    @Test func missingArrowAndMissingTarget() throws {
        // act
        let parsed = parse("A B\nC -->\nD --> E")
        // verify
        let arrow = try #require(parsed.first(.unexpectedText))
        #expect(arrow.position == SourcePosition(line: 11, column: 3))
        #expect(arrow.fix?.replacement == "--> ")
        let target = try #require(parsed.first(.emptyLink))
        #expect(target.position == SourcePosition(line: 12, column: 3))
        // a bare `B` after `A` is not taken for a node: only one written with its shape is
        #expect(parsed.edgeList == ["D-next->E"])
    }

    @Test func unquotedParenthesesAreQuotedByTheFix() throws {
        // act
        let parsed = parse("A[Explain \"GC\" (mark)] --> B")
        // verify
        let d = try #require(parsed.first(.unquotedParentheses))
        #expect(d.fix?.replacement == "\"Explain #quot;GC#quot; (mark)\"")
        #expect(parsed.graph.node("A")?.text == "Explain \"GC\" (mark)")

        // A parallelogram or trapezoid too (Mermaid fails on them all); quoted inside its slashes.
        let slanted = parse("G[Q] --> B[/Explain I/O (select, epoll)/]")
        let e = try #require(slanted.first(.unquotedParentheses))
        #expect(e.fix?.replacement == "\"Explain I/O (select, epoll)\"" && slanted.graph.node("B")?.text == "Explain I/O (select, epoll)")
        let fixed = parse("G[Q] --> B[/\"Explain I/O (select, epoll)\"/]")
        #expect(fixed.diagnostics.isEmpty, "\(fixed.diagnostics)")
    }

    @Test func unclosedLinkText() throws {
        // act
        let parsed = parse("A -- never closed\nB --> C")
        // verify
        #expect(parsed.codes.filter { $0 == .unclosedBracket || $0 == .unexpectedText }.count == 1)
        #expect(parsed.edgeList == ["B-next->C"])
    }

    @Test func decoratingAnUnknownNode() throws {
        // act
        let parsed = parse("A --> B\nstyle Z fill:#f00")
        // verify
        let d = try #require(parsed.first(.undefinedNode))
        #expect(d.position == SourcePosition(line: 12, column: 7))
    }

    @Test func aStyleOrClassBeforeItsNodeIsAppliedOnceTheNodeIsWritten() throws {
        // act: Mermaid applies a style, class or click written above the node (or subgraph) it names
        let parsed = parse("style I fill:#f00\nclass I hot\nclick I \"https://example.com\"\nstyle g stroke:#00f\nA --> I[Q2]\nsubgraph g\nI\nend\nclassDef hot stroke:#333")
        // verify
        #expect(parsed.first(.undefinedNode) == nil, "\(parsed.diagnostics)")
        let node = try #require(parsed.graph.node("I"))
        #expect(node.text == "Q2" && node.parameters["class"] == "hot" && node.url == "https://example.com")
        #expect(node.parameters["style"]?.contains("fill:#f00") == true)
        #expect(parsed.graph.groups.first { $0.id == "g" }?.style?.contains("stroke:#00f") == true)
    }

    @Test func aKeywordAsANodesIdIsAnErrorAndTheLinkStillReads() throws {
        // act: `style` as an id, after an arrow and at the start of a link (read as a style for '-->' before)
        let parsed = MermaidParser.parse("flowchart TD\nS([Start]) --> style[What is CSS specificity?]\nstyle --> E([End])\nstyle E fill:#eee")
        // verify: an error at each, with the renamed id as the fix; the chart reads S → style → E, and a
        // real style statement is untouched
        let findings = parsed.diagnostics.filter { $0.code == .keywordAsNodeID }
        #expect(findings.map(\.position.line) == [2, 3] && findings.allSatisfy { $0.fix?.replacement == "style_" })
        #expect(parsed.graph.edges.map { "\($0.from)->\($0.to)" } == ["S->style", "style->E"])
        #expect(parsed.graph.node("E")?.parameters["style"]?.contains("fill:#eee") == true)
        #expect(!parsed.diagnostics.contains { $0.code == .undefinedNode })
    }

    @Test func aLastStadiumThatReadsAsAQuestionIsNamedAsReadAsTheEnd() throws {
        // act: a stadium and a circle with question text as the last node; ends that say so stay quiet
        let question = MermaidParser.parse("flowchart TD\nQ1[What is a mutex?] --> W([Ask about their favourite debugging story])")
        let circle = MermaidParser.parse("flowchart TD\nS([Start]) --> Q1((Explain CAP)) --> Q2(((Which would you pick for a bank?)))")
        let ends = MermaidParser.parse("flowchart TD\nS([Start]) --> Q1[Q] --> E([End of the interview])\nQ1 --> F((面试结束，感谢候选人的时间))")
        // verify: a warning at the node, naming its text; the rule itself (the last stadium ends) unchanged
        let w = try #require(question.first(.questionReadAsEnd))
        #expect(w.severity == .warning && w.position == SourcePosition(line: 2, column: 26) && w.message.contains("W[…]"))
        #expect(question.graph.node("W")?.type == .end)
        #expect(circle.diagnostics.filter { $0.code == .questionReadAsEnd }.count == 1)
        #expect(ends.diagnostics.allSatisfy { $0.code != .questionReadAsEnd }, "\(ends.diagnostics.map(\.message))")
    }

    @Test func anInputMethodsFullWidthPunctuationIsNamedWithTheASCIIMeant() throws {
        // act: a Chinese input method's bar, brackets and dash where Mermaid's syntax goes
        let bar = MermaidParser.parse("flowchart TD\nB{深入？} -->｜是｜ C[问题二]\nB -->|否| D")
        let brackets = MermaidParser.parse("flowchart TD\nA[Q] --> D【问题三】")
        let dash = MermaidParser.parse("flowchart TD\nA[Q] --> D[R]\nD —> C")
        // verify: each an error at the character, with the line as it was meant as the fix
        let a = try #require(bar.first(.fullWidthSyntax))
        #expect(a.severity == .error && a.position == SourcePosition(line: 2, column: 11) && a.fix?.replacement == "|是|")
        // The bars are read as the label meant: one finding, the gate's yes goes to C, no node "｜是｜".
        #expect(bar.diagnostics.count == 1, "\(bar.diagnostics.map(\.message))")
        #expect(bar.edgeList.contains("B-yes->C") && bar.graph.node("｜是｜") == nil)
        let b = try #require(brackets.first(.fullWidthSyntax))
        #expect(b.position == SourcePosition(line: 2, column: 11) && b.fix?.replacement == "D[问题三]")
        #expect(b.text.text(.zh).contains("全角标点"))
        let c = try #require(dash.first(.fullWidthSyntax))
        #expect(c.position == SourcePosition(line: 3, column: 3) && c.fix?.replacement == "-->")
        // …also with a label glued to it, the fix replacing the dash alone (it offered `C --> —>|否| E`)
        let glued = MermaidParser.parse("flowchart TD\nA([开始]) --> C{深入吗？}\nC —>|否| E([结束])")
        let d = try #require(glued.first(.fullWidthSyntax))
        #expect(d.position == SourcePosition(line: 3, column: 3) && d.fix?.replacement == "-->" && d.fix?.end == SourcePosition(line: 3, column: 5))
        // Chinese labels and ids are not touched.
        #expect(MermaidParser.parse("flowchart TD\n问题一[（参考）答案【要点】] --> 问题二").diagnostics.isEmpty)
    }

    /// A label with spaces in full-width brackets: the id used to stop at the first space, the fix left
    /// the closing bracket full-width and the rest of the chart unreachable (a probe lost three nodes).
    @Test func aFullWidthBracketedLabelWithSpacesIsReadAsTheLabelMeant() throws {
        // act
        let parsed = MermaidParser.parse("flowchart TD\ns([开始]) --> p1【XSS 和 CSRF 的区别？】\np1 --> g{深入？}\ng -->|是| p3[同源？]\ng -->|否| e([结束])\np3 --> e")
        // verify: one finding, both brackets in its fix, and the chart whole behind it
        #expect(parsed.diagnostics.count == 1, "\(parsed.diagnostics.map(\.message))")
        let d = try #require(parsed.first(.fullWidthSyntax))
        #expect(d.position == SourcePosition(line: 2, column: 15) && d.fix?.replacement == "p1[XSS 和 CSRF 的区别？]")
        #expect(parsed.graph.node("p1")?.text == "XSS 和 CSRF 的区别？")
        #expect(parsed.edgeList.contains("s-next->p1") && parsed.edgeList.contains("g-yes->p3") && parsed.edgeList.contains("p1-next->g"))
    }

    @Test func aLabelLeftOpenBeforeALinkIsClosedThereAndTheLinkRead() throws {
        // act
        let parsed = MermaidParser.parse("flowchart TD\n    A[Question --> B[Next]\n    B --> C[Third]")
        // verify: the fix closes the label before the link, and the reading goes on as if it had been
        let d = try #require(parsed.first(.unclosedBracket))
        #expect(d.fix?.start == SourcePosition(line: 2, column: 15) && d.fix?.replacement == "]")
        #expect(d.fixedLine("    A[Question --> B[Next]") == "    A[Question] --> B[Next]")
        #expect(parsed.edgeList == ["A-next->B", "B-next->C"] && parsed.graph.node("A")?.text == "Question")
        #expect(parsed.diagnostics.count == 1, "\(parsed.diagnostics)")
    }

    @Test func everyFindingHasBothLanguages() {
        // setup
        let text = "flowchart XY\nA[x --> B\nC[\"q --> D\nsubgraph s\nG{?} --> H & I & J\nend\nend\nK L\nM@{ shape: zz }\n"
        // act
        let parsed = MermaidParser.parse(text)
        // verify
        #expect(parsed.diagnostics.count >= 6)
        for d in parsed.diagnostics {
            #expect(!d.text.en.isEmpty && !d.text.zh.isEmpty && d.text.en != d.text.zh, "\(d.code)")
        }
    }

    @Test func aMisspeltHeaderIsReadAsTheKeywordItMeant() throws {
        for (written, meant) in [("Flowchart", "flowchart"), ("flowchar", "flowchart"), ("grph", "graph")] {
            // act
            let parsed = MermaidParser.parse("\(written) LR\nA --> B")
            // verify: one finding with the keyword spelt right, and the chart read left to right
            let d = try #require(parsed.first(.missingHeader), "\(written)")
            #expect(parsed.diagnostics.count == 1, "\(written): \(parsed.diagnostics)")
            #expect(d.fix == Fix(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: written.count + 1),
                                 replacement: meant))
            #expect(d.message.contains("'\(written)'") && d.text.zh.contains("不是 Mermaid 的图表类型"))
            #expect(parsed.edgeList == ["A-next->B"])
            #expect(parsed.graph.edges.first?.direction == .right)
        }
    }

    @Test func lowercaseEndAsANodeIsAnErrorWithEndAsTheFix() throws {
        // act
        let parsed = parse("A[q] --> end\nendpoint --> B")
        // verify: `end` is reported where it is written; `endpoint` is an id like any other
        let d = try #require(parsed.first(.endAsNodeID))
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(line: 11, column: 10))
        #expect(d.fix?.replacement == "End")
        #expect(d.text.zh.contains("'End'"))
        #expect(parsed.codes.filter { $0 == .endAsNodeID }.count == 1)
        #expect(parsed.edgeList == ["A-next->end", "endpoint-next->B"])
    }

    @Test func theFixForEndGivesTheChartsEndNotAQuestionCalledEnd() throws {
        // setup: the finding's fix applied as written
        let written = "s([Start]) --> n1[\"URL? (DNS)\"]\nn1 --> n2{Deeper?}\nn2 -->|yes| n3[\"TCP? (ordering)\"]\nn2 -->|no| e([End])\nn3 --> end"
        let fix = try #require(parse(written).first(.endAsNodeID)?.fix)
        // act
        let fixed = parse(written.replacingOccurrences(of: "n3 --> end", with: "n3 --> " + fix.replacement))
        let bare = parse("A[q] --> 结束\nB[q] --> Done\nDone --> C[q]")
        // verify: a bare end word that leads nowhere ends the chart; one that leads on stays a node
        #expect(fixed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(fixed.graph.node("End")?.type == .end)
        #expect(bare.graph.node("结束")?.type == .end)
        #expect(bare.graph.node("Done")?.type == .operation)
    }

    @Test func anUnclosedShapeDataEndsAfterItsLastKeyAndValue() throws {
        // act
        let parsed = parse("s([Start]) --> G@{ shape: rect, label: \"x\"\nG --> H[q h]")
        // verify: closed where its values end, so the next line is still a line of the chart
        let d = try #require(parsed.first(.unclosedBracket))
        #expect(d.position == SourcePosition(line: 11, column: 17))
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: 43), end: SourcePosition(line: 11, column: 43), replacement: " }"))
        #expect(parsed.edgeList == ["s-next->G", "G-next->H"])
        #expect(parsed.graph.nodes.first { $0.id == "G" }?.text == "x")
    }

    @Test func anUnclosedMarkdownStringEndsWithItsLine() throws {
        // act
        let parsed = parse("s([Start]) --> A[\"`markdown **b**\nA --> B[\"q b\"]\nB --> C[q c]")
        // verify
        #expect(parsed.codes.contains(.unclosedQuote))
        #expect(parsed.edgeList == ["s-next->A", "A-next->B", "B-next->C"])
        #expect(parsed.graph.nodes.first { $0.id == "A" }?.text == "markdown b")
    }

    @Test func aSlantedLabelClosedByAPlainBracketGetsItsLeanAsTheFix() throws {
        // act
        let parsed = parse("H[/par] --> K[/Read [x] file/]")
        // verify: the shape ends at its `]`, the fix adds the `/` before it; inner brackets stay text
        let d = try #require(parsed.first(.unclosedBracket))
        #expect(d.position == SourcePosition(line: 11, column: 2))
        #expect(d.fix == Fix(start: SourcePosition(line: 11, column: 7), end: SourcePosition(line: 11, column: 7), replacement: "/"))
        #expect(parsed.graph.nodes.map(\.text) == ["par", "Read [x] file"])
        #expect(parsed.edgeList == ["H-next->K"])
        #expect(parsed.diagnostics.count == 1)
    }

    @Test func aRoundedNodeIsNotWarnedForTheParenthesesOfItsShape() {
        // act
        let plain = parse("B(ok) --> C(HTTP/3)")
        let nested = parse("B(Why (ref))")
        // verify
        #expect(!plain.codes.contains(.unquotedParentheses))
        #expect(nested.codes.contains(.unquotedParentheses))
    }

    @Test func everyShapeNameOfMermaid11IsKnown() {
        // act: names and aliases from Mermaid 11's shape list that were once reported as unknown
        let parsed = parse("A@{ shape: lin-proc } --> B@{ shape: bow-tie-rectangle } --> C@{ shape: choice }\nC -->|yes| D\nC -->|no| E")
        // verify
        #expect(!parsed.codes.contains(.unknownShape))
        #expect(parsed.graph.nodes.first { $0.id == "C" }?.type == .condition)
    }
}
