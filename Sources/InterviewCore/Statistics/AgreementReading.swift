import Foundation

/// What an agreement figure means in words, for the panel debrief. The UI shows `english` or `chinese`
/// (AgreementReading+Text.swift) beside the number, so a hiring manager need not know the scales.
///
/// Two published scales, one per kind of figure:
/// - ICC (Koo & Li 2016, J Chiropr Med 15:155): below .5 poor, .5–.75 moderate, .75–.9 good, above .9
///   excellent. The paper's "less than" and "greater than" fix the outer bounds (.5 is moderate, .9 is
///   good); .75, claimed by both middle bands, goes to the higher one.
/// - Weighted kappa (Landis & Koch 1977, Biometrics 33:159): below 0 poor, 0–.20 slight, .21–.40 fair,
///   .41–.60 moderate, .61–.80 substantial, .81–1 almost perfect. The bands are printed to two decimals,
///   so each upper bound belongs to its band (.20 slight, .21 fair).
///
/// Both read the value rounded to two decimals, the precision the debrief prints, so the words never
/// contradict the number beside them (.607 shown as .61 reads "substantial", not "moderate").
public enum AgreementReading: String, Hashable, Sendable, CaseIterable, Codable {
    case poor, slight, fair, moderate, substantial, almostPerfect, good, excellent

    /// Koo & Li 2016's band for an ICC.
    public static func icc(_ value: Double) -> AgreementReading {
        let shown = displayed(value)
        if shown < 0.5 { return .poor }
        if shown < 0.75 { return .moderate }
        if shown <= 0.9 { return .good }
        return .excellent
    }

    /// Landis & Koch 1977's band for a kappa.
    public static func kappa(_ value: Double) -> AgreementReading {
        let shown = displayed(value)
        if shown < 0 { return .poor }
        if shown <= 0.2 { return .slight }
        if shown <= 0.4 { return .fair }
        if shown <= 0.6 { return .moderate }
        if shown <= 0.8 { return .substantial }
        return .almostPerfect
    }

    /// Rounded to two decimals, compared in hundredths so 0.2 needs no exact binary form.
    private static func displayed(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The value as every page prints it, two decimals, and as its reading is judged: −0.004 is "0.00",
    /// read as slight agreement (it printed "-0.00 (slight agreement)" beside "-0.04 (poor agreement)").
    /// Below −1, which ICC(2,k) reaches when the interviewers disagree more than chance would have them
    /// (the panel mean's formula divides by a number near zero), it is "< -1": "-14.63" read as a
    /// measurement, where it only says there is no agreement to speak of (a probe).
    public static func shown(_ value: Double) -> String {
        let rounded = displayed(value)
        if rounded < -1 { return "< -1" }
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)
    }
}

extension WeightedKappa {
    public var reading: AgreementReading { .kappa(value) }
}

extension IntraclassCorrelation {
    public var singleReading: AgreementReading { .icc(single) }
    public var averageReading: AgreementReading { .icc(average) }
}
