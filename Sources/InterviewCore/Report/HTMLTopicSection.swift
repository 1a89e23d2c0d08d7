import Flowchart

/// One topic of the HTML report: numbers with their derivations, the chart with the path taken,
/// and every question with its rating, notes and reference.
enum HTMLTopicSection {
    /// `guideLanguage`: the guide's, when it is not the report's: its texts are marked with it (`lang`), so a
    /// screen reader reads an English question in a Chinese report with an English voice.
    static func render(_ t: TopicReport, _ topic: Topic?, _ report: InterviewReport, _ l: ReportLabels, idScope: String = "",
                       guideLanguage: ReportLanguage? = nil) -> String {
        let e = XMLText.escape
        let candidate = report.audience == .candidate
        let guideText = { (text: String) -> String in
            guard let guideLanguage, guideLanguage != report.language else { return e(text) }
            return "<span lang=\"\(guideLanguage.rawValue)\">\(e(text))</span>"
        }
        var out = "<section class=\"topic\" id=\"topic-\(e(t.key))\"><h2>\(guideText(t.heading))</h2>"
        if t.isKnockedOut { out += "<p class=\"alert\">\(e(l.knockouts)) (&lt; \(ScoreFormat.number(t.knockout ?? 0)))</p>" }
        out += "<table class=\"derivation\"><tbody>"
        out += row(l.score, HTMLReport.pct(t.score), t.formulas.score) + row(l.accuracy, HTMLReport.pct(t.accuracy), t.formulas.accuracy)
        out += row(l.coverage, HTMLReport.pct(t.coverage), t.formulas.coverage)
        out += row(l.depth, "\(t.depthReached)/\(t.depthAvailable)", "\(l.deeperShare) = \(t.formulas.deeperShare)")
        out += "</tbody></table>"
        if !candidate, !t.gates.isEmpty {
            out += "<p class=\"gates\">\(e(l.gates + l.colon))" + t.gates.map { g in
                "<span>\(e(g.id)) \(e(g.text)) → <b>\(e(g.shown(l)))</b></span>"
            }.joined(separator: " · ") + "</p>"
        }
        // Chart labels carry the expected answers in brackets, so the candidate's copy has none.
        if !candidate, let topic, let svg = TopicPathDrawing.svg(topic, t, idScope: idScope) {
            out += "<figure class=\"chart\">\(svg)<figcaption>\(e(l.chartCaption))</figcaption></figure>"
        }
        out += "<table class=\"questions\"><thead><tr><th>#</th><th>\(e(l.question))</th><th>\(e(l.level))</th>"
        if !candidate { out += "<th>\(e(l.weight))</th>" }
        out += "<th>\(e(l.status))</th><th>\(e(l.rating))</th><th>\(e(l.notes))</th></tr></thead><tbody>"
        // A question withdrawn by a gate's changed answer keeps the notes taken on it (they vanished).
        for q in t.questions where q.status != .notApplicable || !q.notes.isEmpty {
            out += "<tr class=\"\(q.status.rawValue)\"><td>\(e(q.id))</td><td>\(guideText(q.text))"
            if let reference = q.reference, !reference.isEmpty {
                out += "<details><summary>\(e(l.reference))</summary><p>\(e(reference))</p></details>"
            }
            out += "</td><td>\(q.level)</td>"
            if !candidate { out += "<td>\(ScoreFormat.number(q.weight ?? 1))</td>" }
            out += "<td>\(e(q.statusLabel))</td><td>"
            if let answers = q.panel {
                // Each answer whole on its line: printed, "1/4 · 2/4 · / 4/4" broke inside one.
                out += answers.map { answer in
                    "<span class=\"answer\">" + (answer.rating.map { "<b>\($0)</b>/\(report.scaleMaximum)" } ?? "–") + "</span>"
                }.joined(separator: " · ")
            } else if let rating = q.rating {
                out += "<b>\(rating)</b>/\(report.scaleMaximum)" + (q.ratingMeaning.map { "<br><small>\(e($0))</small>" } ?? "")
            } else {
                out += "–"
            }
            var notes = q.notes.map { "<li>\(e($0.text))\($0.isShared && !candidate ? "<small>\(e(l.bracketed(l.shared)))</small>" : "")</li>" }
            if let reason = q.skipReason { notes.insert("<li>\(e(l.skipReason + l.colon))\(e(reason))</li>", at: 0) }
            out += "</td><td>\(notes.isEmpty ? "" : "<ul>" + notes.joined() + "</ul>")</td></tr>"
        }
        return out + "</tbody></table></section>\n"
    }

    private static func row(_ label: String, _ value: String, _ formula: String) -> String {
        let e = XMLText.escape
        return "<tr><th>\(e(label))</th><td class=\"value\">\(e(value))</td><td class=\"formula\">\(e(formula))</td></tr>"
    }
}
