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
/// never run on one line; the top side also leaves a band for the title. The gutters are widened by that
/// room on the side it is taken, and their lines keep to the middle (see `PixelGrid.laneCoordinate`).
struct FrameRoom {
    static let pad = 8.0

    struct Side { var low = 0.0, high = 0.0 }

    let rects: [CellRect?]
    let groups: [NodeGroup]
    /// The empty cells of groups with no nodes: each gets a one-line node's room, so the frame is a box.
    let vacant: [GridCell]
    let titleBand: Double
    let titleSize: Double
    /// Per group: how many frames (itself included) share its left, right, top and bottom line of cells.
    private(set) var counts: [(left: Int, right: Int, top: Int, bottom: Int)] = []
    /// Per vertical gutter (0 … columns) and horizontal gutter (0 … rows): room taken next to the cells
    /// before it (`low`) and after it (`high`).
    private(set) var vertical: [Side]
    private(set) var horizontal: [Side]
    /// Per group: the leftmost column where a line enters or leaves a node of its top row through the
    /// top, crossing the title's band there; nil when none does.
    private(set) var crossings: [Int?] = []

    init(rects: [CellRect?], groups: [NodeGroup], vacant: [GridCell] = [], columns: Int, rows: Int, fontSize: Double) {
        self.rects = rects
        self.groups = groups
        self.vacant = vacant
        titleSize = Self.titleSize(fontSize: fontSize)
        titleBand = (titleSize * 1.3).rounded(.up) + 4
        vertical = Array(repeating: Side(), count: columns + 1)
        horizontal = Array(repeating: Side(), count: rows + 1)
        counts = rects.indices.map { _ in (0, 0, 0, 0) }
        crossings = rects.map { _ in nil }
        for (k, rect) in rects.enumerated() {
            guard let rect else { continue }
            var left = 0, right = 0, top = 0, bottom = 0
            for (h, inner) in rects.enumerated() where inner != nil && isWithin(h, k) {
                let r = inner!
                if r.col == rect.col { left += 1 }
                if r.lastCol == rect.lastCol { right += 1 }
                if r.row == rect.row { top += 1 }
                if r.lastRow == rect.lastRow { bottom += 1 }
            }
            counts[k] = (left, right, top, bottom)
            vertical[rect.col].high = max(vertical[rect.col].high, Double(left) * Self.pad)
            vertical[rect.lastCol + 1].low = max(vertical[rect.lastCol + 1].low, Double(right) * Self.pad)
            horizontal[rect.row].high = max(horizontal[rect.row].high, Double(top) * (Self.pad + titleBand))
            horizontal[rect.lastRow + 1].low = max(horizontal[rect.lastRow + 1].low, Double(bottom) * Self.pad)
        }
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

    /// Whether group `h` is `k` or nested in it.
    private func isWithin(_ h: Int, _ k: Int) -> Bool {
        groups.chain(from: h, limit: GroupPlacer.maxDepth).contains(k)
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
            return (rect.col, rect.lastCol, title, crossings[k], Double(counts[k].left) * Self.pad, Double(counts[k].right) * Self.pad)
        }
    }

    func frames(on grid: PixelGrid) -> [GroupFrame] {
        rects.enumerated().compactMap { k, rect in
            guard let rect else { return nil }
            let c = counts[k]
            let x0 = grid.columnX[rect.col] - Double(c.left) * Self.pad
            let x1 = grid.columnX[rect.lastCol] + grid.columnWidth[rect.lastCol] + Double(c.right) * Self.pad
            let y0 = grid.rowY[rect.row] - Double(c.top) * (Self.pad + titleBand)
            let y1 = grid.rowY[rect.lastRow] + grid.rowHeight[rect.lastRow] + Double(c.bottom) * Self.pad
            let depth = groups.chain(from: k, limit: GroupPlacer.maxDepth).count - 1
            return GroupFrame(id: groups[k].id, title: Self.shownTitle(groups[k].title), x: x0, y: y0,
                              width: x1 - x0, height: y1 - y0, depth: depth, parent: groups[k].parent.map { groups[$0].id })
        }
        .sorted { ($0.depth, $0.y, $0.x) < ($1.depth, $1.y, $1.x) }
    }
}
