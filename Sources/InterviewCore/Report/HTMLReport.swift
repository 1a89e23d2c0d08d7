import Flowchart
import Foundation

/// The report as one self-contained HTML file: styles and drawings inline, no scripts, no fonts or
/// images to fetch, every piece of user text escaped. Mail it, archive it, open it offline.
public enum HTMLReport {
    /// `toolbar` is HTML the caller built (and escaped) to sit above the report, such as the web app's
    /// navigation; `preamble`, with headings of its own (the app's panel and recommendation), sits right
    /// under the report's title, so the page's headings keep their order. The toolbar is left out when
    /// printing; the preamble is not: whose card, the recommendation and the revisions are the record, and
    /// a printed report that goes into the hiring file without them reads as unrevised.
    /// `timeZone`: the reader's, for the web page (its other times are on the reader's clock); nil, UTC,
    /// said as such (a file mailed to someone whose zone nobody knows).
    public static func render(_ report: InterviewReport, guide: Guide, toolbar: String = "", preamble: String = "",
                              timeZone: TimeZone? = nil) -> String {
        let readable = { (timestamp: String) in Self.readable(timestamp, in: timeZone) }
        let l = ReportLabels.labels(report.language)
        let candidate = report.audience == .candidate
        let e = XMLText.escape
        let title = l.title(of: report) + " — " + report.title
        // Whose report, in the window's title too: every report of a guide had the same one, and a reader
        // switching windows, or a screen reader listing them, could not tell two candidates apart (an audit).
        let pageTitle = report.candidate.map { "\(title) — \($0)" } ?? title
        var body = "<header><h1>\(e(title))</h1><dl class=\"facts\">"
        if let name = report.candidate { body += fact(l.candidate, name) }
        if let name = report.interviewer { body += fact(l.interviewer, name) }
        if let cards = report.panelSize { body += fact(l.panelCards, report.panelSeats.map { l.panelOf(cards, $0) } ?? String(cards)) }
        if let asOf = report.asOf { body += fact(l.asOf, readable(asOf)) }
        if let cards = report.oneOfPanel { body += fact(l.basedOn, l.oneOfPanel(cards)) }
        // The guide by its title; interviewers also get its id and version, to find the exact text asked.
        let version = [report.guide.id, report.guide.hash.isEmpty ? nil : String(report.guide.hash.prefix(12))].compactMap { $0 }
        body += fact(l.guide, report.guide.title + (candidate || version.isEmpty ? "" : " (" + version.joined(separator: " @ ") + ")"))
        if let started = report.startedAt { body += fact(l.started, readable(started)) }
        if let finished = report.finishedAt { body += fact(l.finished, readable(finished)) }
        body += fact(l.duration, ScoreFormat.score(report.minutes) + " " + l.minutes) + "</dl></header>\n"
        if !preamble.isEmpty { body += "<div class=\"app-preamble\">" + preamble + "</div>\n" }
        body += summary(report, l)
        if candidate {
            body += "<section><h2>\(e(l.feedback))</h2><ul>" + report.feedback.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>\n"
        }
        body += topicTable(report, guide, l)
        // Each chart's ids scoped by its place: one page holds every entered topic's drawing.
        for (number, topic) in report.topics.enumerated() where topic.entered {
            body += HTMLTopicSection.render(topic, guide.topic(topic.key), report, l, idScope: "t\(number + 1)-",
                                            guideLanguage: ReportLanguage(guide: guide))
        }
        body += dimensionsAndStages(report, l)
        if !report.notes.isEmpty {
            body += "<section><h2>\(e(l.generalNotes))</h2><ul>" + report.notes.map { "<li><time datetime=\"\(e($0.at))\">\(e(readable($0.at)))</time> \(e($0.text))</li>" }.joined() + "</ul></section>\n"
        }
        body += "<section class=\"method\"><h2>\(e(l.method))</h2>" + l.methodLines(panel: report.panelSize != nil).map { "<p>\(e($0))</p>" }.joined() + "</section>\n"
        return """
        <!DOCTYPE html>
        <html lang="\(report.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(pageTitle))</title>
        <style>\(HTMLReportStyle.elementText)</style>
        </head>
        <body>
        \(toolbar.isEmpty ? "" : "<a class=\"skip-link\" href=\"#main\">\(e(l.skipToReport))</a>\n<div class=\"app-bar\">" + toolbar + "</div>\n")<main id="main">
        \(body)</main>
        </body>
        </html>

        """
    }

