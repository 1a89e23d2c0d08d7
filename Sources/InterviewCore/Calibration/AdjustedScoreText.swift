import Foundation

/// A report's severity-adjusted score in words, beside the raw one: the number with its interval, and
/// the data it rests on, one line per interviewer ("Olga: 1.1 points more severe than the team (standard
/// error 0.4), 41 interviews"; named, not "±", which read as the interval the calibration page shows);
/// or, below the minimum of data, why only the raw score is shown. The raw score stays
/// the score of record (docs/scoring.md, "The severity-adjusted score").
public struct AdjustedScoreText: Hashable, Sendable, Codable {
    public var raw: Double?
    public var adjusted: Double?
    public var low: Double?
    public var high: Double?
    /// "Adjusted for the interviewers' severity: 66.5 (57.1–75.9)" or "Not adjusted: …".
    public var headline: String
    public var lines: [String]

    /// No figure yet, only why (the server is still reading the team's cards after a start).
    public static func pending(_ headline: String) -> AdjustedScoreText {
        AdjustedScoreText(raw: nil, adjusted: nil, low: nil, high: nil, headline: headline, lines: [])
    }

    /// `onlyInterviewer`: an interviewer reading it sees their own severity line only, as on the calibration
    /// page; a colleague's severity is for the hiring managers (a panel walkthrough found it on the debrief).
    public static func make(_ score: SeverityAdjustedScore, fit: RaterCalibration, names: [String: String],
                            minimum: SeverityAdjustedScore.MinimumData = .standard, language: ReportLanguage,
                            onlyInterviewer: String? = nil) -> AdjustedScoreText {
        let zh = language == .zh
        func name(_ id: String) -> String { names[id] ?? id }
        // "1 interviews" read as a slip on a page a hiring team reads closely.
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let raters = Array(Set(score.lines.map(\.rating.interviewer))).sorted { name($0) < name($1) }
            .filter { onlyInterviewer == nil || $0 == onlyInterviewer }
        let facts = raters.compactMap { id -> String? in
            guard let s = fit.interviewer(id) else { return nil }
            // Two decimals: a tenth of a point is a real difference on a 0–4 scale.
            let points = String(format: "%.2f", abs(s.points)), se = String(format: "%.2f", s.pointsStandardError)
            if abs(s.points) < 0.005 {
                return zh ? "面试官 \(name(id))：与团队一致（标准误 \(se) 分），\(s.candidateCount) 场面试"
                          : "interviewer \(name(id)): rates as the team does (standard error \(se) points), \(count(s.candidateCount, "interview", "interviews"))"
            }
            let harsh = s.points > 0
            return zh
                ? "面试官 \(name(id))：比团队\(harsh ? "严格" : "宽松") \(points) 分（标准误 \(se)），\(s.candidateCount) 场面试"
                : "interviewer \(name(id)): \(points) points more \(harsh ? "severe" : "lenient") than the team (standard error \(se)), \(count(s.candidateCount, "interview", "interviews"))"
        }
        // Severity against a team of more than one only: for the team's only interviewer, "rates as the
        // team does" under "not calibrated" read as a contradiction (a probe) — there is no team to differ from.
        let shownFacts = fit.interviewers.count > 1 ? facts : []
        var text = AdjustedScoreText(raw: score.raw, adjusted: score.adjusted, low: score.interval?.lowerBound,
                                     high: score.interval?.upperBound, headline: "", lines: shownFacts)
        if let adjusted = score.adjusted, let interval = score.interval {
            let figure = String(format: "%.1f (%.1f–%.1f)", adjusted, interval.lowerBound, interval.upperBound)
            let raw = score.raw.map(ScoreFormat.score) ?? "–"
            // The interval carries the severity estimates' uncertainty only: a probe read "34.7 (33.7–35.6)" as
            // the candidate's true score within a point, when ~40 ratings leave several points either way.
            text.headline = zh ? "原始分 \(raw)；去除面试官严格度后的校准分：\(figure)（括号内为严格度校正本身的 95% 区间，不含候选人自身评分的波动）；原始分仍为正式成绩"
                               : "Raw \(raw); adjusted for the interviewers' severity: \(figure) (the bracket is the 95% interval of the severity correction alone, not of the candidate's own ratings); the raw score stays the score of record"
        } else {
            let reasons = score.notAdjusted.map { reason -> String in
                switch reason {
                case .nothingRated: return zh ? "没有评分" : "nothing rated"
                case .interviewerBelowMinimum(let id, _, _) where onlyInterviewer != nil && id != onlyInterviewer:
                    // A colleague's counts are for the hiring managers too; the interviewer learns only why.
                    return zh ? "另一位面试官的评分还不够校准" : "a colleague has too few ratings to calibrate yet"
                case .interviewerBelowMinimum(let id, let ratings, let candidates):
                    return zh ? "\(name(id)) 只有 \(ratings) 个评分、\(candidates) 位候选人（至少需要 \(minimum.ratings) 个评分、\(minimum.candidates) 位候选人）"
                              : "\(name(id)) has \(count(ratings, "rating", "ratings")) of \(count(candidates, "candidate", "candidates")) (at least \(minimum.ratings) ratings of \(minimum.candidates) candidates are needed)"
                case .interviewerNotLinked(let id, _, _, _) where onlyInterviewer != nil && id != onlyInterviewer:
                    return zh ? "另一位面试官与同事共同面试的候选人还不够，无法比较" : "a colleague has too few candidates in common with others to compare yet"
                case .interviewerNotLinked(let id, let shared, let of, let inTeam):
                    return Self.notLinked(name(id), shared: shared, of: of, inTeam: inTeam, minimum: minimum, zh: zh)
                case .questionNotCalibrated(let q): return zh ? "问题 \(q) 尚无校准数据" : "question \(q) has no calibration data yet"
                case .ratingOutsideScale(let r): return zh ? "评分 \(r) 超出分制" : "rating \(r) is off the scale"
                }
            }
            // Once each: several colleagues below the minimum say so in one line, not one each (which would
            // tell an interviewer how many there are).
            var seen = Set<String>()
            let once = reasons.filter { seen.insert($0).inserted }
            text.headline = (zh ? "未校准，仅显示原始分：" : "Not adjusted, the raw score stands alone: ") + once.joined(separator: zh ? "；" : "; ")
        }
        return text
    }

