import Testing
@testable import Flowchart

/// Both layout invariants (no overlapping boxes, no line through a box) checked geometrically on
/// seeded random graphs full of the awkward cases: self-loops, cycles, back edges, clashing
/// directions, unreachable nodes, CJK and long labels.
@Suite("Layout invariants on random graphs") struct LayoutInvariantTests {
    @Test func randomGraphsKeepEveryInvariant() {
        var random = SplitMix64(seed: 0x5EED_F10C)
        for round in 0..<400 {
            // setup
            let graph = RandomFlowGraph.make(using: &random, nodes: 1 + Int(random.next() % (round < 380 ? 40 : 300)))
            // act
            let layout = FlowchartLayout.layout(graph)
            // verify
            let problems = LayoutGeometry.violations(in: layout, of: graph)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(5))")
            if !problems.isEmpty { return }
        }
    }

    /// A label beside a line that leaves sideways sits in the gutter before the next column: the gutter
    /// widens for it, so it covers no box (a probe's "Yes, go deeper" hid the next question's first words).
    @Test func aLabelLeavingSidewaysCoversNoBox() {
        var random = SplitMix64(seed: 0x1AB_E15)
        var graphs = [MermaidParser.parse("graph LR\nA[Q] --> C{Deeper?}\nC -->|Yes, go deeper| D[Why can't hooks be called conditionally?]\nC -->|No| E[Next]").graph]
        for _ in 0..<150 {
            graphs.append(RandomFlowGraph.make(using: &random, nodes: 2 + Int(random.next() % 30), edgeLabel: "Yes, go deeper into it"))
        }
        for (round, graph) in graphs.enumerated() {
            // act
            let layout = FlowchartLayout.layout(graph)
            let edges = SVGEdges(boxes: Dictionary(layout.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), fontSize: layout.fontSize,
                                 width: layout.width, height: layout.height, frames: layout.frames, lines: [])
            // verify
            // Leaving sideways: a first segment along a row (a self-loop laid as one point has none).
            for route in layout.edges where route.points.count >= 2 && route.points[0][1] == route.points[1][1] && route.points[0][0] != route.points[1][0] {
                guard let box = edges.labelBox(route) else { continue }
                let covered = layout.nodes.filter { node in
                    box.x < node.x + node.width && node.x < box.x + box.width && box.y < node.y + node.height && node.y < box.y + box.height
                }
                #expect(covered.isEmpty, "round \(round): the label of \(route.from)→\(route.to) covers \(covered.map(\.id))")
                if !covered.isEmpty { return }
            }
        }
    }

    @Test func randomGraphsLayOutDeterministically() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<50 {
            // setup
            let graph = RandomFlowGraph.make(using: &random, nodes: 30)
            // act
            let first = FlowchartLayout.layout(graph)
            let second = FlowchartLayout.layout(graph)
            // verify
            #expect(first == second)
            #expect(first.jsonData() == second.jsonData())
        }
    }

    @Test func longChainNeedsNoRecursion() {
        // setup
        var graph = FlowGraph()
        for index in 0..<5_000 {
            graph.define(LayoutFixture.node("n\(index)", index % 7 == 3 ? .condition : .operation, "Step \(index)"))
            if index > 0 { graph.link(LayoutFixture.edge("n\(index - 1)", "n\(index)", index % 7 == 4 ? .yes : .next)) }
        }
        graph.link(LayoutFixture.edge("n4999", "n0", .next))
        graph.start = "n0"
        // act
        let layout = FlowchartLayout.layout(graph)
        // verify
        #expect(layout.nodes.count == 5_000)
        #expect(LayoutGeometry.violations(in: layout, of: graph).isEmpty)
    }

    @Test func checkerCatchesOverlapsAndCrossings() {
        // setup
        let graph = LayoutFixture.graph(["a": .operation, "b": .operation, "c": .operation],
                                        links: [("a", "b", .next)], start: "a")
        var layout = FlowchartLayout.layout(graph)
        layout.nodes[2].x = layout.nodes[0].x + 1
        layout.nodes[2].y = layout.nodes[0].y + 1
        layout.edges[0].points = [[layout.nodes[0].midX, layout.nodes[0].y + layout.nodes[0].height],
                                  [layout.nodes[0].midX, layout.nodes[1].y]]
        layout.nodes[1].x = layout.nodes[0].x
        // act
        let problems = LayoutGeometry.violations(in: layout, of: graph)
        // verify
        #expect(problems.contains { $0.contains("overlap") })
        #expect(problems.contains { $0.contains("crosses") })
    }

    @Test func checkerCatchesLinesSharingALane() {
        // setup
        let first = EdgeRoute(from: "a", to: "b", branch: "next", label: nil, points: [[0, 0], [0, 10], [50, 10], [50, 20]])
        let second = EdgeRoute(from: "c", to: "d", branch: "next", label: nil, points: [[30, 0], [30, 10], [90, 10], [90, 20]])
        // act
        let problems = LayoutGeometry.sharedLines([first, second])
        // verify
        #expect(problems.count == 1)
    }
}

