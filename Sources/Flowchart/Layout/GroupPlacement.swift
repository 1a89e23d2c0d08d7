/// A rectangle of grid cells: columns `col ..< col + width`, rows `row ..< row + height`.
struct CellRect: Hashable {
    var col: Int
    var row: Int
    var width: Int
    var height: Int

    var lastCol: Int { col + width - 1 }
    var lastRow: Int { row + height - 1 }

    func shifted(by offset: GridCell) -> CellRect {
        CellRect(col: col + offset.col, row: row + offset.row, width: width, height: height)
    }
}

/// Placement for a chart with groups (Mermaid subgraphs), so that a frame can be drawn around each:
/// every group is laid out first as a block of its own (its nodes, and its nested groups' blocks), and
/// its parent then places the block whole, as one big node. So a group's members fill a rectangle of
/// cells that no other node enters, and the frame around that rectangle holds exactly its members. Inside
/// a block the rules are `GridPlacer`'s: depth first from the block's entry, each link putting its target
/// on the link's side, a taken place pushing further the same way, whatever is left as further roots to
/// the right.
///
/// Big or deep nestings are not framed (nil, and the plain placement is used): blocks are checked cell by
/// cell, which is fine for the dozens of nodes a guide's groups hold but would be quadratic for a
/// generated chart of tens of thousands.
enum GroupPlacer {
    static let maxGroups = 500
    static let maxDepth = 32
    static let maxGroupedNodes = 5_000

    struct Result {
        var placement: GridPlacement
        /// Per group, its cells. A group with no nodes (an empty subgraph, drawn as Mermaid draws it: an
        /// empty box with its title) holds one empty cell.
        var rects: [CellRect?]
        /// The empty cells of groups with no nodes, which the drawing gives a node's room.
        var vacant: [GridCell] = []
    }

    static func place(_ graph: IndexedGraph, groups: [NodeGroup], innermost: [Int], start: Int?) -> Result? {
        guard !groups.isEmpty, groups.count <= maxGroups else { return nil }
        var chains: [[Int]] = []
        chains.reserveCapacity(innermost.count)
        var grouped = 0
        for group in innermost {
            let chain = groups.chain(from: group, limit: maxDepth + 1)
            if chain.count > maxDepth { return nil }
            if !chain.isEmpty { grouped += 1 }
            chains.append(chain)
        }
        guard grouped <= maxGroupedNodes else { return nil }
        var placer = Composer(graph: graph, groups: groups, chains: chains)
        return placer.compose(start: start)
    }

    /// A laid-out block: its size, each node's cell and each nested group's rectangle, from its top-left.
    struct Block {
        var width = 0
        var height = 0
        var cells: [(node: Int, cell: GridCell)] = []
        var rects: [(group: Int, rect: CellRect)] = []
        /// `cells` by node, and its nodes in definition order.
        var cellOf: [Int: GridCell] = [:]
        var nodes: [Int] = []
        /// The cells of empty groups inside it.
        var vacant: [GridCell] = []

        /// An empty group's block: one cell, kept free.
        static let empty = Block(width: 1, height: 1, vacant: [GridCell(col: 0, row: 0)])
    }

    /// Something a level places: a node of its own, or a nested group's block.
    enum Item: Hashable {
        case node(Int)
        case group(Int)
    }

    struct Composer {
        let graph: IndexedGraph
        let groups: [NodeGroup]
        /// Per node: its groups, innermost first.
        let chains: [[Int]]
        var blocks: [Int: Block] = [:]

        init(graph: IndexedGraph, groups: [NodeGroup], chains: [[Int]]) {
            self.graph = graph
            self.groups = groups
            self.chains = chains
        }