    /// A session timestamp (ISO 8601, UTC, as the JSON report keeps it) as people read it:
    /// "2026-12-03 12:36 UTC", or "2026-12-03 20:36 Asia/Shanghai" in a zone. Anything else as it is.
    static func readable(_ timestamp: String, in zone: TimeZone? = nil) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: timestamp) ?? ISO8601DateFormatter().date(from: timestamp) else { return timestamp }
        let zone = zone ?? TimeZone(identifier: "UTC")!
        return SessionTimestamp.minute(date, in: zone) + " " + (zone.identifier == "GMT" ? "UTC" : zone.identifier)
    }

    static func fact(_ label: String, _ value: String) -> String {
        "<dt>\(XMLText.escape(label))</dt><dd>\(XMLText.escape(value))</dd>"
    }

    static func pct(_ value: Double?) -> String { value.map(ScoreFormat.score) ?? "–" }

    private static func summary(_ report: InterviewReport, _ l: ReportLabels) -> String {
        let e = XMLText.escape
        var out = "<section class=\"summary\"><h2>\(e(l.summary))</h2><div class=\"cards\">"
        out += card(l.overall, pct(report.overall))
        if let band = report.band { out += card(l.band, band) }
        out += card(l.accuracy, pct(report.accuracy)) + card(l.overallCoverage, pct(report.coverage)) + "</div>"
        for (label, formula) in [(l.overall, report.overallFormula), (l.accuracy, report.accuracyFormula), (l.overallCoverage, report.coverageFormula)] {
            out += "<p class=\"formula\">\(e(label)) = \(e(formula))</p>"
        }
        if !report.knockouts.isEmpty { out += "<p class=\"alert\">\(e(l.knockouts + l.colon))\(e(report.knockouts.joined(separator: ", ")))</p>" }
        if let effect = report.knockoutEffect { out += "<p>\(e(effect))</p>" }
        if !report.knockoutsNotAssessed.isEmpty { out += "<p>\(e(l.knockoutsNotAssessed + l.colon))\(e(report.knockoutsNotAssessed.joined(separator: ", ")))</p>" }
        if !report.confirmedIncomplete.isEmpty { out += "<p class=\"alert\">\(e(l.incomplete + l.colon))\(e(report.confirmedIncomplete.joined(separator: ", ")))</p>" }
        if report.startedAt != nil && report.finishedAt == nil { out += "<p class=\"alert\" id=\"not-finished\">\(e(l.notFinished))</p>" }
        return out + "</section>\n"
    }

    private static func card(_ label: String, _ value: String) -> String {
        "<div class=\"card\"><span>\(XMLText.escape(label))</span><strong>\(XMLText.escape(value))</strong></div>"
    }

    private static func topicTable(_ report: InterviewReport, _ guide: Guide, _ l: ReportLabels) -> String {
        let e = XMLText.escape
        let candidate = report.audience == .candidate
        let rows = report.topics.map { t in
            ScoreChartSVG.Row(label: t.heading, score: t.score, accuracy: t.accuracy,
                              note: t.entered ? pct(t.score) : l.notEntered)
        }
        let bands = candidate ? [] : guide.bands.map { (minimum: $0.minimum, label: $0.label(in: report.language)) }
        var out = "<section><h2>\(e(l.topicScores))</h2><figure>"
        for layout in [ScoreChartSVG.Layout.wide, .narrow] {
            out += ScoreChartSVG.render(rows, bands: bands, title: l.topicScores, accuracyLabel: l.accuracy, layout: layout)
        }
        out += "</figure>"
        out += "<table><thead><tr><th>\(e(l.topic))</th>" + (candidate ? "" : "<th>\(e(l.weight))</th>")
        out += "<th>\(e(l.score))</th><th>\(e(l.accuracy))</th><th>\(e(l.coverage))</th><th>\(e(l.depth))</th></tr></thead><tbody>"
        for t in report.topics {
            out += "<tr\(t.entered ? "" : " class=\"muted\"")><td>\(e(t.heading))</td>"
            if !candidate { out += "<td>\(ScoreFormat.number(t.weight ?? 1))</td>" }
            out += "<td>\(t.entered ? pct(t.score) : e(l.notEntered))</td><td>\(pct(t.accuracy))</td><td>\(pct(t.coverage))</td>"
            out += "<td>\(t.entered ? "\(t.depthReached)/\(t.depthAvailable)" : "–")</td></tr>"
        }
        return out + "</tbody></table></section>\n"
    }

    private static func dimensionsAndStages(_ report: InterviewReport, _ l: ReportLabels) -> String {
        let e = XMLText.escape
        var out = ""
        if !report.dimensions.isEmpty {
            out += "<section><h2>\(e(l.dimensions))</h2><table><thead><tr><th>\(e(l.dimension))</th><th>\(e(l.score))</th><th>\(e(l.derivation))</th></tr></thead><tbody>"
            out += report.dimensions.map { "<tr><td>\(e($0.name))</td><td>\(pct($0.score))</td><td class=\"formula\">\(e($0.formula))</td></tr>" }.joined()
            out += "</tbody></table></section>\n"
        }
        out += "<section><h2>\(e(l.stages))</h2><table><thead><tr><th>\(e(l.stage))</th><th>\(e(l.requirement))</th><th>\(e(l.budget))</th><th>\(e(l.elapsed))</th></tr></thead><tbody>"
        for s in report.stages {
            let over = s.budgetMinutes.map { s.elapsedMinutes > Double($0) } ?? false
            out += "<tr\(s.visited ? "" : " class=\"muted\"")><td>\(e(s.key + " " + s.title))</td><td>\(e(l.requirementLabel(s.requirement)))</td>"
            out += "<td>\(s.budgetMinutes.map { "\($0) \(e(l.minutes))" } ?? "–")</td>"
            out += "<td\(over ? " class=\"over\"" : "")>\(s.visited ? ScoreFormat.score(s.elapsedMinutes) + " " + e(l.minutes) : "–")</td></tr>"
        }
        return out + "</tbody></table></section>\n"
    }
}
