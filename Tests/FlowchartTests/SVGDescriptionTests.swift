import Testing
@testable import Flowchart

/// A drawing is one image to a screen reader; its `<desc>` carries the questions it shows.
@Suite struct SVGDescriptionTests {
    @Test func theDescriptionListsTheBoxesInWrittenOrderEscaped() throws {
        let graph = FlowchartParser.parse("""
            st=>start: 开始
            a=>operation: Explain the GIL (one interpreter lock)
            c=>condition: Go deeper?
            b=>operation: asyncio <vs> threads & processes
            e=>end: 结束
            st->a->c
            c(yes)->b->e
            c(no)->e
            """).graph
        let svg = SVGRenderer.render(graph, layout: FlowchartLayout.layout(graph), options: SVGOptions(title: "3.3 Python"))
        let desc = try #require(svg.range(of: "<desc>").flatMap { start in svg.range(of: "</desc>").map { svg[start.upperBound..<$0.lowerBound] } })
        #expect(desc == "1. Explain the GIL (one interpreter lock)\n2. Go deeper?\n3. asyncio &lt;vs&gt; threads &amp; processes")
        #expect(svg.range(of: "<title>")!.lowerBound < svg.range(of: "<desc>")!.lowerBound)
    }

    @Test func aChartOfOnlyStartAndEndHasNoDescription() {
        let graph = FlowchartParser.parse("st=>start: Start\ne=>end: End\nst->e").graph
        #expect(!SVGRenderer.render(graph, layout: FlowchartLayout.layout(graph)).contains("<desc>"))
    }
}
