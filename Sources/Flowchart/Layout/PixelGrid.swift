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

    /// Room kept in each gutter beside the cells for frames (`FrameRoom`): the lines run between.
    private var verticalRoom: [FrameRoom.Side]
    private var horizontalRoom: [FrameRoom.Side]
    /// For the lanes of lines that run between a frame's side and its cells.
    private let frames: FrameRoom?

    /// `labelRoom`: per column gutter, the width the labels leaving sideways into it need (`FlowchartLayout.labelRoom`).
    init(_ placement: GridPlacement, sizes: [NodeSizing.Size], lanes: LaneCounts, options: LayoutOptions, frames: FrameRoom? = nil,
         labelRoom: [Double] = []) {
        self.lanes = lanes
        self.frames = frames
        spacing = options.laneSpacing
        columnWidth = Array(repeating: 0, count: placement.columns)
        rowHeight = Array(repeating: 0, count: placement.rows)
        verticalRoom = frames?.vertical ?? Array(repeating: FrameRoom.Side(), count: placement.columns + 1)
        horizontalRoom = frames?.horizontal ?? Array(repeating: FrameRoom.Side(), count: placement.rows + 1)
        for (node, cell) in placement.cells.enumerated() {
            columnWidth[cell.col] = max(columnWidth[cell.col], sizes[node].width)
            rowHeight[cell.row] = max(rowHeight[cell.row], sizes[node].height)
        }
        for cell in frames?.vacant ?? [] {
            columnWidth[cell.col] = max(columnWidth[cell.col], NodeSizing.minimumWidth)
            rowHeight[cell.row] = max(rowHeight[cell.row], (options.lineHeight + 1.6 * options.padding).rounded(.up))
        }
        let verticalGutters = (0...placement.columns).map {
            max(Self.gutterSize($0, of: placement.columns, horizontal: false, lanes: lanes, room: verticalRoom[$0], options: options),
                $0 < labelRoom.count ? labelRoom[$0] : 0)
        }
        let horizontalGutters = (0...placement.rows).map {
            Self.gutterSize($0, of: placement.rows, horizontal: true, lanes: lanes, room: horizontalRoom[$0], options: options)
        }
        // A frame's title must fit inside it, clear of a line crossing its band: its last column widens
        // when its cells are too narrow.
        for span in frames?.titleSpans ?? [] {
            let pad = FrameRoom.pad
            let inner = verticalGutters[(span.first + 1)..<(span.last + 1)].reduce(0, +)
            let cells = columnWidth[span.first...span.last].reduce(0, +)
            let frameWidth = cells + inner + span.left + span.right
            var needed = span.title + 2 * pad
            var widening = 1.0
            if let column = span.crossing {
                // The line's distance from the frame's left side; the title goes left of it if it fits.
                let line = span.left + columnWidth[span.first..<column].reduce(0, +)
                    + verticalGutters[(span.first + 1)..<(column + 1)].reduce(0, +) + columnWidth[column] / 2
                if line - 4 - pad < span.title {
                    needed = max(needed, line + 4 + span.title + pad)
                    // Widening the crossed column itself moves its line by half as much.
                    if column == span.last { widening = 2 }
                }
            }
            if frameWidth < needed { columnWidth[span.last] += (needed - frameWidth) * widening }
        }
        width = Self.stack(columnWidth, gutters: verticalGutters, start: &columnX, gutterStart: &verticalGutterX)
        height = Self.stack(rowHeight, gutters: horizontalGutters, start: &rowY, gutterStart: &horizontalGutterY)
        verticalGutterWidth = verticalGutters
        horizontalGutterHeight = horizontalGutters
    }

    /// A gutter is at least `gap` (`margin` at the outside), and wide enough for its lanes and the frames'
    /// room on both sides of them.
    private static func gutterSize(_ gutter: Int, of count: Int, horizontal: Bool, lanes: LaneCounts,
                                   room: FrameRoom.Side, options: LayoutOptions) -> Double {
        let outer = gutter == 0 || gutter == count
        let laneCount = lanes.total(horizontal: horizontal, gutter: gutter)
        return max(outer ? options.margin : options.gap, Double(laneCount + 1) * options.laneSpacing + room.low + room.high)
    }

    /// Lays bands and gutters end to end along one axis; returns the total length.
    private static func stack(_ sizes: [Double], gutters: [Double], start: inout [Double], gutterStart: inout [Double]) -> Double {
        var position = 0.0
        for gutter in 0...sizes.count {
            gutterStart.append(position)
            position += gutters[gutter]
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
        if segment.inner > 0, let frames {
            // Measured from the cells the lane runs beside: after the gutter (high slots) or before it.
            let offset = frames.innerLaneOffset(horizontal: horizontal, gutter: segment.gutter, slot: segment.inner, lane: segment.lane)
            let start = horizontal ? horizontalGutterY[segment.gutter] : verticalGutterX[segment.gutter]
            let size = horizontal ? horizontalGutterHeight[segment.gutter] : verticalGutterWidth[segment.gutter]
            return segment.inner % 2 == 1 ? start + size - offset : start + offset
        }
        let total = lanes.total(horizontal: horizontal, gutter: segment.gutter)
        var index = segment.lane
        for band in 0..<segment.band { index += lanes.lanes(horizontal: horizontal, gutter: segment.gutter, band: band) }
        let room = horizontal ? horizontalRoom[segment.gutter] : verticalRoom[segment.gutter]
        let start = (horizontal ? horizontalGutterY[segment.gutter] : verticalGutterX[segment.gutter]) + room.low
        let size = (horizontal ? horizontalGutterHeight[segment.gutter] : verticalGutterWidth[segment.gutter]) - room.low - room.high
        return start + (size - Double(total - 1) * spacing) / 2 + Double(index) * spacing
    }
}
