import Flowchart
import InterviewCore

/// The score summary printed when the interview ends (and on quit, as it stands).
enum RunSummary {
    /// In the runner's `language` (`--language`, else the guide's), as everything else it prints.
    static func lines(_ guide: Guide, _ state: SessionState, language: Language) -> [String] {
        let card = Scoring.score(guide, state)
        let report: ReportLanguage = language == .zh ? .zh : .en
        let l = ReportLabels.labels(report)
        let pct = { (value: Double?) in value.map(ScoreFormat.score) ?? "–" }
        var lines = ["\(l.summary) — \(guide.title)",
                     "\(l.overall) \(pct(card.overall)) · \(l.band) \(card.band?.label(in: report) ?? "–") · \(l.accuracy) \(pct(card.accuracy)) · \(l.overallCoverage) \(pct(card.coverage))"]
        for topic in card.topics where topic.entered {
            lines.append("  \(topic.heading)\(l.colon)\(l.score) \(pct(topic.score)) · \(l.accuracy) \(pct(topic.accuracy)) · "
                         + "\(l.coverage) \(pct(topic.coverage)) · \(l.depth) \(topic.depth.reached)/\(topic.depth.available)")
        }
        if !card.knockouts.isEmpty { lines.append("\(l.knockouts)\(l.colon)\(card.knockouts.joined(separator: ", "))") }
        if !state.confirmedIncomplete.isEmpty { lines.append("\(l.incomplete)\(l.colon)\(state.confirmedIncomplete.joined(separator: ", "))") }
        return lines + [l.methodText.last ?? ""]
    }
}
