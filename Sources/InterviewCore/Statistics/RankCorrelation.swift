/// Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank (Spearman 1904;
/// the tie rule of every statistics package). The simulation benchmark asks how well a score orders
/// candidates by their true ability, which is a question about ranks, not about scale.
public enum RankCorrelation {
    /// nil with fewer than 3 pairs, unequal lengths, or a side whose values are all equal.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count else { return nil }
        return QuestionFigures.pearson(ranks(x), ranks(y))
    }

    /// 1-based ranks, ties sharing the mean of the ranks they span: [10, 20, 20, 30] → [1, 2.5, 2.5, 4].
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return ranks
    }
}
