import Testing
@testable import Flowchart

/// ```mermaid flowcharts are read on the document path beside flowchart.js fences, each by its parser.
@Suite("Markdown: Mermaid blocks on the document path")
struct MermaidRoutingTests {
    static let guide = """
    # Guide
    ## 3.1 Redis
    ```flow
    st=>start: S
    e=>end: E
    st->e
    ```
    ## 3.2 Kafka
    ```mermaid
    %% a comment first
    flowchart TD
        A[Ask] -->|yes| B[Deeper]
    ```
    ## Sequence
    ```mermaid
    sequenceDiagram
        A->>B: hi
    ```
    """

    @Test func flowBlocksHoldBothSyntaxesAndNotOtherMermaid() {
        // act
        let blocks = MarkdownFlowReader.flowBlocks(in: Self.guide)
        // verify
        #expect(blocks.map(\.info) == ["flow", "mermaid"])
        #expect(blocks.map(\.syntax) == [.flowchartJS, .mermaid])
        #expect(blocks.allSatisfy { $0.isFlowchart })
        #expect(blocks[1].name == "3.2 Kafka")
        #expect(blocks[1].firstLine == 10)
        #expect(blocks[1].text.hasPrefix("%% a comment first\nflowchart TD"))
    }

    @Test func scanKeepsOtherMermaidAsANonChartBlock() {
        // act
        let blocks = MarkdownFlowReader.scan(Self.guide).blocks
        // verify
        #expect(blocks.count == 3)
        #expect(blocks[2].syntax == .mermaid)
        #expect(!blocks[2].isFlowchart)
    }

    @Test func documentParsesEachChartWithItsOwnParser() {
        // act
        let document = FlowchartDocument(text: Self.guide, path: "guide.md")
        // verify
        #expect(document.isMarkdown)
        #expect(document.charts.map(\.name) == ["3.1 Redis", "3.2 Kafka"])
        #expect(document.charts[0].parsed.graph.nodes.map(\.id) == ["st", "e"])
        let mermaidText = "%% a comment first\nflowchart TD\n    A[Ask] -->|yes| B[Deeper]"
        let expected = MermaidParser.parse(mermaidText, firstLine: 10)
        #expect(document.charts[1].parsed.graph == expected.graph)
        #expect(document.charts[1].parsed.diagnostics == expected.diagnostics)
    }

    @Test func bareMermaidFileIsOneMermaidChart() {
        // setup
        let text = "graph LR\n  A --> B\n"
        // act
        let document = FlowchartDocument(text: text, path: "chart.mmd")
        // verify
        #expect(!document.isMarkdown)
        #expect(document.charts.count == 1)
        #expect(document.charts[0].parsed.graph == MermaidParser.parse(text).graph)
    }

    @Test func bareFlowchartJSFileStaysFlowchartJS() {
        // act
        let document = FlowchartDocument(text: "st=>start\ne=>end\nst->e", path: "chart.mmd")
        // verify: the text decides, not the name.
        #expect(document.charts[0].parsed.graph.edges.count == 1)
    }

    @Test func unclosedMermaidFenceIsReported() {
        // act
        let document = FlowchartDocument(text: "# T\n```mermaid\nflowchart TD\nA-->B", path: "g.md")
        // verify
        #expect(document.charts.count == 1)
        #expect(document.diagnostics.map(\.code) == [.unclosedFence])
    }

    @Test func syntaxFromTheHeadAgreesWithIsFlowchartOnEveryInput() {
        var rng = TestRandom(seed: 0x3E4D)
        let pieces = ["flowchart", "graph", "flowchart-elk", " TD", ";", "\n", "\n", "\r\n", "\r", " ", "\t", "%%", "%% x",
                      "%%{init: {}}%%", "---", "title: x", "st=>start", "A-->B", "\u{301}", "\u{A0}", "-", "中"]
        for _ in 0..<5_000 {
            // setup
            let text = (0..<rng.int(in: 0...14)).map { _ in pieces[rng.int(in: 0...(pieces.count - 1))] }.joined()
            // act
            var copy = text
            let fast = copy.withUTF8 { MermaidHead.isFlowchart($0) }
            // verify
            #expect(fast == MermaidParser.isFlowchart(text), "\(text.debugDescription)")
            #expect((DiagramSyntax.of(text) == .mermaid) == MermaidParser.isFlowchart(text))
        }
    }

    @Test func aMermaidBlockWithoutItsHeaderIsReadAndReported() throws {
        for first in ["A[Ask] --> B[Deeper]", "flowchar TD\nA[Ask] --> B[Deeper]"] {
            // act
            let document = FlowchartDocument(text: "# G\n## 3.1 Topic\n```mermaid\n\(first)\n```\n", path: "g.md")
            // verify: the topic's chart is there, with the finding, not silently gone
            #expect(document.charts.count == 1, "\(first)")
            #expect(document.charts.first?.parsed.diagnostics.map(\.code) == [.missingHeader], "\(first)")
            #expect(document.charts.first?.parsed.graph.nodes.map(\.id) == ["A", "B"], "\(first)")
        }
        // Blank blocks and other diagrams are not charts of ours.
        for other in ["", "  \n%% only a comment", "gantt\n  title T", "stateDiagram-v2\n  [*] --> A"] {
            let document = FlowchartDocument(text: "# G\n```mermaid\n\(other)\n```\n", path: "g.md")
            #expect(document.charts.isEmpty, "\(other)")
        }
    }

    @Test func aBareMmdFileWithoutItsHeaderIsReadAsMermaid() {
        // act
        let document = FlowchartDocument(text: "A[Ask] --> B[Deeper]\n", path: "chart.mmd")
        // verify
        #expect(document.charts.first?.parsed.diagnostics.map(\.code) == [.missingHeader])
        #expect(document.charts.first?.parsed.graph.edges.count == 1)
    }
}
