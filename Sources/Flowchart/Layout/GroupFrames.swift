/// A group's frame as drawn: a rectangle around its members' cells, in the gutters beside them, with its
/// title along the top.
public struct GroupFrame: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// How many groups it is nested in (0 at the top): drawn outermost first.
    public var depth: Int
    /// The id of the group it is nested in, if any.
    public var parent: String?

    public init(id: String, title: String, x: Double, y: Double, width: Double, height: Double, depth: Int, parent: String? = nil) {
        self.parent = parent
        self.id = id
        self.title = title
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.depth = depth
    }
}

/// Where frames go and the room they need. A frame's sides run in the gutters next to its block, one
/// `pad` from the cells, one more for each group nested inside it that shares that side, so nested frames
/// never run on one line; the top side also leaves a band for the title. Lines that stay inside a frame
/// and run along its side take lanes between that side and the cells (`FrameMap.innerSlot`), which push
/// the side (and every side outside it) further out. The gutters are widened by that room on the side it
/// is taken, and their other lines keep to the middle (see `PixelGrid.laneCoordinate`).
struct FrameRoom {
    static let pad = 8.0

    struct Side { var low = 0.0, high = 0.0 }

    /// The frames' cells, groups and side counts.
    let map: FrameMap
    private var rects: [CellRect?] { map.rects }
    private var groups: [NodeGroup] { map.groups }
    private var counts: [(left: Int, right: Int, top: Int, bottom: Int)] { map.counts }
    /// The empty cells of groups with no nodes: each gets a one-line node's room, so the frame is a box.
    let vacant: [GridCell]
    let titleBand: Double
    let titleSize: Double
    /// Per vertical gutter (0 … columns) and horizontal gutter (0 … rows): room taken next to the cells
    /// before it (`low`) and after it (`high`).
    private(set) var vertical: [Side]
    private(set) var horizontal: [Side]
    /// Per gutter side, how far from the cells the side of a frame with count `c` runs: `offsets[c]`
    /// (`offsets[0]` is 0, the cells' edge; frame `c`'s inner lanes run between `c - 1` and `c`).
    private var sideOffsets: [SideKey: [Double]] = [:]
    private let spacing: Double
    /// Per group: the leftmost column where a line enters or leaves a node of its top row through the
    /// top, crossing the title's band there; nil when none does.
    private(set) var crossings: [Int?] = []

    struct SideKey: Hashable {
        var horizontal: Bool
        var gutter: Int
        /// The cells after the gutter (below, right), rather than before it.
        var high: Bool
    }

    init(map: FrameMap, vacant: [GridCell] = [], lanes: LaneCounts, spacing: Double, columns: Int, rows: Int, fontSize: Double) {
        self.map = map
        self.vacant = vacant
        self.spacing = spacing
        titleSize = Self.titleSize(fontSize: fontSize)
        titleBand = (titleSize * 1.3).rounded(.up) + 4
        vertical = Array(repeating: Side(), count: columns + 1)
        horizontal = Array(repeating: Side(), count: rows + 1)
        crossings = rects.map { _ in nil }
        // The deepest side on each gutter side first, then each level's offset from the cells out.
        var levels: [SideKey: Int] = [:]
        for (k, rect) in rects.enumerated() {
            guard let rect else { continue }
            let c = counts[k]
            for (key, count) in [(SideKey(horizontal: false, gutter: rect.col, high: true), c.left),
                                 (SideKey(horizontal: false, gutter: rect.lastCol + 1, high: false), c.right),
                                 (SideKey(horizontal: true, gutter: rect.row, high: true), c.top),
                                 (SideKey(horizontal: true, gutter: rect.lastRow + 1, high: false), c.bottom)] {
                levels[key] = max(levels[key] ?? 0, count)
            }
        }
        for (key, deepest) in levels {
            // A top side also holds its title's band, above the lines running along it.
            let band = key.horizontal && key.high ? titleBand : 0
            var offsets = [0.0]
            for level in 1...deepest {
                let lines = Double(lanes.innerLanes(horizontal: key.horizontal, gutter: key.gutter, slot: 2 * level + (key.high ? 1 : 0)))
                offsets.append(offsets[level - 1] + lines * spacing + band + Self.pad)
            }
            sideOffsets[key] = offsets
            let room = offsets[deepest]
            if key.horizontal {
                if key.high { horizontal[key.gutter].high = room } else { horizontal[key.gutter].low = room }
            } else {
                if key.high { vertical[key.gutter].high = room } else { vertical[key.gutter].low = room }
            }
        }
    }

