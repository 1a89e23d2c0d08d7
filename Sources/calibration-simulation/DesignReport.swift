import Foundation

/// One design's figures over every seed, as printed and as the row of the table in docs/scoring.md.
struct DesignReport {
    var design: PanelDesign
    var runs: [CohortRun]

    var raw: SeedSpread { SeedSpread(runs.map(\.raw)) }
    var adjusted: SeedSpread { SeedSpread(runs.map(\.adjusted)) }
    var gain: SeedSpread { SeedSpread(runs.map { $0.adjusted - $0.raw }) }
    var ratedOnlyRaw: SeedSpread { SeedSpread(runs.map(\.ratedOnlyRaw)) }
    var ratedOnlyAdjusted: SeedSpread { SeedSpread(runs.map(\.ratedOnlyAdjusted)) }
    var severityRMSE: SeedSpread { SeedSpread(runs.map(\.severityRMSE)) }
    var wins: Int { runs.filter { $0.adjusted > $0.raw }.count }
    /// The benchmark's pass mark (issue 15): the adjusted ranking beats the raw one on the mean over seeds.
    var passes: Bool { adjusted.mean > raw.mean }
    /// Candidates, over all seeds, whose raw score is not the one their cards give (see `CohortRun`).
    var rawMismatches: Int { runs.reduce(0) { $0 + $1.rawMismatches } }

    func lines() -> [String] {
        let n = runs.count, perSeed = { (f: (CohortRun) -> Int) in Double(runs.map(f).reduce(0, +)) / Double(n) }
        return [
            "(\(design.label)) \(design.name)" + (design.panelSize == 1 ? String(format: ", linking share %.2f", design.linkingShare) : ""),
            String(format: "    per seed: %.0f interviews, %.0f ratings, %.0f%% of scored cards with a \"no\" at a depth gate; "
                   + "candidates left unadjusted (minimum-data rule) %.1f", perSeed(\.interviews), perSeed(\.ratings),
                   100 * perSeed(\.gatedCards) / perSeed(\.scoredCards), perSeed(\.notAdjusted)),
            String(format: "    interviewers connected on %d/%d seeds; fit %.0f sweeps on average, converged on %d/%d seeds",
                   runs.filter(\.connected).count, n, perSeed(\.iterations), runs.filter(\.converged).count, n),
            "    Spearman with true ability, mean ± SD [min, max] over \(n) seeds:",
            "      raw         \(raw.text())",
            "      adjusted    \(adjusted.text())",
            "      difference  \(gain.text(signed: true))",
            "      rated questions only (no not-demonstrated zeros): raw \(ratedOnlyRaw.text()), adjusted \(ratedOnlyAdjusted.text())",
            "    severity RMSE, logits   \(severityRMSE.text())",
            "    adjusted ranking better than raw on \(wins)/\(n) seeds"
                + (passes ? "" : "  <-- FAILS: adjusted does not beat raw on the mean"),
        ] + (rawMismatches == 0 ? [] : ["    BROKEN: \(rawMismatches) candidates' raw score differs from their cards' score"])
    }

    static let tableHeader = """
    | design | ρ raw | ρ adjusted | adjusted − raw | seeds adjusted better | severity RMSE (logits) |
    | --- | --- | --- | --- | --- | --- |
    """

    func tableRow() -> String {
        func cell(_ s: SeedSpread, signed: Bool = false) -> String {
            String(format: signed ? "%+.3f ± %.3f" : "%.3f ± %.3f", s.mean, s.sd)
        }
        return "| (\(design.label)) \(design.name) | \(cell(raw)) | \(cell(adjusted)) | \(cell(gain, signed: true)) "
            + "| \(wins)/\(runs.count) | \(cell(severityRMSE)) |"
    }
}
