/// How a number was computed, term by term, so a report can print it and a reader can redo it.
public struct Derivation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 100 × Σ rating·weight / Σ maximum·weight.
        case points
        /// 100 × Σ weight of the terms counted (value 1) / Σ weight of all terms.
        case weightShare
        /// Σ value·weight / Σ weight.
        case weightedMean
    }

    /// One question (or topic) in the sum.
    public struct Term: Hashable, Sendable, Codable {
        public var label: String
        /// The rating (points), 1 or 0 for counted or not (weightShare), the topic score (weightedMean).
        public var value: Double
        public var weight: Double
        /// The scale's maximum for points; 0 otherwise.
        public var maximum: Double

        public init(label: String, value: Double, weight: Double, maximum: Double = 0) {
            self.label = label
            self.value = value
            self.weight = weight
            self.maximum = maximum
        }
    }

    public var kind: Kind
    public var terms: [Term]

    public init(kind: Kind, terms: [Term]) {
        self.kind = kind
        self.terms = terms
    }

    public var numerator: Double {
        switch kind {
        case .points, .weightedMean: terms.reduce(0) { $0 + $1.value * $1.weight }
        case .weightShare: terms.reduce(0) { $0 + ($1.value > 0 ? $1.weight : 0) }
        }
    }

    public var denominator: Double {
        switch kind {
        case .points: terms.reduce(0) { $0 + $1.maximum * $1.weight }
        case .weightShare, .weightedMean: terms.reduce(0) { $0 + $1.weight }
        }
    }

    /// The result, 0–100; nil when there is nothing to divide by.
    public var value: Double? {
        guard denominator > 0 else { return nil }
        return kind == .weightedMean ? numerator / denominator : 100 * numerator / denominator
    }

    /// "100 × (3×1 + 0×2) / (4×1 + 4×2) = 100 × 3 / 12 = 25.0". Without weights (for the candidate)
    /// only the totals: "100 × 3 / 12 = 25.0".
    public func formula(showWeights: Bool = true) -> String {
        let f = ScoreFormat.number
        // Nothing to divide by (a topic without deeper questions): "–", not "100 × 0 / 0 = –" (a probe).
        guard let result = value.map(ScoreFormat.score) else { return "–" }
        guard showWeights, !terms.isEmpty else {
            // The candidate's copy has no weights, but an overall over several topics is each topic's share of
            // it times its score, so it can be worked out from the scores shown (a probe could not arrive at
            // 43.6 from 91.1 and 11.9: "40% × 91.1 + 60% × 11.9").
            if kind == .weightedMean, terms.count > 1, denominator > 0 {
                return terms.map { "\(f(100 * $0.weight / denominator))% × \(f($0.value))" }
                    .joined(separator: " + ") + " = \(result)"
            }
            return kind == .weightedMean ? result : "100 × \(f(numerator)) / \(f(denominator)) = \(result)"
        }
        let top: [String], bottom: [String]
        switch kind {
        case .points:
            top = terms.map { "\(f($0.value))×\(f($0.weight))" }
            bottom = terms.map { "\(f($0.maximum))×\(f($0.weight))" }
        case .weightShare:
            top = terms.filter { $0.value > 0 }.map { f($0.weight) }
            bottom = terms.map { f($0.weight) }
        case .weightedMean:
            // The topic scores enter unrounded, so they are written to two decimals: at one decimal the
            // terms did not add up to the sum printed after them (86.5×2 + 81.8 "= 254.9"), and at a band's
            // edge a reader redoing it got the other band (a scoring probe).
            top = terms.map { "\(f($0.value))×\(f($0.weight))" }
            bottom = terms.map { f($0.weight) }
        }
        // One product is bracketed too: "100 × 1×3 / 4×3" read, by the usual precedence, as anything but 25
        // (a probe).
        let sum = { (parts: [String]) in
            parts.isEmpty ? "0" : parts.count == 1 && !parts[0].contains("×") ? parts[0] : "(" + parts.joined(separator: " + ") + ")"
        }
        let factor = kind == .weightedMean ? "" : "100 × "
        // The sum of the terms as written, two decimals each: the exact sum rounded read "(75×1 + 71.43×1 +
        // 19.23×1 + 50×1 + 42.11×1) / 5 = 257.76 / 5" where the terms add to 257.77 (a probe). The result
        // stays the score itself.
        let shownNumerator = kind == .weightedMean
            ? terms.reduce(0) { $0 + (($1.value * 100).rounded() / 100) * $1.weight } : numerator
        let expanded = "\(factor)\(sum(top)) / \(sum(bottom))", totals = "\(factor)\(f(shownNumerator)) / \(f(denominator))"
        // One term of weight 1.5 read "100 × 1.5 / 1.5 = 100 × 1.5 / 1.5 = 100.0": a step that changes
        // nothing is not written.
        return expanded == totals ? "\(totals) = \(result)" : "\(expanded) = \(totals) = \(result)"
    }
}

/// Numbers as reports print them: weights and points without needless decimals, scores to one decimal.
public enum ScoreFormat {
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// One decimal, a half rounded away from zero (56.25 → 56.3), as a reader rounds by hand and as the
    /// console's figures are; `printf`'s "%.1f" alone gave 56.2, so the same score read 56.2 in a report
    /// and 56.3 on screen.
    public static func score(_ value: Double) -> String { String(format: "%.1f", shown(value)) }

    /// A whole percentage, a half rounded away from zero as `score` rounds: "%.0f" printed 62.5 as 62 and
    /// 87.5 as 88 on one page (a probe).
    public static func whole(_ value: Double) -> String { String(Int(value.rounded(.toNearestOrAwayFromZero))) }

    /// A score as printed: what recommendation bands and knockouts compare, so a score printed as 40.0
    /// never fails a knockout at 40 and one printed as 70.0 is never in the band below 70.
    public static func shown(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }
}
