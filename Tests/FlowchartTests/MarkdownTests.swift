import Testing
@testable import Flowchart

@Suite("Markdown: flow fences and headings")
struct MarkdownTests {
    @Test func findsFlowAndFlowchartFencesWithTheirHeadings() {
        // setup
        let md = """
        # Guide
        ## Stage
        ### 3.1 Topic
        ```flow
        st=>start: S
        ```
        ```python
        # not a heading
        ```
        #### 3.2 Other
        ~~~flowchart
        a=>operation: A
        ~~~
        ```flow:ant
        b=>operation: B
        ```
        """
        // act
        let blocks = MarkdownFlowReader.flowBlocks(in: md)
        // verify
        #expect(blocks.map(\.info) == ["flow", "flowchart", "flow:ant"])
        #expect(blocks.map(\.name) == ["3.1 Topic", "3.2 Other", "3.2 Other"])
        #expect(blocks[0].firstLine == 5)
        #expect(blocks[1].firstLine == 12)
        #expect(blocks[1].headingPath.map(\.text) == ["Guide", "Stage", "3.1 Topic", "3.2 Other"])
        #expect(MarkdownFlowReader.headings(in: md).map(\.text) == ["Guide", "Stage", "3.1 Topic", "3.2 Other"])
    }

    @Test func aMermaidFenceInAnyCaseIsRead() {
        // setup: ```Mermaid was skipped without a word, and its topic's questions with it
        let md = "# G\n### 1.1 T\n```Mermaid\nflowchart TD\n  A[Q1] --> B[Q2]\n```\n### 1.2 U\n```MERMAID\ngraph LR\n  C --> D\n```\n"
        // act
        let blocks = MarkdownFlowReader.flowBlocks(in: md)
        let document = FlowchartDocument(text: md, path: "g.md")
        // verify
        #expect(blocks.map(\.syntax) == [.mermaid, .mermaid])
        #expect(document.charts.map { $0.parsed.graph.nodes.count } == [2, 2])
    }

    @Test func siblingHeadingsReplaceEachOtherInThePath() {
        let md = "# A\n## B\n### C\n## D\n```flow\nx=>start\n```"
        #expect(MarkdownFlowReader.flowBlocks(in: md)[0].headingPath.map(\.text) == ["A", "D"])
    }

    @Test func closingHashesAndIndentedHeadings() {
        let h = MarkdownFlowReader.headings(in: "  ## Title ##\n#NoSpace\n    # code")
        #expect(h.map(\.text) == ["Title"])
    }

    @Test func longerFenceNeedsLongerClose() {
        let md = "````flow\nst=>start\n```\nstill inside\n````\n"
        let blocks = MarkdownFlowReader.flowBlocks(in: md)
        #expect(blocks.count == 1)
        #expect(blocks[0].text == "st=>start\n```\nstill inside")
    }

    @Test func unclosedFenceIsReported() {
        let doc = FlowchartDocument(text: "# T\n```flow\nst=>start\ne=>end\nst->e", path: "g.md")
        #expect(doc.diagnostics.map(\.code) == [.unclosedFence])
        #expect(doc.charts.first?.parsed.graph.edges.count == 1)
    }

    @Test func diagnosticsUseTheFileLineNumbers() {
        let md = "# T\n\nText\n```flow\nst=>start\nst->nowhere\n```"
        let doc = FlowchartDocument(text: md, path: "guide.md")
        #expect(doc.allDiagnostics.first?.position == SourcePosition(line: 6, column: 5))
    }

    @Test func bareFlowchartFileIsOneChart() {
        let doc = FlowchartDocument(text: "st=>start\ne=>end\nst->e", path: "chart.flow")
        #expect(!doc.isMarkdown)
        #expect(doc.charts.count == 1)
        #expect(doc.charts[0].parsed.graph.edges.count == 1)
    }

    @Test func markdownWithoutChartsHasNone() {
        let doc = FlowchartDocument(text: "# Notes\nnothing here", path: "notes.md")
        #expect(doc.isMarkdown)
        #expect(doc.charts.isEmpty)
    }
}
