/// Line labels in a chart with frames. A label sits beside the start of its line; where that line
/// leaves (or enters) a frame there, or runs along a frame's side, the label sat across the side and read
/// as belonging to neither. Here it slides along the line to the nearest place clear of frame sides,
/// other lines, boxes and the labels placed before it: beside the first piece of the line on its usual
/// side, then on the other side, then beside the second piece and the third (a loop inside a frame turns
/// into its lane a few pixels after its start, and the lane can be too narrow for a label beside it).
/// Where nothing fits it stays where it was, on its backing.
extension SVGEdges {
    func clearOfFrames(_ route: EdgeRoute, left: Double, baseline: Double, width: Double, size: Double,
                       placed: [SVGFrames.Obstacle]) -> (left: Double, baseline: Double) {
        let height = size * 1.25
        for piece in 0..<min(3, route.points.count - 1) {
            let (a, b) = (route.points[piece], route.points[piece + 1])
            guard a.count >= 2, b.count >= 2, a != b else { continue }
            let horizontal = a[1] == b[1]
            guard horizontal || a[0] == b[0] else { continue }
            // Beside the piece: above then below a horizontal one, right then left of a vertical one.
            let across: [Double] = horizontal ? [a[1] - 6 - size, a[1] + 4] : [a[0] + 6, a[0] - 6 - width]
            for offside in across {
                // The label's near end, as far from the piece's start as the first label sits from its line's.
                guard let spot = slide(along: horizontal ? (a[0], b[0]) : (a[1], b[1]), extent: horizontal ? width : height,
                                       band: horizontal ? offside...(offside + height) : (offside - 2)...(offside + width + 2),
                                       horizontal: horizontal, placed: placed) else { continue }
                let (l, top) = horizontal ? (spot, offside) : (offside, spot)
                if !crossesAFrame(left: l - 2, top: top, width: width + 4, height: height),
                   !coversABox(left: l - 2, top: top, width: width + 4, height: height, placed: placed) {
                    return (labelLeft(l, width: width), labelBaseline(top + size, size: size))
                }
            }
        }
        return (left, baseline)
    }

    /// The label's span along a piece from `ends.0` toward `ends.1`: the nearest to the piece's start
    /// (6 px after it) where nothing is in the label's band (`obstacles`), ending 2 px before the piece
    /// does; nil when the piece has no such place. Returns the span's lower coordinate.
    private func slide(along ends: (Double, Double), extent: Double, band: ClosedRange<Double>, horizontal: Bool,
                       placed: [SVGFrames.Obstacle]) -> Double? {
        let gap = 4.0
        let forward = ends.1 >= ends.0
        // Distances from the piece's start, each obstacle as the stretch it takes along the piece.
        let blocked = obstacles(across: band, horizontal: horizontal, placed: placed).map { o -> ClosedRange<Double> in
            let (x, y) = forward ? (o.lowerBound - ends.0, o.upperBound - ends.0) : (ends.0 - o.upperBound, ends.0 - o.lowerBound)
            return x...y
        }
        let length = abs(ends.1 - ends.0)
        // At the usual 6 px, or just past something in the way.
        for near in ([6.0] + blocked.map { $0.upperBound + gap }).sorted() where near >= 6 && near + extent <= length - 2 {
            let far = near + extent
            if blocked.contains(where: { $0.upperBound > near - gap && $0.lowerBound < far + gap }) { continue }
            return forward ? ends.0 + near : ends.0 - far
        }
        return nil
    }

    /// Whether any frame's side runs through a box.
    private func crossesAFrame(left: Double, top: Double, width: Double, height: Double) -> Bool {
        frames.contains { f in
            let overlapsX = left < f.x + f.width && left + width > f.x, overlapsY = top < f.y + f.height && top + height > f.y
            let upright = [f.x, f.x + f.width].contains { $0 > left && $0 < left + width } && overlapsY
            let level = [f.y, f.y + f.height].contains { $0 > top && $0 < top + height } && overlapsX
            return upright || level
        }
    }

    /// Whether a box overlaps a node's box or a label placed before.
    private func coversABox(left: Double, top: Double, width: Double, height: Double, placed: [SVGFrames.Obstacle]) -> Bool {
        ((obstacles?.boxes ?? []) + placed).contains { b in left < b.x + b.width && b.x < left + width && top < b.y + b.height && b.y < top + height }
    }

    /// What lies in the band a label takes beside a horizontal (or vertical) piece of line, as stretches
    /// along the piece: the frames' upright (level) sides and the lines' upright (level) pieces, its own
    /// included (a label on its own turn hides it), the boxes and the labels placed before.
    private func obstacles(across band: ClosedRange<Double>, horizontal: Bool, placed: [SVGFrames.Obstacle]) -> [ClosedRange<Double>] {
        guard let obstacles else { return [] }
        var found: [ClosedRange<Double>] = []
        for piece in horizontal ? obstacles.upright : obstacles.level where piece.high > band.lowerBound && piece.low < band.upperBound {
            found.append(piece.at...piece.at)
        }
        for b in obstacles.boxes + placed {
            let (low, high) = horizontal ? (b.y, b.y + b.height) : (b.x, b.x + b.width)
            guard high > band.lowerBound, low < band.upperBound else { continue }
            found.append(horizontal ? b.x...(b.x + b.width) : b.y...(b.y + b.height))
        }
        return found
    }
}

/// Everything a label may have to keep clear of, flattened once per drawing: every label looks at all of
/// it, and reading it from the routes' nested point arrays each time took most of a 2,000-node chart's
/// drawing.
struct LabelObstacles {
    /// A straight stretch: at `at` across, from `low` to `high` along.
    struct Piece {
        var at: Double
        var low: Double
        var high: Double
    }

    /// Vertical pieces (frames' left and right sides, lines' vertical pieces) and horizontal ones.
    private(set) var upright: [Piece] = []
    private(set) var level: [Piece] = []
    /// The nodes' boxes.
    let boxes: [SVGFrames.Obstacle]

    init(frames: [GroupFrame], lines: [EdgeRoute], boxes: [NodeBox]) {
        self.boxes = boxes.map { SVGFrames.Obstacle(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
        for f in frames {
            upright += [Piece(at: f.x, low: f.y, high: f.y + f.height), Piece(at: f.x + f.width, low: f.y, high: f.y + f.height)]
            level += [Piece(at: f.y, low: f.x, high: f.x + f.width), Piece(at: f.y + f.height, low: f.x, high: f.x + f.width)]
        }
        for line in lines {
            for (p, q) in zip(line.points, line.points.dropFirst()) where p.count >= 2 && q.count >= 2 {
                if p[0] == q[0] { upright.append(Piece(at: p[0], low: min(p[1], q[1]), high: max(p[1], q[1]))) }
                if p[1] == q[1] { level.append(Piece(at: p[1], low: min(p[0], q[0]), high: max(p[0], q[0]))) }
            }
        }
    }
}
