/// Every node's cell, with columns and rows counted from 0.
struct GridPlacement {
    var cells: [GridCell]
    var columns: Int
    var rows: Int
}

/// Greedy depth-first placement in the manner of flowchart.js: from the start node, each link puts its
/// target on the link's side of the source; the first placement of a node wins. A taken cell pushes
/// the node further the same way, so boxes never share a cell. The walk uses an explicit stack because
/// a 50,000-node chain would overflow the call stack.
enum GridPlacer {
    static func place(_ graph: IndexedGraph, start: Int?) -> GridPlacement {
        var state = State(graph: graph)
        if let start { state.placeTree(from: start, at: GridCell(col: 0, row: 0)) }
        // A note beside what it is about, across the flow there, in the first free cell that way.
        for (note, about, side) in graph.notes where state.cells[note] == nil {
            if let cell = state.cells[about] { state.placeTree(from: note, at: cell.step(side), toward: side) }
        }
        // Whatever the start cannot reach becomes further roots, in definition order, to the right of
        // everything already drawn, so authors see those nodes instead of losing them.
        for node in 0..<graph.nodeCount where state.cells[node] == nil {
            state.placeTree(from: node, at: GridCell(col: state.maxCol + 1, row: state.minRow))
        }
        return state.normalised()
    }

    private struct State {
        let graph: IndexedGraph
        var cells: [GridCell?]
        var finder = FreeCellFinder()
        var minCol = 0, maxCol = -1, minRow = 0, maxRow = -1
        private var stack: [(node: Int, cell: GridCell, side: Direction)] = []

        init(graph: IndexedGraph) {
            self.graph = graph
            cells = Array(repeating: nil, count: graph.nodeCount)
        }

        mutating func placeTree(from root: Int, at cell: GridCell, toward side: Direction = .right) {
            stack.append((root, cell, side))
            while let (node, wanted, side) = stack.popLast() {
                guard cells[node] == nil else { continue }
                let cell = finder.firstFree(from: wanted, toward: side)
                put(node, at: cell)
                // Pushed in reverse so the first branch (yes, path1) is placed, with all it leads to,
                // before the next one: the first placement wins, as in flowchart.js.
                for link in graph.outgoing(node).reversed() {
                    let link = graph.links[link]
                    if cells[link.to] == nil {
                        stack.append((link.to, cell.step(link.side), link.side))
                    }
                }
            }
        }

        private mutating func put(_ node: Int, at cell: GridCell) {
            cells[node] = cell
            finder.occupy(cell, with: node)
            if maxCol < minCol {
                (minCol, maxCol, minRow, maxRow) = (cell.col, cell.col, cell.row, cell.row)
            } else {
                minCol = min(minCol, cell.col)
                maxCol = max(maxCol, cell.col)
                minRow = min(minRow, cell.row)
                maxRow = max(maxRow, cell.row)
            }
        }

        /// Shifts cells so the top-left is (0, 0); `top` and `left` links may have gone negative.
        func normalised() -> GridPlacement {
            guard maxCol >= minCol else { return GridPlacement(cells: [], columns: 0, rows: 0) }
            // Every node has a cell by now: the loop over roots visits them all.
            let shifted = cells.map { GridCell(col: $0!.col - minCol, row: $0!.row - minRow) }
            return GridPlacement(cells: shifted, columns: maxCol - minCol + 1, rows: maxRow - minRow + 1)
        }
    }
}
