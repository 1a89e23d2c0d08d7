import Testing
@testable import Flowchart

/// Parse → write the other syntax → parse gives the same graph (ids, types, texts; edges by ends and
/// branch; start), on the corpus and on seeded generated charts.
@Suite("Mermaid and flowchart.js round trips") struct MermaidRoundTripTests {
    /// Charts whose findings drop lines or nodes (so the written text is already the repaired chart).
    static let lossy: Set = ["27-errors.mmd"]

    @Test func corpusThroughFlowchartJS() throws {
        for (name, text) in try MermaidGoldenTests.corpus() where !Self.lossy.contains(name) {
            // setup
            let graph = MermaidParser.parse(text).graph
            // act
            let written = FlowchartJSWriter.write(graph)
            let back = FlowchartParser.parse(written)
            // verify
            #expect(GraphShape(back.graph) == GraphShape(graph), "\(name)\n\(written)")
            #expect(back.errors.isEmpty, "\(name): \(back.errors)")
            // Subgraphs come back too, all but empty ones (no node to carry them).
            let holdingNodes = Set(graph.innermostGroups().flatMap { graph.groups.chain(from: $0, limit: 64) }.map { graph.groups[$0].id })
            #expect(Set(back.graph.groups.map(\.id)) == holdingNodes, "\(name)")
        }
    }

    @Test func corpusThroughMermaid() throws {
        for (name, text) in try MermaidGoldenTests.corpus() where !Self.lossy.contains(name) {
            // setup
            let graph = MermaidParser.parse(text).graph
            // act
            let written = MermaidWriter.write(graph)
            let back = MermaidParser.parse(written)
            // verify
            #expect(GraphShape(back.graph) == GraphShape(graph), "\(name)\n\(written)")
            #expect(back.errors.isEmpty, "\(name): \(back.errors)")
            #expect(back.graph.nodes.map(\.parameters) == graph.nodes.map(\.parameters), "\(name)")
            #expect(Self.labelled(back.graph) == Self.labelled(graph), "\(name)")
            #expect(back.graph.nodes.map(\.url) == graph.nodes.map(\.url), "\(name)")
        }
    }

    /// Edges with their labels and drawing style, in a fixed order.
    static func labelled(_ graph: FlowGraph) -> [String] {
        graph.edges.map { "\($0.from)-\($0.branch.rawValue)->\($0.to)|\($0.label ?? "-")|\($0.style.sorted { $0.key < $1.key })" }.sorted()
    }

    @Test func generatedChartsBothWays() {
        var rng = TestRandom(seed: 0x3E3A1D)
        for round in 0..<150 {
            // setup
            let text = MermaidChartGenerator.chart(&rng, nodes: 2 + rng.int(in: 0...40))
            let graph = MermaidParser.parse(text).graph
            // act
            let viaJS = FlowchartParser.parse(FlowchartJSWriter.write(graph)).graph
            let viaMermaid = MermaidParser.parse(MermaidWriter.write(graph)).graph
            let backFromJS = MermaidParser.parse(MermaidWriter.write(viaJS)).graph
            // verify
            #expect(GraphShape(viaJS) == GraphShape(graph), "round \(round)\n\(text)")
            #expect(GraphShape(viaMermaid) == GraphShape(graph), "round \(round)\n\(text)")
            #expect(GraphShape(backFromJS) == GraphShape(graph), "round \(round)\n\(text)")
            #expect(MermaidWriter.chartDirection(viaMermaid) == MermaidWriter.chartDirection(graph), "round \(round)")
            if GraphShape(viaJS) != GraphShape(graph) || GraphShape(viaMermaid) != GraphShape(graph) { return }
        }
    }

    @Test func seedGuideChartsThroughMermaid() throws {
        // setup: the flowchart.js sample, whose ids and types Mermaid can hold
        let graph = FlowchartParser.parse(GoldenShapes.generatedDiagram).graph
        // act
        let back = MermaidParser.parse(MermaidWriter.write(graph))
        // verify
        #expect(GraphShape(back.graph) == GraphShape(graph))
    }

    @Test func illegalIDsAreRewrittenDeterministically() {
        // setup
        var graph = FlowGraph()
        for id in ["end", "a b", "a_b", "x(1)", "问 题"] {
            graph.define(Node(id: id, type: .operation, text: "t", position: SourcePosition(line: 1, column: 1)))
        }
        graph.link(Edge(from: "end", to: "a b", branch: .next, position: SourcePosition(line: 1, column: 1)))
        graph.start = "end"
        // act
        let mermaid = MermaidParser.parse(MermaidWriter.write(graph)).graph
        let js = FlowchartParser.parse(FlowchartJSWriter.write(graph)).graph
        // verify
        #expect(mermaid.nodes.map(\.id) == ["end_", "a_b_2", "a_b", "x_1_", "问_题"])
        #expect(js.nodes.map(\.id) == ["end", "a_b_2", "a_b", "x_1_", "问_题"])
        #expect(mermaid.start == "end_" && js.start == "end")
        #expect(MermaidWriter.write(graph) == MermaidWriter.write(graph))
    }

