import Foundation

/// The two-way analysis of variance without replication behind the intraclass correlations: n targets
/// (here a panel's questions) × k raters, one rating per cell (Shrout & Fleiss 1979, Table 1).
///
///     SSrows = k · Σi (row mean i − grand mean)²         BMS = SSrows / (n − 1)
///     SScols = n · Σj (column mean j − grand mean)²      JMS = SScols / (k − 1)
///     SSerr  = SStotal − SSrows − SScols                 EMS = SSerr / ((n − 1)(k − 1))
///                                                        WMS = (SScols + SSerr) / (n(k − 1))
///
/// Sums of squares are kept beside the mean squares so panels can be pooled (`PooledAgreement`).
public struct TwoWayANOVA: Hashable, Sendable {
    public var targets: Int
    public var raters: Int
    public var rowsSumOfSquares: Double
    public var columnsSumOfSquares: Double
    public var residualSumOfSquares: Double

    /// BMS: between targets.
    public var betweenTargets: Double { rowsSumOfSquares / Double(targets - 1) }
    /// JMS: between raters (judges).
    public var betweenRaters: Double { columnsSumOfSquares / Double(raters - 1) }
    /// EMS: residual.
    public var residual: Double { residualSumOfSquares / Double((targets - 1) * (raters - 1)) }
    /// WMS: within targets, raters and residual together (the one-way model's error).
    public var withinTargets: Double { (columnsSumOfSquares + residualSumOfSquares) / Double(targets * (raters - 1)) }
    public var totalSumOfSquares: Double { rowsSumOfSquares + columnsSumOfSquares + residualSumOfSquares }

    /// The sums of squares of `rows` (each the k raters' ratings of one target). The caller checks the
    /// shape: at least 2 × 2, every row of the same length.
    init(rows: [[Double]]) {
        let n = rows.count, k = rows[0].count
        let grand = rows.joined().reduce(0, +) / Double(n * k)
        let rowMeans = rows.map { $0.reduce(0, +) / Double(k) }
        let columnMeans = (0..<k).map { j in rows.reduce(0) { $0 + $1[j] } / Double(n) }
        let total = rows.joined().reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let between = Double(k) * rowMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let judges = Double(n) * columnMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        targets = n
        raters = k
        rowsSumOfSquares = between
        columnsSumOfSquares = judges
        // Rounding can leave a hair below zero when the residual is truly 0; a sum of squares is not negative.
        residualSumOfSquares = max(0, total - between - judges)
    }
}
