import Foundation
import Testing
@testable import Flowchart

/// Placement in the spirit of flowchart.js, unreachable nodes, and the JSON form.
@Suite("Layout: placement, labels and JSON") struct LayoutTests {
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

    /// yes below and no right by default; sending one of them elsewhere moves the other (flowchart.js).
    @Test(arguments: [
        ([String: Direction](), Direction.bottom, Direction.right),
        (["c.yes": .right], .right, .bottom),
        (["c.no": .bottom], .right, .bottom),
    ])
    func conditionBranchesTakeTheirSides(directions: [String: Direction], yes: Direction, no: Direction) throws {
        // setup
        let graph = LayoutFixture.graph(["c": .condition, "a": .operation, "b": .operation],
                                        links: [("c", "a", .yes), ("c", "b", .no)], directions: directions, start: "c")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let c = try layout.box("c")
        #expect(side(of: try layout.box("a"), from: c) == yes)
        #expect(side(of: try layout.box("b"), from: c) == no)
        #expect(try layout.route("c", .yes).label == "yes")
        #expect(try layout.route("c", .no).label == "no")
        // Lines leave from the diamond's vertices.
        #expect(try layout.route("c", .no).points[0] == (no == .right ? [c.x + c.width, c.midY] : [c.midX, c.y + c.height]))
    }

    @Test func explicitDirectionsAreHonoured() throws {
        // setup
        let graph = LayoutFixture.graph(["p": .parallel, "l": .operation, "t": .operation, "r": .operation],
                                        links: [("p", "l", .path1), ("p", "t", .path2), ("p", "r", .path3)],
                                        directions: ["p.path1": .left, "p.path2": .top], start: "p")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let (p, l, t, r) = (try layout.box("p"), try layout.box("l"), try layout.box("t"), try layout.box("r"))
        #expect(l.x + l.width < p.x && abs(l.midY - p.midY) < 0.01)
        #expect(t.y + t.height < p.y && abs(t.midX - p.midX) < 0.01)
        // path3 wanted the top too; taken, so it is pushed further up.
        #expect(r.y + r.height < t.y && abs(r.midX - p.midX) < 0.01)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
    }

    @Test func parallelPathsGoBelowRightAndAbove() throws {
        // setup
        let graph = LayoutFixture.graph(["p": .parallel, "a": .operation, "b": .operation, "c": .operation],
                                        links: [("p", "a", .path1), ("p", "b", .path2), ("p", "c", .path3)], start: "p")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let (p, a, b, c) = (try layout.box("p"), try layout.box("a"), try layout.box("b"), try layout.box("c"))
        #expect(a.y > p.y + p.height)
        #expect(b.x > p.x + p.width)
        #expect(c.y + c.height < p.y)
        #expect(layout.edges.allSatisfy { $0.label == nil })
    }

    @Test func firstPlacementWinsYesBeforeNo() throws {
        // setup: both branches lead to m; the yes branch reaches it first, so m sits under a.
        let graph = LayoutFixture.graph(["c": .condition, "a": .operation, "b": .operation, "m": .operation],
                                        links: [("c", "a", .yes), ("c", "b", .no), ("a", "m", .next), ("b", "m", .next)],
                                        start: "c")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let (a, m) = (try layout.box("a"), try layout.box("m"))
        #expect(m.y > a.y + a.height && abs(m.midX - a.midX) < 0.01)
        #expect(try layout.route("a", .next).points.count == 2)
        #expect(try layout.route("b", .next).points.count > 2)
    }

    @Test func loopBackLeavesRightAndEntersTop() throws {
        // setup
        let graph = LayoutFixture.graph(["a": .operation, "b": .operation, "c": .operation],
                                        links: [("a", "b", .next), ("b", "c", .next), ("c", "a", .next)], start: "a")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        let (a, c) = (try layout.box("a"), try layout.box("c"))
        let back = try layout.route("c", .next)
        #expect(back.points.first == [c.x + c.width, c.midY])
        #expect(back.points.last == [a.midX, a.y])
    }

