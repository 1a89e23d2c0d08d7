/// A binary min-heap of integer pairs, ordered by key and then value, so ties come out the same way every
/// run: lanes keyed by where their last segment ends (`LaneAssigner`), lattice states by their distance
/// (`LatticeSearch`).
struct MinHeap {
    private var items: [(key: Int, value: Int)] = []

    var min: (key: Int, value: Int)? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ item: (key: Int, value: Int)) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> (key: Int, value: Int) {
        let top = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
            if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
            if smallest == parent { return top }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private static func less(_ a: (key: Int, value: Int), _ b: (key: Int, value: Int)) -> Bool {
        (a.key, a.value) < (b.key, b.value)
    }
}
