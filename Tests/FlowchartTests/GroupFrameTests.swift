import Foundation
import Testing
@testable import Flowchart

/// Mermaid subgraphs drawn as frames: each frame holds exactly its members, nested frames sit inside
/// their parents, other frames stay apart, and the layout's own invariants still hold.
@Suite("Group frames (Mermaid subgraphs)") struct GroupFrameTests {
    static let storage = """
    flowchart TD
      st([Start]) --> basics
      subgraph basics [基础 Basics]
        q1[Which Redis data types do you use?] --> q2[How does Redis persist data?]
      end
      basics --> g{Go deeper?}
      g -->|yes| deep
      g -->|no| e([End])
      subgraph deep [Deeper <questions> & "more"]
        q3[How is a sorted set stored?] --> q4[Distributed lock?]
        subgraph cluster [Cluster]
          q5[Sentinel vs cluster?] --> q6[Resharding?]
        end
        q4 --> q5
      end
      deep --> e
    """

    @Test func eachSubgraphIsFramedAroundItsMembersOnly() {
        // setup
        let graph = MermaidParser.parse(Self.storage).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(graph.groups.map(\.id) == ["basics", "deep", "cluster"])
        #expect(graph.groups.map(\.parent) == [nil, nil, 1])
        #expect(layout.frames.map(\.id) == ["basics", "deep", "cluster"])
        #expect(layout.frames.map(\.depth) == [0, 0, 1])
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
        #expect(GroupGeometry.violations(in: layout, of: graph).isEmpty, "\(GroupGeometry.violations(in: layout, of: graph))")
    }

    @Test func framesAreDrawnUnderTheNodesWithTheirTitlesEscaped() throws {
        // setup
        let graph = MermaidParser.parse(Self.storage).graph
        let layout = FlowchartLayout.layout(graph)
        // act
        let svg = SVGRenderer.render(graph, layout: layout)
        let json = try #require(try JSONSerialization.jsonObject(with: layout.jsonData()) as? [String: Any])
        // verify
        let groups = try #require(svg.range(of: #"<g class="groups">"#)), nodes = try #require(svg.range(of: #"<g class="nodes">"#))
        #expect(groups.lowerBound < nodes.lowerBound)
        #expect(svg.contains(#"<g class="group" data-group="deep"><rect class="frame""#))
        #expect(svg.contains("Deeper &lt;questions&gt; &amp; &quot;more&quot;</text>"))
        #expect(!svg.contains("<questions>"))
        #expect((json["groups"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["basics", "deep", "cluster"])
    }

    @Test func flowchartJSChartsAndChartsWithoutSubgraphsHaveNoFrames() {
        // setup
        let fjs = FlowchartParser.parse("st=>start: Start\nop=>operation: Ask\nst->op").graph
        let mermaid = MermaidParser.parse("flowchart LR\n  A --> B").graph
        // act
        let layouts = [fjs, mermaid].map { FlowchartLayout.layout($0) }
        let svg = SVGRenderer.render(fjs, layout: layouts[0])
        // verify
        #expect(layouts.allSatisfy { $0.frames.isEmpty })
        #expect(!svg.contains(#"class="groups""#) && !svg.contains(#"class="frame""#))
    }

    @Test func generatedChartsWithNestedSubgraphsKeepEveryInvariant() {
        var rng = TestRandom(seed: 0x5B6)
        var frames = 0, nested = 0
        defer {
            // The generator did make frames, nested ones among them, so the checks above checked something.
            #expect(frames > 200 && nested > 50, "\(frames) frames, \(nested) nested")
        }
        for round in 0..<120 {
            // setup
            let text = GroupedChartGenerator.chart(&rng, nodes: 3 + rng.int(in: 0...(round < 110 ? 30 : 120)))
            let graph = MermaidParser.parse(text).graph
            // act
            let layout = FlowchartLayout.layout(graph)
            // verify
            let problems = LayoutGeometry.violations(in: layout, of: graph) + GroupGeometry.violations(in: layout, of: graph)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(5))\n\(text)")
            #expect(layout.frames.count == Set(graph.innermostGroups().filter { $0 >= 0 }).union(ancestors(graph)).count, "round \(round)")
            frames += layout.frames.count
            nested += layout.frames.filter { $0.depth > 0 }.count
            if !problems.isEmpty { return }
        }
    }

    @Test func conversionKeepsTheNestingAndTheTitles() {
        // setup
        var rng = TestRandom(seed: 0x77)
        let charts = [Self.storage] + (0..<40).map { _ in GroupedChartGenerator.chart(&rng, nodes: 3 + rng.int(in: 0...25)) }
        for text in charts {
            let graph = MermaidParser.parse(text).graph
            // act
            let again = MermaidParser.parse(MermaidWriter.write(graph)).graph
            // verify: the same groups, the same members, and the same graph otherwise
            #expect(again.groups == graph.groups, "\(MermaidWriter.write(graph))")
            #expect(again.innermostGroups() == graph.innermostGroups())
            #expect(GraphShape(again) == GraphShape(graph))
        }
    }

    @Test func aNestingTooBigToCheckCellByCellIsDrawnWithoutFrames() {
        // setup: more groups than the block placement takes
        var lines = ["flowchart TD"]
        for k in 0...GroupPlacer.maxGroups { lines += ["subgraph s\(k)", "  n\(k)[Q \(k)]", "end"] }
        for k in 0..<GroupPlacer.maxGroups { lines.append("n\(k) --> n\(k + 1)") }
        let graph = MermaidParser.parse(lines.joined(separator: "\n")).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify: all nodes drawn as usual
        #expect(layout.frames.isEmpty && layout.nodes.count == GroupPlacer.maxGroups + 1)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
    }

    /// Groups that hold nodes only through their nested groups.
    private func ancestors(_ graph: FlowGraph) -> Set<Int> {
        var found = Set<Int>()
        for var g in graph.innermostGroups() where g >= 0 {
            while let parent = graph.groups[g].parent { found.insert(parent); g = parent }
        }
        return found
    }
}

