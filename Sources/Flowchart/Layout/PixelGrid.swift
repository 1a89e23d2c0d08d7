/// Turns grid positions into pixels. Each column is as wide as its widest node and each row as tall as
/// its tallest; gutters between them are at least `gap` wide and grow with the lanes they carry.
struct PixelGrid {
    private(set) var columnX: [Double] = []
    private(set) var columnWidth: [Double]
    private(set) var rowY: [Double] = []
    private(set) var rowHeight: [Double]
    private var verticalGutterX: [Double] = []
    private var verticalGutterWidth: [Double] = []
    private var horizontalGutterY: [Double] = []
    private var horizontalGutterHeight: [Double] = []
    private let lanes: LaneCounts
    private let spacing: Double
    private(set) var width = 0.0
    private(set) var height = 0.0

    init(_ placement: GridPlacement, sizes: [NodeSizing.Size], lanes: LaneCounts, options: LayoutOptions) {
        self.lanes = lanes
        spacing = options.laneSpacing
        columnWidth = Array(repeating: 0, count: placement.columns)
        rowHeight = Array(repeating: 0, count: placement.rows)
        for (node, cell) in placement.cells.enumerated() {
            columnWidth[cell.col] = max(columnWidth[cell.col], sizes[node].width)
            rowHeight[cell.row] = max(rowHeight[cell.row], sizes[node].height)
        }
        width = Self.stack(columnWidth, horizontal: false, lanes: lanes, options: options,
                           start: &columnX, gutterStart: &verticalGutterX, gutterSize: &verticalGutterWidth)
        height = Self.stack(rowHeight, horizontal: true, lanes: lanes, options: options,
                            start: &rowY, gutterStart: &horizontalGutterY, gutterSize: &horizontalGutterHeight)
    }

    /// Lays bands and gutters end to end along one axis; returns the total length.
    private static func stack(_ sizes: [Double], horizontal: Bool, lanes: LaneCounts, options: LayoutOptions,
                              start: inout [Double], gutterStart: inout [Double], gutterSize: inout [Double]) -> Double {
        var position = 0.0
        for gutter in 0...sizes.count {
            let outer = gutter == 0 || gutter == sizes.count
            let laneCount = lanes.total(horizontal: horizontal, gutter: gutter)
            let size = max(outer ? options.margin : options.gap, Double(laneCount + 1) * options.laneSpacing)
            gutterStart.append(position)
            gutterSize.append(size)
            position += size
            if gutter < sizes.count {
                start.append(position)
                position += sizes[gutter]
            }
        }
        return position
    }

    func centreX(column: Int) -> Double { columnX[column] + columnWidth[column] / 2 }
    func centreY(row: Int) -> Double { rowY[row] + rowHeight[row] / 2 }

    /// The line a segment runs on: lanes sit side by side, centred in their gutter, bands in order.
    func laneCoordinate(_ segment: GutterSegment) -> Double {
        let horizontal = segment.isHorizontal
        let total = lanes.total(horizontal: horizontal, gutter: segment.gutter)
        var index = segment.lane
        for band in 0..<segment.band { index += lanes.lanes(horizontal: horizontal, gutter: segment.gutter, band: band) }
        let start = horizontal ? horizontalGutterY[segment.gutter] : verticalGutterX[segment.gutter]
        let size = horizontal ? horizontalGutterHeight[segment.gutter] : verticalGutterWidth[segment.gutter]
        return start + (size - Double(total - 1) * spacing) / 2 + Double(index) * spacing
    }
}
