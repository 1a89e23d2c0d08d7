import Foundation
import Testing
@testable import Flowchart

/// Mermaid's comment shapes (`comment`, `brace`, `brace-r`, `braces`) tied to a node are that node's note
/// for the interviewer: not a question, not a way out of the node they explain, drawn beside it, and kept
/// through a conversion either way.
@Suite("Mermaid notes: comment shapes tied to a step")
struct MermaidNoteTests {
    static let chart = """
        flowchart TD
          A([Start]) --> B[Explain the GIL]
          B --> C{Go deeper?}
          C -->|yes| D[Threads or processes?]
          C -->|no| E([End])
          D --> E
          N@{ shape: braces, label: "Move to 3.2 if they mention asyncio" } -.- B
          D --> M@{ shape: comment, label: "Mind the time" }
        """

    @Test func aCommentShapeIsANoteOnTheNodeItIsTiedToNotAWayOut() {
        // act
        let parsed = MermaidParser.parse(Self.chart)
        // verify: B still has one way out and D is not a fork; each note runs to its node
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.graph.node("B")?.type == .operation)
        #expect(parsed.graph.node("D")?.type == .operation)
        #expect(parsed.graph.node("N")?.isNote == true)
        #expect(parsed.graph.node("M")?.isNote == true)
        #expect(parsed.graph.node("B")?.isNote == false)
        #expect(parsed.edgeList.contains("N-next->B"))
        #expect(parsed.edgeList.contains("M-next->D"), "written D --> M, turned to run from the note")
        #expect(!parsed.edgeList.contains { $0.hasPrefix("B-path") || $0.hasPrefix("D-path") })
        // the arrow the author drew at the note stays at the note's end of the turned line
        let m = parsed.graph.edges.first { $0.from == "M" }
        #expect(m?.style["arrow-start"] == "block")
        #expect(m?.style["arrow-end"] == "none")
        #expect(parsed.graph.start == "A")
    }

    @Test func aNoteCountsAsReachedWhenItsNodeIs() {
        // act
        let parsed = MermaidParser.parse(Self.chart)
        let reachable = parsed.graph.reachability()
        // verify
        #expect(reachable.allSatisfy { $0 })
    }

    @Test func aNoteTiedToNothingOrTwiceIsTold() throws {
        // act
        let untied = MermaidParser.parse("flowchart TD\n  A --> B\n  N@{ shape: brace, label: \"Remember\" }")
        let twice = MermaidParser.parse("flowchart TD\n  A --> B\n  N@{ shape: brace-r, label: \"x\" } -.- A\n  N -.- B")
        // verify
        let u = try #require(untied.diagnostics.first { $0.code == .untiedNote })
        #expect(u.position == SourcePosition(line: 3, column: 3))
        #expect(u.text.en.contains("N -.- …"))
        #expect(u.text.zh.contains("没有连到任何节点"))
        #expect(!untied.diagnostics.contains { $0.code == .unreachableNode })
        let t = try #require(twice.diagnostics.first { $0.code == .noteTiedTwice })
        #expect(t.position.line == 4)
        #expect(t.text.en.contains("beside 'A' only, not 'B'"))
        #expect(twice.edgeList.filter { $0.hasPrefix("N-") } == ["N-next->A"])
    }

    @Test func aNoteIsDrawnWithBracesBesideItsNode() {
        // act
        let graph = MermaidParser.parse(Self.chart).graph
        let layout = FlowchartLayout.layout(graph)
        let svg = SVGRenderer.render(graph, layout: layout)
        // verify: on the row of what it explains, to its right; braces, no box
        let box = { (id: String) in layout.nodes.first { $0.id == id }! }
        #expect(box("N").y + box("N").height / 2 == box("B").y + box("B").height / 2)
        #expect(box("N").x > box("B").x + box("B").width)
        #expect(box("M").y + box("M").height / 2 == box("D").y + box("D").height / 2)
        #expect(!layout.unreachable.contains("N"))
        let note = svg.components(separatedBy: "data-node=\"N\"")[1].components(separatedBy: "</g>")[0]
        #expect(note.contains("fill=\"none\" d=\"M"))
        #expect(!note.contains("<rect"))
    }

    @Test(arguments: ["TD-subgraph", "LR"])
    func aNoteStaysBesideItsNodeInASubgraphAndAcrossALeftToRightFlow(_ shape: String) {
        // setup: a note tied to a question inside a subgraph of a top-down chart, and one in a
        // left-to-right chart (it went to the chart's top right, and after the end, its tie across the chart)
        let text = shape == "LR"
            ? "flowchart LR\n S([Start]) --> A[Lists] --> G{Deeper?}\n G -->|yes| B[GIL] --> E([End])\n G -->|no| E\n N@{ shape: comment, label: \"Fine if they miss it\" } -.- B"
            : "flowchart TD\n S([Start]) --> A[Lists] --> G{Deeper?}\n G -->|yes| B[Binary search]\n G -->|no| E([End])\n subgraph deep [Deeper]\n  B --> C[Top K]\n end\n C --> E\n N@{ shape: braces, label: \"Watch the bounds\" } -.- B"
        let graph = MermaidParser.parse(text).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify: beside it across the flow (right of it top-down, below it left-to-right), the tie one straight line
        let box = { (id: String) in layout.nodes.first { $0.id == id }! }
        let (n, b) = (box("N"), box("B"))
        if shape == "LR" {
            #expect(n.x + n.width / 2 == b.x + b.width / 2 && n.y > b.y + b.height)
        } else {
            #expect(n.y + n.height / 2 == b.y + b.height / 2 && n.x > b.x + b.width)
        }
        let tie = layout.edges.first { $0.from == "N" }!
        #expect(tie.points.count == 2, "\(tie.points)")
    }

    @Test func notesSurviveAConversionToFlowchartJSAndBack() {
        // setup
        let graph = MermaidParser.parse(Self.chart).graph
        // act
        let flow = FlowchartJSWriter.write(graph)
        let read = FlowchartParser.parse(flow)
        let back = MermaidParser.parse(MermaidWriter.write(read.graph))
        // verify
        #expect(flow.contains("N(shape=braces)=>operation: Move to 3.2 if they mention asyncio"))
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        #expect(read.graph.node("N")?.isNote == true)
        #expect(read.graph.start == "A")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics.map(\.message))")
        #expect(back.graph.node("M")?.isNote == true)
        #expect(back.edgeList.sorted() == MermaidParser.parse(Self.chart).edgeList.sorted())
    }

    @Test func aNoteInASubgraphIsNeitherItsEntryNorItsExit() {
        // act: the note is the subgraph's first and its last node written
        let parsed = MermaidParser.parse("""
            flowchart TD
              S([Start]) --> S1
              subgraph S1 [Basics]
                n1@{ shape: comment, label: "warm up" } -.- q1
                q1[GIL?] --> q2[Threads?]
                q2 --> n2@{ shape: comment, label: "mind the time" }
              end
              S1 --> q3[Processes?] --> E([End])
            """)
        // verify: the line to the subgraph enters at q1, the line from it leaves from q2
        #expect(parsed.edgeList.contains("S-next->q1"), "\(parsed.edgeList)")
        #expect(parsed.edgeList.contains("q2-next->q3"), "\(parsed.edgeList)")
        #expect(parsed.graph.node("q3")?.type == .operation)
        #expect(!parsed.diagnostics.contains { $0.code == .unreachableNode })
    }
}