    /// Why an interviewer's severity is not compared with the team's: shared by the debrief and `calibrate`.
    public static func notLinked(_ name: String, shared: Int, of candidates: Int, inTeam: Bool,
                                 minimum: SeverityAdjustedScore.MinimumData, zh: Bool) -> String {
        if !inTeam {
            // Sharing with colleagues, but only within a group apart (or the team split in groups alike):
            // "shares no candidates" beside 20 shared read as a contradiction (a recheck).
            if shared > 0 {
                return zh ? "\(name) 只与一组面试官有共同的候选人，而这组与团队其余面试官没有共同的候选人（或团队分成了同样大的几组），严格度无从与团队比较"
                          : "\(name) shares candidates only within a group of interviewers who share none with the rest of the team (or the team is split in groups of the same size), so their severity cannot be compared with the team's"
            }
            return zh ? "\(name) 与团队其余面试官没有共同的候选人（直接或经由同事都没有），严格度无从与团队比较"
                      : "\(name) shares no candidates, directly or through colleagues, with the rest of the team, so their severity cannot be compared with the team's"
        }
        let share = Int((minimum.sharedShare * 100).rounded())
        let needed = share > 0 ? (zh ? "至少需要 \(minimum.sharedCandidates) 位且占 \(share)%" : "at least \(minimum.sharedCandidates), and \(share)%, are needed")
                               : (zh ? "至少需要 \(minimum.sharedCandidates) 位" : "at least \(minimum.sharedCandidates) are needed")
        return zh ? "\(name) 的 \(candidates) 位候选人中只有 \(shared) 位也由其他面试官面试过（\(needed)）：严格度只能通过共同的候选人比较"
                  : "\(name) shares \(shared) of \(candidates) candidates with other interviewers (\(needed)): a severity is measured only through candidates colleagues rated too"
    }
}
