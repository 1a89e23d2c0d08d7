import Testing
@testable import Flowchart

/// A node with two or three lines out is a fork (`.parallel`). Drawn as a question, it stays a question:
/// marked `ask=yes`, which the engine asks before walking the paths; drawn as a fork bar, a subroutine,
/// a bare id or the start, it only splits the way.
@Suite("Mermaid forks: questions that fork and plain forks") struct MermaidForkTests {
    static func parse(_ body: String) -> ParsedFlowchart { MermaidParser.parse("flowchart TD\n" + body) }

    @Test(arguments: ["Q[\"Tell us about your project\"]", "Q(\"Tell us\")", "Q[/Tell us/]", "Q[(Tell us)]",
                      "Q{{Tell us}}", "Q>Tell us]", "Q@{ shape: cyl, label: \"Tell us\" }", "S([Begin]) --> Q((Tell us))"])
    func questionShapesAskBeforeForking(_ question: String) {
        // act
        let parsed = Self.parse("\(question)\nQ --> A & B")
        // verify
        let q = parsed.graph.node("Q")
        #expect(q?.type == .parallel)
        #expect(q?.parameters["ask"] == "yes")
        #expect(parsed.edgeList.suffix(2) == ["Q-path1->A", "Q-path2->B"])
        #expect(parsed.diagnostics.map(\.code) == [.questionForks])
        #expect(parsed.diagnostics.first?.text.en.contains("in written order (A, B)") == true)
        #expect(parsed.diagnostics.first?.text.zh.contains("（A、B）") == true)
    }

    @Test(arguments: ["F@{ shape: fork, label: \"Split\" }", "F@{ shape: join }", "F[[Pick both]]", "F"])
    func forkBarsSubroutinesAndBareIDsAreInstructions(_ fork: String) {
        // act
        let parsed = Self.parse("\(fork)\nF --> A & B")
        // verify
        let f = parsed.graph.node("F")
        #expect(f?.type == .parallel)
        #expect(f?.parameters["ask"] == nil)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func theStartStadiumForksWithoutAsking() {
        // act
        let parsed = Self.parse("S([Start]) --> A & B")
        // verify
        #expect(parsed.graph.start == "S")
        #expect(parsed.graph.node("S")?.type == .parallel)
        #expect(parsed.graph.node("S")?.parameters["ask"] == nil)
    }

    @Test func oneLineOutIsStillAPlainQuestion() {
        // act
        let parsed = Self.parse("Q[Tell us] --> A")
        // verify
        #expect(parsed.graph.node("Q")?.type == .operation)
        #expect(parsed.graph.node("Q")?.parameters.isEmpty == true)
    }

    @Test func writerDrawsAskedForksAsBoxesAndPlainForksAsBars() {
        // setup
        let graph = Self.parse("Q[\"Tell us\"] --> A & B\nF@{ shape: fork, label: \"Split\" } --> C & D").graph
        // act
        let written = MermaidWriter.write(graph)
        // verify
        #expect(written.contains("Q[\"Tell us\"]"))
        #expect(written.contains("F@{ shape: fork, label: \"Split\" }"))
        #expect(!written.contains("ask"), "\(written)")
    }

    @Test func askedForkSurvivesBothWriters() {
        // setup
        let graph = Self.parse("Q[\"Tell us (scope, role)\"] --> A & B\nA --> F@{ shape: fork } --> C & D\nB --> C").graph
        // act
        let js = FlowchartJSWriter.write(graph)
        let viaJS = FlowchartParser.parse(js)
        let viaMermaid = MermaidParser.parse(MermaidWriter.write(graph))
        let backFromJS = MermaidParser.parse(MermaidWriter.write(viaJS.graph))
        // verify
        #expect(js.contains("Q(ask=yes)=>parallel: Tell us (scope, role)"), "\(js)")
        #expect(viaJS.errors.isEmpty)
        for back in [viaJS.graph, viaMermaid.graph, backFromJS.graph] {
            #expect(GraphShape(back) == GraphShape(graph))
            #expect(back.nodes.map(\.parameters) == graph.nodes.map(\.parameters))
        }
        #expect(graph.node("Q")?.parameters["ask"] == "yes")
        #expect(graph.node("F")?.parameters["ask"] == nil)
    }

    @Test func flowchartJSAskedForkReadsBackFromMermaid() {
        // setup: the form the engine's own tests use
        let js = """
        st=>start: Start
        q(ask=yes)=>parallel: Tell us about your last project
        a=>operation: Scope?
        b=>operation: Role?
        e=>end: End
        st->q
        q(path1, bottom)->a
        q(path2, right)->b
        a->e
        b->e
        """
        let graph = FlowchartParser.parse(js).graph
        // act
        let back = MermaidParser.parse(MermaidWriter.write(graph)).graph
        // verify
        #expect(back.node("q")?.type == .parallel)
        #expect(back.node("q")?.parameters["ask"] == "yes")
        #expect(GraphShape(back) == GraphShape(graph))
    }
}
