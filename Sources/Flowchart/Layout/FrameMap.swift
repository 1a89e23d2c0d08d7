/// Which frame each stretch of gutter lies inside, so routing can keep a line out of frames it does not
/// belong to. Without it a line from one subgraph to another cuts straight through a third, and a reader
/// takes it for part of that subgraph.
///
/// Grid terms (see `GutterSegment`): horizontal gutter `h` runs between rows `h - 1` and `h`, vertical
/// gutter `v` between columns `v - 1` and `v`; the gutters cross at lattice points. A frame's sides sit in
/// the gutters around its cells, beside the cells, and lines run in the middle of those gutters, so a line
/// in a frame's own border gutter is outside it. Inside are the gutters between its rows and columns,
/// and, for a line that stays within the frame, its border gutters too: such a line takes lanes between
/// the frame's side and its cells there (`innerSlot`).
struct FrameMap {
    let columns: Int
    let rows: Int
    let rects: [CellRect?]
    let groups: [NodeGroup]
    private let innermost: [Int]
    /// Per group: how many frames (itself included) share its left, right, top and bottom line of cells,
    /// which is how far out its side sits in each border gutter (nested frames never run on one line).
    private(set) var counts: [(left: Int, right: Int, top: Int, bottom: Int)] = []
    /// Innermost frame holding the horizontal step along gutter `h` from lattice column `v` to `v + 1`
    /// (`h * columns + v`), or -1.
    private var horizontalOwner: [Int32]
    /// Innermost frame holding the vertical step along gutter `v` from lattice row `h` to `h + 1`
    /// (`v * rows + h`), or -1.
    private var verticalOwner: [Int32]

    init(rects: [CellRect?], groups: [NodeGroup], innermost: [Int], columns: Int, rows: Int) {
        self.rects = rects
        self.groups = groups
        self.innermost = innermost
        self.columns = columns
        self.rows = rows
        horizontalOwner = Array(repeating: -1, count: (rows + 1) * columns)
        verticalOwner = Array(repeating: -1, count: (columns + 1) * rows)
        counts = rects.indices.map { _ in (0, 0, 0, 0) }
        for (k, rect) in rects.enumerated() {
            guard let rect else { continue }
            var c = (left: 0, right: 0, top: 0, bottom: 0)
            for (h, inner) in rects.enumerated() {
                guard let r = inner, groups.chain(from: h, limit: GroupPlacer.maxDepth).contains(k) else { continue }
                if r.col == rect.col { c.left += 1 }
                if r.lastCol == rect.lastCol { c.right += 1 }
                if r.row == rect.row { c.top += 1 }
                if r.lastRow == rect.lastRow { c.bottom += 1 }
            }
            counts[k] = c
        }
        // Groups come parents first, so painting in order leaves each step with its innermost frame.
        for (k, rect) in rects.enumerated() {
            guard let rect else { continue }
            if rect.height > 1 {
                for h in (rect.row + 1)...rect.lastRow {
                    for v in rect.col...rect.lastCol { horizontalOwner[h * columns + v] = Int32(k) }
                }
            }
            if rect.width > 1 {
                for v in (rect.col + 1)...rect.lastCol {
                    for h in rect.row...rect.lastRow { verticalOwner[v * rows + h] = Int32(k) }
                }
            }
        }
    }

    /// The frames a line from `source` to `target` may run inside: those holding either end, but none
    /// outside the innermost frame holding both (a line within a subgraph stays in it). `mustStayIn` is
    /// that shared frame, or -1.
    struct Allowance {
        var frames: [Int]
        var mustStayIn: Int

        func permits(_ owner: Int32) -> Bool {
            owner < 0 ? mustStayIn < 0 : frames.contains(Int(owner))
        }
    }

    func allowance(from source: Int, to target: Int) -> Allowance {
        let a = groups.chain(from: innermost[source], limit: GroupPlacer.maxDepth)
        let b = groups.chain(from: innermost[target], limit: GroupPlacer.maxDepth)
        let shared = a.first { b.contains($0) } ?? -1
        // The chains run innermost first: everything before the shared frame, and the shared frame itself.
        let cut = { (chain: [Int]) in shared < 0 ? chain : Array(chain.prefix { $0 != shared }) }
        return Allowance(frames: cut(a) + cut(b) + (shared < 0 ? [] : [shared]), mustStayIn: shared)
    }

    func horizontalOwner(gutter h: Int, column v: Int) -> Int32 { horizontalOwner[h * columns + v] }
    func verticalOwner(gutter v: Int, row h: Int) -> Int32 { verticalOwner[v * rows + h] }