/// The frames' invariants, over boxes and frames in pixels.
enum GroupGeometry {
    static func violations(in layout: FlowLayout, of graph: FlowGraph) -> [String] {
        var problems: [String] = []
        let innermost = graph.innermostGroups()
        var index: [String: Int] = [:]
        for (k, group) in graph.groups.enumerated() where index[group.id] == nil { index[group.id] = k }
        func chain(_ g: Int) -> [Int] {
            var out: [Int] = [], current: Int? = g >= 0 ? g : nil
            while let c = current { out.append(c); current = graph.groups[c].parent }
            return out
        }
        let boxes = Dictionary(layout.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for frame in layout.frames {
            guard let k = index[frame.id] else { problems.append("frame \(frame.id) names no group"); continue }
            if frame.x < 0 || frame.y < 0 || frame.x + frame.width > layout.width + 0.01 || frame.y + frame.height > layout.height + 0.01 {
                problems.append("frame \(frame.id) leaves the drawing")
            }
            for (n, node) in graph.nodes.enumerated() {
                guard let box = boxes[node.id] else { continue }
                let member = chain(innermost[n]).contains(k)
                if member && !contains(frame, box) { problems.append("\(node.id) sticks out of \(frame.id)") }
                if !member && intersects(frame, box) { problems.append("\(node.id) is inside \(frame.id) without belonging to it") }
            }
        }
        for (i, a) in layout.frames.enumerated() {
            for b in layout.frames[(i + 1)...] {
                guard let ka = index[a.id], let kb = index[b.id] else { continue }
                if chain(kb).contains(ka) {
                    if !strictlyInside(b, a) { problems.append("\(b.id) is not inside its parent \(a.id)") }
                } else if chain(ka).contains(kb) {
                    if !strictlyInside(a, b) { problems.append("\(a.id) is not inside its parent \(b.id)") }
                } else if overlap(a, b) {
                    problems.append("frames \(a.id) and \(b.id) overlap")
                }
            }
        }
        return problems
    }

    static func contains(_ f: GroupFrame, _ b: NodeBox) -> Bool {
        b.x > f.x && b.y > f.y && b.x + b.width < f.x + f.width && b.y + b.height < f.y + f.height
    }

    static func intersects(_ f: GroupFrame, _ b: NodeBox) -> Bool {
        b.x < f.x + f.width && f.x < b.x + b.width && b.y < f.y + f.height && f.y < b.y + b.height
    }

    static func strictlyInside(_ inner: GroupFrame, _ outer: GroupFrame) -> Bool {
        inner.x > outer.x && inner.y > outer.y && inner.x + inner.width < outer.x + outer.width
            && inner.y + inner.height < outer.y + outer.height
    }

    static func overlap(_ a: GroupFrame, _ b: GroupFrame) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
}

/// `MermaidChartGenerator`'s charts with their node lines wrapped in random nested subgraphs (some with
/// their own direction); the links stay after them, outside every subgraph.
enum GroupedChartGenerator {
    static func chart(_ rng: inout TestRandom, nodes: Int) -> String {
        let lines = MermaidChartGenerator.chart(&rng, nodes: nodes).split(separator: "\n").map(String.init)
        let declarations = Array(lines[1...nodes]), links = Array(lines[(nodes + 1)...])
        var counter = 0
        let body = wrap(declarations, depth: 0, &rng, &counter)
        return ([lines[0]] + body + links).joined(separator: "\n") + "\n"
    }