    /// How far from the cells the side of a frame with `count` runs in a gutter side.
    func offset(horizontal: Bool, gutter: Int, high: Bool, count: Int) -> Double {
        let offsets = sideOffsets[SideKey(horizontal: horizontal, gutter: gutter, high: high)] ?? [0]
        return offsets[min(count, offsets.count - 1)]
    }

    /// How far from the cells an inner lane runs: lane `lane` of slot `slot` (see `FrameMap.innerSlot`).
    func innerLaneOffset(horizontal: Bool, gutter: Int, slot: Int, lane: Int) -> Double {
        offset(horizontal: horizontal, gutter: gutter, high: slot % 2 == 1, count: slot / 2 - 1) + Double(lane + 1) * spacing
    }

    /// Notes where lines cross each frame's title band: through the top of a node in the frame's top row.
    mutating func noteCrossings(_ graph: IndexedGraph, _ ports: Ports, _ cells: [GridCell]) {
        // Groups by their top row, so each line end looks only at the frames that start on its row.
        var byTopRow: [Int: [Int]] = [:]
        for (k, rect) in rects.enumerated() { if let rect { byTopRow[rect.row, default: []].append(k) } }
        for (index, link) in graph.links.enumerated() {
            for (node, side) in [(link.to, ports.entry[index]), (link.from, ports.exit[index])] where side == .top {
                let cell = cells[node]
                for k in byTopRow[cell.row] ?? [] {
                    guard let rect = rects[k], cell.col >= rect.col, cell.col <= rect.lastCol else { continue }
                    crossings[k] = min(crossings[k] ?? cell.col, cell.col)
                }
            }
        }
    }

    /// The title as drawn: on one line, long ones cut with an ellipsis, so a frame never has to be much
    /// wider than a node.
    static func shownTitle(_ title: String) -> String {
        let line = title.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 48 ? String(line.prefix(47)) + "…" : line
    }

    static func titleSize(fontSize: Double) -> Double { (fontSize * 0.85).rounded() }

    /// Titles are drawn semi-bold, about a tenth wider than the regular text `TextMetrics` measures.
    static func titleWidth(_ title: String, size: Double) -> Double {
        (TextMetrics.width(of: title, fontSize: size) * 1.1).rounded(.up)
    }

    /// What each group's cells must hold for its title: its width (`title`, padding included, less the
    /// frame's sides), and the column a line crosses the title's band at, if any, with how far the frame's
    /// left side is from the cells (`left`): the title goes left of that line when it fits there, else
    /// right of it, and the cells widen for that.
    var titleSpans: [(first: Int, last: Int, title: Double, crossing: Int?, left: Double, right: Double)] {
        rects.enumerated().compactMap { k, rect in
            guard let rect else { return nil }
            let title = Self.titleWidth(Self.shownTitle(groups[k].title), size: titleSize)
            return (rect.col, rect.lastCol, title, crossings[k], offset(horizontal: false, gutter: rect.col, high: true, count: counts[k].left),
                    offset(horizontal: false, gutter: rect.lastCol + 1, high: false, count: counts[k].right))
        }
    }

    func frames(on grid: PixelGrid) -> [GroupFrame] {
        rects.enumerated().compactMap { k, rect in
            guard let rect else { return nil }
            let c = counts[k]
            let x0 = grid.columnX[rect.col] - offset(horizontal: false, gutter: rect.col, high: true, count: c.left)
            let x1 = grid.columnX[rect.lastCol] + grid.columnWidth[rect.lastCol] + offset(horizontal: false, gutter: rect.lastCol + 1, high: false, count: c.right)
            let y0 = grid.rowY[rect.row] - offset(horizontal: true, gutter: rect.row, high: true, count: c.top)
            let y1 = grid.rowY[rect.lastRow] + grid.rowHeight[rect.lastRow] + offset(horizontal: true, gutter: rect.lastRow + 1, high: false, count: c.bottom)
            let depth = groups.chain(from: k, limit: GroupPlacer.maxDepth).count - 1
            return GroupFrame(id: groups[k].id, title: Self.shownTitle(groups[k].title), x: x0, y: y0,
                              width: x1 - x0, height: y1 - y0, depth: depth, parent: groups[k].parent.map { groups[$0].id })
        }
        .sorted { ($0.depth, $0.y, $0.x) < ($1.depth, $1.y, $1.x) }
    }
}
