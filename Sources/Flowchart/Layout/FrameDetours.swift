/// Routes a link around the frames it does not belong to. The usual gutter route (`GridRoutes`) has at
/// most three pieces and ignores frames; when it runs through a frame that holds neither end, or leaves the
/// frame that holds both, this looks for the cheapest path along the gutters between the same two ports
/// (Dijkstra over the lattice where gutters cross) and keeps it if it is cheaper. Cost counts half-cells
/// of length, each half-cell in the wrong place as `trespassCost`, and each bend as `bendCost`, so a line
/// goes round a frame unless the way round is very long, and stays simple otherwise.
///
/// Only charts with frames get here, and each search is limited to the box around the link's two cells
/// and the frames it crosses; a total `budget` of visited lattice states keeps a huge chart's layout
/// bounded (past it, links keep their usual route): a guide's chart spends a few thousand, while 400
/// links across a 2,000-node chart of 40 subgraphs would spend 1.6 million, seconds in a debug build.
struct FrameDetours {
    static let trespassCost = 24
    static let bendCost = 6
    static let margin = 2
    static let budget = 250_000

    let map: FrameMap
    private var budget = Self.budget

    init(map: FrameMap) { self.map = map }

    /// A better route than `route` for a link with `allowance`, or nil to keep it.
    mutating func improve(_ route: ArraySlice<GutterSegment>, _ allowance: FrameMap.Allowance, from sourceCell: GridCell, by exit: GridRoutes.Port,
                          to targetCell: GridCell, by entry: GridRoutes.Port) -> [GutterSegment]? {
        guard budget > 0 else { return nil }
        var trespass = 0, frames: [Int] = []
        for segment in route {
            let found = map.trespass(segment, allowance)
            trespass += found.count
            frames += found.frames.filter { !frames.contains($0) }
        }
        guard trespass > 0 else { return nil }
        let length = route.reduce(0) { $0 + $1.hi - $1.lo }
        let current = length + trespass * Self.trespassCost + (route.count - 1) * Self.bendCost
        if allowance.mustStayIn >= 0 { frames.append(allowance.mustStayIn) }
        let window = map.window(around: [sourceCell, targetCell], frames: frames, margin: Self.margin)
        var search = LatticeSearch(map: map, allowance: allowance, rows: window.rows, columns: window.columns)
        let found = search.path(from: exit, to: entry, budget: budget)
        // Setting up a window's tables costs too, if far less per state than visiting one.
        budget -= search.visited + search.states / 4
        guard let found, found.cost < current else { return nil }
        return Self.segments(along: found.points, exit: exit, entry: entry)
    }

    /// The path's points (in half-cells: x along columns, y along rows) as gutter segments, one per
    /// straight run, banded like `GridRoutes`'s: the first by its exit, the last by its entry.
    static func segments(along points: [(x: Int, y: Int)], exit: GridRoutes.Port, entry: GridRoutes.Port) -> [GutterSegment] {
        var runs: [GutterSegment] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let horizontal = a.y == b.y
            if let last = runs.last, last.isHorizontal == horizontal {
                runs[runs.count - 1].end = horizontal ? b.x : b.y
            } else {
                runs.append(GutterSegment(isHorizontal: horizontal, gutter: horizontal ? a.y / 2 : a.x / 2,
                                          start: horizontal ? a.x : a.y, end: horizontal ? b.x : b.y, band: 1))
            }
        }
        if runs.count == 1 {
            runs[0].band = GridRoutes.band(near: exit.nearSide || entry.nearSide, far: !exit.nearSide || !entry.nearSide)
        } else if !runs.isEmpty {
            runs[0].band = GridRoutes.band(near: exit.nearSide, far: !exit.nearSide)
            runs[runs.count - 1].band = GridRoutes.band(near: entry.nearSide, far: !entry.nearSide)
        }
        return runs
    }
}

/// Dijkstra over the lattice points of a window, each reached moving along a horizontal or a vertical
/// gutter (a turn costs a bend). It starts on the half-cell from the exit port to either neighbouring
/// point and ends on the half-cell from a point to the entry port.
struct LatticeSearch {
    let map: FrameMap
    let allowance: FrameMap.Allowance
    let rows: ClosedRange<Int>
    let columns: ClosedRange<Int>
    private(set) var visited = 0
    /// How many states the window has.
    var states: Int { distance.count }
    private let width: Int
    private var distance: [Int]
    private var previous: [Int32]

    init(map: FrameMap, allowance: FrameMap.Allowance, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.map = map
        self.allowance = allowance
        self.rows = rows
        self.columns = columns
        width = columns.count
        distance = Array(repeating: Int.max, count: rows.count * width * 2)
        previous = Array(repeating: -1, count: rows.count * width * 2)
    }