    /// From a conversion probe: flowchart.js's `[blank]` became Mermaid's `blank` (Mermaid takes `_blank`)
    /// and came back without a target; a URL with brackets was cut at its `[`; `fill:rgb(…)` was dropped.
    @Test func linkTargetsBracketedURLsAndRGBColoursSurviveBothWays() throws {
        // setup
        let flow = "st=>start: S\nop1=>operation: Q1:>http://example.com[blank]\nop2=>operation: Q2:>http://x.org[myWindow]\ne=>end: E\nst->op1->op2->e"
        let mermaid = "flowchart TD\ns([S]) --> a[Q a] --> b[Q b]\nclick a href \"https://en.wikipedia.org/wiki/Array[1]\" _blank\nstyle b fill:rgb(255,0,0),stroke:#333"
        // act
        let toMermaid = MermaidWriter.write(FlowchartParser.parse(flow).graph)
        let fromMermaid = FlowchartJSWriter.write(MermaidParser.parse(mermaid).graph)
        let flowBack = FlowchartJSWriter.write(MermaidParser.parse(toMermaid).graph)
        let mermaidBack = MermaidWriter.write(FlowchartParser.parse(fromMermaid).graph)
        // verify: blank is _blank in Mermaid and blank again in flowchart.js; a named window, which Mermaid
        // cannot say, is left out of the click
        #expect(toMermaid.contains("click op1 href \"http://example.com\" _blank\n") && toMermaid.contains("click op2 href \"http://x.org\"\n"), "\(toMermaid)")
        #expect(FlowchartParser.parse(flowBack).graph.node("op1")?.urlTarget == "blank")
        // the URL's brackets percent-encoded, its target kept; the colour as #rrggbb
        let a = try #require(FlowchartParser.parse(fromMermaid).graph.node("a"))
        #expect(a.url == "https://en.wikipedia.org/wiki/Array%5B1%5D" && a.urlTarget == "blank", "\(fromMermaid)")
        #expect(FlowchartParser.parse(fromMermaid).graph.node("b")?.parameters["style"]?.contains("fill:#ff0000") == true, "\(fromMermaid)")
        #expect(mermaidBack.contains("_blank") && mermaidBack.contains("fill:#ff0000"), "\(mermaidBack)")
        #expect(StyleColors.hexadecimal("fill:rgb(0, 128,255);color:rgba(1,2,3,0.5)") == "fill:#0080ff;color:rgba(1,2,3,0.5)")
        // a declaration flowchart.js cannot hold goes alone, not with the whole style (a recheck)
        #expect(StyleColors.holdable("stroke:#333;stroke-width:3px;fill:rgba(255,0,0,0.5)") == "stroke:#333;stroke-width:3px")
        #expect(StyleColors.holdable("fill:hsl(0,100%,50%)") == nil)
        // a quote in a URL is percent-encoded in Mermaid, where it ended the string (a recheck)
        let quoted = MermaidWriter.write(FlowchartParser.parse("st=>start: S\nop1=>operation: Q:>http://x?q=\"a b\"&r=1[blank]\ne=>end: E\nst->op1->e").graph)
        #expect(quoted.contains("click op1 href \"http://x?q=%22a b%22&r=1\" _blank"), "\(quoted)")
        #expect(MermaidParser.parse(quoted).graph.node("op1")?.url == "http://x?q=%22a b%22&r=1")
    }

    @Test func labelsWithFlowchartJSMarksKeepTheirTextInFlowchartJS() throws {
        // setup: sequences flowchart.js reads as a second definition, a link or a function, and a bar
        let graph = MermaidParser.parse("flowchart TD\ns([S]) --> a[\"x: y => z -> w\"] --> b[\"see :>http://x\"] --> c[\"p :$fn q\"] --> d[\"a|b\"]").graph
        // act
        let written = FlowchartJSWriter.write(graph)
        let back = FlowchartParser.parse(written)
        // verify: every label whole (with a full-width ＞ or ＄), no link or function made, and no finding
        #expect(back.graph.nodes.map(\.text) == ["S", "x: y =＞ z -> w", "see :＞http://x", "p :＄fn q", "a|b"])
        #expect(back.graph.nodes.allSatisfy { $0.url == nil && $0.function == nil })
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
    }