/// Sebastiano Vigna's SplitMix64: tiny, seedable, and the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomFlowGraph {
    static let labels = [
        "", "Go", "Check the input", "是否需要深入redis?", "跳表skiplist，压缩列表。", "Ask about\nthe project",
        "A rather long label that certainly needs to wrap over several lines to fit in its box",
        "Supercalifragilisticexpialidocious-and-then-some-more-unbroken-text", "面试官：请介绍一下你最近做的项目（重点讲难点）",
        "<script>alert(1)</script>", "mixed 中文 and English words",
    ]

    /// `edgeLabel`: written on every other line instead of the occasional "@label".
    static func make(using random: inout SplitMix64, nodes count: Int, edgeLabel: String? = nil) -> FlowGraph {
        var graph = FlowGraph()
        for index in 0..<count {
            let type = NodeType.allCases.randomElement(using: &random)!
            graph.define(LayoutFixture.node("n\(index)", type, labels.randomElement(using: &random)!))
        }
        for node in graph.nodes {
            // Mostly the node's own branches, sometimes any branch, as a sloppy file would have.
            let branches = random.next() % 8 == 0 ? Branch.allCases : node.type.branches
            for branch in branches where random.next() % 10 < 7 {
                let target = random.next() % 25 == 0 ? "ghost" : "n\(random.next() % UInt64(count))"
                let direction = random.next() % 3 == 0 ? Direction.allCases.randomElement(using: &random) : nil
                let label = edgeLabel.map { random.next() % 2 == 0 ? $0 : nil } ?? (random.next() % 10 == 0 ? "@label" : nil)
                graph.link(Edge(from: node.id, to: target, branch: branch, label: label, direction: direction,
                                position: LayoutFixture.here))
            }
        }
        switch random.next() % 10 {
        case 0: graph.start = nil
        case 1: graph.start = "ghost"
        default: graph.start = "n\(random.next() % UInt64(count))"
        }
        return graph
    }
}

/// Geometric checks of a finished layout, independent of how the layout was computed.
enum LayoutGeometry {
    static let epsilon = 0.01

    static func violations(in layout: FlowLayout, of graph: FlowGraph) -> [String] {
        var problems: [String] = []
        let ids = layout.nodes.map(\.id)
        if ids.sorted() != graph.nodes.map(\.id).sorted() { problems.append("node set differs from the graph's") }
        var boxes: [String: NodeBox] = [:]
        for box in layout.nodes { boxes[box.id] = box }
        let index = SpatialIndex(layout.nodes)

        for (i, box) in layout.nodes.enumerated() {
            for j in index.candidates(x: box.x, y: box.y, maxX: box.x + box.width, maxY: box.y + box.height)
            where j > i && interiorsOverlap(box, layout.nodes[j]) {
                problems.append("\(box.id) and \(layout.nodes[j].id) overlap")
            }
        }
        for route in layout.edges {
            guard let source = boxes[route.from], let target = boxes[route.to], route.points.count >= 2 else {
                problems.append("\(route.from)->\(route.to): missing ends or points")
                continue
            }
            if !onBorder(route.points[0], source) { problems.append("\(route.from)->\(route.to) does not start on its source") }
            if !onBorder(route.points[route.points.count - 1], target) { problems.append("\(route.from)->\(route.to) does not end on its target") }
            for (a, b) in zip(route.points, route.points.dropFirst()) {
                guard abs(a[0] - b[0]) < epsilon || abs(a[1] - b[1]) < epsilon else {
                    problems.append("\(route.from)->\(route.to) has a slanted segment")
                    continue
                }
                let (minX, maxX) = (min(a[0], b[0]), max(a[0], b[0]))
                let (minY, maxY) = (min(a[1], b[1]), max(a[1], b[1]))
                for j in index.candidates(x: minX, y: minY, maxX: maxX, maxY: maxY) {
                    let box = layout.nodes[j]
                    if box.id != route.from, box.id != route.to, segmentCrosses(minX, minY, maxX, maxY, box) {
                        problems.append("\(route.from)->\(route.to) crosses \(box.id)")
                    }
                }
            }
        }
        problems += sharedLines(layout.edges)
        let drawable = graph.edges.filter { graph.node($0.from) != nil && graph.node($0.to) != nil }
        if drawable.count != layout.edges.count { problems.append("\(drawable.count) links but \(layout.edges.count) routes") }
        return problems
    }

