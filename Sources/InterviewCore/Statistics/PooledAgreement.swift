import Foundation

/// The debrief's figures over many panels — all panels of a position, or of a guide — pooled so that a
/// single panel gives back exactly its own figures.
///
/// Kappa: the pooled estimator of de Vries et al. 2008 (Field Methods 20:272), with quadratic weights.
/// Over every pair of raters p of every panel, with np questions both rated,
///
///     κw = 1 − Σp np·Do,p / Σp np·De,p
///
/// so every paired rating counts once, and each pair's chance term comes from its own two raters, as in
/// Cohen's kappa. Hence which rater is called "first" never matters, and a candidate's overall level
/// (panels differ in who was interviewed) does not pass for agreement. Pairs under the minimum count:
/// pooling is how small panels add up; the minimum applies to the pooled paired ratings.
///
/// ICC: the variance components of the two-way random model are estimated from the panels' sums of
/// squares added up (ANOVA estimators, each panel with its own raters and its own mean):
///
///     σe² = Σ SSerr / Σ (n−1)(k−1)
///     σt² = (Σ SSrows − Σ (n−1)·σe²) / Σ (n−1)k        questions
///     σr² = (Σ SScols − Σ (k−1)·σe²) / Σ (k−1)n        raters
///     ICC(2,1) = σt² / (σt² + σr² + σe²)        ICC(2,k) = σt² / (σt² + (σr² + σe²)/k)
///
/// For one panel these are Shrout & Fleiss's formulas exactly. ICC(2,k) depends on k, so it is given for
/// every panel size present. Not chosen: stacking the panels into one matrix (its columns would mix
/// different people, panels differ in size, and the spread between candidates would pass for
/// reliability); averaging per-panel values (a 5-question panel would weigh as much as a 30-question one,
/// and panels withheld for too few questions would drop out instead of adding up).
public struct PooledAgreement: Hashable, Sendable {
    public var panelCount: Int
    /// Rater pairs, over all panels, with at least one question both rated.
    public var pairCount: Int
    /// `itemCount` is the number of paired ratings over all pairs.
    public var kappa: AgreementOutcome<WeightedKappa>
    public var icc: AgreementOutcome<PooledICC>

    /// `panels`: each panel's raters, all on `scale` (pool a position's panels by guide when guides differ).
    public init(_ panels: [[RaterRatings]], scale: RatingScale, policy: AgreementPolicy = .standard) {
        panelCount = panels.count
        let pairs = panels.flatMap { raters in
            raters.indices.flatMap { i in raters.indices.filter { $0 > i }.map { PanelAgreement.pairedRatings(raters[i], raters[$0]) } }
        }.filter { !$0.isEmpty }
        pairCount = pairs.count
        let mostRaters = panels.map(\.count).max() ?? 0
        if mostRaters < 2 {
            kappa = .notShown(.noSharedPanel)
            icc = .notShown(.noSharedPanel)
            return
        }
        kappa = Self.kappa(pairs, scale: scale, policy: policy)
        icc = Self.icc(panels, policy: policy)
    }

    static func kappa(_ pairs: [[(Int, Int)]], scale: RatingScale, policy: AgreementPolicy) -> AgreementOutcome<WeightedKappa> {
        let itemCount = pairs.reduce(0) { $0 + $1.count }
        guard itemCount >= max(1, policy.minimumCommonQuestions) else {
            return .notShown(.tooFewCommonQuestions(found: itemCount, needed: policy.minimumCommonQuestions, raters: 2))
        }
        let width = scale.levels.upperBound - scale.levels.lowerBound
        var observed = 0.0, expected = 0.0   // Σ np·Do,p and Σ np·De,p, times width²
        for paired in pairs {
            switch WeightedKappa.Tally.count(paired, scale: scale) {
            case .success(let tally):
                observed += Double(tally.observedSum)
                expected += Double(tally.expectedSum) / Double(tally.itemCount)
            case .failure(let reason):
                return .notShown(.kappaUndefined(reason))
            }
        }
        guard expected > 0 else { return .notShown(.kappaUndefined(.noExpectedDisagreement)) }
        let scaled = Double(itemCount * width * width)
        return .shown(WeightedKappa(value: 1 - observed / expected, itemCount: itemCount,
                                    observedDisagreement: observed / scaled, expectedDisagreement: expected / scaled))
    }

    static func icc(_ panels: [[RaterRatings]], policy: AgreementPolicy) -> AgreementOutcome<PooledICC> {
        // A panel adds degrees of freedom only with two raters and two questions all of them rated.
        let tables = panels.compactMap { raters -> TwoWayANOVA? in
            let questions = PanelAgreement.completeRows(raters)
            guard raters.count >= 2, questions.count >= 2 else { return nil }
            return TwoWayANOVA(rows: PanelAgreement.matrix(raters, questions: questions))
        }
        let questionCount = tables.reduce(0) { $0 + $1.targets }
        guard questionCount >= policy.minimumCommonQuestions, !tables.isEmpty else {
            let raters = panels.map(\.count).filter { $0 >= 2 }.min() ?? 2
            return .notShown(.tooFewCommonQuestions(found: questionCount, needed: policy.minimumCommonQuestions, raters: raters))
        }
        switch PooledICC.estimate(tables) {
        case .success(let value): return .shown(value)
        case .failure(let reason): return .notShown(.iccUndefined(reason))
        }
    }
}
