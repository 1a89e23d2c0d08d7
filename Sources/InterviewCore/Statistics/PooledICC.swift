import Foundation

/// ICC(2,1) and ICC(2,k) over many panels, from variance components (see `PooledAgreement`).
public struct PooledICC: Hashable, Sendable {
    /// ICC(2,k) for panels of `raters` interviewers.
    public struct Average: Hashable, Sendable {
        public var raters: Int
        public var value: Double
        public var reading: AgreementReading { .icc(value) }
    }

    /// ICC(2,1).
    public var single: Double
    /// ICC(2,k), one per panel size present, smallest first.
    public var averages: [Average]
    /// Σ n over the panels used: the questions, each in its own panel, the figures rest on.
    public var questionCount: Int
    /// Panels with at least two raters and two questions every one of them rated.
    public var panelCount: Int
    /// σt², σr², σe²: questions, raters, residual.
    public var questionVariance: Double
    public var raterVariance: Double
    public var residualVariance: Double

    public var singleReading: AgreementReading { .icc(single) }

    static func estimate(_ tables: [TwoWayANOVA]) -> Result<PooledICC, IntraclassCorrelation.Undefined> {
        guard tables.contains(where: { $0.totalSumOfSquares > 0 }) else { return .failure(.noVariance) }
        // E[SSrows] = (n−1)(k·σt² + σe²), E[SScols] = (k−1)(n·σr² + σe²), E[SSerr] = (n−1)(k−1)·σe²,
        // panel by panel; adding them up and solving gives the moment estimates.
        func sum(_ term: (TwoWayANOVA) -> Double) -> Double { tables.reduce(0) { $0 + term($1) } }
        let residual = sum(\.residualSumOfSquares) / sum { Double(($0.targets - 1) * ($0.raters - 1)) }
        let questions = (sum(\.rowsSumOfSquares) - sum { Double($0.targets - 1) } * residual)
            / sum { Double(($0.targets - 1) * $0.raters) }
        let raters = (sum(\.columnsSumOfSquares) - sum { Double($0.raters - 1) } * residual)
            / sum { Double(($0.raters - 1) * $0.targets) }
        let sizes = Set(tables.map(\.raters)).sorted()
        let denominators = [questions + raters + residual] + sizes.map { questions + (raters + residual) / Double($0) }
        // As for one panel: a denominator at or below 0 puts the coefficient outside its range.
        let tolerance = 1e-12 * max(abs(questions), abs(raters), residual)
        guard denominators.allSatisfy({ $0 > tolerance }) else { return .failure(.outOfRange) }
        return .success(PooledICC(
            single: questions / denominators[0],
            averages: zip(sizes, denominators.dropFirst()).map { Average(raters: $0, value: questions / $1) },
            questionCount: tables.reduce(0) { $0 + $1.targets }, panelCount: tables.count,
            questionVariance: questions, raterVariance: raters, residualVariance: residual))
    }
}
