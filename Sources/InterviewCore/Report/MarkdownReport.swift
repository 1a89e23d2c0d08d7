/// The report as Markdown: readable as plain text, renders as tables on GitHub and in most editors.
public enum MarkdownReport {
    public static func render(_ report: InterviewReport) -> String {
        let l = ReportLabels.labels(report.language)
        let candidate = report.audience == .candidate
        var out = "# \(l.title(of: report)) — \(inline(report.title))\n\n"
        if let name = report.candidate { out += "- \(l.candidate)\(l.colon)\(inline(name))\n" }
        if let name = report.interviewer { out += "- \(l.interviewer)\(l.colon)\(inline(name))\n" }
        if let cards = report.panelSize { out += "- \(l.panelCards)\(l.colon)\(report.panelSeats.map { l.panelOf(cards, $0) } ?? String(cards))\n" }
        if let asOf = report.asOf { out += "- \(l.asOf)\(l.colon)\(asOf)\n" }
        if let cards = report.oneOfPanel { out += "- \(l.basedOn)\(l.colon)\(l.oneOfPanel(cards))\n" }
        out += "- \(l.guide)\(l.colon)\(inline(report.guide.id ?? report.guide.title))" + (candidate ? "" : " @ \(report.guide.hash.prefix(12))") + "\n"
        if let started = report.startedAt { out += "- \(l.started)\(l.colon)\(started)\n" }
        if let finished = report.finishedAt { out += "- \(l.finished)\(l.colon)\(finished)\n" }
        out += "- \(l.duration)\(l.colon)\(ScoreFormat.score(report.minutes)) \(l.minutes)\n\n"
        if report.startedAt != nil && report.finishedAt == nil { out += "**\(l.notFinished)**\n\n" }

        out += "## \(l.summary)\n\n"
        out += "| \(l.overall) | \(candidate ? "" : l.band + " | ")\(l.accuracy) | \(l.overallCoverage) |\n| --- | \(candidate ? "" : "--- | ")--- | --- |\n"
        out += "| \(pct(report.overall)) | \(candidate ? "" : inline(report.band ?? "–") + " | ")\(pct(report.accuracy)) | \(pct(report.coverage)) |\n\n"
        out += "- \(l.overall) = \(report.overallFormula)\n- \(l.accuracy) = \(report.accuracyFormula)\n- \(l.overallCoverage) = \(report.coverageFormula)\n\n"
        if !report.knockouts.isEmpty { out += "**\(l.knockouts)\(l.colon)\(report.knockouts.joined(separator: ", "))**\n\n" }
        if let effect = report.knockoutEffect { out += "\(inline(effect))\n\n" }
        if !report.knockoutsNotAssessed.isEmpty { out += "\(l.knockoutsNotAssessed)\(l.colon)\(report.knockoutsNotAssessed.joined(separator: ", "))\n\n" }
        if !report.confirmedIncomplete.isEmpty { out += "\(l.incomplete)\(l.colon)\(report.confirmedIncomplete.joined(separator: ", "))\n\n" }
        if candidate {
            out += "## \(l.feedback)\n\n" + report.feedback.map { "- \(inline($0))\n" }.joined() + "\n"
        }

        out += "## \(l.topicScores)\n\n| \(l.topic) | \(candidate ? "" : l.weight + " | ")\(l.score) | \(l.accuracy) | \(l.coverage) | \(l.depth) |\n"
        out += "| --- | \(candidate ? "" : "--- | ")--- | --- | --- | --- |\n"
        for t in report.topics {
            let weight = candidate ? "" : ScoreFormat.number(t.weight ?? 1) + " | "
            let depth = t.entered ? "\(t.depthReached)/\(t.depthAvailable)" : "–"
            out += "| \(inline(t.heading)) | \(weight)\(t.entered ? pct(t.score) : l.notEntered) | \(pct(t.accuracy)) | \(pct(t.coverage)) | \(depth) |\n"
        }
        out += "\n"
        for topic in report.topics where topic.entered { out += MarkdownTopicSection.render(topic, report, l) }

        if !report.dimensions.isEmpty {
            out += "## \(l.dimensions)\n\n| \(l.dimension) | \(l.score) | \(l.derivation) |\n| --- | --- | --- |\n"
            out += report.dimensions.map { "| \(inline($0.name)) | \(pct($0.score)) | \(inline($0.formula)) |\n" }.joined() + "\n"
        }
        out += "## \(l.stages)\n\n| \(l.stage) | \(l.requirement) | \(l.budget) | \(l.elapsed) |\n| --- | --- | --- | --- |\n"
        for s in report.stages {
            let budget = s.budgetMinutes.map { "\($0) \(l.minutes)" } ?? "–"
            out += "| \(inline(s.key + " " + s.title)) | \(l.requirementLabel(s.requirement)) | \(budget) | \(s.visited ? ScoreFormat.score(s.elapsedMinutes) + " " + l.minutes : "–") |\n"
        }
        if !report.notes.isEmpty {
            out += "\n## \(l.generalNotes)\n\n" + report.notes.map { "- \($0.at): \(inline($0.text))\n" }.joined()
        }
        out += "\n## \(l.method)\n\n" + l.methodLines(panel: report.panelSize != nil).map { $0 + "\n\n" }.joined()
        return out
    }

