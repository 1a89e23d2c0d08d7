import Testing
@testable import Flowchart

/// Subgraphs through flowchart.js, which has none: their titles, nesting and styles ride in parameters
/// flowchart.js ignores, and come back on reading (`GroupParameters`).
@Suite("Subgraphs through flowchart.js") struct GroupParametersTests {
    static let chart = """
    flowchart TD
      st([Start]) --> q1
      subgraph basics ["Basics (warm-up), = 50% | easy"]
        q1[Data types?] --> q2[Persistence?]
      end
      q2 --> q3
      subgraph deep [Deeper questions]
        q3[Sorted sets?]
        subgraph cluster [集群 Cluster]
          q5[Sentinel or cluster?]
        end
        q3 --> q5
      end
      subgraph later [Later]
      end
      style deep fill:#ffd8a8,stroke:#e8590c
    """

    /// A group as the reader sees it, by ids rather than indices (the order may differ).
    static func described(_ graph: FlowGraph) -> Set<String> {
        Set(graph.groups.map { "\($0.id)|\($0.title)|\($0.parent.map { graph.groups[$0].id } ?? "-")|\($0.style ?? "-")" })
    }

    @Test func titlesNestingAndStylesComeBackFromFlowchartJS() throws {
        // setup
        let graph = MermaidParser.parse(Self.chart).graph
        // act
        let written = FlowchartJSWriter.write(graph)
        let back = FlowchartParser.parse(written)
        // verify: every subgraph with nodes comes back whole; the empty one has no node to carry it
        #expect(back.errors.isEmpty, "\(back.errors)")
        #expect(Self.described(back.graph) == Self.described(graph).filter { !$0.hasPrefix("later|") }, "\(written)")
        #expect(back.graph.nodes.map { $0.parameters["subgraph"] } == graph.nodes.map { $0.parameters["subgraph"] })
        #expect(back.graph.nodes.allSatisfy { !$0.parameters.keys.contains { $0.hasPrefix("subgraph-") } })
        // and back in Mermaid, nested and titled as written
        let mermaid = MermaidWriter.write(back.graph)
        #expect(Self.described(MermaidParser.parse(mermaid).graph) == Self.described(back.graph), "\(mermaid)")
    }

    /// `->` in a subgraph's title or a node's style made the node's definition read as a link: the node was
    /// lost, with "1 chart converted" said (a probe).
    @Test func anArrowInATitleOrAStyleKeepsTheNode() throws {
        // setup
        let graph = MermaidParser.parse("""
        flowchart TD
          st([Start]) --> q1[Q1] --> q2
          subgraph sg ["Deep -> part"]
            q2[Q2]
          end
          q2 --> q3[Q3] --> e([End])
          style q3 fill:#f9f,stroke:a->b
        """).graph
        // act
        let written = FlowchartJSWriter.write(graph)
        let back = FlowchartParser.parse(written)
        // verify: every node back, the title whole, the unreadable declaration dropped and the colour kept
        #expect(back.errors.isEmpty, "\(back.errors) in \(written)")
        #expect(back.graph.nodes.map(\.id) == graph.nodes.map(\.id))
        #expect(back.graph.groups.map(\.title) == ["Deep -> part"])
        #expect(back.graph.node("q3")?.parameters["style"] == "fill:#f9f")
    }

    @Test func theFlowchartJSTextHoldsNothingFlowchartJSWouldMisread() throws {
        // setup
        let graph = MermaidParser.parse(Self.chart).graph
        // act
        let written = FlowchartJSWriter.write(graph)
        // verify: one parameter list per definition, each entry a single key=value
        let q1 = try #require(written.split(separator: "\n").first { $0.hasPrefix("q1(") })
        let list = q1.dropFirst(3).prefix { $0 != ")" }
        #expect(list.split(separator: ",").allSatisfy { $0.split(separator: "=", omittingEmptySubsequences: false).count == 2 }, "\(q1)")
        #expect(q1.contains("subgraph-title.basics=Basics %28warm-up%29%2C %3D 50%25 %7C easy"), "\(q1)")
    }

    @Test func aFlowchartJSChartConvertedFromMermaidIsDrawnWithItsFrames() {
        // setup
        let graph = FlowchartParser.parse(FlowchartJSWriter.write(MermaidParser.parse(Self.chart).graph)).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(Set(layout.frames.map(\.id)) == ["basics", "deep", "cluster"])
        #expect(GroupGeometry.violations(in: layout, of: graph).isEmpty)
    }

    @Test func aHandEditedParentLoopIsCutAndEncodingsSurviveOddInput() {
        // setup: a says it is in b, b says it is in a; a stray % and a bare %4 stay as written
        let text = """
        a1(subgraph=a,subgraph-parent.a=b)=>operation: One
        b1(subgraph=b,subgraph-parent.b=a,subgraph-title.b=50% done %4)=>operation: Two
        a1->b1
        """
        // act
        let graph = FlowchartParser.parse(text).graph
        // verify: both groups, one of them at the top, so every chain ends
        #expect(Set(graph.groups.map(\.id)) == ["a", "b"])
        #expect(graph.groups.contains { $0.parent == nil })
        #expect(graph.groups.first { $0.id == "b" }?.title == "50% done %4")
        #expect(GroupParameters.decode(GroupParameters.encode("(x), = y | 100%\n")) == "(x), = y | 100%\n")
    }
}