    @Test func aLoopBackLeavesTheSideABranchFromBesideEntersBy() throws {
        // setup: the seed's shape, a gate whose "no" goes to the gate beside it, which loops back up on
        // "yes". The loop took that gate's left side, and the "no" went round to enter from above.
        let text = """
        flowchart TD
          A[Main question] --> C{Candidate stuck?}
          C -->|yes| D[Hint]
          D --> A
          C -->|no| F{Time left?}
          F -->|yes| A
          F -->|no| E([Close])
        """
        // act
        let layout = FlowchartLayout.layout(MermaidParser.parse(text).graph)
        // verify: "no" is one straight piece into Time left's left corner; the loop leaves by another side
        let (c, f) = (try layout.box("C"), try layout.box("F"))
        let no = try layout.route("C", .no), loop = try layout.route("F", .yes)
        #expect(abs(c.midY - f.midY) < 0.01 && f.x > c.x + c.width)
        #expect(no.points == [[c.x + c.width, c.midY], [f.x, f.midY]])
        #expect(loop.points.first != [f.x, f.midY])
    }

    @Test func aLineLeavingDownwardForTheSameRowEntersFromBelow() throws {
        // setup: a left-to-right chart whose gate says "no" to End, further along the same row
        let text = """
        flowchart LR
          s([Start]) --> q1[Q1] --> g{Go deeper?}
          g -->|yes| q2[Q2] --> e([End])
          g -->|no| e
        """
        // act
        let layout = FlowchartLayout.layout(MermaidParser.parse(text).graph)
        // verify: it leaves the gate's bottom, runs below the row and comes up into End's bottom; it used
        // to climb past End and loop over its top
        let (g, e) = (try layout.box("g"), try layout.box("e"))
        let no = try layout.route("g", .no)
        #expect(abs(g.midY - e.midY) < 0.01)
        #expect(no.points.first == [g.midX, g.y + g.height])
        #expect(no.points.last == [e.midX, e.y + e.height])
        #expect(no.points.allSatisfy { $0[1] >= g.midY })
    }

    @Test func aLineFromAboveIntoATakenTopEntersFromTheSideNotFromBelow() throws {
        // setup: b's top is taken by its own line back up to a, so a's line down cannot enter there
        let parsed = FlowchartParser.parse("a=>operation: A\nb=>operation: B\na->b\nb(top)->a")
        // act
        let layout = FlowchartLayout.layout(parsed.graph)
        // verify: it enters b by a side, not by going round b to its bottom
        let b = try layout.box("b")
        let down = try layout.route("a", .next)
        let last = try #require(down.points.last)
        #expect(last[1] > b.y && last[1] < b.y + b.height, "\(down.points)")
    }

    @Test func selfLoopIsRoutedAroundItsNode() throws {
        // setup
        let graph = LayoutFixture.graph(["a": .operation], links: [("a", "a", .next)], start: "a")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(try layout.route("a", .next).points.count >= 4)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
    }

    @Test func unreachableNodesAreReportedAndPlacedToTheRight() throws {
        // setup
        let graph = LayoutFixture.graph(["st": .start, "op": .operation, "lost": .operation, "e": .end],
                                        links: [("st", "op", .next), ("op", "e", .next)], start: "st")
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(layout.unreachable == ["lost"])
        let lost = try layout.box("lost")
        #expect(layout.nodes.filter { $0.id != "lost" }.allSatisfy { $0.x + $0.width < lost.x })
    }

    @Test func withoutStartEveryNodeIsUnreachable() {
        // setup
        let graph = LayoutFixture.graph(["a": .operation, "b": .operation], links: [("a", "b", .next)], start: nil)
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(layout.unreachable == ["a", "b"])
        #expect(layout.nodes.count == 2 && layout.edges.count == 1)
    }