    /// A state: lattice point (h, v) and how it was reached (0 along a horizontal gutter, 1 a vertical one).
    private func state(_ h: Int, _ v: Int, _ vertical: Int) -> Int {
        ((h - rows.lowerBound) * width + (v - columns.lowerBound)) * 2 + vertical
    }

    private func point(of state: Int) -> (h: Int, v: Int, vertical: Int) {
        let cell = state / 2
        return (cell / width + rows.lowerBound, cell % width + columns.lowerBound, state % 2)
    }

    /// What a half-cell of lattice step `index` of a gutter costs.
    private func halfCell(horizontal: Bool, gutter: Int, at index: Int) -> Int {
        map.permits(allowance, horizontal: horizontal, gutter: gutter, at: index) ? 1 : 1 + FrameDetours.trespassCost
    }

    /// The two lattice points next to a port, each with the half-cell's cost from the port.
    private func neighbours(of port: GridRoutes.Port) -> [(h: Int, v: Int, cost: Int)] {
        let k = port.position / 2
        if port.isHorizontal {
            let cost = halfCell(horizontal: true, gutter: port.gutter, at: k)
            return [(port.gutter, k, cost), (port.gutter, k + 1, cost)]
        }
        let cost = halfCell(horizontal: false, gutter: port.gutter, at: k)
        return [(k, port.gutter, cost), (k + 1, port.gutter, cost)]
    }

    mutating func path(from exit: GridRoutes.Port, to entry: GridRoutes.Port, budget: Int) -> (cost: Int, points: [(x: Int, y: Int)])? {
        var queue = MinHeap()
        let exitAxis = exit.isHorizontal ? 0 : 1, entryAxis = entry.isHorizontal ? 0 : 1
        for seed in neighbours(of: exit) where rows.contains(seed.h) && columns.contains(seed.v) {
            let s = state(seed.h, seed.v, exitAxis)
            if seed.cost < distance[s] {
                distance[s] = seed.cost
                queue.push((seed.cost, s))
            }
        }
        // The goal is the entry port: reached from either neighbouring point by its last half-cell.
        let goals = neighbours(of: entry).filter { rows.contains($0.h) && columns.contains($0.v) }
        var best: (cost: Int, state: Int)?
        while let top = queue.min {
            _ = queue.popMin()
            let (d, s) = (top.key, top.value)
            if d > distance[s] { continue }
            if let best, d >= best.cost { break }
            visited += 1
            if visited > budget { return nil }
            let (h, v, axis) = point(of: s)
            if let goal = goals.first(where: { $0.h == h && $0.v == v }) {
                let total = d + goal.cost + (axis == entryAxis ? 0 : FrameDetours.bendCost)
                if total < best?.cost ?? Int.max { best = (total, s) }
            }
            let turnToHorizontal = axis == 0 ? 0 : FrameDetours.bendCost
            let turnToVertical = axis == 1 ? 0 : FrameDetours.bendCost
            if v + 1 <= columns.upperBound {
                relax(&queue, from: s, to: state(h, v + 1, 0), d + 2 * halfCell(horizontal: true, gutter: h, at: v) + turnToHorizontal)
            }
            if v - 1 >= columns.lowerBound {
                relax(&queue, from: s, to: state(h, v - 1, 0), d + 2 * halfCell(horizontal: true, gutter: h, at: v - 1) + turnToHorizontal)
            }
            if h + 1 <= rows.upperBound {
                relax(&queue, from: s, to: state(h + 1, v, 1), d + 2 * halfCell(horizontal: false, gutter: v, at: h) + turnToVertical)
            }
            if h - 1 >= rows.lowerBound {
                relax(&queue, from: s, to: state(h - 1, v, 1), d + 2 * halfCell(horizontal: false, gutter: v, at: h - 1) + turnToVertical)
            }
        }
        guard let best else { return nil }
        return (best.cost, points(to: best.state, from: exit, into: entry))
    }

    private mutating func relax(_ queue: inout MinHeap, from: Int, to: Int, _ cost: Int) {
        guard cost < distance[to] else { return }
        distance[to] = cost
        previous[to] = Int32(from)
        queue.push((cost, to))
    }

    /// The points from the exit port through the lattice to the entry port, in half-cells.
    private func points(to last: Int, from exit: GridRoutes.Port, into entry: GridRoutes.Port) -> [(x: Int, y: Int)] {
        var lattice: [(x: Int, y: Int)] = []
        var s = last
        while true {
            let (h, v, _) = point(of: s)
            lattice.append((2 * v, 2 * h))
            guard previous[s] >= 0 else { break }
            s = Int(previous[s])
        }
        return [Self.place(exit)] + lattice.reversed() + [Self.place(entry)]
    }

    private static func place(_ port: GridRoutes.Port) -> (x: Int, y: Int) {
        port.isHorizontal ? (port.position, 2 * port.gutter) : (2 * port.gutter, port.position)
    }
}
