import Foundation
import Testing
@testable import Flowchart

@Suite struct SVGTests {
    @Test func dumpTypical() throws {
        var g = FlowGraph()
        let f = LayoutFixture.self
        for (id, t, text) in [("st", NodeType.start, "Start"), ("in", .inputoutput, "Read resume"), ("c1", .condition, "Strong backend?"),
                              ("op1", .operation, "Ask about Redis"), ("c2", .condition, "Go deeper?"), ("op2", .operation, "Skiplist internals"),
                              ("sub", .subroutine, "Score topic"), ("op3", .operation, "Warm-up question"), ("c3", .condition, "More topics?"),
                              ("par", .parallel, "Panel"), ("p1", .operation, "Notes"), ("p2", .operation, "Rating"), ("e", .end, "End")] {
            g.define(f.node(id, t, text))
        }
        for (a, b, br, d) in [("st", "in", Branch.next, Direction?.none), ("in", "c1", .next, nil), ("c1", "op1", .yes, nil), ("c1", "op3", .no, nil),
                              ("op1", "c2", .next, nil), ("c2", "op2", .yes, Direction.right), ("c2", "sub", .no, nil), ("op2", "sub", .next, nil),
                              ("sub", "c3", .next, nil), ("c3", "c1", .yes, nil), ("c3", "par", .no, nil), ("op3", "sub", .next, nil),
                              ("par", "p1", .path1, nil), ("par", "p2", .path2, nil), ("p1", "e", .next, nil), ("p2", "e", .next, nil)] {
            g.link(f.edge(a, b, br, d, style: a == "op3" ? ["stroke": "#c00", "stroke-dasharray": "--"] : [:]))
        }
        g.start = "st"
        let layout = FlowchartLayout.layout(g)
        let svg = SVGRenderer.render(g, layout: layout, options: SVGOptions(title: "t", highlight: Highlight(nodes: ["st", "in", "c1"], edges: [EdgeRef(from: "st", branch: .next), EdgeRef(from: "in", branch: .next)])))
        try Data(svg.utf8).write(to: URL(fileURLWithPath: "/tmp/typical.svg"))
    }

    @Test func dumpForEyes() throws {
        var random = SplitMix64(seed: 7)
        for i in 0..<6 {
            let graph = RandomFlowGraph.make(using: &random, nodes: 14 + i * 3)
            let layout = FlowchartLayout.layout(graph)
            let svg = SVGRenderer.render(graph, layout: layout)
            try Data(svg.utf8).write(to: URL(fileURLWithPath: "/tmp/rand\(i).svg"))
        }
    }
}
