import Flowchart

/// A topic's flowchart drawn with the interview's path highlighted: the nodes the walk stood on and
/// the links it followed.
enum TopicPathDrawing {
    static func svg(_ topic: Topic, _ report: TopicReport, idScope: String = "") -> String? {
        svg(topic, path: Set(report.path), moves: report.moves, idScope: idScope)
    }

    static func svg(_ topic: Topic, path: Set<String>, moves: [WalkMove], idScope: String = "") -> String? {
        guard !topic.flowchart.isEmpty else { return nil }
        let graph = DiagramSyntax.parse(topic.flowchart).graph
        guard !graph.nodes.isEmpty else { return nil }
        var highlight = Highlight(nodes: path)
        for move in moves {
            guard let branch = branch(move, graph) else { continue }
            highlight.edges.insert(EdgeRef(from: move.from, branch: branch))
        }
        let layout = FlowchartLayout.layout(graph)
        return SVGRenderer.render(graph, layout: layout, options: SVGOptions(title: topic.heading, highlight: highlight, idScope: idScope))
    }

    /// The chart link a walk move followed. Steps fold a parallel node's first path into "next".
    private static func branch(_ move: WalkMove, _ graph: FlowGraph) -> Branch? {
        switch move.branch {
        case "yes": return .yes
        case "no": return .no
        case "next": return graph.edge(from: move.from, branch: .next) != nil ? .next : .path1
        case "path2": return .path2
        case "path3": return .path3
        default: return nil   // a pick from a pick list follows no link
        }
    }
}

extension Topic {
    /// The flowchart with the walk so far highlighted (the live console's drawing); nil without a chart.
    public func drawing(highlighting progress: TopicProgress?) -> String? {
        TopicPathDrawing.svg(self, path: progress?.visitedNodes ?? [], moves: progress?.trail ?? [])
    }
}
