/// For each node, the nearest other node in each of the four directions along its row or column.
/// A link can be drawn as one straight line exactly when its target is that neighbour.
struct GridNeighbours {
    private var below: [Int]
    private var above: [Int]
    private var rightOf: [Int]
    private var leftOf: [Int]

    init(_ placement: GridPlacement) {
        let count = placement.cells.count
        below = Array(repeating: -1, count: count)
        above = below
        rightOf = below
        leftOf = below
        let cells = placement.cells
        let byColumn = cells.indices.sorted { (cells[$0].col, cells[$0].row) < (cells[$1].col, cells[$1].row) }
        for (a, b) in zip(byColumn, byColumn.dropFirst()) where cells[a].col == cells[b].col {
            below[a] = b
            above[b] = a
        }
        let byRow = cells.indices.sorted { (cells[$0].row, cells[$0].col) < (cells[$1].row, cells[$1].col) }
        for (a, b) in zip(byRow, byRow.dropFirst()) where cells[a].row == cells[b].row {
            rightOf[a] = b
            leftOf[b] = a
        }
    }

    func next(to node: Int, toward direction: Direction) -> Int? {
        let found = switch direction {
        case .bottom: below[node]
        case .top: above[node]
        case .right: rightOf[node]
        case .left: leftOf[node]
        }
        return found >= 0 ? found : nil
    }
}

extension Direction {
    var gridOpposite: Direction {
        switch self {
        case .left: .right
        case .right: .left
        case .top: .bottom
        case .bottom: .top
        }
    }

    var gridBit: UInt8 {
        switch self {
        case .left: 1
        case .right: 2
        case .top: 4
        case .bottom: 8
        }
    }
}
