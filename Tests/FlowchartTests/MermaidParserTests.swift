import Testing
@testable import Flowchart

/// One construct of the Mermaid flowchart grammar per test, read into the graph the engine walks.
@Suite("Mermaid parser: constructs") struct MermaidParserTests {
    private func parse(_ body: String, header: String = "flowchart TD") -> ParsedFlowchart {
        MermaidParser.parse(header + "\n" + body)
    }

    @Test func headerAndDirections() {
        for (keyword, side) in [("TD", nil), ("TB", nil), ("BT", Direction.top), ("LR", .right), ("RL", .left)] {
            // act
            let parsed = parse("A --> B", header: "graph \(keyword)")
            // verify
            #expect(parsed.diagnostics.isEmpty, "\(keyword)")
            #expect(parsed.graph.edges.first?.direction == side, "\(keyword)")
        }
    }

    @Test func aDirectiveOverSeveralLinesIsSkippedWhole() {
        // act
        let parsed = MermaidParser.parse("%%{init: {\"theme\": \"base\",\n  \"themeVariables\": {\"primaryColor\": \"#ffcccc\"}}}%%\nflowchart LR\n    A[Q1] --> B[Q2]")
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.graph.edges.map { "\($0.from)->\($0.to)" } == ["A->B"] && parsed.graph.edges.first?.direction == .right)
    }

    @Test func directionOrGraphBeforeALinkIsANodeNotTheKeyword() {
        // act
        let parsed = parse("A --> direction[Q]\ndirection --> B[Q2]\nsubgraph s\ndirection LR\nB --> D\nend")
        // verify: a node named direction; the keyword inside the subgraph still read as one
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.graph.edges.map { "\($0.from)->\($0.to)" } == ["A->direction", "direction->B", "B->D"])
    }

    @Test func htmlEntityCodesAreDecodedAsMermaidShowsThem() {
        // act
        let parsed = parse("A[\"Salt &amp; pepper &lt;3 &#35;1\"] --> B[R&D; a & b]")
        // verify: HTML's codes decoded; an & that starts none stays
        #expect(parsed.graph.node("A")?.text == "Salt & pepper <3 #1")
        #expect(parsed.graph.node("B")?.text == "R&D; a & b")
        // `$` and `%` share the fast scan's range test with `#` and `&` and stay as written.
        let money = parse("C[\"costs $5 or 50% off, long enough for the eight-byte scan\"] --> D[ab$c%d&e#f]")
        #expect(money.graph.node("C")?.text == "costs $5 or 50% off, long enough for the eight-byte scan")
        #expect(money.graph.node("D")?.text == "ab$c%d&e#f")
        // and written back so that they read the same again
        let again = MermaidParser.parse(MermaidWriter.write(MermaidParser.parse("flowchart TD\nA[\"&amp;lt;\"]").graph))
        #expect(again.graph.node("A")?.text == "&lt;")
    }

    @Test func everyBracketShape() {
        // setup
        let shapes = ["[r]", "(r)", "([r])", "[[r]]", "[(r)]", "((r))", "{r}", "{{r}}", ">r]", "[/r/]", "[\\r\\]", "[/r\\]", "[\\r/]", "(((r)))"]
        for shape in shapes {
            // act
            let parsed = parse("S --> A\(shape)")
            // verify
            #expect(parsed.errors.isEmpty, "\(shape): \(parsed.diagnostics)")
            #expect(parsed.graph.node("A")?.text == "r", "\(shape)")
        }
    }

    @Test func shapesGiveTheInterviewRoles() {
        // act
        let parsed = parse("""
            s([Start]) --> q[Question] --> g{Deeper?}
            g -->|yes| sub[[Read the docs]] --> io[/Write code/]
            g -->|no| e((End))
            io --> e
            """)
        // verify
        let types = parsed.graph.nodes.map { "\($0.id):\($0.type)" }
        #expect(types == ["s:start", "q:operation", "g:condition", "sub:subroutine", "io:inputoutput", "e:end"])
        #expect(parsed.graph.start == "s")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func shapeDataSyntax() {
        // act
        let parsed = parse("""
            a@{ shape: sm-circ, label: "Begin" } --> d@{ shape: diamond, label: "Ready?" }
            d -->|yes| b@{ shape: lean-r }
            d -->|no| z@{ shape: fr-circ, label: "Stop" }
            """)
        // verify
        #expect(parsed.graph.nodes.map(\.type) == [.start, .condition, .inputoutput, .end])
        #expect(parsed.graph.node("b")?.text == "b")
        #expect(parsed.graph.node("d")?.text == "Ready?")
    }

    @Test func quotedMarkdownAndEntities() {
        // act
        let parsed = parse("""
            A["He said #quot;hi#quot; #35;1"] --> B["`**Bold** move`"]
            B --> C["one<br>two<br/>three"] --> D[♥ is #9829;]
            """)
        // verify
        #expect(parsed.graph.node("A")?.text == "He said \"hi\" #1")
        #expect(parsed.graph.node("B")?.text == "Bold move")
        #expect(parsed.graph.node("C")?.text == "one\ntwo\nthree")
        #expect(parsed.graph.node("D")?.text == "♥ is ♥")
    }

    @Test func labelLessNodeTakesItsIDAndLaterLabelsWin() {
        // act
        let parsed = parse("A --> B\nB[Second]")
        // verify
        #expect(parsed.graph.node("A")?.text == "A")
        #expect(parsed.graph.node("B")?.text == "Second")
        #expect(parsed.graph.node("B")?.position == SourcePosition(line: 2, column: 7))
    }

    @Test func everyLinkForm() {
        // setup
        let arrows = ["-->", "---", "-.->", "-.-", "==>", "===", "--o", "--x", "<-->", "o--o", "x--x", "--->", "-...->", "===>", "-- t -->", "-. t .->", "== t ==>", "-->|t|"]
        for arrow in arrows {
            // act
            let parsed = parse("A \(arrow) B")
            // verify
            #expect(parsed.errors.isEmpty, "\(arrow): \(parsed.diagnostics)")
            #expect(parsed.edgeList == ["A-next->B"], "\(arrow)")
        }
    }

    @Test func linkStylesAreKeptForDrawing() {
        // act
        let parsed = parse("A -.-> B ==> C --- D --o E\nE e1@<--> F")
        // verify
        let styles = parsed.graph.edges.map(\.style)
        #expect(styles[0]["stroke-dasharray"] == "3 3")
        #expect(styles[1]["stroke-width"] == "3")
        #expect(styles[2]["arrow-end"] == "none")
        #expect(styles[3]["arrow-end"] == "circle")
        #expect(styles[4]["arrow-start"] == "block" && styles[4]["id"] == "e1")
    }

    @Test func invisibleLinksAreNotEdges() {
        // act
        let parsed = parse("A --> B\nB ~~~ C")
        // verify
        #expect(parsed.edgeList == ["A-next->B"])
        #expect(parsed.graph.node("C") != nil)
    }

    @Test func linkLabelsOnPlainEdges() {
        // act
        let parsed = parse("A -- first step --> B\nB -->|\"quoted | pipe\"| C")
        // verify
        #expect(parsed.graph.edges.map(\.label) == ["first step", "quoted | pipe"])
    }

    @Test func chainsAmpersandsAndSemicolons() {
        // act
        let parsed = parse("A --> B --> C; C --> D & E; F & G --> H")
        // verify
        #expect(parsed.edgeList == ["A-next->B", "B-next->C", "C-path1->D", "C-path2->E", "F-next->H", "G-next->H"])
        #expect(parsed.graph.node("C")?.type == .parallel)
    }

    @Test func gateLabelsInBothLanguages() {
        for (yes, no) in [("yes", "no"), ("Y", "N"), ("True", "false"), ("是", "否"), ("深入", "不深入"), ("继续", "结束"),
                          ("对", "错"), ("会", "不会"), ("有", "没有"), (" YES ", "No, skip")] {
            // act: the no line is written first, so order alone would get it wrong
            let parsed = parse("G{Deeper?} -->|\(no)| N\nG -->|\(yes)| Y")
            // verify
            #expect(parsed.graph.edge(from: "G", branch: .yes)?.to == "Y", "\(yes)/\(no)")
            #expect(parsed.graph.edge(from: "G", branch: .no)?.to == "N", "\(yes)/\(no)")
            #expect(parsed.diagnostics.isEmpty, "\(yes)/\(no): \(parsed.diagnostics)")
        }
    }

    @Test func gateLabelsOtherThanThePlainWordsStayOnTheEdge() {
        // act: 深入 is the author's word; 否 and no are the plain word for no (drawn in the chart's language)
        let parsed = parse("G{?} -->|深入| A\nG -->|否| B")
        let english = parse("G{?} -->|go deeper| A\nG -->|no| B")
        // verify
        #expect(parsed.graph.edge(from: "G", branch: .yes)?.label == "深入")
        #expect(parsed.graph.edge(from: "G", branch: .no)?.label == nil)
        #expect(english.graph.edge(from: "G", branch: .yes)?.label == "go deeper")
        #expect(english.graph.edge(from: "G", branch: .no)?.label == nil)
    }

    @Test func forkOfThreeIsParallelWithPathsInWrittenOrder() {
        // act
        let parsed = parse("P[Pick] --> A\nP --> B\nP --> C")
        // verify
        #expect(parsed.graph.node("P")?.type == .parallel)
        #expect(parsed.edgeList == ["P-path1->A", "P-path2->B", "P-path3->C"])
    }

    @Test func repeatedLinksCountOnce() {
        // act
        let parsed = parse("A --> B\nA --> B")
        // verify
        #expect(parsed.edgeList == ["A-next->B"])
        #expect(parsed.graph.node("A")?.type == .operation)
    }

    @Test func subgraphsNestAndTakeLinks() {
        // act
        let parsed = parse("""
            subgraph outer [Outer title]
                direction LR
                a1 --> a2
                subgraph inner["Inner"]
                    b1 --> b2
                end
                a2 --> b1
            end
            start([Go]) --> outer
            outer --> done([Done])
            """)
        // verify
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.graph.node("a1")?.parameters["subgraph"] == "outer")
        #expect(parsed.graph.node("b1")?.parameters["subgraph"] == "inner")
        #expect(parsed.graph.node("outer") == nil)
        #expect(parsed.graph.edge(from: "start", branch: .next)?.to == "a1")
        // `outer` is linked only as a whole, not through one of its nodes, so it keeps its `direction LR`
        // (Mermaid's rule, and its documentation's example)
        #expect(parsed.graph.edge(from: "a1", branch: .next)?.direction == .right)
        // the exit is the subgraph's last node that leads nowhere inside it
        #expect(parsed.graph.edge(from: "b2", branch: .next)?.to == "done")
    }

    /// Mermaid gives a node to the first subgraph to close that names it (its reader adds a subgraph at
    /// its `end`, dropping nodes an earlier one holds), so a nested subgraph wins over the one around it.
    @Test func aNodeBelongsToTheFirstSubgraphToCloseThatNamesIt() {
        // act
        let parsed = parse("""
            top1 --> n1
            subgraph deep [Deeper]
                q3 --> q5
                subgraph cluster [Cluster]
                    q5
                end
            end
            subgraph one
                a1 --> a2
            end
            subgraph two
                b1 --> a2
                b1 --> n1
            end
            """)
        // verify (the chart is several pieces, so only its unreached nodes are reported)
        #expect(parsed.diagnostics.allSatisfy { $0.code == .unreachableNode }, "\(parsed.diagnostics)")
        // named in `deep` first, but `cluster` inside it closes first
        #expect(parsed.graph.node("q5")?.parameters["subgraph"] == "cluster")
        #expect(parsed.graph.node("q3")?.parameters["subgraph"] == "deep")
        // named in `one`, which closed before `two` named it again
        #expect(parsed.graph.node("a2")?.parameters["subgraph"] == "one")
        // first named outside every subgraph, then in `two`
        #expect(parsed.graph.node("n1")?.parameters["subgraph"] == "two")
        #expect(parsed.graph.node("top1")?.parameters["subgraph"] == nil)
    }

    @Test func aSubgraphsOwnDirectionHoldsOnlyWhileNoLineCrossesItsBorder() {
        // act: `alone` links only inside; `linked` is entered from outside; `inner` sits in a subgraph
        // whose direction gave way, and is linked only inside, so it keeps its own
        let parsed = parse("""
            subgraph alone
                direction LR
                a1 --> a2
            end
            subgraph linked
                direction RL
                b1 --> b2
                subgraph inner
                    direction BT
                    c1 --> c2
                end
            end
            s([Start]) --> b1
            """, header: "flowchart LR")
        // verify
        #expect(parsed.graph.edge(from: "a1", branch: .next)?.direction == .right)
        #expect(parsed.graph.edge(from: "b1", branch: .next)?.direction == .right)
        #expect(parsed.graph.edge(from: "c1", branch: .next)?.direction == .top)
    }

    @Test func aLineToTheSubgraphItselfLeavesItsDirectionAlone() {
        // act: `one` is linked as a whole, not through one of its nodes; `two` through one of its nodes
        let parsed = parse("""
            S([Start]) --> one
            one --> two
            subgraph one
                direction TB
                p1 --> p2
            end
            subgraph two
                direction TB
                q1 --> q2
            end
            S --> q1
            """, header: "flowchart LR")
        // verify: Mermaid keeps `one` top to bottom (no side: a top-down line's default); `two` gives way
        // to the chart's left to right
        #expect(parsed.graph.edge(from: "p1", branch: .next)?.direction == nil)
        #expect(parsed.graph.edge(from: "q1", branch: .next)?.direction == .right)
    }

    @Test func commentsDirectivesAndFrontMatterAreSkipped() {
        // act
        let parsed = MermaidParser.parse("---\ntitle: T\n---\n%%{init: {}}%%\n%% note\nflowchart LR\n  A --> B %% trailing\n")
        // verify
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func classesStylesAndClicksDecorateNodes() {
        // act
        let parsed = parse("""
            A:::hot --> B --> C
            classDef hot fill:#f96,stroke:#333
            class B hot
            style C fill:#ff0,stroke-width:2px
            click A "https://example.com" _blank
            click B call review()
            linkStyle 1 stroke:#f00
            """)
        // verify
        let a = parsed.graph.node("A"), b = parsed.graph.node("B"), c = parsed.graph.node("C")
        #expect(a?.parameters["class"] == "hot")
        #expect(a?.parameters["style"] == "fill:#f96;stroke:#333")
        #expect(a?.url == "https://example.com" && a?.urlTarget == "_blank")
        #expect(b?.function == "review()")
        #expect(c?.parameters["style"] == "fill:#ff0;stroke-width:2px")
        #expect(parsed.graph.edges[1].style["stroke"] == "#f00")
    }

    @Test func accessibilityStatementsAreRead() {
        // act
        let parsed = parse("accTitle: Path\naccDescr {\n  many\n  lines\n}\nA --> B")
        // verify
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func edgeIDPropertiesAreNotNodes() {
        // act
        let parsed = parse("A e1@--> B\ne1@{ animate: true }")
        // verify
        #expect(parsed.graph.nodes.map(\.id) == ["A", "B"])
        #expect(parsed.graph.edges.first?.style["id"] == "e1")
    }

    @Test func startIsTheStartShapedNodeElseTheFirstLinkSource() {
        // act
        let shaped = parse("Q1 --> Q2\nS([Start]) --> Q1")
        let plain = parse("Q1 --> Q2\nS --> Q1")
        let single = parse("Only[One question]")
        // verify
        #expect(shaped.graph.start == "S" && shaped.graph.node("S")?.type == .start)
        #expect(plain.graph.start == "Q1")
        #expect(single.graph.start == "Only")
    }

    @Test func idsWithDashesDotsAndChinese() {
        // act
        let parsed = parse("api-v1.2 --> 节点一[中文] --> x_1")
        // verify
        #expect(parsed.graph.nodes.map(\.id) == ["api-v1.2", "节点一", "x_1"])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func parenthesisedReferenceAnswersSurvive() {
        // act
        let parsed = parse("A[\"解释 Redis 持久化(RDB/AOF)\"] --> B(Why (reference))")
        // verify
        #expect(parsed.graph.node("A")?.text == "解释 Redis 持久化(RDB/AOF)")
        #expect(parsed.graph.node("B")?.text == "Why (reference)")
    }

    @Test func firstLineOffsetsPositions() {
        // act
        let parsed = MermaidParser.parse("graph TD\n  问题[中文] --> B", firstLine: 40)
        // verify
        #expect(parsed.graph.node("B")?.position == SourcePosition(line: 41, column: 14))
    }

    @Test func diagramSyntaxDispatchesMermaidText() {
        // setup
        let text = "%% topic chart\nflowchart LR\n  q[Explain MVCC] --> g{深入?}\n  g -->|是| q2[Undo log]\n  g -->|否| e([结束])"
        // act
        let parsed = DiagramSyntax.parse(text, firstLine: 3)
        // verify
        #expect(DiagramSyntax.of(text) == .mermaid)
        #expect(parsed.graph.node("g")?.type == .condition)
        #expect(parsed.graph.node("q")?.position.line == 5)
        #expect(parsed.edgeList == ["q-next->g", "g-yes->q2", "g-no->e"])
    }

    @Test func aLineToASubgraphWhoseFirstMemberIsASubgraphReachesItsFirstNode() {
        // setup: `outer` starts with `inner`, `two` ends with `inner2`
        let text = """
        s([Start]) --> outer
        subgraph outer
          inner --> b[q b]
          subgraph inner
            a[q a]
          end
        end
        b --> two
        subgraph two
          b2[q b2] --> inner2
          subgraph inner2
            c1[q c1]
          end
        end
        two --> d1[q d1]
        """
        // act
        let parsed = parse(text)
        // verify: no line lost, each through the nested subgraph's first or last node
        #expect(parsed.edgeList == ["s-next->a", "a-next->b", "b-next->b2", "b2-next->c1", "c1-next->d1"])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func emphasisTagsAndYAMLQuotesAreNotPartOfTheLabel() {
        // act
        let parsed = parse("A[\"<b>Bold</b> and <i>it</i>, a<2 and <x>\"] --> B@{ shape: rect, label: 'It''s data' }")
        // verify: the interview reads plain text; other angle brackets stay
        #expect(parsed.graph.nodes.map(\.text) == ["Bold and it, a<2 and <x>", "It's data"])
    }
}