    /// How many half-cells of `segment` run where the allowance does not permit, and the frames they
    /// run in with the frames those are nested in (for the detour's window: the way round a nested frame
    /// is round its outermost parent).
    func trespass(_ segment: GutterSegment, _ allowance: Allowance) -> (count: Int, frames: [Int]) {
        var count = 0, frames: [Int] = []
        for position in segment.lo..<segment.hi {
            // Half-cell `position … position + 1` lies in the step of lattice column (or row) `position / 2`.
            let index = position / 2
            guard !permits(allowance, horizontal: segment.isHorizontal, gutter: segment.gutter, at: index) else { continue }
            count += 1
            let owner = segment.isHorizontal ? horizontalOwner(gutter: segment.gutter, column: index)
                                             : verticalOwner(gutter: segment.gutter, row: index)
            guard owner >= 0 else { continue }
            for k in groups.chain(from: Int(owner), limit: GroupPlacer.maxDepth) where !frames.contains(k) { frames.append(k) }
        }
        return (count, frames)
    }

    /// Whether a line may run along lattice step `index` of a gutter: inside the frames it may be in, or in
    /// a border gutter of the frame it must stay in, within that frame's reach (it then takes inner lanes).
    func permits(_ allowance: Allowance, horizontal: Bool, gutter: Int, at index: Int) -> Bool {
        let owner = horizontal ? horizontalOwner(gutter: gutter, column: index) : verticalOwner(gutter: gutter, row: index)
        return allowance.permits(owner)
            || (allowance.mustStayIn >= 0 && hasSide(allowance.mustStayIn, horizontal: horizontal, gutter: gutter, at: index))
    }

    /// Whether frame `k` has a side in that gutter alongside lattice step `index`.
    func hasSide(_ k: Int, horizontal: Bool, gutter: Int, at index: Int) -> Bool {
        guard let rect = rects[k] else { return false }
        return horizontal
            ? (gutter == rect.row || gutter == rect.lastRow + 1) && index >= rect.col && index <= rect.lastCol
            : (gutter == rect.col || gutter == rect.lastCol + 1) && index >= rect.row && index <= rect.lastRow
    }

    /// Where a segment's lanes go: 0 in the middle of its gutter; for a line that must stay in a frame and
    /// runs in that frame's border gutter, along its side, `2 × level + 1` between the side and cells after
    /// the gutter (below, right), `2 × level` before it, `level` being the frame's count on that side.
    func innerSlot(_ segment: GutterSegment, _ allowance: Allowance) -> Int {
        let k = allowance.mustStayIn
        guard k >= 0, segment.hi > segment.lo, let rect = rects[k] else { return 0 }
        let first = segment.lo / 2, last = (segment.hi - 1) / 2, c = counts[k]
        if segment.isHorizontal {
            guard first >= rect.col, last <= rect.lastCol else { return 0 }
            if segment.gutter == rect.row { return 2 * c.top + 1 }
            if segment.gutter == rect.lastRow + 1 { return 2 * c.bottom }
        } else {
            guard first >= rect.row, last <= rect.lastRow else { return 0 }
            if segment.gutter == rect.col { return 2 * c.left + 1 }
            if segment.gutter == rect.lastCol + 1 { return 2 * c.right }
        }
        return 0
    }

    /// Whether a straight line between two cells in one row or column passes through a frame that holds
    /// neither of them (through its empty cells or the gutters between them).
    func straightLineTrespasses(from source: Int, _ a: GridCell, to target: Int, _ b: GridCell) -> Bool {
        let allowance = allowance(from: source, to: target)
        for (k, rect) in rects.enumerated() {
            guard let rect, !allowance.frames.contains(k) else { continue }
            if a.col == b.col {
                let low = min(a.row, b.row) + 1, high = max(a.row, b.row) - 1
                if a.col >= rect.col, a.col <= rect.lastCol, low <= high, low <= rect.lastRow, high >= rect.row { return true }
            } else if a.row == b.row {
                let low = min(a.col, b.col) + 1, high = max(a.col, b.col) - 1
                if a.row >= rect.row, a.row <= rect.lastRow, low <= high, low <= rect.lastCol, high >= rect.col { return true }
            }
        }
        return false
    }

    /// The smallest rectangle of lattice points around two cells and the frames a route trespasses on,
    /// widened by `margin` gutters: where a detour is looked for.
    func window(around cells: [GridCell], frames: [Int], margin: Int) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        var top = cells.map(\.row).min() ?? 0, bottom = (cells.map(\.row).max() ?? 0) + 1
        var left = cells.map(\.col).min() ?? 0, right = (cells.map(\.col).max() ?? 0) + 1
        for k in frames {
            guard k >= 0, k < rects.count, let rect = rects[k] else { continue }
            top = min(top, rect.row)
            bottom = max(bottom, rect.lastRow + 1)
            left = min(left, rect.col)
            right = max(right, rect.lastCol + 1)
        }
        return (max(0, top - margin)...min(rows, bottom + margin), max(0, left - margin)...min(columns, right + margin))
    }
}