    private static func wrap(_ lines: [String], depth: Int, _ rng: inout TestRandom, _ counter: inout Int) -> [String] {
        guard lines.count > 1, depth < 3 else { return lines }
        var out: [String] = []
        var rest = lines[...]
        while !rest.isEmpty {
            let size = min(rest.count, 1 + rng.int(in: 0...max(1, lines.count / 2)))
            let chunk = Array(rest.prefix(size))
            rest = rest.dropFirst(size)
            if rng.int(in: 0...2) == 0 {
                out += chunk
            } else {
                counter += 1
                out.append("subgraph g\(counter) [Group \(counter)]")
                if rng.int(in: 0...3) == 0 { out.append("direction \(["LR", "TB", "RL", "BT"][rng.int(in: 0...3)])") }
                out += wrap(chunk, depth: depth + 1, &rng, &counter)
                out.append("end")
            }
        }
        return out
    }
}

/// What the frames audit found (titles, directions, repeated ids, styles), each fixed.
@Suite("Group frames: titles, directions and declarations") struct GroupFrameDetailTests {
    @Test func aTitleKeepsClearOfTheLinesThatCrossItsBand() throws {
        // setup: the yes line enters the frame's first node from above, where the title would sit; the
        // frame widens so the title fits beside it
        let graph = MermaidParser.parse("""
        flowchart TD
          S([Start]) --> G{Deep?}
          subgraph g [Deep dive questions]
            A[Q1] --> B[Q2]
          end
          G -->|yes| A
          G -->|no| E([End])
          B --> E
        """).graph
        let layout = FlowchartLayout.layout(graph)
        // act
        let svg = SVGRenderer.render(graph, layout: layout)
        // verify: the title's box (x from its text, width as drawn) crosses no segment of any line
        let frame = layout.frames[0]
        let title = svg.components(separatedBy: #"<g class="group-title" data-group="g"><text class="frame-title ink" x=""#)
        #expect(title.count == 2, "the title is drawn without a backing")
        let x = try #require(Double(title.last?.prefix { $0 != "\"" } ?? ""))
        let size = FrameRoom.titleSize(fontSize: layout.fontSize)
        let width = FrameRoom.titleWidth(frame.title, size: size), top = frame.y + FrameRoom.pad / 2
        for route in layout.edges {
            for (a, b) in zip(route.points, route.points.dropFirst()) {
                let crosses = min(a[0], b[0]) <= x + width && x <= max(a[0], b[0]) && min(a[1], b[1]) <= top + size * 1.3 && top <= max(a[1], b[1])
                #expect(!crosses, "\(route.from)->\(route.to)")
            }
        }
        #expect(x + width <= frame.x + frame.width)
    }

    @Test func aLongTitleIsCutAndItsFrameWidensToHoldIt() {
        // setup
        let graph = MermaidParser.parse("""
        flowchart TD
          subgraph long [This is a very long subgraph title that goes on and on and on until it is cut]
            A[x] --> B[y]
          end
        """).graph
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let frame = layout.frames[0], size = FrameRoom.titleSize(fontSize: layout.fontSize)
        #expect(frame.title.count == 48 && frame.title.hasSuffix("…"))
        #expect(frame.x + FrameRoom.pad + FrameRoom.titleWidth(frame.title, size: size) <= frame.x + frame.width)
        #expect(frame.x + frame.width <= layout.width)
    }

    @Test func aRepeatedSubgraphIDIsToldAndDrawnAsAGroupOfItsOwn() {
        // setup
        let parsed = MermaidParser.parse("""
        flowchart TD
          subgraph A [Top A]
            a1
          end
          subgraph B [Box B]
            subgraph A [Inner A again]
              b1
            end
            b2
          end
        """)
        // act
        let layout = FlowchartLayout.layout(parsed.graph)
        // verify
        let repeated = parsed.diagnostics.filter { $0.code == .duplicateSubgraph }
        #expect(repeated.count == 1 && repeated.first?.position.line == 6)
        #expect(parsed.graph.groups.map(\.id) == ["A", "B", "A-2"])
        #expect(parsed.graph.node("b1")?.parameters["subgraph"] == "A-2")
        #expect(layout.frames.map(\.id).sorted() == ["A", "A-2", "B"])
        #expect(layout.frames.first { $0.id == "A-2" }?.parent == "B")
        #expect(GroupGeometry.violations(in: layout, of: parsed.graph).isEmpty)
    }

    @Test func theLayoutJSONListsGroupsWithTheirParentsAndAlwaysHasTheKey() throws {
        // setup
        let nested = MermaidParser.parse(GroupFrameTests.storage).graph
        let plain = MermaidParser.parse("flowchart TD\n  A --> B").graph
        // act
        let groups = try #require(try JSONSerialization.jsonObject(with: FlowchartLayout.layout(nested).jsonData()) as? [String: Any])["groups"] as? [[String: Any]]
        let none = try #require(try JSONSerialization.jsonObject(with: FlowchartLayout.layout(plain).jsonData()) as? [String: Any])["groups"] as? [Any]
        // verify
        #expect(groups?.first { $0["id"] as? String == "cluster" }?["parent"] as? String == "deep")
        #expect(groups?.first { $0["id"] as? String == "deep" }?["parent"] is NSNull)
        #expect(none?.isEmpty == true)
    }

    @Test func linkStylesAndClassesReadAsMermaidMeansThem() {
        // setup: keys in any case, `color` for the label, a class declared twice, a link number past the end
        let parsed = MermaidParser.parse("""
        flowchart TD
          A[a] -->|go| B[b]
          linkStyle 0 Stroke:#c00,COLOR:#00f
          linkStyle 7 stroke:#0c0
          classDef hot fill:#fdd
          classDef hot stroke:#c00
          class B hot
        """)
        // act
        let svg = SVGRenderer.render(parsed.graph, layout: FlowchartLayout.layout(parsed.graph))
        // verify
        #expect(parsed.graph.edge(from: "A", branch: .next)?.style["stroke"] == "#c00")
        #expect(svg.contains(##"fill="#00f">go</text>"##))
        #expect(parsed.graph.node("B")?.parameters["style"] == "fill:#fdd;stroke:#c00")
        #expect(parsed.diagnostics.map(\.code) == [.noSuchLink])
        #expect(parsed.diagnostics.first?.text.en == "linkStyle 7: the chart has 1 link, numbered from 0; this style is left out")
    }
}

@Suite("Group frames: the author's style") struct GroupFrameStyleTests {
    static let chart = """
    flowchart TD
      subgraph deep [Deeper]
        A[Q1] --> B[Q2]
      end
      subgraph calm [Calm]
        C[Q3]
      end
      B --> C
      classDef hot fill:#fff3bf,stroke:#e8590c
      class deep hot
      style calm fill:#1c7ed6,stroke-dasharray:4 2,color:#fff
    """

