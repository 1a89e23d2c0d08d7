import Testing
@testable import Flowchart

/// Unlabelled gate branches are drawn in the chart's own language; an author's words always win.
@Suite struct BranchWordsTests {
    private func branchLabels(_ chart: String, options: LayoutOptions = .init()) -> [String: String] {
        let graph = FlowchartParser.parse(chart).graph
        let layout = FlowchartLayout.layout(graph, options: options)
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

    @Test func theLayoutOptionOverridesTheChartsLanguage() {
        var options = LayoutOptions()
        options.branchWords = .english
        #expect(branchLabels(chinese, options: options) == ["yes": "yes", "no": "no"])
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