        mutating func compose(start: Int?) -> Result {
            var members = Array(repeating: [Item](), count: groups.count + 1)   // the last is the top level
            for node in 0..<graph.nodeCount {
                members[chains[node].first ?? groups.count].append(.node(node))
            }
            // Children are written after their parents, so they come later in the list: laid out first
            // when walking it backwards.
            for g in groups.indices.reversed() {
                let parent = groups[g].parent.flatMap { $0 < g ? $0 : nil } ?? groups.count
                blocks[g] = members[g].isEmpty ? .empty : layOut(members[g], level: g, entry: nil)
                members[parent].append(.group(g))
            }
            let top = layOut(members[groups.count], level: -1, entry: start)
            var cells = Array(repeating: GridCell(col: 0, row: 0), count: graph.nodeCount)
            for (node, cell) in top.cells { cells[node] = cell }
            var rects = [CellRect?](repeating: nil, count: groups.count)
            for (group, rect) in top.rects { rects[group] = rect }
            return Result(placement: GridPlacement(cells: cells, columns: top.width, rows: top.height), rects: rects, vacant: top.vacant)
        }

        /// The item of `level` that holds `node`, or nil when the node is outside the level.
        func item(of node: Int, at level: Int) -> Item? {
            let chain = chains[node]
            if level < 0 { return chain.last.map { .group($0) } ?? .node(node) }
            guard let index = chain.firstIndex(of: level) else { return nil }
            return index == 0 ? .node(node) : .group(chain[index - 1])
        }

        private func size(_ item: Item) -> (width: Int, height: Int) {
            switch item {
            case .node: (1, 1)
            case .group(let g): (blocks[g]!.width, blocks[g]!.height)
            }
        }

        /// Where `node` sits inside `item`, from the item's top-left.
        private func offset(of node: Int, in item: Item) -> GridCell {
            guard case .group(let g) = item else { return GridCell(col: 0, row: 0) }
            return blocks[g]!.cellOf[node] ?? GridCell(col: 0, row: 0)
        }

        private func nodes(of item: Item) -> [Int] {
            switch item {
            case .node(let n): [n]
            case .group(let g): blocks[g]!.nodes
            }
        }