    @Test func styleAndClassNamingASubgraphColourItsFrame() {
        // setup
        let parsed = MermaidParser.parse(Self.chart)
        // act
        let svg = SVGRenderer.render(parsed.graph, layout: FlowchartLayout.layout(parsed.graph))
        // verify: no "no node 'deep'" finding; the frames take the colours, the defaults for the rest
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.graph.groups.map(\.style) == ["fill:#fff3bf;stroke:#e8590c", "fill:#1c7ed6;stroke-dasharray:4 2;color:#fff"])
        #expect(svg.contains(##"<rect class="frame-own weight" fill="#fff3bf" stroke="#e8590c" x="##))
        #expect(svg.contains(##"<rect class="frame-own line weight" fill="#1c7ed6" stroke-dasharray="4 2" x="##))
        // titles: dark ink chosen for the light fill, the author's white on the blue one
        #expect(svg.contains(##"class="frame-title" x="##) && svg.contains(##"fill="#1f2933">Deeper</text>"##))
        #expect(svg.contains(##"fill="#fff">Calm</text>"##))
    }

    @Test func conversionKeepsASubgraphsStyle() {
        // setup
        let graph = MermaidParser.parse(Self.chart).graph
        // act
        let again = MermaidParser.parse(MermaidWriter.write(graph)).graph
        // verify
        #expect(again.groups == graph.groups)
    }
}
