import Testing
@testable import Flowchart

/// An empty subgraph is drawn as Mermaid draws it, an empty box with its title (it used to vanish, so an
/// author's placeholder for questions still to come did not show).
@Suite("Group frames: empty subgraphs") struct EmptyGroupTests {
    @Test func anEmptySubgraphIsAnEmptyTitledBoxClearOfEveryNode() throws {
        // setup
        let text = """
        flowchart LR
          subgraph warm [Warm-up]
            a1[Tell me about a project] --> a2[What did you own?]
          end
          subgraph later [Later <questions>]
          end
          a2 --> e([End])
        """
        let graph = MermaidParser.parse(text).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        let svg = SVGRenderer.render(graph, layout: layout)
        // verify
        let later = try #require(layout.frames.first { $0.id == "later" })
        #expect(later.width >= NodeSizing.minimumWidth && later.height > 30)
        #expect(layout.nodes.allSatisfy { !GroupGeometry.intersects(later, $0) })
        #expect(GroupGeometry.violations(in: layout, of: graph).isEmpty)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
        #expect(svg.contains("Later &lt;questions&gt;"))
    }

    @Test func emptySubgraphsNestAndSitInsideTheirParents() throws {
        // setup: an empty subgraph beside a node, and a subgraph holding only an empty one
        let text = """
        flowchart TD
          subgraph stage [Stage 1]
            q1[Question] --> q2[Follow-up]
            subgraph todo [To do]
            end
          end
          subgraph outer [Outer]
            subgraph inner [Inner]
            end
          end
          q2 --> e([End])
        """
        let graph = MermaidParser.parse(text).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(Set(layout.frames.map(\.id)) == ["stage", "todo", "outer", "inner"])
        let frame = { (id: String) in try #require(layout.frames.first { $0.id == id }) }
        #expect(GroupGeometry.strictlyInside(try frame("todo"), try frame("stage")))
        #expect(GroupGeometry.strictlyInside(try frame("inner"), try frame("outer")))
        #expect(try frame("inner").parent == "outer" && frame("inner").depth == 1)
        #expect(GroupGeometry.violations(in: layout, of: graph).isEmpty)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
    }

    @Test func aChartOfOnlyAnEmptySubgraphIsDrawnWithoutFailing() {
        // setup
        let graph = MermaidParser.parse("flowchart TD\n  subgraph s [Nothing yet]\n  end\n").graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(layout.nodes.isEmpty)
        #expect(layout.frames.map(\.id) == ["s"])
        #expect(layout.width > 0 && layout.height > 0)
    }
}