    /// Segments inside gutters (all but a route's first and last) of two different links never run
    /// along the same line over a stretch: each sits in a lane of its own.
    static func sharedLines(_ routes: [EdgeRoute]) -> [String] {
        var byLine: [[Double]: [(lo: Double, hi: Double, route: Int)]] = [:]
        for (index, route) in routes.enumerated() where route.points.count > 3 {
            for i in 1..<(route.points.count - 2) {
                let (a, b) = (route.points[i], route.points[i + 1])
                let vertical = abs(a[0] - b[0]) < epsilon
                let key = vertical ? [0, (a[0] * 10).rounded()] : [1, (a[1] * 10).rounded()]
                let (lo, hi) = vertical ? (min(a[1], b[1]), max(a[1], b[1])) : (min(a[0], b[0]), max(a[0], b[0]))
                byLine[key, default: []].append((lo, hi, index))
            }
        }
        var problems: [String] = []
        for (_, spans) in byLine where spans.count > 1 {
            let sorted = spans.sorted { ($0.lo, $0.hi) < ($1.lo, $1.hi) }
            var reach = sorted[0]
            for span in sorted.dropFirst() {
                if span.lo < reach.hi - epsilon, span.route != reach.route {
                    problems.append("\(routes[span.route].from)->\(routes[span.route].to) runs on top of \(routes[reach.route].from)->\(routes[reach.route].to)")
                }
                if span.hi > reach.hi { reach = span }
            }
        }
        return problems
    }

    static func interiorsOverlap(_ a: NodeBox, _ b: NodeBox) -> Bool {
        a.x < b.x + b.width - epsilon && b.x < a.x + a.width - epsilon
            && a.y < b.y + b.height - epsilon && b.y < a.y + a.height - epsilon
    }

    /// An axis-aligned segment (a point-thin rectangle) meets the open interior of the box.
    static func segmentCrosses(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double, _ box: NodeBox) -> Bool {
        max(minX, box.x + epsilon) <= min(maxX, box.x + box.width - epsilon)
            && max(minY, box.y + epsilon) <= min(maxY, box.y + box.height - epsilon)
    }

    static func onBorder(_ point: [Double], _ box: NodeBox) -> Bool {
        let (x, y) = (point[0], point[1])
        let withinX = x >= box.x - epsilon && x <= box.x + box.width + epsilon
        let withinY = y >= box.y - epsilon && y <= box.y + box.height + epsilon
        let onVertical = abs(x - box.x) < epsilon || abs(x - box.x - box.width) < epsilon
        let onHorizontal = abs(y - box.y) < epsilon || abs(y - box.y - box.height) < epsilon
        return (onVertical && withinY) || (onHorizontal && withinX)
    }
}

/// Buckets boxes on a coarse grid so the checks stay fast on thousands of nodes.
struct SpatialIndex {
    static let bucket = 256.0
    private var buckets: [[Int]: [Int]] = [:]

    init(_ boxes: [NodeBox]) {
        for (index, box) in boxes.enumerated() {
            for key in Self.keys(box.x, box.y, box.x + box.width, box.y + box.height) { buckets[key, default: []].append(index) }
        }
    }

    func candidates(x: Double, y: Double, maxX: Double, maxY: Double) -> [Int] {
        Array(Set(Self.keys(x, y, maxX, maxY).flatMap { buckets[$0] ?? [] })).sorted()
    }

    private static func keys(_ x: Double, _ y: Double, _ maxX: Double, _ maxY: Double) -> [[Int]] {
        let (c0, c1) = (Int((x / bucket).rounded(.down)), Int((maxX / bucket).rounded(.down)))
        let (r0, r1) = (Int((y / bucket).rounded(.down)), Int((maxY / bucket).rounded(.down)))
        return (c0...c1).flatMap { c in (r0...r1).map { [c, $0] } }
    }
}
