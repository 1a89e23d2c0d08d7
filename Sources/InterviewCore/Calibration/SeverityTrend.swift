import Foundation

/// An interviewer's severity period by period — does calibration feedback move it, does someone drift?
public struct SeverityPeriod: Hashable, Sendable {
    /// "2026-Q3".
    public var period: String
    public var severity: Double
    public var standardError: Double
    public var ratings: Int
}

/// Severity per interviewer and calendar quarter, from one fit of the same model in which each
/// interviewer-quarter is a rater of its own. Holding the abilities of a fit with one severity per
/// interviewer and re-estimating only the quarter's severity would halve a drift: the candidates of a
/// harsh quarter would already have been made weaker to explain it. Quarters are centred together, so
/// "+0.4 in Q1, −0.1 in Q3" reads against the same team average; a quarter with few ratings is shrunk
/// toward 0 like any interviewer with little data.
public enum SeverityTrend {
    public static func fit(_ dated: [(rating: CalibrationRating, date: Date)], scale: ClosedRange<Int>,
                           settings: CalibrationSettings = .standard) -> [String: [SeverityPeriod]] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        // The separator cannot occur in an id read from a form or a file name (it is a control character).
        let separator = "\u{1F}"
        var relabelled: [CalibrationRating] = []
        relabelled.reserveCapacity(dated.count)
        for (rating, date) in dated {
            let parts = calendar.dateComponents([.year, .month], from: date)
            let quarter = String(format: "%04d-Q%d", parts.year ?? 0, ((parts.month ?? 1) - 1) / 3 + 1)
            var r = rating
            r.interviewer = rating.interviewer + separator + quarter
            relabelled.append(r)
        }
        guard let fit = try? RaterCalibration.fit(relabelled, scale: scale, settings: settings).get() else { return [:] }
        var trends: [String: [SeverityPeriod]] = [:]
        for rater in fit.interviewers {
            let parts = rater.interviewer.components(separatedBy: separator)
            guard parts.count == 2 else { continue }
            trends[parts[0], default: []].append(SeverityPeriod(period: parts[1], severity: rater.severity,
                                                               standardError: rater.standardError, ratings: rater.ratingCount))
        }
        for key in trends.keys { trends[key]?.sort { $0.period < $1.period } }
        return trends
    }
}
