/// Each node's lines out, in written order, without building an array per node (a 50,000-node chart).
struct OutLinks {
    /// Per node: where its links start in `order`.
    private var starts: [Int]
    private var order: [Int]
    var incoming: [Int]
    /// Per link: left out (a repeat, or a branch too many).
    var dropped: [Bool]

    init(nodeCount: Int, links: [MermaidLink], resolved: [Int]) {
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        incoming = [Int](repeating: 0, count: nodeCount)
        dropped = [Bool](repeating: false, count: links.count)
        for l in resolved { counts[Int(links[l].from) + 1] += 1 }
        for n in 0..<nodeCount { counts[n + 1] += counts[n] }
        starts = counts
        order = [Int](repeating: 0, count: resolved.count)
        var fill = counts
        for l in resolved {
            let from = Int(links[l].from)
            // A second identical line (same ends, same label) adds nothing to the interview.
            var repeated = false
            var k = starts[from]
            // Only the first few: a node with more lines out is an error anyway, and a 10,000-way `&`
            // must not cost 10,000² comparisons.
            while k < min(fill[from], starts[from] + 8) {
                // Fields, not the whole link: a copy retains and releases its label and id.
                let other = order[k]
                if links[other].to == links[l].to && links[other].label == links[l].label { repeated = true; break }
                k += 1
            }
            if repeated { dropped[l] = true; continue }
            order[fill[from]] = l
            fill[from] += 1
            incoming[Int(links[l].to)] += 1
        }
        ends.reserveCapacity(nodeCount)
        for n in 0..<nodeCount { ends.append(fill[n]) }
    }

    private var ends: [Int] = []

    func count(_ n: Int) -> Int { ends[n] - starts[n] }

    func links(of n: Int) -> ArraySlice<Int> { order[starts[n]..<ends[n]] }
}