    @Test func aLabelBeginningAndEndingWithABacktickIsNoMarkdownStringWhenWrittenBack() throws {
        // setup: unquoted, the backticks are text; written back inside "`…`" they made a Markdown string
        // and the outer two were lost (a probe's question "`useMemo` vs `useCallback`")
        let graph = MermaidParser.parse("flowchart TD\ns([S]) --> a[`useMemo` vs `useCallback`] --> e([E])").graph
        // act
        let viaMermaid = MermaidParser.parse(MermaidWriter.write(graph)).graph
        let viaJS = MermaidParser.parse(MermaidWriter.write(FlowchartParser.parse(FlowchartJSWriter.write(graph)).graph)).graph
        // verify
        #expect(graph.node("a")?.text == "`useMemo` vs `useCallback`")
        #expect(viaMermaid.node("a")?.text == graph.node("a")?.text)
        #expect(viaJS.node("a")?.text == graph.node("a")?.text)
    }

    @Test func lineLabelsWithArrowsAndATrailingBackslashKeepEveryLine() throws {
        // setup: a line label with `=>` made the link line a definition and every line was lost; one with
        // `->` split the link; a label ending in `\` glued the next line to it and a node vanished
        let graph = MermaidParser.parse(#"""
            flowchart TD
            A[First question] -->|"DNS => IP"| B[Second question]
            B -->|"client -> server"| C["Windows temp dir C:\temp\"]
            C --> D[Last]
            """#).graph
        // act
        let written = FlowchartJSWriter.write(graph)
        let back = FlowchartParser.parse(written)
        // verify: the same graph, the texts whole but for the full-width marks
        #expect(back.graph.nodes.map(\.id) == graph.nodes.map(\.id), "\(written)")
        #expect(back.graph.edges.map { "\($0.from)-\($0.to)" } == ["A-B", "B-C", "C-D"], "\(written)")
        #expect(back.errors.isEmpty, "\(back.errors)\n\(written)")
        #expect(back.graph.edges.compactMap(\.label) == ["DNS =＞ IP", "client -＞ server"])
        #expect(back.graph.node("C")?.text == "Windows temp dir C:\\temp＼")
    }
}

/// The seed guide's ten flowchart.js charts, converted to Mermaid and read back.
@Suite("Seed guide charts as Mermaid", .enabled(if: Seed.isAvailable, Seed.skipMessage))
struct MermaidSeedConversionTests {
    @Test func everySeedChartConvertsToMermaidAndBack() {
        // setup
        let charts = FlowchartDocument(text: Seed.text, path: Seed.url.path).charts
        for chart in charts {
            let graph = chart.parsed.graph
            // act
            let written = MermaidWriter.write(graph)
            let back = MermaidParser.parse(written)
            // verify: reachable charts keep their shape; gates keep yes and no
            #expect(back.errors.isEmpty, "\(chart.name): \(back.errors)")
            #expect(back.graph.start == graph.start, "\(chart.name)")
            #expect(GraphShape(back.graph).nodes == GraphShape(graph).nodes, "\(chart.name)")
            #expect(GraphShape(back.graph).edges == GraphShape(graph).edges, "\(chart.name)\n\(written)")
        }
    }

    /// A gate whose only line is a no labelled neither yes nor no came back from Mermaid as the yes, its
    /// question a level deeper (a conversion probe): the label is led by "no: ".
    @Test func aLoneNoLineWithAnUnclearLabelKeepsItsWay() throws {
        // setup
        let graph = FlowchartParser.parse("""
        st=>start: Start
        op1=>operation: Q1
        c1=>condition: Keep going?
        op2=>operation: Q2
        e=>end
        st->op1->c1
        c1(no@Java)->op2->e
        """).graph
        // act
        let written = MermaidWriter.write(graph)
        let back = MermaidParser.parse(written).graph
        // verify
        #expect(written.contains("c1 -->|no: Java| op2"), "\(written)")
        #expect(back.edge(from: "c1", branch: .no)?.to == "op2")
        #expect(back.edge(from: "c1", branch: .yes) == nil)
        #expect(MermaidWriter.rewrittenLabels(graph).map(\.text.en).contains { $0.contains("only line, its no") })
    }

    /// `op5=>operation` with no text is a question in flowchart.js; `op5[""]` is a junction in Mermaid, never
    /// asked (a conversion probe): it is written with its id, and the conversion says so.
    @Test func aQuestionWithoutTextStaysAQuestion() throws {
        // setup
        let graph = FlowchartParser.parse("st=>start: Start\nop1=>operation: Q1\nop5=>operation\ne=>end\nst->op1->op5->e").graph
        // act
        let written = MermaidWriter.write(graph)
        let back = MermaidParser.parse(written).graph
        // verify
        #expect(written.contains(#"op5["op5"]"#), "\(written)")
        #expect(back.node("op5")?.type == .operation)
        #expect(back.node("op5")?.parameters["shape"] == nil)
        let said = MermaidWriter.rewrittenLabels(graph)
        #expect(said.count == 1 && said[0].position.line == 3)
    }
}