        /// Places the items of one level; `entry` is the node to start from (the chart's start at the top),
        /// else the first node of the level that no line inside the level leads to.
        mutating func layOut(_ unordered: [Item], level: Int, entry: Int?) -> Block {
            // In the order their first nodes were written, as `GridPlacer` takes further roots; empty groups
            // last, in the order they were written.
            let items = unordered.map { item -> (Item, Int, Int) in
                guard case .group(let g) = item else { return (item, nodes(of: item)[0], -1) }
                return (item, nodes(of: item).first ?? Int.max, g)
            }.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
            var taken = Set<GridCell>()
            var origins: [Item: GridCell] = [:]
            var bounds: (minCol: Int, maxCol: Int, minRow: Int, maxRow: Int)?
            var stack: [(item: Item, via: Int, wanted: GridCell, side: Direction)] = []
            let levelNodes = items.flatMap(nodes(of:))

            func place(_ item: Item, via: Int, wanted: GridCell, side: Direction) {
                let (width, height) = size(item)
                let inner = offset(of: via, in: item)
                var origin: GridCell = switch side {
                case .bottom: GridCell(col: wanted.col - inner.col, row: wanted.row)
                case .right: GridCell(col: wanted.col, row: wanted.row - inner.row)
                case .left: GridCell(col: wanted.col - width + 1, row: wanted.row - inner.row)
                case .top: GridCell(col: wanted.col - inner.col, row: wanted.row - height + 1)
                }
                while !isFree(origin, width, height, taken) { origin = origin.step(side) }
                for col in origin.col..<origin.col + width {
                    for row in origin.row..<origin.row + height { taken.insert(GridCell(col: col, row: row)) }
                }
                origins[item] = origin
                let box = (origin.col, origin.col + width - 1, origin.row, origin.row + height - 1)
                bounds = bounds.map { (min($0.minCol, box.0), max($0.maxCol, box.1), min($0.minRow, box.2), max($0.maxRow, box.3)) } ?? box
            }

            func walk(from root: Item, via: Int, at cell: GridCell, toward side: Direction = .right) {
                stack.append((root, via, cell, side))
                while let (item, via, wanted, side) = stack.popLast() {
                    guard origins[item] == nil else { continue }
                    place(item, via: via, wanted: wanted, side: side)
                    let origin = origins[item]!
                    var next: [(item: Item, via: Int, wanted: GridCell, side: Direction)] = []
                    for node in nodes(of: item) {
                        let inner = offset(of: node, in: item)
                        let cell = GridCell(col: origin.col + inner.col, row: origin.row + inner.row)
                        for index in graph.outgoing(node) {
                            let link = graph.links[index]
                            guard let target = self.item(of: link.to, at: level), target != item, origins[target] == nil else { continue }
                            next.append((target, link.to, cell.step(link.side), link.side))
                        }
                    }
                    // Reversed, so the first branch is placed, with all it leads to, before the next one.
                    stack.append(contentsOf: next.reversed())
                }
            }

            let first = entry.flatMap { node in self.item(of: node, at: level).map { ($0, node) } } ?? entryItem(items, levelNodes, level)
            if let (item, node) = first { walk(from: item, via: node, at: GridCell(col: 0, row: 0)) }
            // A note of this level beside what it is about, across the flow there, wherever that node sits
            // in this level (inside a subgraph too): placed with the leftovers, it went to the top right, its
            // tie across the chart to a question in a frame (a probe).
            for (note, about, side) in graph.notes {
                guard let noteItem = self.item(of: note, at: level), noteItem == .node(note), origins[noteItem] == nil,
                      let aboutItem = self.item(of: about, at: level), let origin = origins[aboutItem] else { continue }
                let inner = offset(of: about, in: aboutItem)
                walk(from: noteItem, via: note, at: GridCell(col: origin.col + inner.col, row: origin.row + inner.row).step(side), toward: side)
            }
            for item in items where origins[item] == nil {
                let right = (bounds?.maxCol ?? -1) + 1, top = bounds?.minRow ?? 0
                let via = nodes(of: item).first ?? -1
                let inner = offset(of: via, in: item)
                walk(from: item, via: via, at: GridCell(col: right, row: top + inner.row))
            }

            guard let bounds else { return Block() }
            let shift = GridCell(col: -bounds.minCol, row: -bounds.minRow)
            var block = Block(width: bounds.maxCol - bounds.minCol + 1, height: bounds.maxRow - bounds.minRow + 1)
            for item in items {
                let origin = GridCell(col: origins[item]!.col + shift.col, row: origins[item]!.row + shift.row)
                switch item {
                case .node(let n):
                    block.cells.append((n, origin))
                case .group(let g):
                    let child = blocks[g]!
                    block.cells += child.cells.map { ($0.node, GridCell(col: $0.cell.col + origin.col, row: $0.cell.row + origin.row)) }
                    block.rects += child.rects.map { ($0.group, $0.rect.shifted(by: origin)) }
                    block.rects.append((g, CellRect(col: origin.col, row: origin.row, width: child.width, height: child.height)))
                    block.vacant += child.vacant.map { GridCell(col: $0.col + origin.col, row: $0.row + origin.row) }
                }
            }
            block.nodes = block.cells.map(\.node).sorted()
            for (node, cell) in block.cells { block.cellOf[node] = cell }
            return block
        }

        /// The level's first node that no line inside the level leads to (Mermaid's entry of a subgraph),
        /// else its first node.
        private func entryItem(_ items: [Item], _ levelNodes: [Int], _ level: Int) -> (Item, Int)? {
            var ledTo = Set<Int>()
            for node in levelNodes {
                for index in graph.outgoing(node) {
                    let link = graph.links[index]
                    if let a = item(of: node, at: level), let b = item(of: link.to, at: level), a != b { ledTo.insert(link.to) }
                }
            }
            let sorted = levelNodes.sorted()
            guard let node = sorted.first(where: { !ledTo.contains($0) }) ?? sorted.first, let item = item(of: node, at: level) else { return nil }
            return (item, node)
        }

        private func isFree(_ origin: GridCell, _ width: Int, _ height: Int, _ taken: Set<GridCell>) -> Bool {
            for col in origin.col..<origin.col + width {
                for row in origin.row..<origin.row + height where taken.contains(GridCell(col: col, row: row)) { return false }
            }
            return true
        }
    }
}
