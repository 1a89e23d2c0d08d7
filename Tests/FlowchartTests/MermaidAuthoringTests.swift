import Testing
@testable import Flowchart

/// Mermaid an author writes by its grammar that was read wrong: a callback's arguments with spaces, a
/// shape-data label over two lines, a text block beside a question, an entity for a control code, a
/// line ending in `&`, and a line's label with a break on its way to flowchart.js.
@Suite("Mermaid: what the grammar allows, read as written")
struct MermaidAuthoringTests {
    static func parse(_ body: String) -> ParsedFlowchart { MermaidParser.parse("flowchart TD\n" + body) }

    @Test func aCallbacksArgumentsKeepTheirSpacesThroughAConversion() {
        // setup
        let parsed = Self.parse("S([Start]) --> Q1[\"What is a hash map?\"] --> E([End])\nclick Q1 call showHint(\"hash map\", 2) \"Show a hint\"")
        // act
        let back = MermaidParser.parse(MermaidWriter.write(FlowchartParser.parse(FlowchartJSWriter.write(parsed.graph)).graph))
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("Q1")?.function == "showHint(\"hash map\", 2)")
        #expect(back.graph.node("Q1")?.function == "showHint(\"hash map\", 2)")
    }

    @Test func aShapeDataLabelMayRunOverLines() {
        // act
        let parsed = Self.parse("S([Start]) --> Q1@{ shape: rect, label: \"What is a hash map?\n    (buckets and chaining)\" }\nQ1 --> E([End])")
        // verify: no unclosed quote, the break kept, the next statement read
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("Q1")?.text == "What is a hash map?\n(buckets and chaining)")
        #expect(parsed.edgeList.contains("Q1-next->E"))
    }

    @Test func anUnclosedShapeDataQuoteIsStillToldAtItsLine() throws {
        // act: the next line's quotes do not close it
        let parsed = Self.parse("Q1@{ label: \"What is a hash map? }\nQ1 --> B[\"Next\"]")
        // verify
        let e = try #require(parsed.diagnostics.first { $0.code == .unclosedQuote })
        #expect(e.position.line == 2)
        #expect(parsed.edgeList.contains("Q1-next->B"))
    }

    /// Mermaid's text block is an ordinary node drawn without an outline (its shape table: "Text Block");
    /// read as a note, the line after it was lost and the next question "could not be reached" (a probe).
    @Test func aTextBlockIsAStepOfTheFlow() {
        // act
        let parsed = Self.parse("A[First question] --> B@{ shape: text, label: \"Second question\" }\nB --> C[Third question]")
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("B")?.isNote == false)
        #expect(parsed.graph.node("B")?.type == .operation && parsed.graph.node("B")?.text == "Second question")
        #expect(parsed.edgeList.contains("A-next->B") && parsed.edgeList.contains("B-next->C"))
        #expect(parsed.graph.node("B")?.parameters["shape"] == "text")
    }

    /// From a Mermaid probe, each as Mermaid's flowchart page writes it: the animation example's class on an
    /// edge id, a link set on two nodes at once, `_italic_` in a Markdown string, HTML character names.
    @Test func whatMermaidsOwnPageWritesIsReadAsMermaidReadsIt() {
        // act
        let animated = Self.parse("A e1@--> B\nclassDef animate stroke-dasharray: 9,5;\nclass e1 animate")
        let clicked = Self.parse("A[Q a] --> B[Q b]\nclick A,B \"https://example.com/guide\"")
        let italic = Self.parse("A[\"`This **is** _Markdown_ and snake_case, _x_y_`\"] --> B")
        let named = Self.parse("A[\"a #copy; #mdash; #rarr; #hearts; #euro; &hellip; #unknownname;\"] --> B")
        // verify
        #expect(animated.diagnostics.isEmpty, "\(animated.diagnostics.map(\.message))")
        #expect(clicked.diagnostics.isEmpty, "\(clicked.diagnostics.map(\.message))")
        #expect(clicked.graph.node("A")?.url == "https://example.com/guide" && clicked.graph.node("B")?.url == "https://example.com/guide")
        // an unknown id later in a comma list is said at its own column
        let unknown = Self.parse("A --> B\nclass A,Zed x")
        #expect(unknown.diagnostics.map(\.position) == [SourcePosition(line: 3, column: 9)], "\(unknown.diagnostics.map(\.message))")
        #expect(italic.graph.node("A")?.text == "This is Markdown and snake_case, x_y")
        #expect(named.graph.node("A")?.text == "a © — → ♥ € … #unknownname;")
    }

    /// Mermaid refuses parentheses in every unquoted label (its grammar reads `(` as a shape's start), so
    /// GitHub shows an error for each of these; lint passed them (a probe). Quoted, they pass both.
    @Test func parenthesesInAnyUnquotedLabelAreSaidWithTheQuotedFix() {
        // act
        let parsed = Self.parse("A[[Sub (x)]] --> B([Stad (x)])\nB --> C[(Cyl (x))]\nC --> D{{Hex (x)}}\nD -->|yes (go deeper)| E[Q e]")
        let quoted = Self.parse("A[[\"Sub (x)\"]] --> B([\"Stad (x)\"])\nB --> C[(\"Cyl (x)\")]\nC --> D{{\"Hex (x)\"}}\nD -->|\"yes (go deeper)\"| E[Q e]")
        // verify
        let warned = parsed.diagnostics.filter { $0.code == .unquotedParentheses }
        #expect(warned.map(\.position.line) == [2, 2, 3, 4, 5], "\(parsed.diagnostics.map(\.message))")
        #expect(warned.compactMap(\.fix?.replacement) == ["\"Sub (x)\"", "\"Stad (x)\"", "\"Cyl (x)\"", "\"Hex (x)\"", "\"yes (go deeper)\""])
        #expect(parsed.graph.node("A")?.text == "Sub (x)" && parsed.graph.node("D")?.text == "Hex (x)")
        #expect(quoted.diagnostics.isEmpty, "\(quoted.diagnostics.map(\.message))")
        // a circle's and a double circle's label keep their parentheses: the circle closed at `(kv))` and
        // the last `)` was an error the fix did not mend (a probe)
        let circles = Self.parse("S((Start (here))) --> A[Q a]\nA --> E(((End (kv))))")
        #expect(circles.diagnostics.filter { $0.severity == .error }.isEmpty, "\(circles.diagnostics.map(\.message))")
        #expect(circles.graph.node("S")?.text == "Start (here)" && circles.graph.node("E")?.text == "End (kv)")
        #expect(circles.diagnostics.compactMap(\.fix?.replacement) == ["\"Start (here)\"", "\"End (kv)\""])
        // a subgraph's title too
        let group = Self.parse("subgraph S1 [Group (one)]\n  A[Q a]\nend")
        #expect(group.diagnostics.map(\.code) == [.unquotedParentheses] && group.diagnostics.first?.fix?.replacement == "\"Group (one)\"",
                "\(group.diagnostics.map(\.message))")
    }

    /// Text after a Markdown string's closing backtick: the fix added a quote that never mended it, and
    /// applied again added another (a probe). Said, fixed by moving the backtick, read as meant.
    @Test func textAfterAMarkdownStringIsMovedInsideByTheFix() throws {
        // act
        let parsed = Self.parse("S([Start]) --> q3[\"`**装饰器** 的原理`（闭包）\"]\nq3 --> e([End])")
        let fixed = Self.parse("S([Start]) --> q3[\"`**装饰器** 的原理（闭包）`\"]\nq3 --> e([End])")
        // verify
        let d = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1 && d.code == .unclosedQuote && d.position.line == 2)
        #expect(d.text.en == "a Markdown string ends with a backtick and a quote together, and '（闭包）' stands between them; move the backtick after it")
        #expect(d.fix?.replacement == "（闭包）`")
        #expect(parsed.graph.node("q3")?.text == "装饰器 的原理（闭包）" && parsed.graph.edges.count == 2)
        #expect(fixed.diagnostics.isEmpty && fixed.graph.node("q3")?.text == parsed.graph.node("q3")?.text)
        // over two lines, the text after the backtick on the second: one finding, read as meant (it was
        // three errors and a question made of the second line: a recheck)
        let split = Self.parse("S([Start]) --> q[\"`多行\n第二行`（参考）\"]\nq --> e([End])")
        #expect(split.diagnostics.map(\.code) == [.unclosedQuote] && split.diagnostics.first?.fix?.replacement == "（参考）`")
        #expect(split.graph.node("q")?.text == "多行\n第二行（参考）" && split.graph.edges.count == 2)
        // a Markdown string over two lines is still one string
        let twoLines = Self.parse("q1[\"`line one\nline **two**`\"] --> q2[Q2]")
        #expect(twoLines.diagnostics.isEmpty && twoLines.graph.node("q1")?.text == "line one\nline two")
    }

    /// A quoted link text is one string to Mermaid, arrows inside included; it was cut at its inner arrow
    /// and its last word made a question (a probe).
    @Test func aQuotedLinkTextKeepsTheArrowsInIt() {
        // act
        let parsed = Self.parse("A[Q a] -- \"x --> y\" --> B[Q b]\nB -. \"p .-> q\" .-> C[Q c]\nC == \"m ==> n\" ==> D[Q d]\nD -- \"say #quot;hi#quot;; e;f\" --> E[Q e]; E --> F[Q f]")
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.nodes.map(\.id) == ["A", "B", "C", "D", "E", "F"])
        #expect(parsed.graph.edges.map { $0.label ?? "" } == ["x --> y", "p .-> q", "m ==> n", "say \"hi\"; e;f", ""])
    }

    /// Mermaid takes shape data after a bracketed label (`C[Hello]@{ shape: circle }` in its own tests); it
    /// was "expected a link" and the node after it was lost (a probe).
    @Test func shapeDataAfterABracketedLabelSetsTheShape() {
        // act
        let parsed = Self.parse("S([Start]) --> A[Q a]@{ shape: cyl } --> G[Deeper?]@{ shape: diam }\nG -->|yes| B[Q b]\nG -->|no| E([End])")
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("A")?.text == "Q a" && parsed.graph.node("A")?.parameters["shape"] == "cyl")
        #expect(parsed.graph.node("G")?.type == .condition && parsed.graph.node("G")?.text == "Deeper?")
        // the data's own label wins, without a "relabelled" warning: it is one node (a recheck)
        let relabelled = Self.parse("A[From brackets]@{ shape: cyl, label: \"From data\" } --> B")
        #expect(relabelled.diagnostics.isEmpty && relabelled.graph.node("A")?.text == "From data", "\(relabelled.diagnostics.map(\.message))")
        #expect(parsed.edgeList.contains("G-yes->B") && parsed.edgeList.contains("A-next->G"))
    }

    /// Shape data is YAML, and Mermaid's tests write a label as a block scalar; its lines were read as
    /// nodes, four errors for a valid chart (a probe).
    @Test func aBlockScalarLabelInShapeDataIsOneLabel() {
        // act
        let literal = Self.parse("S([Start]) --> A\nA@{\n  shape: rect\n  label: |\n    First line\n    second line\n}\nA --> B[Q b]")
        let folded = Self.parse("A@{\n  shape: rect\n  label: >\n    one\n    two\n  }\nA --> B[Q b]")
        // verify
        #expect(literal.diagnostics.isEmpty, "\(literal.diagnostics.map(\.message))")
        #expect(literal.graph.node("A")?.text == "First line\nsecond line")
        #expect(literal.graph.nodes.map(\.id) == ["S", "A", "B"])
        #expect(folded.diagnostics.isEmpty, "\(folded.diagnostics.map(\.message))")
        #expect(folded.graph.node("A")?.text == "one two")
        // a blank line folds to a line break; a `}` on the last line ends the data, as Mermaid's lexer reads it
        let paragraphs = Self.parse("A@{\n  label: >\n    para one\n    still one\n\n    para two\n}\nA --> B")
        let closedOnLine = Self.parse("A@{\n  label: |\n    hello\n    world }\nA --> B")
        #expect(paragraphs.graph.node("A")?.text == "para one still one\npara two")
        #expect(closedOnLine.diagnostics.isEmpty && closedOnLine.graph.node("A")?.text == "hello\nworld", "\(closedOnLine.diagnostics.map(\.message))")
    }

    @Test func anInvisibleMarkBeforeTheHeaderIsNoPartOfIt() {
        // act
        for mark in ["\u{FEFF}", "\u{200B}", "\u{2060}", "\u{FEFF}\u{200D}"] {
            let parsed = MermaidParser.parse(mark + "flowchart TD\n  A[Q a] --> B[Q b]")
            // verify
            #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
            #expect(parsed.edgeList == ["A-next->B"])
        }
    }

    @Test func anEntityForAControlCodeIsShownAsTheReplacementCharacter() {
        // act
        let parsed = Self.parse("A[\"x #0; y #9; z #127;\"] --> B")
        // verify
        #expect(parsed.graph.node("A")?.text == "x \u{FFFD} y \t z \u{FFFD}")
    }

    @Test func aLineEndingInAnAmpersandSaysWhereTheIDIsMissing() throws {
        // act
        let parsed = Self.parse("A --> B &")
        // verify
        let e = try #require(parsed.diagnostics.first { $0.code == .unexpectedText })
        #expect(e.text.en.contains("at the end of the line"))
        #expect(!e.text.en.contains("''"))
        #expect(e.text.zh.contains("行末"))
    }

    @Test func aLineBreakInALinesLabelIsNamedAsSuchWhenFlowchartJSCannotHoldIt() throws {
        // setup
        let graph = Self.parse("G{Deeper?} -->|yes<br>go deeper| Q2[Resizing]\nG -->|no| E([End])").graph
        // act
        let warnings = FlowchartJSWriter.rewrittenLabels(graph)
        // verify: no talk of full-width characters, no raw newline in the message
        let w = try #require(warnings.first)
        #expect(w.text.en.contains("cannot hold a line break in a line's label"))
        #expect(w.text.en.contains("'yes ⏎ go deeper'"))
        #expect(!w.text.en.contains("full-width"))
        #expect(!w.text.en.contains("\n") && !w.text.zh.contains("\n"))
        #expect(FlowchartJSWriter.write(graph).contains("G(yes@yes go deeper)->Q2"))
    }

    @Test func anUnclosedFullWidthBracketIsReadAsTheLabelItOpens() {
        // act: never closed, closed by the ASCII bracket, and cut by the next link
        let parsed = Self.parse("A([开始]) --> B【解释 GIL\nB --> C【下一题] --> D（为什么 --> E[结束]")
        // verify: one error each, the questions kept and linked, nothing left unreachable
        #expect(parsed.diagnostics.map(\.code) == [.fullWidthSyntax, .fullWidthSyntax, .fullWidthSyntax], "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.nodes.map(\.text) == ["开始", "解释 GIL", "下一题", "为什么", "结束"])
        #expect(parsed.edgeList == ["A-next->B", "B-next->C", "C-next->D", "D-next->E"])
        #expect(parsed.diagnostics.first?.fix?.replacement == "B[解释 GIL]")
        #expect(parsed.diagnostics.last?.fix?.replacement == "D(为什么)")
    }

    /// From a probe: the opener written first decides the label (「…（RDB）」 was read as the id `q「持久化方式`
    /// labelled `RDB`), and `开始（[开始]）` is the stadium its fix writes, not a question labelled "[开始]".
    @Test func fullWidthBracketsInsideAFullWidthLabelAreItsTextAndInnerBracketsItsShape() {
        // act
        let parsed = Self.parse("开始（[开始]） --> q「持久化方式（RDB）」\nq --> e（（结束））")
        // verify
        #expect(parsed.graph.nodes.map(\.id) == ["开始", "q", "e"])
        #expect(parsed.graph.node("q")?.text == "持久化方式（RDB）" && parsed.graph.node("q")?.type == .operation)
        #expect(parsed.graph.start == "开始" && parsed.graph.node("开始")?.type == .start && parsed.graph.node("开始")?.text == "开始")
        #expect(parsed.graph.node("e")?.type == .end && parsed.graph.node("e")?.text == "结束")
        #expect(parsed.edgeList == ["开始-next->q", "q-next->e"])
        #expect(parsed.diagnostics.map(\.fix?.replacement) == ["开始([开始])", "q[持久化方式（RDB）]", "e((结束))"])
    }

    @Test func theGrammarsEllipseIsAQuestionDrawnAsOne() {
        // act
        let parsed = Self.parse("S([Start]) --> Q1(-\"Explain the event loop (microtasks)\"-)\nQ1 --> E([End])")
        let written = MermaidWriter.write(parsed.graph)
        // verify: the label without its quotes and dashes, the reference read, the shape kept
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("Q1")?.text == "Explain the event loop (microtasks)")
        #expect(parsed.graph.node("Q1")?.type == .operation)
        #expect(parsed.graph.node("Q1")?.parameters["shape"] == "ellipse")
        #expect(written.contains("Q1(-\"Explain the event loop (microtasks)\"-)"))
    }

    @Test func whatAChineseInputMethodTypesIsReadAsMeantAndTold() throws {
        // act
        let colon = Self.parse("A([开始]) --> Q1[问题一]\nQ1 --> E([结束])\nN@{ shape： braces, label： \"注意时间\" } -.- Q1")
        let shape = Self.parse("A([开始]) --> G@{ shape: 菱形, label: \"深入？\" }\nG -->|是| Q[问题]\nG -->|否| E([结束])\nQ --> E")
        let corner = Self.parse("A([开始]) --> Q1「解释 GIL」 --> E([结束])")
        let marker = Self.parse("N@{ shape: comment, label: \"开场白\" } -.- A([开始])\nA --> Q1[问题一]")
        // verify
        let comma = Self.parse("A([开始]) --> Q1[问题一]\nQ1 --> E([结束])\nN@{ shape: braces， label: \"注意时间\" } -.- Q1")
        #expect(comma.graph.node("N")?.isNote == true && comma.graph.node("N")?.text == "注意时间")
        #expect(comma.diagnostics.map(\.code) == [.fullWidthSyntax] && comma.diagnostics.first?.fix?.replacement == ",")
        #expect(colon.graph.node("N")?.isNote == true)
        #expect(colon.diagnostics.map(\.code) == [.fullWidthSyntax, .fullWidthSyntax])
        #expect(colon.diagnostics.first?.fix?.replacement == ":")
        #expect(shape.graph.node("G")?.type == .condition)
        #expect(shape.diagnostics.first { $0.code == .unknownShape }?.fix?.replacement == "diamond")
        #expect(corner.graph.node("Q1")?.text == "解释 GIL")
        #expect(corner.diagnostics.map(\.code) == [.fullWidthSyntax])
        let w = try #require(marker.diagnostics.first { $0.code == .untiedNote })
        #expect(w.text.zh.contains("起点或终点 'A'"))
    }

    @Test(arguments: [("A[问题一] --> B[问题二] ＆ C[问题三]", "＆", "&"), ("A[问题一] ——>｜是｜ B[问题二]", "——>｜是｜", "-->|是|"),
                      ("A[问题一] -。-> B[问题二]", "-。->", "-.->"), ("A[问题一] --＞ B[问题二]", "--＞", "-->"),
                      ("A[问题一] --> B[问题二]；B --> C[问题三]", "；", ";"), ("A{深入?} --》|否| B([结束])", "--》", "-->"),
                      // `--|是|` is no Mermaid link (a probe): the fix writes the arrow the line was read as
                      ("A{深入?} --｜是｜ B[问题二]", "--｜是｜", "-->|是|")])
    func aLinkTypedWithFullWidthPunctuationGetsTheFixThatReplacesIt(_ line: String, _ written: String, _ meant: String) throws {
        // act
        let parsed = Self.parse(line)
        // verify: the fix replaces what was typed (it put '-->' in front of it, and the line's target was lost)
        let e = try #require(parsed.diagnostics.first { $0.code == .fullWidthSyntax }, "\(parsed.diagnostics.map(\.message))")
        #expect(e.fix?.replacement == meant)
        #expect(e.text.en.contains("'\(written)'"))
        #expect(!e.text.zh.contains("破折号"))
    }

    /// `py3 --> yp4` for `py4`: "yp4" was asked as a question at full weight and the one meant never came,
    /// with a finding only about that one, whose fix added a second line (a guide author's probe).
    @Test func aQuestionTypedAsANearMissOfAnUnreachedOneIsSaidWithTheIdMeant() throws {
        // act
        let typo = Self.parse("s([开始]) --> py3[生成器是什么]\npy3 --> yp4\npy4[\"装饰器如何实现 (闭包, functools.wraps)\"] --> e([结束])")
        let fixed = Self.parse("s([开始]) --> py3[生成器是什么]\npy3 --> py4\npy4[\"装饰器如何实现 (闭包, functools.wraps)\"] --> e([结束])")
        let plain = Self.parse("A[Start] --> B --> C[问题] --> D\nX[没连上的题] --> D")
        // verify: said at the typo, fixed with the id meant; once fixed, nothing said and py4 asked
        let said = try #require(typo.diagnostics.first { $0.code == .bareQuestion })
        #expect(said.position == SourcePosition(line: 3, column: 9) && said.severity == .warning)
        #expect(said.fix == Fix(start: SourcePosition(line: 3, column: 9), end: SourcePosition(line: 3, column: 12), replacement: "py4"))
        #expect(said.text.zh.contains("是不是想写 'py4'"))
        #expect(!fixed.diagnostics.contains { $0.code == .bareQuestion } && fixed.edgeList.contains("py3-next->py4"))
        // bare ids that spell nothing else are how Mermaid is written: not said (`B` is no slip for `X`)
        #expect(!plain.diagnostics.contains { $0.code == .bareQuestion })
        #expect(Suggestions.misspelledKey("op7", among: ["op1"]) == nil && Suggestions.misspelledKey("yp4", among: ["py4"]) == "py4")
    }

    @Test func aFullWidthSemicolonEndsTheStatementAndTheNextIsRead() {
        let parsed = Self.parse("A[问题一] --> B[问题二]；B --> C[问题三]")
        #expect(parsed.edgeList == ["A-next->B", "B-next->C"])
    }

    @Test func aLabelInAnInputMethodsQuotationMarksIsReadAsQuoted() throws {
        // act
        let parsed = Self.parse("A[问题一] --> B[“什么是GIL(全局解释器锁)”]")
        // verify: the text without the marks (its reference then read), one error whose fix uses Mermaid's quotes
        #expect(parsed.graph.node("B")?.text == "什么是GIL(全局解释器锁)")
        let e = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1 && e.code == .fullWidthSyntax)
        #expect(e.fix?.replacement == "\"什么是GIL(全局解释器锁)\"")
    }

    @Test func theHeaderWrittenInChineseIsReadAsFlowchart() throws {
        let parsed = MermaidParser.parse("流程图 TD\n  A[问题一] --> B[问题二]")
        #expect(parsed.diagnostics.map(\.code) == [.missingHeader])
        #expect(parsed.diagnostics.first?.fix?.replacement == "flowchart")
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test(arguments: [("A[问题一] ——>｜是｜ B[问题二]", "A-next->B", "是"), ("A[问题一] -。-> B[问题二]", "A-next->B", nil),
                      ("A[问题一] --＞ B[问题二]", "A-next->B", nil), ("A[问题一] —> B[问题二]", "A-next->B", nil),
                      ("A[问题一] --》 B[问题二]", "A-next->B", nil)])
    func aLinkTypedWithFullWidthPunctuationIsReadAsTheLinkMeant(_ line: String, _ edge: String, _ label: String?) {
        // act
        let parsed = Self.parse(line)
        // verify: B and its line kept (they were dropped with the error)
        #expect(parsed.edgeList == [edge], "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.edges.first?.label == label)
        #expect(parsed.diagnostics.map(\.code) == [.fullWidthSyntax])
    }

    @Test func termsInQuotationMarksStayText() {
        // act: two quoted terms, and one quoted term without parentheses (Mermaid shows both as written)
        let two = Self.parse("A[“鸭子类型”和“猴子补丁”] --> B[下一题]")
        let one = Self.parse("A[“鸭子类型”] --> B[下一题]")
        // verify
        #expect(two.graph.node("A")?.text == "“鸭子类型”和“猴子补丁”" && two.diagnostics.isEmpty)
        #expect(one.graph.node("A")?.text == "“鸭子类型”" && one.diagnostics.isEmpty)
    }

    @Test func aSubgraphTitleInTheInputMethodsBracketsIsItsTitle() throws {
        // act
        let parsed = Self.parse("S([开始]) --> 深入\nsubgraph 深入【进阶 题】\n  q1[锁升级的过程]\nend\nq1 --> E([结束])")
        // verify: the id before the brackets, the title inside; the line to the subgraph enters at q1
        #expect(parsed.graph.groups.map(\.id) == ["深入"])
        #expect(parsed.graph.groups.first?.title == "进阶 题")
        #expect(parsed.edgeList.contains("S-next->q1"), "\(parsed.edgeList)")
        #expect(parsed.graph.node("深入") == nil)
        let e = try #require(parsed.diagnostics.first)
        #expect(e.code == .fullWidthSyntax && e.fix?.replacement == "深入[进阶 题]")
    }

    @Test func aFixThatEmptiesTheLineSaysToDeleteIt() throws {
        // setup: a stray `end`, whose fix removes it
        let text = "flowchart TD\n  A --> B\n  end"
        let parsed = MermaidParser.parse(text)
        let d = try #require(parsed.diagnostics.first { $0.code == .unmatchedEnd })
        // act
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let en = Snippet.render(d, lines: lines), zh = Snippet.render(d, lines: lines, language: .zh)
        // verify
        #expect(en.contains("= fix: delete this line"), "\(en)")
        #expect(zh.contains("= 修复：删除此行"), "\(zh)")
    }

    @Test func aFullWidthAmpersandJoinsTheGroupItMeant() {
        let parsed = Self.parse("A[问题一] --> B[问题二] ＆ C[问题三]")
        #expect(parsed.edgeList == ["A-path1->B", "A-path2->C"], "\(parsed.edgeList)")
        #expect(parsed.diagnostics.map(\.code).contains(.fullWidthSyntax))
    }

    @Test(arguments: ["G@｛ shape: diamond, label: \"懂 GIL 吗\" ｝", "G＠{ shape: diamond, label: \"懂 GIL 吗\" }",
                      "G＠｛ shape: diamond, label: \"懂 GIL 吗\"｝", "G@{ shape: diamond, label: \"懂 GIL 吗\" ｝"])
    func shapeDataTypedWithFullWidthBracesIsReadAsShapeData(_ gate: String) {
        // act
        let parsed = Self.parse("S([开始]) --> \(gate)\nG -->|是| B[讲讲 GIL]\nG -->|否| E([结束])\nB --> E")
        // verify: G is the gate it was drawn as (it was an error that lost its shape and label, or the rhombus 'G＠')
        #expect(parsed.graph.node("G")?.type == .condition, "\(parsed.edgeList)")
        #expect(parsed.graph.node("G")?.text == "懂 GIL 吗")
        #expect(parsed.edgeList.contains("G-yes->B") && parsed.edgeList.contains("G-no->E"))
        #expect(parsed.graph.nodes.count == 4)
        #expect(!parsed.diagnostics.isEmpty && parsed.diagnostics.allSatisfy { $0.code == .fullWidthSyntax }, "\(parsed.diagnostics.map(\.message))")
        // every fix, applied, gives the ASCII syntax
        let fixes = parsed.diagnostics.compactMap { $0.fix?.replacement }
        #expect(fixes.allSatisfy { $0 == "@{" || $0 == "}" })
    }

    @Test func allTheFixesOnALineApplyAtOnce() throws {
        // setup: a line typed with an input method, one finding per mark
        let line = "  A【数组和链表】 --> B「哈希表」 --> C（结束）"
        let parsed = MermaidParser.parse("flowchart TD\n" + line)
        let onLine = parsed.diagnostics.filter { $0.position.line == 2 && $0.fix != nil }
        // act
        let fixed = try #require(Diagnostic.fixedLine(line, applyingAll: onLine))
        // verify: every fix in its place, and the line reads clean
        #expect(onLine.count >= 2)
        #expect(fixed == "  A[数组和链表] --> B[哈希表] --> C(结束)", "\(fixed)")
        #expect(MermaidParser.parse("flowchart TD\n" + fixed).diagnostics.isEmpty)
        // one fix alone is not "all", and fixes that overlap are not combined
        #expect(Diagnostic.fixedLine(line, applyingAll: Array(onLine.prefix(1))) == nil)
        #expect(Diagnostic.fixedLine(line, applyingAll: [onLine[0], onLine[0]]) == nil)
    }
}