    @Test func labelsOnlyOnBranchesUnlessWritten() throws {
        // setup
        var graph = LayoutFixture.graph(["c": .condition, "a": .operation, "b": .operation, "d": .operation],
                                        links: [("c", "a", .yes), ("a", "d", .next)], start: "c")
        graph.link(LayoutFixture.edge("c", "b", .no, label: "Not now"))
        graph.link(LayoutFixture.edge("b", "d", .next, label: "then"))
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(try layout.route("c", .yes).label == "yes")
        #expect(try layout.route("c", .no).label == "Not now")
        #expect(try layout.route("a", .next).label == nil)
        #expect(try layout.route("b", .next).label == "then")
    }

    @Test func linksToUndefinedNodesAreSkipped() {
        // setup
        var graph = LayoutFixture.graph(["a": .operation], links: [], start: "a")
        graph.link(LayoutFixture.edge("a", "ghost", .next))
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(layout.edges.isEmpty && layout.nodes.count == 1)
    }

    @Test func emptyGraphHasAnEmptyLayout() {
        // act
        let layout = FlowchartLayout.layout(FlowGraph())
        // verify
        #expect(layout.nodes.isEmpty && layout.edges.isEmpty && layout.width >= 0)
        #expect(String(decoding: layout.jsonData(), as: UTF8.self) == #"{"nodes":[],"edges":[],"groups":[]}"#)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        // setup
        let graph = LayoutFixture.graph(["st": .start, "c": .condition, "e": .end],
                                        links: [("st", "c", .next), ("c", "e", .yes), ("c", "st", .no)], start: "st")
        // act
        let data = FlowchartLayout.layout(graph).jsonData()
        // verify
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"nodes":[{"id":"st","type":"start","x":"#))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["nodes", "edges", "groups"])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.allSatisfy { Set($0.keys) == ["id", "type", "x", "y", "width", "height"] })
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.allSatisfy { Set($0.keys).isSubset(of: ["from", "to", "branch", "label", "points"]) })
        let points = try #require(edges.first?["points"] as? [[Double]])
        #expect(points.allSatisfy { $0.count == 2 && $0.allSatisfy { ($0 * 10).rounded() == $0 * 10 } })
    }

    @Test func jsonBytesAreDeterministic() {
        // setup
        var graph = LayoutFixture.graph(["c": .condition, "a": .operation, "b": .inputoutput],
                                        links: [("c", "a", .yes), ("c", "b", .no), ("b", "c", .next)], start: "c")
        graph.define(LayoutFixture.node("z", .subroutine, "面试 \"quoted\"\nnew line"))
        // act
        let first = FlowchartLayout.layout(graph).jsonData()
        let second = FlowchartLayout.layout(graph).jsonData()
        // verify
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains(#""id":"z""#))
    }

    @Test func roundsToTenthsWithoutNegativeZero() {
        // verify
        #expect(LayoutNumber.compact(12.04) == "12")
        #expect(LayoutNumber.compact(12.05) == "12.1")
        #expect(LayoutNumber.compact(-0.01) == "0")
        #expect(LayoutNumber.compact(-3.25) == "-3.3")
        #expect(LayoutNumber.compact(.nan) == "0")
        #expect(LayoutNumber.compact(1e300) == "1000000000000000")
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

/// Where `box` sits relative to `origin`, if it is in line with it.
private func side(of box: NodeBox, from origin: NodeBox) -> Direction? {
    let sameColumn = abs(box.midX - origin.midX) < 0.01, sameRow = abs(box.midY - origin.midY) < 0.01
    if sameColumn, box.y > origin.y + origin.height { return .bottom }
    if sameColumn, box.y + box.height < origin.y { return .top }
    if sameRow, box.x > origin.x + origin.width { return .right }
    if sameRow, box.x + box.width < origin.x { return .left }
    return nil
}

extension FlowLayout {
    func box(_ id: String) throws -> NodeBox {
        try #require(nodes.first { $0.id == id })
    }

    func route(_ from: String, _ branch: Branch) throws -> EdgeRoute {
        try #require(edges.first { $0.from == from && $0.branch == branch.rawValue })
    }
}
