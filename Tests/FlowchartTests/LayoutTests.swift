import Foundation
import Testing
@testable import Flowchart

/// Placement in the spirit of flowchart.js, unreachable nodes, and the JSON form.
@Suite struct LayoutTests {
    @Test func nextGoesBelow() throws {
        // setup
        let graph = LayoutFixture.graph(["st": .start, "op": .operation, "e": .end],
                                        links: [("st", "op", .next), ("op", "e", .next)], start: "st")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let (st, op, e) = (try layout.box("st"), try layout.box("op"), try layout.box("e"))
        #expect(op.y > st.y + st.height)
        #expect(e.y > op.y + op.height)
        #expect(abs(st.midX - op.midX) < 0.01 && abs(op.midX - e.midX) < 0.01)
        #expect(layout.edges.allSatisfy { $0.points.count == 2 && $0.label == nil })
    }
}

/// Builds graphs through FlowGraph's public API, so these tests do not depend on the parser.
enum LayoutFixture {
    static let here = SourcePosition(line: 1, column: 1)

    static func node(_ id: String, _ type: NodeType, _ text: String? = nil) -> Node {
        Node(id: id, type: type, text: text ?? id, position: here)
    }

    static func edge(_ from: String, _ to: String, _ branch: Branch, _ direction: Direction? = nil,
                     label: String? = nil, style: [String: String] = [:]) -> Edge {
        Edge(from: from, to: to, branch: branch, label: label, direction: direction, style: style, position: here)
    }

    /// Nodes are defined in key order, so definition order is predictable.
    static func graph(_ nodes: KeyValuePairs<String, NodeType>, links: [(String, String, Branch)],
                      directions: [String: Direction] = [:], start: String?) -> FlowGraph {
        var graph = FlowGraph()
        for (id, type) in nodes { graph.define(node(id, type)) }
        for (from, to, branch) in links { graph.link(edge(from, to, branch, directions["\(from).\(branch.rawValue)"])) }
        graph.start = start
        return graph
    }
}

extension FlowLayout {
    func box(_ id: String) throws -> NodeBox {
        try #require(nodes.first { $0.id == id })
    }

    func route(_ from: String, _ branch: Branch) throws -> EdgeRoute {
        try #require(edges.first { $0.from == from && $0.branch == branch.rawValue })
    }
}
