/// Line labels in a chart with frames. A label sits beside the start of its line; where that line
/// leaves (or enters) a frame there, the label sat across the frame's side, and read as belonging to
/// neither. Here it moves along the line's first piece past the side (or back before it), and failing
/// that tries the line's other side; where nothing fits it stays where it was, on its backing.
extension SVGEdges {
    func clearOfFrames(_ route: EdgeRoute, left: Double, baseline: Double, width: Double, size: Double) -> (left: Double, baseline: Double) {
        let (start, next) = (route.points[0], route.points[1])
        let horizontal = start[1] == next[1]
        guard horizontal || start[0] == next[0] else { return (left, baseline) }
        // Its usual side of the line first: above a horizontal piece, right of a vertical one.
        let candidates = horizontal
            ? [(left, baseline), (left, labelBaseline(start[1] + size + 4, size: size))]
            : [(left, baseline), (labelLeft(start[0] - 6 - width, width: width), baseline)]
        for (x, y) in candidates {
            var (l, b) = (x, y)
            if horizontal {
                l = clearOfSides(l, extent: width, along: min(start[0], next[0])...max(start[0], next[0]), goingBack: next[0] < start[0],
                                 sides: sides(across: (b - size)...(b + size * 0.25), horizontal: true, except: route))
            } else {
                // The label spans size * 1.25 from `baseline - size`; moved as a box, then back to its baseline.
                b = clearOfSides(b - size, extent: size * 1.25, along: min(start[1], next[1])...max(start[1], next[1]),
                                 goingBack: next[1] < start[1], sides: sides(across: (l - 2)...(l + width + 2), horizontal: false, except: route)) + size
            }
            if !crossesAFrame(left: l - 2, top: b - size, width: width + 4, height: size * 1.25) { return (l, b) }
        }
        return (left, baseline)
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

    /// Where, along a horizontal (or vertical) piece of line, something crosses the band its label takes:
    /// the frames' left and right (top and bottom) sides, and the other lines' vertical (horizontal) pieces.
    private func sides(across band: ClosedRange<Double>, horizontal: Bool, except route: EdgeRoute) -> [Double] {
        var found: [Double] = []
        for f in frames {
            let (low, high) = horizontal ? (f.y, f.y + f.height) : (f.x, f.x + f.width)
            guard high > band.lowerBound, low < band.upperBound else { continue }
            found += horizontal ? [f.x, f.x + f.width] : [f.y, f.y + f.height]
        }
        for line in lines where !(line.from == route.from && line.branch == route.branch) {
            for (p, q) in zip(line.points, line.points.dropFirst()) where p.count >= 2 && q.count >= 2 {
                let across = horizontal ? p[0] == q[0] : p[1] == q[1]
                let (a, b) = horizontal ? (p[1], q[1]) : (p[0], q[0])
                if across, max(a, b) > band.lowerBound, min(a, b) < band.upperBound { found.append(horizontal ? p[0] : p[1]) }
            }
        }
        return found
    }

    /// A label's span along the first piece of its line, moved when something crosses it: past the last
    /// thing it crosses when the piece is long enough, else back before the first; left where it was when
    /// neither fits. `lower … lower + extent` is the span (the backing's 2 px each side kept clear too);
    /// `along` is the piece, from the line's start (its far end when `goingBack`).
    private func clearOfSides(_ lower: Double, extent: Double, along piece: ClosedRange<Double>, goingBack: Bool, sides: [Double]) -> Double {
        let gap = 4.0
        let crossed = sides.filter { $0 > lower - gap && $0 < lower + extent + gap }
        guard !crossed.isEmpty else { return lower }
        let isClear = { (at: Double) in !sides.contains { $0 > at - gap && $0 < at + extent + gap } }
        if goingBack {
            let past = (crossed.min() ?? lower) - gap - extent
            if past >= piece.lowerBound + 2, isClear(past) { return past }
            let before = (crossed.max() ?? lower) + gap
            if before + extent <= piece.upperBound - 2, isClear(before) { return before }
        } else {
            let past = (crossed.max() ?? lower) + gap
            if past + extent <= piece.upperBound - 2, isClear(past) { return past }
            let before = (crossed.min() ?? lower) - gap - extent
            if before >= piece.lowerBound + 2, isClear(before) { return before }
        }
        return lower
    }
}
