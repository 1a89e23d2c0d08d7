import Testing
@testable import Flowchart

/// Unlabelled gate branches are drawn in the chart's own language; an author's words always win.
@Suite struct BranchWordsTests {
    private func branchLabels(_ chart: String) -> [String: String] {
        let graph = FlowchartParser.parse(chart).graph
        let layout = FlowchartLayout.layout(graph)
        return Dictionary(uniqueKeysWithValues: layout.edges.compactMap { edge in edge.label.map { (edge.branch, $0) } })
    }

    private let chinese = """
        st=>start: 开始
        c=>condition: 是否深入? Go deeper?
        a=>operation: 问题1：解释 GIL(参考答案 全局解释器锁)
        b=>operation: 问题2：解释 asyncio
        e=>end: 结束
        st->c
        c(yes)->a->e
        c(no)->b->e
        """

    @Test func aChineseChartSaysShiAndFouOnItsBranches() {
        #expect(branchLabels(chinese) == ["yes": "是", "no": "否"])
    }

    @Test func anEnglishChartKeepsYesAndNo() {
        let english = chinese.replacingOccurrences(of: "问题1：解释 GIL(参考答案 全局解释器锁)", with: "Explain the GIL")
            .replacingOccurrences(of: "问题2：解释 asyncio", with: "Explain asyncio")
            .replacingOccurrences(of: "是否深入? Go deeper?", with: "Go deeper?")
            .replacingOccurrences(of: "开始", with: "Start").replacingOccurrences(of: "结束", with: "End")
        #expect(branchLabels(english) == ["yes": "yes", "no": "no"])
    }

    @Test func oneChineseTermDoesNotMakeAnEnglishChartChinese() {
        let graph = FlowchartParser.parse("""
            c=>condition: Knows 协程?
            a=>operation: Explain asyncio
            b=>operation: Explain threads
            e=>end: End
            c(yes)->a->e
            c(no)->b->e
            """).graph
        #expect(BranchWords(of: graph) == .english)
    }

    @Test func anAuthorsLabelIsDrawnAsWritten() {
        let labels = branchLabels(chinese.replacingOccurrences(of: "c(yes)->a", with: "c(yes@深入)->a"))
        #expect(labels["yes"] == "深入")
        #expect(labels["no"] == "否")
    }

    @Test func theSVGCarriesTheWordsEscapedAsText() {
        let graph = FlowchartParser.parse(chinese).graph
        let svg = SVGRenderer.render(graph, layout: FlowchartLayout.layout(graph))
        #expect(svg.contains(">是</text>"))
        #expect(svg.contains(">否</text>"))
        #expect(!svg.contains(">yes</text>"))
    }
}

/// Conversion writes and reads the chart's own words, so a Chinese guide converted to Mermaid says 是/否
/// where GitHub draws it, and converting back gives the same graph.
@Suite struct BranchWordsConversionTests {
    private let chinese = """
        c=>condition: 是否深入 redis?
        a=>operation: 跳表的实现
        b=>operation: 持久化方式
        e=>end: 结束
        c(yes)->a->e
        c(no)->b->e
        """

    @Test func aChineseChartConvertsToShiAndFou() {
        let graph = FlowchartParser.parse(chinese).graph
        let mermaid = MermaidWriter.write(graph)
        #expect(mermaid.contains("c -->|是| a"))
        #expect(mermaid.contains("c -->|否| b"))
        let back = MermaidParser.parse(mermaid).graph
        #expect(back.edges.filter { $0.from == "c" }.map(\.label) == [nil, nil])
        #expect(back.edges.filter { $0.from == "c" }.map(\.branch).sorted { $0.rawValue < $1.rawValue } == [.no, .yes])
    }

    /// A flowchart.js gate line labelled with the other way's word keeps its way in Mermaid, led by its
    /// own way's word in the chart's language (a conversion probe found the ways swapped).
    @Test func aGateLabelOfTheOtherWayIsLedInTheChartsLanguage() {
        let graph = FlowchartParser.parse(chinese.replacingOccurrences(of: "c(yes)", with: "c(yes@跳过)")
            .replacingOccurrences(of: "c(no)", with: "c(no@继续)")).graph
        let mermaid = MermaidWriter.write(graph)
        #expect(mermaid.contains("c -->|是：跳过| a") && mermaid.contains("c -->|否：继续| b"), "\(mermaid)")
        let back = MermaidParser.parse(mermaid).graph
        #expect(back.edges.first { $0.label == "是：跳过" }?.branch == .yes && back.edges.first { $0.label == "否：继续" }?.branch == .no)
        #expect(MermaidWriter.rewrittenLabels(graph).map(\.text.zh) == [
            "这个判断的“是”连线标签是“跳过”，Mermaid 会把它读成“否”：已写成“是：跳过”，连线的走向不变",
            "这个判断的“否”连线标签是“继续”，Mermaid 会把它读成“是”：已写成“否：继续”，连线的走向不变"])
    }

    @Test func aPlainYesInAChineseMermaidChartIsDrawnInTheChartsLanguage() {
        let graph = MermaidParser.parse("""
            flowchart TD
                c{是否深入 redis?} -->|yes| a[跳表的实现]
                c -->|no| b[持久化方式]
                c2{会用 Redis 集群吗?} -->|深入| d[槽位如何分配]
                c2 -->|不深入| b
            """).graph
        #expect(graph.edges.filter { $0.from == "c" }.map(\.label) == [nil, nil])
        #expect(graph.edges.filter { $0.from == "c2" }.map(\.label) == ["深入", "不深入"])
        let labels = FlowchartLayout.layout(graph).edges.filter { $0.from == "c" }.compactMap(\.label)
        #expect(labels.sorted() == ["否", "是"])
    }

    @Test func anEnglishChartConvertsToYesAndNo() {
        let graph = MermaidParser.parse("""
            flowchart TD
                c{Go deeper on redis?} -->|yes| a[Skip lists]
                c -->|no| b[Persistence]
            """).graph
        #expect(graph.edges.filter { $0.from == "c" }.map(\.label) == [nil, nil])
        let mermaid = MermaidWriter.write(graph)
        #expect(mermaid.contains("c -->|yes| a"))
        #expect(mermaid.contains("c -->|no| b"))
    }

    @Test func aFixForAnUnlabelledGateLineWritesTheChartsWord() throws {
        let parsed = MermaidParser.parse("""
            flowchart TD
                c{是否深入 redis?} -->|是| a[跳表的实现]
                c --> b[持久化方式]
            """)
        let finding = try #require(parsed.diagnostics.first { $0.code == .unlabelledGateEdge })
        #expect(finding.fix?.replacement == "|否|")
        #expect(finding.text.en.hasSuffix("write '-->|否|'"))
    }

    @Test func aPlaceholderForASubgraphNamedByALinkDoesNotCountTowardsTheLanguage() throws {
        // A gate's no line names subgraph B: the reader keeps a placeholder for B, which the graph leaves
        // out. Counted over the graph's nodes the chart is Chinese (2 of 3), so 是/否 are the chart's words.
        let mermaid = """
            flowchart TD
                c{深入 Redis?} -->|是| a[跳表]
                c -->|否| B
                subgraph B
                    x[RDB]
                end
            """
        let graph = MermaidParser.parse(mermaid).graph
        #expect(BranchWords(of: graph) == .chinese)
        #expect(graph.edges.filter { $0.from == "c" }.map(\.label) == [nil, nil])
        let again = MermaidParser.parse(MermaidWriter.write(graph)).graph
        #expect(again.edges.filter { $0.from == "c" }.map(\.label) == [nil, nil])
    }
}
