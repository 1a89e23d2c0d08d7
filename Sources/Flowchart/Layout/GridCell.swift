/// A slot in the layout grid. Each cell holds at most one node, which is what keeps boxes apart.
struct GridCell: Hashable {
    var col: Int
    var row: Int

    func step(_ direction: Direction) -> GridCell {
        switch direction {
        case .left: GridCell(col: col - 1, row: row)
        case .right: GridCell(col: col + 1, row: row)
        case .top: GridCell(col: col, row: row - 1)
        case .bottom: GridCell(col: col, row: row + 1)
        }
    }
}

/// Finds the first free cell walking in one direction. A long straight run of taken cells is skipped
/// with remembered jumps (path compression, as in union-find), so many nodes pushed down the same
/// column cost near-linear time instead of quadratic.
struct FreeCellFinder {
    private(set) var occupant: [GridCell: Int] = [:]
    private var jumps: [[GridCell: GridCell]] = Array(repeating: [:], count: 4)
    private var path: [GridCell] = []

    mutating func occupy(_ cell: GridCell, with node: Int) {
        occupant[cell] = node
    }

    /// `start` itself if free, else the nearest free cell beyond it in `direction`.
    mutating func firstFree(from start: GridCell, toward direction: Direction) -> GridCell {
        let d = Self.slot(direction)
        var cell = start
        path.removeAll(keepingCapacity: true)
        while occupant[cell] != nil {
            path.append(cell)
            cell = jumps[d][cell] ?? cell.step(direction)
        }
        // Cells are only ever taken, never freed, so everything between a visited cell and `cell`
        // stays taken: jumping straight there later is safe.
        for visited in path { jumps[d][visited] = cell }
        return cell
    }

    private static func slot(_ direction: Direction) -> Int {
        switch direction {
        case .left: 0
        case .right: 1
        case .top: 2
        case .bottom: 3
        }
    }
}
