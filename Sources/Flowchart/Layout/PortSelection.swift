/// The sides each link leaves and enters by, and whether it is a single straight line.
struct Ports {
    var exit: [Direction]
    var entry: [Direction]
    var straight: [Bool]
}

/// Chooses ports. A link keeps the side it was placed by when that side faces its target; otherwise
/// (a loop back up, a target placed elsewhere first) it takes the free side that suits the target's
/// position, preferring right for links going up, as flowchart.js does. Lines enter at the top unless
/// a same-row target is naturally entered from the side, or the top is already an exit.
enum PortSelector {
    /// With `frames`, a link is not drawn straight through a frame that holds neither of its ends.
    static func select(_ graph: IndexedGraph, _ placement: GridPlacement, _ neighbours: GridNeighbours, frames: FrameMap? = nil) -> Ports {
        let links = graph.links
        let cells = placement.cells
        var exit = [Direction](repeating: .bottom, count: links.count)
        var usedExits = [UInt8](repeating: 0, count: graph.nodeCount)
        var pending: [Int] = []
        var isPending = [Bool](repeating: false, count: links.count)
        for node in 0..<graph.nodeCount {
            for index in graph.outgoing(node) {
                let link = links[index]
                if link.isExplicit || faces(link.side, from: cells[link.from], to: cells[link.to]) {
                    exit[index] = link.side
                    usedExits[node] |= link.side.gridBit
                } else {
                    pending.append(index)
                    isPending[index] = true
                }
            }
        }
        // The sides a straight line from a neighbour would enter by. A line that has to turn anyway (a
        // loop back) leaves by another side where it can: taking the one a gate's branch to the node
        // beside it needs sent that branch round, to enter from above.
        var wantedEntries = [UInt8](repeating: 0, count: graph.nodeCount)
        for (index, link) in links.enumerated() where !isPending[index] && neighbours.next(to: link.from, toward: exit[index]) == link.to {
            wantedEntries[link.to] |= exit[index].gridOpposite.gridBit
        }
        for index in pending {
            let node = links[index].from
            let preferred = preferences(from: cells[node], to: cells[links[index].to])
            let side = preferred.first { (usedExits[node] | wantedEntries[node]) & $0.gridBit == 0 }
                ?? preferred.first { usedExits[node] & $0.gridBit == 0 } ?? preferred[0]
            exit[index] = side
            usedExits[node] |= side.gridBit
        }

        var entry = [Direction](repeating: .top, count: links.count)
        var straight = [Bool](repeating: false, count: links.count)
        var straightPairs = Set<Int>()
        for (index, link) in links.enumerated() {
            let side = exit[index]
            let reversed = link.to * graph.nodeCount + link.from
            if neighbours.next(to: link.from, toward: side) == link.to,
               usedExits[link.to] & side.gridOpposite.gridBit == 0,
               !straightPairs.contains(reversed),
               frames?.straightLineTrespasses(from: link.from, cells[link.from], to: link.to, cells[link.to]) != true {
                // A reversed straight twin would sit on the very same line; it goes round instead.
                straight[index] = true
                straightPairs.insert(link.from * graph.nodeCount + link.to)
                entry[index] = side.gridOpposite
                continue
            }
            let from = cells[link.from], to = cells[link.to]
            var wanted = Direction.top
            if from.row == to.row, side == .right, to.col > from.col { wanted = .left }
            if from.row == to.row, side == .left, to.col < from.col { wanted = .right }
            // A line that leaves downward (or upward) for a node on the same row runs along that row's
            // gutter: it enters by the same side, instead of looping round to the node's top.
            if from.row == to.row, side == .bottom || side == .top { wanted = side }
            // Where the wanted side is taken, a line that left its source sideways enters by that same side:
            // it comes down (or up) that side's gutter, and entering from across the node sent it round the
            // node's far side. Not one that left by its bottom or top for another row: entering by that
            // side would mean going round the target.
            let order: [Direction] = [wanted] + (side == .left || side == .right ? [side] : []) + [.top, .left, .right, .bottom]
            entry[index] = order.first { usedExits[link.to] & $0.gridBit == 0 } ?? wanted
        }
        return Ports(exit: exit, entry: entry, straight: straight)
    }

    /// Whether leaving by `side` heads toward the target at all.
    private static func faces(_ side: Direction, from: GridCell, to: GridCell) -> Bool {
        switch side {
        case .bottom: to.row > from.row
        case .top: to.row < from.row
        case .right: to.col > from.col
        case .left: to.col < from.col
        }
    }

    private static func preferences(from: GridCell, to: GridCell) -> [Direction] {
        if from == to { return [.right, .left, .bottom, .top] }
        if to.row < from.row { return [.right, .left, .top, .bottom] }
        if to.row > from.row { return [.bottom, .right, .left, .top] }
        return to.col > from.col ? [.right, .bottom, .top, .left] : [.left, .bottom, .top, .right]
    }
}
