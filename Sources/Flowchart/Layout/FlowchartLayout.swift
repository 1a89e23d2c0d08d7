/// Lays out a flowchart: a pipeline of grid placement → port choice → gutter routing → lane
/// assignment → pixels. Nodes sit one per grid cell and lines run only in the gutters between cells,
/// so boxes never overlap and lines never cross boxes, whatever the input.
public enum FlowchartLayout {
    public static func layout(_ graph: FlowGraph, options: LayoutOptions = .init()) -> FlowLayout {
        let indexed = IndexedGraph(graph)
        let sizes = graph.nodes.map { NodeSizing.size(of: $0, options: options) }
        let start = graph.start.flatMap { graph.index(of: $0) }
        // A chart with groups (Mermaid subgraphs) is placed block by block, so each can be framed.
        let innermost = graph.innermostGroups()
        let grouped = graph.groups.isEmpty ? nil
            : GroupPlacer.place(indexed, groups: graph.groups, innermost: innermost, start: start)
        let placement = grouped?.placement ?? GridPlacer.place(indexed, start: start)
        let frames = grouped.map { FrameMap(rects: $0.rects, groups: graph.groups, innermost: innermost,
                                            columns: placement.columns, rows: placement.rows) }
        let ports = PortSelector.select(indexed, placement, GridNeighbours(placement), frames: frames)
        var routes = GridRoutes(indexed, placement, ports, frames: frames)
        let lanes = LaneAssigner.assign(&routes.segments, columns: placement.columns, rows: placement.rows)
        var room = grouped.map { FrameRoom(map: frames!, vacant: $0.vacant, lanes: lanes, spacing: options.laneSpacing,
                                           columns: placement.columns, rows: placement.rows, fontSize: options.fontSize) }
        room?.noteCrossings(indexed, ports, placement.cells)
        let words = BranchWords(of: graph)
        let grid = PixelGrid(placement, sizes: sizes, lanes: lanes, options: options, frames: room,
                             labelRoom: labelRoom(indexed, graph, ports, placement, words, options))

        let boxes = graph.nodes.enumerated().map { index, node in
            let cell = placement.cells[index], size = sizes[index]
            return NodeBox(id: node.id, type: node.type.rawValue,
                           x: grid.centreX(column: cell.col) - size.width / 2,
                           y: grid.centreY(row: cell.row) - size.height / 2,
                           width: size.width, height: size.height, lines: size.lines)
        }
        let draw = RouteDrawer(grid: grid, boxes: boxes, cells: placement.cells)
        // Not an option: the Mermaid reader drops a gate label that is the chart's own word, counting on this.
        let edges = indexed.links.enumerated().map { index, link in
            let edge = graph.edges[link.edge]
            let points = draw.points(from: link.from, by: ports.exit[index], to: link.to, by: ports.entry[index],
                                     through: routes.segments[routes.ranges[index]])
            return EdgeRoute(from: edge.from, to: edge.to, branch: edge.branch.rawValue,
                             label: label(of: edge, words), points: points)
        }
        let reachable = graph.reachability()
        let unreachable = Set(graph.nodes.indices.filter { !reachable[$0] }.map { graph.nodes[$0].id })
        return FlowLayout(nodes: boxes, edges: edges, width: grid.width, height: grid.height,
                          unreachable: unreachable, fontSize: options.fontSize, frames: room?.frames(on: grid) ?? [])
    }

    /// The width each column gutter needs for the labels of the lines that leave sideways into it: a label
    /// sits beside its line just after the source (`SVGEdges.labelPlace`), so a gutter of the fixed `gap`
    /// let "Yes, go deeper" cover the first words of the next column's question in a left-to-right chart.
    static func labelRoom(_ indexed: IndexedGraph, _ graph: FlowGraph, _ ports: Ports, _ placement: GridPlacement,
                          _ words: BranchWords, _ options: LayoutOptions) -> [Double] {
        var room = [Double](repeating: 0, count: placement.columns + 1)
        let size = (options.fontSize * 0.85).rounded()
        for (index, link) in indexed.links.enumerated() {
            let exit = ports.exit[index]
            guard exit == .left || exit == .right, let text = label(of: graph.edges[link.edge], words), !text.isEmpty else { continue }
            let column = placement.cells[link.from].col
            let gutter = exit == .right ? column + 1 : column
            // 6 from the port to the label, its backing's 2 on each side, and 6 clear of what comes next.
            room[gutter] = max(room[gutter], TextMetrics.width(of: text, fontSize: size) + 16)
        }
        return room
    }

    /// Only branches are labelled (as in flowchart.js), unless the author wrote an `@label`.
    static func label(of edge: Edge, _ words: BranchWords) -> String? {
        edge.label ?? words.word(for: edge.branch)
    }
}

/// Pixel polylines for routed links.
struct RouteDrawer {
    let grid: PixelGrid
    let boxes: [NodeBox]
    let cells: [GridCell]

    func points(from source: Int, by exit: Direction, to target: Int, by entry: Direction,
                through segments: ArraySlice<GutterSegment>) -> [[Double]] {
        let start = port(source, exit), end = port(target, entry)
        var points = [start]
        if let first = segments.first, let last = segments.last {
            let lanes = segments.map(grid.laneCoordinate)
            points.append(first.isHorizontal ? [start[0], lanes[0]] : [lanes[0], start[1]])
            for index in 1..<lanes.count {
                let previous = segments[segments.startIndex + index - 1]
                points.append(previous.isHorizontal ? [lanes[index], lanes[index - 1]] : [lanes[index - 1], lanes[index]])
            }
            points.append(last.isHorizontal ? [end[0], lanes[lanes.count - 1]] : [lanes[lanes.count - 1], end[1]])
        }
        points.append(end)
        return Self.simplified(points)
    }

    /// Where a side's port is: the middle of that side, which is also a diamond's vertex. Taken from
    /// the column or row centre so that in-line nodes share the exact same coordinate.
    private func port(_ node: Int, _ side: Direction) -> [Double] {
        let box = boxes[node], cell = cells[node]
        switch side {
        case .top: return [grid.centreX(column: cell.col), box.y]
        case .bottom: return [grid.centreX(column: cell.col), box.y + box.height]
        case .left: return [box.x, grid.centreY(row: cell.row)]
        case .right: return [box.x + box.width, grid.centreY(row: cell.row)]
        }
    }

    /// Drops repeated points and the middle of three points on one line.
    static func simplified(_ points: [[Double]]) -> [[Double]] {
        var result: [[Double]] = []
        result.reserveCapacity(points.count)
        for point in points {
            if let last = result.last, last == point { continue }
            if result.count >= 2 {
                let a = result[result.count - 2], b = result[result.count - 1]
                if (a[0] == b[0] && b[0] == point[0]) || (a[1] == b[1] && b[1] == point[1]) {
                    result[result.count - 1] = point
                    continue
                }
            }
            result.append(point)
        }
        return result
    }
}
