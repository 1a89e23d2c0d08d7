import Foundation

/// How each question and gate of a guide behaves across interviews. Issue: "some separate strong
/// candidates from weak ones, some everyone passes, some leak and get easier over the months."
///
/// Definitions (per question, over its occurrences = interviews where it applied, any outcome):
/// - times rated; mean rating as % of the scale: 100 · mean (r − min)/(max − min) — the difficulty.
/// - corrected item–rest correlation: Pearson r over the interviews where the question was rated and at
///   least one other question was rated, between its rating and the *mean* of the other rated questions
///   of the same interview (each as (r − min)/(max − min), unweighted). "Corrected": the question's own
///   rating is left out of the total, so it cannot correlate with itself. The mean rather than the sum,
///   because interviews rate different numbers of questions and a sum would track how far the interview
///   got, not how good the candidate was.
/// - skip rate and not-demonstrated rate: skipped and not-demonstrated occurrences over all occurrences.
/// - median seconds over the occurrences that carry a time.
/// - trend: Mann–Kendall, against the interview date, of the rating's share minus the mean share of the same
///   interview's other rated questions (the item–rest residual), stratified by `QuestionOccurrence.stratum`.
///   Raw ratings rise with any stronger cohort of candidates, and then every question "leaks" at once
///   (seen on demo data with no leak: 11 of 69 questions flagged); the residual rises only for a question
///   that gets easier against the rest.
public struct QuestionStatistics: Hashable, Sendable {
    /// Sorted by question id.
    public var questions: [QuestionFigures]
    /// Sorted by gate id.
    public var gates: [GateFigures]

    public static func compute(_ occurrences: [QuestionOccurrence], gates: [GateOccurrence] = [],
                               scale: ClosedRange<Int> = 0...4,
                               rules: QuestionFlagRules = .standard) -> QuestionStatistics {
        let width = Double(max(scale.upperBound - scale.lowerBound, 1))
        func share(_ r: Int) -> Double { Double(min(max(r, scale.lowerBound), scale.upperBound) - scale.lowerBound) / width }

        // Per interview: Σ and count of the rated shares, so each rest mean is (Σ − own) / (n − 1).
        var interviewTotals: [String: (sum: Double, count: Int)] = [:]
        for o in occurrences {
            guard case .rated(let r) = o.outcome else { continue }
            interviewTotals[o.interview, default: (0, 0)].sum += share(r)
            interviewTotals[o.interview, default: (0, 0)].count += 1
        }

        var byQuestion: [String: [QuestionOccurrence]] = [:]
        for o in occurrences { byQuestion[o.question, default: []].append(o) }
        let questions = byQuestion.keys.sorted().map { id in
            QuestionFigures(id, byQuestion[id]!, share: share, totals: interviewTotals, rules: rules)
        }
        var byGate: [String: [GateOccurrence]] = [:]
        for g in gates { byGate[g.gate, default: []].append(g) }
        return QuestionStatistics(questions: questions, gates: byGate.keys.sorted().map { GateFigures($0, byGate[$0]!) })
    }
}

public struct QuestionFigures: Hashable, Sendable {
    public var question: String
    public var occurrences: Int
    public var rated: Int
    public var skipped: Int
    public var notDemonstrated: Int
    public var notAsked: Int
    public var meanPercent: Double?
    public var itemRest: Double?
    /// Interviews in the item–rest correlation.
    public var itemRestCount: Int
    public var skipRate: Double?
    public var notDemonstratedRate: Double?
    public var medianSeconds: Double?
    public var trend: MannKendallTrend?
    public var flags: [QuestionFlag]

    init(_ id: String, _ list: [QuestionOccurrence], share: (Int) -> Double,
         totals: [String: (sum: Double, count: Int)], rules: QuestionFlagRules) {
        question = id
        occurrences = list.count
        var ratedShares: [Double] = [], items: [Double] = [], rests: [Double] = []
        var strata: [String?: (times: [Double], values: [Double])] = [:]
        var counts = (skipped: 0, notDemonstrated: 0, notAsked: 0)
        for o in list {
            switch o.outcome {
            case .rated(let r):
                let own = share(r)
                ratedShares.append(own)
                if let t = totals[o.interview], t.count > 1 {
                    let rest = (t.sum - own) / Double(t.count - 1)
                    items.append(own)
                    rests.append(rest)
                    // The leak test reads the rating against the same interview's other ratings: a cohort
                    // of stronger candidates (or a kinder interviewer) lifts those too, a leaked question
                    // rises alone.
                    strata[o.stratum, default: ([], [])].times.append(o.date.timeIntervalSinceReferenceDate)
                    strata[o.stratum, default: ([], [])].values.append(own - rest)
                }
            case .skipped: counts.skipped += 1
            case .notDemonstrated: counts.notDemonstrated += 1
            case .notAsked: counts.notAsked += 1
            }
        }
        rated = ratedShares.count
        (skipped, notDemonstrated, notAsked) = counts
        meanPercent = ratedShares.isEmpty ? nil : 100 * ratedShares.reduce(0, +) / Double(rated)
        itemRest = Self.pearson(items, rests)
        itemRestCount = items.count
        skipRate = list.isEmpty ? nil : Double(skipped) / Double(list.count)
        notDemonstratedRate = list.isEmpty ? nil : Double(notDemonstrated) / Double(list.count)
        medianSeconds = Self.median(list.compactMap(\.seconds))
        trend = MannKendallTrend.stratified(strata.sorted { ($0.key ?? "") < ($1.key ?? "") }.map(\.value))

        flags = []
        if let r = itemRest, itemRestCount >= rules.discriminationMinimumCount, r < rules.discriminationBelow {
            flags.append(.doesNotDiscriminate(itemRest: r, count: itemRestCount))
        }
        if let mean = meanPercent, rated >= rules.levelMinimumCount {
            if mean >= rules.passesAbovePercent { flags.append(.nearlyEveryonePasses(meanPercent: mean)) }
            if mean <= rules.failsBelowPercent { flags.append(.nearlyEveryoneFails(meanPercent: mean)) }
        }
        if let t = trend, t.count >= rules.leakMinimumCount, t.pIncreasing < rules.leakAlpha {
            flags.append(.likelyLeak(test: QuestionFlag.leakTest, z: t.z, p: t.pIncreasing, count: t.count))
        }
    }

    /// nil with fewer than 3 pairs or a constant side (r = 0/0).
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        guard x.count >= 3 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 1e-12, syy > 1e-12 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}

/// How a gate is answered: how often "yes", and how often the interviewer followed the engine's
/// suggestion (over the answers that had one). A gate whose suggestion is rarely followed is a
/// suggestion worth revisiting.
public struct GateFigures: Hashable, Sendable {
    public var gate: String
    public var answered: Int
    public var yes: Int
    public var yesRate: Double?
    public var withSuggestion: Int
    public var followedSuggestion: Int
    public var followRate: Double?

    init(_ id: String, _ list: [GateOccurrence]) {
        gate = id
        answered = list.count
        yes = list.filter(\.answer).count
        yesRate = list.isEmpty ? nil : Double(yes) / Double(answered)
        let suggested = list.filter { $0.suggestion != nil }
        withSuggestion = suggested.count
        followedSuggestion = suggested.filter { $0.suggestion == $0.answer }.count
        followRate = suggested.isEmpty ? nil : Double(followedSuggestion) / Double(withSuggestion)
    }
}
