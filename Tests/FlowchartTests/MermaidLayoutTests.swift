import Testing
@testable import Flowchart

/// The layout's invariants (no overlapping boxes, no line through a box) hold for Mermaid charts too,
/// whose edges carry the directions of LR, RL and BT charts.
@Suite("Layout invariants on Mermaid charts") struct MermaidLayoutTests {
    @Test func generatedMermaidChartsKeepEveryInvariant() {
        var rng = TestRandom(seed: 0xA1A2)
        for round in 0..<150 {
            // setup
            let text = MermaidChartGenerator.chart(&rng, nodes: 2 + rng.int(in: 0...(round < 140 ? 40 : 200)))
            let graph = MermaidParser.parse(text).graph
            // act
            let layout = FlowchartLayout.layout(graph)
            // verify
            let problems = LayoutGeometry.violations(in: layout, of: graph)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(5))\n\(text)")
            if !problems.isEmpty { return }
        }
    }

    @Test func corpusLaysOut() throws {
        for (name, text) in try MermaidGoldenTests.corpus() {
            // setup
            let graph = MermaidParser.parse(text).graph
            // act
            let layout = FlowchartLayout.layout(graph)
            // verify
            #expect(layout.nodes.count == graph.nodes.count, "\(name)")
            #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty, "\(name)")
        }
    }
}