    static func pct(_ value: Double?) -> String { value.map(ScoreFormat.score) ?? "–" }

    /// User text in a table cell or list item: no line breaks, no pipes, no raw HTML. An `&` is escaped only
    /// where it would start a character reference (`&lt;` written as text): "Browser & rendering" stays as
    /// written, which `&amp;` spoilt wherever the Markdown is read as plain text (mail, chat, a terminal).
    static func inline(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&" where startsReference(characters, at: i): out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// `&name;` or `&#…;` from `i`: what a Markdown reader would turn into another character.
    private static func startsReference(_ characters: [Character], at i: Int) -> Bool {
        var j = i + 1
        while j < characters.count, j - i <= 32 {
            let c = characters[j]
            if c == ";" { return j > i + 1 }
            guard c.isASCII, c.isLetter || c.isNumber || c == "#" else { return false }
            j += 1
        }
        return false
    }
}

/// One topic of the Markdown report: its derivations, decisions and questions.
enum MarkdownTopicSection {
    static func render(_ t: TopicReport, _ report: InterviewReport, _ l: ReportLabels) -> String {
        let candidate = report.audience == .candidate
        let inline = MarkdownReport.inline
        var out = "### \(inline(t.heading))\n\n"
        out += "- \(l.score) = \(t.formulas.score)\n- \(l.accuracy) = \(t.formulas.accuracy)\n- \(l.coverage) = \(t.formulas.coverage)\n"
        out += "- \(l.depth)\(l.colon)\(t.depthReached)/\(t.depthAvailable); \(l.deeperShare) = \(t.formulas.deeperShare)\n"
        if t.isKnockedOut { out += "- **\(l.knockouts)** (< \(ScoreFormat.number(t.knockout ?? 0)))\n" }
        if !candidate && !t.gates.isEmpty {
            let answers = t.gates.map { g in "\(g.id) \(inline(g.text)) → \(g.shown(l))" }
            out += "- \(l.gates)\(l.colon)" + answers.joined(separator: "; ") + "\n"
        }
        out += "\n| # | \(l.question) | \(l.level) | \(candidate ? "" : l.weight + " | ")\(l.status) | \(l.rating) | \(l.notes) |"
        out += candidate ? "\n| --- | --- | --- | --- | --- | --- |\n" : " \(l.reference) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        // A question withdrawn by a gate's changed answer keeps the notes taken on it (they vanished).
        for q in t.questions where q.status != .notApplicable || !q.notes.isEmpty {
            let rating = Self.rating(q, maximum: report.scaleMaximum)
            var notes = q.notes.map { inline($0.text) }
            if let reason = q.skipReason { notes.insert("\(l.skipReason)\(l.colon)\(inline(reason))", at: 0) }
            out += "| \(q.id) | \(inline(q.text)) | \(q.level) | \(candidate ? "" : ScoreFormat.number(q.weight ?? 1) + " | ")\(q.statusLabel) | \(rating) | \(notes.joined(separator: "<br>")) |"
            out += candidate ? "\n" : " \(inline(q.reference ?? "")) |\n"
        }
        return out + "\n"
    }

    /// "3/4 — meaning", or a panel's differing ratings in turn ("3/4 · –").
    private static func rating(_ q: QuestionReport, maximum: Int) -> String {
        if let answers = q.panel {
            return answers.map { answer -> String in answer.rating.map { "\($0)/\(maximum)" } ?? "–" }.joined(separator: " · ")
        }
        guard let rating = q.rating else { return "–" }
        return "\(rating)/\(maximum)" + (q.ratingMeaning.map { " — " + MarkdownReport.inline($0) } ?? "")
    }
}
