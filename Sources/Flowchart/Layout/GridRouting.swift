/// A piece of a route running inside one gutter. Positions along the gutter are in half-cells:
/// `2k` is gutter `k` of the other orientation, `2k + 1` the centre of column or row `k`.
struct GutterSegment {
    /// Runs along a horizontal gutter (between two rows); otherwise along a vertical one.
    var isHorizontal: Bool
    var gutter: Int
    var start: Int
    var end: Int
    /// 0: joins a node on the gutter's near side (above / left); 2: the far side; 1: both or neither.
    /// Bands keep a line leaving one node apart from a line entering the node across the gutter.
    var band: Int
    var lane = 0
    /// 0: the lanes in the middle of the gutter. Otherwise the line stays inside a frame with a side in this
    /// gutter and runs between that side and the frame's cells (`FrameMap.innerSlot`).
    var inner = 0

    var lo: Int { min(start, end) }
    var hi: Int { max(start, end) }
}

/// Routes in grid terms: which gutters each link runs through. Gutters hold no nodes, so a line that
/// stays in them can never cross a box; it only leaves them through the short stubs at its own ports.
struct GridRoutes {
    var segments: [GutterSegment] = []
    /// Per link, its range in `segments`; empty for straight links.
    var ranges: [Range<Int>] = []

    /// `frames`, for a chart with frames: a link whose route runs through a frame it does not belong to
    /// goes round it where it can (`FrameDetours`).
    init(_ graph: IndexedGraph, _ placement: GridPlacement, _ ports: Ports, frames: FrameMap? = nil) {
        segments.reserveCapacity(graph.links.count * 3)
        ranges.reserveCapacity(graph.links.count)
        var detours = frames.map(FrameDetours.init)
        for (index, link) in graph.links.enumerated() {
            let first = segments.count
            if !ports.straight[index] {
                let source = placement.cells[link.from], target = placement.cells[link.to]
                route(from: source, by: ports.exit[index], to: target, by: ports.entry[index])
                if let frames {
                    let allowance = frames.allowance(from: link.from, to: link.to)
                    if let better = detours?.improve(segments[first...], allowance, from: source, by: Self.port(source, ports.exit[index]),
                                                     to: target, by: Self.port(target, ports.entry[index])) {
                        segments.replaceSubrange(first..., with: better)
                    }
                    for s in first..<segments.count {
                        segments[s].inner = frames.innerSlot(segments[s], allowance)
                        // Inner lanes are one group per slot: the near/far bands only order the middle ones.
                        if segments[s].inner > 0 { segments[s].band = 1 }
                    }
                }
            }
            ranges.append(first..<segments.count)
        }
    }

    struct Port {
        var isHorizontal: Bool
        var gutter: Int
        var position: Int
        var nearSide: Bool
    }

    /// The gutter just outside a side of a cell, and where on it the port's stub lands.
    static func port(_ cell: GridCell, _ side: Direction) -> Port {
        switch side {
        case .bottom: Port(isHorizontal: true, gutter: cell.row + 1, position: 2 * cell.col + 1, nearSide: true)
        case .top: Port(isHorizontal: true, gutter: cell.row, position: 2 * cell.col + 1, nearSide: false)
        case .right: Port(isHorizontal: false, gutter: cell.col + 1, position: 2 * cell.row + 1, nearSide: true)
        case .left: Port(isHorizontal: false, gutter: cell.col, position: 2 * cell.row + 1, nearSide: false)
        }
    }

    private mutating func route(from source: GridCell, by exitSide: Direction, to target: GridCell, by entrySide: Direction) {
        let exit = Self.port(source, exitSide)
        let entry = Self.port(target, entrySide)
        if exit.isHorizontal != entry.isHorizontal {
            // One corner where the exit gutter meets the entry gutter.
            add(exit.isHorizontal, exit.gutter, exit.position, 2 * entry.gutter, near: exit.nearSide, far: !exit.nearSide)
            add(entry.isHorizontal, entry.gutter, 2 * exit.gutter, entry.position, near: entry.nearSide, far: !entry.nearSide)
        } else if exit.gutter == entry.gutter {
            add(exit.isHorizontal, exit.gutter, exit.position, entry.position, near: exit.nearSide || entry.nearSide, far: !exit.nearSide || !entry.nearSide)
        } else {
            // Two parallel gutters joined through a crossing gutter next to the target.
            let cross = exit.isHorizontal
                ? Self.crossing(source.col, target.col, same: source.col + 1)
                : Self.crossing(source.row, target.row, same: source.row)
            add(exit.isHorizontal, exit.gutter, exit.position, 2 * cross, near: exit.nearSide, far: !exit.nearSide)
            add(!exit.isHorizontal, cross, 2 * exit.gutter, 2 * entry.gutter, near: false, far: false)
            add(entry.isHorizontal, entry.gutter, 2 * cross, entry.position, near: entry.nearSide, far: !entry.nearSide)
        }
    }

    /// The gutter beside the target's column (or row) on the source's side; right of (or above) it when
    /// both are in line, which is how flowchart.js draws loops.
    private static func crossing(_ from: Int, _ to: Int, same: Int) -> Int {
        if to > from { return to }
        if to < from { return to + 1 }
        return same
    }

    private mutating func add(_ isHorizontal: Bool, _ gutter: Int, _ start: Int, _ end: Int, near: Bool, far: Bool) {
        segments.append(GutterSegment(isHorizontal: isHorizontal, gutter: gutter, start: start, end: end, band: Self.band(near: near, far: far)))
    }

    /// A segment joining nodes only on the gutter's near side takes band 0, only the far side band 2.
    static func band(near: Bool, far: Bool) -> Int { near == far ? 1 : (near ? 0 : 2) }
}
