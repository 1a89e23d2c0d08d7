/// Gives every gutter segment a lane so that segments sharing a gutter and band never overlap: the
/// classic interval-colouring sweep, which needs as few lanes as the most segments stacked at one
/// point. Lane counts then widen the gutters.
struct LaneCounts {
    /// Lanes per (gutter, band), indexed `gutter * 3 + band`.
    var horizontal: [Int]
    var vertical: [Int]
    /// Inner lanes (beside a frame's side) per gutter and slot, see `GutterSegment.inner`.
    var inner: [InnerKey: Int] = [:]

    struct InnerKey: Hashable {
        var horizontal: Bool
        var gutter: Int
        var slot: Int
    }

    func innerLanes(horizontal: Bool, gutter: Int, slot: Int) -> Int {
        inner[InnerKey(horizontal: horizontal, gutter: gutter, slot: slot)] ?? 0
    }

    func lanes(horizontal isHorizontal: Bool, gutter: Int, band: Int) -> Int {
        isHorizontal ? horizontal[gutter * 3 + band] : vertical[gutter * 3 + band]
    }

    func total(horizontal isHorizontal: Bool, gutter: Int) -> Int {
        (0..<3).reduce(0) { $0 + lanes(horizontal: isHorizontal, gutter: gutter, band: $1) }
    }
}

enum LaneAssigner {
    static func assign(_ segments: inout [GutterSegment], columns: Int, rows: Int) -> LaneCounts {
        var counts = LaneCounts(horizontal: Array(repeating: 0, count: (rows + 1) * 3),
                                vertical: Array(repeating: 0, count: (columns + 1) * 3))
        // Sorting by group then start makes the sweep, and so the whole drawing, deterministic.
        let order = segments.indices.sorted { a, b in
            let x = segments[a], y = segments[b]
            return (x.isHorizontal ? 0 : 1, x.gutter, x.inner * 3 + x.band, x.lo, x.hi, a)
                < (y.isHorizontal ? 0 : 1, y.gutter, y.inner * 3 + y.band, y.lo, y.hi, b)
        }
        var heap = MinHeap()
        var groupStart = 0
        while groupStart < order.count {
            let head = segments[order[groupStart]]
            var next = groupStart
            heap.removeAll()
            var laneCount = 0
            while next < order.count {
                let index = order[next]
                let segment = segments[index]
                guard segment.isHorizontal == head.isHorizontal, segment.gutter == head.gutter,
                      segment.inner == head.inner, segment.band == head.band else { break }
                // Reuse the lane that freed up first, but only if it ended strictly before this
                // segment starts: touching segments in one lane would read as one line.
                let lane: Int
                if let top = heap.min, top.key < segment.lo {
                    lane = heap.popMin().value
                } else {
                    lane = laneCount
                    laneCount += 1
                }
                segments[index].lane = lane
                heap.push((segment.hi, lane))
                next += 1
            }
            if head.inner > 0 {
                counts.inner[LaneCounts.InnerKey(horizontal: head.isHorizontal, gutter: head.gutter, slot: head.inner)] = laneCount
            } else {
                let slot = head.gutter * 3 + head.band
                if head.isHorizontal { counts.horizontal[slot] = laneCount } else { counts.vertical[slot] = laneCount }
            }
            groupStart = next
        }
        return counts
    }
}
