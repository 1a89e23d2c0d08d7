import Foundation

/// The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975; as set out in Gilbert 1987,
/// §16.4): does a value tend to be higher later than earlier, beyond chance?
///
///     S = Σ_{i<j} sign(tj − ti) · sign(xj − xi)
///     Var S = [n(n−1)(2n+5) − Σ u(u−1)(2u+5) − Σ v(v−1)(2v+5)] / 18
///           + [Σ u(u−1)(u−2)] · [Σ v(v−1)(v−2)] / [9 n(n−1)(n−2)]
///           + [Σ u(u−1)] · [Σ v(v−1)] / [2 n(n−1)]
///     Z = (S − 1)/√Var if S > 0,  0 if S = 0,  (S + 1)/√Var if S < 0   (continuity correction)
///
/// u: sizes of groups of tied values, v: of tied times. With distinct times this is Gilbert's formula
/// with its tie correction (the v terms vanish); tied times — two interviews on the same day — count as
/// neither earlier nor later, which is Kendall's S between time and value with its full tie variance.
/// Ratings on a 0–4 scale are mostly ties, so the correction matters. The p-value is one-sided,
/// P(Z ≥ z) under no trend, because the question asked is "are ratings rising?" (a leak).
public struct MannKendallTrend: Hashable, Sendable {
    public var s: Int
    public var variance: Double
    public var z: Double
    /// One-sided: probability of a Z this high or higher if there were no trend.
    public var pIncreasing: Double
    public var count: Int

    /// nil with fewer than 3 points or no variance (every value, or every time, the same).
    public static func test(times: [Double], values: [Double]) -> MannKendallTrend? {
        let n = min(times.count, values.count)
        guard n >= 3 else { return nil }
        let (s, variance) = scoreAndVariance(times: Array(times.prefix(n)), values: Array(values.prefix(n)))
        return make(s: s, variance: variance, count: n)
    }

    /// The stratified test (the seasonal Kendall test of Hirsch, Slack & Smith 1982, with groups in place of
    /// seasons): S and its variance taken within each group and summed, Z from the sums. Pairs across
    /// groups never count, so groups that differ in level and in time — a guide adopted later by a
    /// stronger team — do not make a trend. Groups under 3 points add nothing.
    public static func stratified(_ groups: [(times: [Double], values: [Double])]) -> MannKendallTrend? {
        var s = 0, variance = 0.0, count = 0
        for group in groups {
            let n = min(group.times.count, group.values.count)
            guard n >= 3 else { continue }
            let part = scoreAndVariance(times: Array(group.times.prefix(n)), values: Array(group.values.prefix(n)))
            s += part.s
            variance += part.variance
            count += n
        }
        return count >= 3 ? make(s: s, variance: variance, count: count) : nil
    }

    private static func make(s: Int, variance: Double, count: Int) -> MannKendallTrend? {
        guard variance > 0 else { return nil }
        let z = s > 0 ? Double(s - 1) / variance.squareRoot() : s < 0 ? Double(s + 1) / variance.squareRoot() : 0
        return MannKendallTrend(s: s, variance: variance, z: z, pIncreasing: 0.5 * erfc(z / 2.0.squareRoot()), count: count)
    }

    /// S and its variance with the tie terms (the formula at the top).
    private static func scoreAndVariance(times: [Double], values: [Double]) -> (s: Int, variance: Double) {
        let n = times.count
        let s = score(times: times, values: values)
        let nd = Double(n)
        let u = tieGroups(values[...]), v = tieGroups(times[...])
        func sum(_ groups: [Double], _ f: (Double) -> Double) -> Double { groups.reduce(0) { $0 + f($1) } }
        let base = nd * (nd - 1) * (2 * nd + 5)
        var variance = (base - sum(u) { $0 * ($0 - 1) * (2 * $0 + 5) } - sum(v) { $0 * ($0 - 1) * (2 * $0 + 5) }) / 18
        variance += sum(u) { $0 * ($0 - 1) * ($0 - 2) } * sum(v) { $0 * ($0 - 1) * ($0 - 2) } / (9 * nd * (nd - 1) * (nd - 2))
        variance += sum(u) { $0 * ($0 - 1) } * sum(v) { $0 * ($0 - 1) } / (2 * nd * (nd - 1))
        return (s, variance)
    }

    /// S in O(n log n): the points in time order, a group of equal times at a time; each point counts the
    /// earlier points below its value (+1 each) and above it (−1 each) from a Fenwick tree over the value
    /// ranks, and a group joins the tree only after all its points have counted, so tied times add 0.
    /// (The pairwise double loop took seconds for a question asked 8,000 times; ratings repeat 5 values,
    /// which the ranks handle like any others.)
    static func score(times: [Double], values: [Double]) -> Int {
        let distinct = Array(Set(values)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0 + 1) })
        var tree = [Int](repeating: 0, count: distinct.count + 1)
        func add(_ r: Int) { var i = r; while i < tree.count { tree[i] += 1; i += i & -i } }
        func below(_ r: Int) -> Int { var i = r - 1, total = 0; while i > 0 { total += tree[i]; i -= i & -i }; return total }
        func atMost(_ r: Int) -> Int { var i = r, total = 0; while i > 0 { total += tree[i]; i -= i & -i }; return total }
        let order = times.indices.sorted { times[$0] < times[$1] }
        var s = 0, earlier = 0, start = 0
        while start < order.count {
            var end = start
            while end < order.count && times[order[end]] == times[order[start]] { end += 1 }
            for k in start..<end {
                let r = rank[values[order[k]]]!
                s += below(r) - (earlier - atMost(r))
            }
            for k in start..<end { add(rank[values[order[k]]]!) }
            earlier += end - start
            start = end
        }
        return s
    }

    /// Sizes of the groups of equal values that have more than one member.
    private static func tieGroups(_ values: ArraySlice<Double>) -> [Double] {
        var groups: [Double] = [], run = 1.0
        let sorted = values.sorted()
        for i in sorted.indices.dropFirst() {
            if sorted[i] == sorted[i - 1] { run += 1 } else { if run > 1 { groups.append(run) }; run = 1 }
        }
        if run > 1 { groups.append(run) }
        return groups
    }
}
