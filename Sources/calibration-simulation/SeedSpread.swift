import Foundation

/// Mean and spread of one figure over the seeds: how far a single run of the benchmark can be trusted.
struct SeedSpread {
    var mean: Double
    /// Sample standard deviation (n − 1); 0 for one seed.
    var sd: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        let m = mean
        sd = values.count > 1 ? (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / (n - 1)).squareRoot() : 0
        min = values.min() ?? .nan
        max = values.max() ?? .nan
    }

    /// "0.812 ± 0.021 [0.771, 0.850]", or with a sign for differences.
    func text(signed: Bool = false) -> String {
        let f = signed ? "%+.3f" : "%.3f"
        return String(format: "\(f) ± %.3f [\(f), \(f)]", mean, sd, min, max)
    }
}
