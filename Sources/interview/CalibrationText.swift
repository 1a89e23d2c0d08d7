import Flowchart
import Foundation
import InterviewCore

/// The plain-text tables of `calibrate` and `stats`: one header line, columns padded to the widest cell
/// (Chinese characters counted as two columns), numbers right-aligned.
enum CalibrationText {
    static func team(_ team: TeamCalibration, _ labels: CalibrationLabels, minimum: SeverityAdjustedScore.MinimumData) -> String {
        let fit = team.fit
        guard !fit.interviewers.isEmpty else { return labels.nothing + "\n" }
        var out = labels.interviewersTitle(fit.scale) + "\n"
        out += table([labels.interviewer, labels.severity, "± SE", labels.points, labels.ratings, labels.candidatesCount, labels.shared, labels.fit, labels.use],
                     fit.interviewers.map { i in
                         [i.interviewer, signed(i.severity), decimal(i.standardError, 2), signed(i.points), "\(i.ratingCount)", "\(i.candidateCount)",
                          "\(i.sharedCandidates)", "\(decimal(i.infit, 2))/\(decimal(i.outfit, 2))", labels.use(minimum.shortfall(of: i))]
                     })
        let misfits = fit.interviewers.compactMap { i in RatingFit.of(i).map { (i, $0) } }
        for (i, note) in misfits { out += "  \(i.interviewer): " + note.text(i.infit, labels.language == .zh ? .zh : .en) + "\n" }
        out += "\n" + labels.candidatesTitle + "\n"
        // Candidates in natural order (c2 before c10); why a score is not adjusted goes under the table, so
        // one long reason does not widen every row.
        let candidates = team.candidates.sorted { $0.candidate.localizedStandardCompare($1.candidate) == .orderedAscending }
        out += table([labels.candidate, labels.raw, labels.adjusted, labels.interval, labels.interviewers],
                     candidates.map { c in
                         let s = c.score
                         let interval = s.interval.map { "\(decimal($0.lowerBound, 1))–\(decimal($0.upperBound, 1))" } ?? "—"
                         return [c.candidate, s.raw.map { decimal($0, 1) } ?? "—", s.adjusted.map { decimal($0, 1) } ?? "—", interval,
                                 c.raters.joined(separator: ", ")]
                     })
        let unadjusted = candidates.filter { $0.score.interval == nil && !$0.score.notAdjusted.isEmpty }
        if !unadjusted.isEmpty {
            out += labels.notAdjustedTitle + "\n"
            for c in unadjusted {
                out += "  \(c.candidate): " + c.score.notAdjusted.map { labels.reason($0, minimum: minimum) }.joined(separator: "; ") + "\n"
            }
        }
        out += "\n" + labels.model(fit.iterations, converged: fit.converged, ratings: fit.interviewers.reduce(0) { $0 + $1.ratingCount }) + "\n"
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { TerminalText.width($0[c]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - TerminalText.width(row[c]))
                // The first and last columns are names; the rest are numbers, aligned on the right.
                return c == 0 || c == row.count - 1 ? row[c] + pad : pad + row[c]
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    static func decimal(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
    static func signed(_ value: Double) -> String { (value >= 0.005 ? "+" : value <= -0.005 ? "−" : "") + decimal(abs(value), 2) }
    /// 95 s → "1:35".
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return "\(whole / 60):" + String(format: "%02d", whole % 60)
    }
    static func percent(_ share: Double?) -> String { share.map { decimal($0 * 100, 0) + "%" } ?? "—" }
}

/// `calibrate --format json`: the shape, scores 0–100, null where the adjusted score is not shown.
enum CalibrationJSON {
    static func team(_ team: TeamCalibration, minimum: SeverityAdjustedScore.MinimumData) -> String {
        let labels = CalibrationLabels(language: .en)
        let interviewers: [[String: Any]] = team.fit.interviewers.map {
            ["id": $0.interviewer, "severity": round($0.severity), "standardError": round($0.standardError), "ratings": $0.ratingCount,
             "candidates": $0.candidateCount, "sharedCandidates": $0.sharedCandidates, "inTeam": $0.inTeam,
             "adjustsScores": minimum.shortfall(of: $0) == nil,
             "points": round($0.points), "infit": round($0.infit), "outfit": round($0.outfit)]
        }
        let candidates: [[String: Any]] = team.candidates.map { c in
            let s = c.score
            return ["id": c.candidate, "raw": s.raw.map(round) ?? NSNull(), "adjusted": s.adjusted.map(round) ?? NSNull(),
                    "low": s.interval.map { round($0.lowerBound) } ?? NSNull(), "high": s.interval.map { round($0.upperBound) } ?? NSNull(),
                    "raters": c.raters, "notAdjusted": s.notAdjusted.map { labels.reason($0, minimum: minimum) }]
        }
        let document: [String: Any] = ["interviewers": interviewers, "candidates": candidates,
                                       "scale": [team.fit.scale.lowerBound, team.fit.scale.upperBound],
                                       "converged": team.fit.converged, "iterations": team.fit.iterations]
        return serialize(document)
    }

    static func serialize(_ document: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Three decimals: figures, not noise in the last digits.
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
