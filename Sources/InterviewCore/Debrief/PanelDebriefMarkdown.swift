import Foundation

/// The debrief as Markdown, for the hiring committee's notes or a pull request beside the guide.
/// Every interviewer-entered text is written as text: Markdown's own characters in it are escaped,
/// so a note cannot add a link or a heading to the document.
public enum PanelDebriefMarkdown {
    public static func render(_ doc: PanelDebriefDocument, candidate: String?) -> String {
        let zh = doc.language == .zh
        func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
        var out = "# " + t("Debrief", "面试讨论") + (candidate.map { " — " + escape($0) } ?? "") + "\n\n"
        out += "_\(escape(doc.guideTitle))_\n\n## " + t("Recommendations", "推荐") + "\n\n"
        out += "| \(t("Interviewer", "面试官")) | \(t("Recommendation", "推荐")) | \(t("Score", "得分")) | \(t("Coverage", "覆盖率")) | \(t("Summary", "总结")) |\n|---|---|---|---|---|\n"
        for rater in doc.raters {
            let revised = rater.revisions > 0 ? t(" (revised \(rater.revisions)× after submitting)", "（提交后修改 \(rater.revisions) 次）") : ""
            let recommendation = escape(rater.recommendationLabel) + (rater.recommendationAsSubmitted.map { " (" + was(escape($0), zh) + ")" } ?? "")
            let summary = escape(rater.summary) + (rater.summaryAsSubmitted.map { t(" (first submitted: ", "（首次提交：") + escape($0) + t(")", "）") } ?? "")
            out += "| \(escape(rater.name))\(revised) | \(recommendation) | \(number(rater.overall)) | \(number(rater.coverage)) | \(summary) |\n"
        }
        if let scores = doc.scores {
            out += "\n" + t("Scores: ", "得分：") + "\(number(scores.low))–\(number(scores.high))" + t(", mean ", "，平均 ")
                + "\(number(scores.mean))" + t(" (n=\(doc.raters.count))", "（n=\(doc.raters.count)）") + "\n"
        }
        out += "\n## " + t("Agreement", "一致性") + "\n\n"
        for pair in doc.agreement.pairs {
            out += "- \(escape(pair.first)) × \(escape(pair.second))\(t(": ", "："))κ = \(figure(pair.kappa, zh: zh))\n"
        }
        out += "- ICC(2,1) = \(figure(doc.agreement.singleRater, zh: zh))\n- ICC(2,k) = \(figure(doc.agreement.panelMean, zh: zh))\n\n"
        out += doc.agreement.explanation.map { "> " + $0 }.joined(separator: "\n>\n") + "\n\n"
        out += "## " + t("Question by question, most disagreement first", "逐题对比（分歧最大的在前）") + "\n\n"
            + t("⚑ one interviewer went deeper, another did not. Spread: highest minus lowest rating, not demonstrated counting 0 as in the score.",
                "⚑ 有人深入、有人未深入。分差：最高分减最低分，未展示按得分中的 0 分计。") + "\n"
        for topic in doc.topics {
            out += "\n### \(escape(Topic.heading(key: topic.keyBeforeTitle, title: topic.title).trimmingCharacters(in: .whitespaces)))\n\n| \(t("Question", "问题")) |" + doc.raters.map { " \(escape($0.name)) |" }.joined()
                + " \(t("Spread", "分差")) |\n|---|" + doc.raters.map { _ in "---|" }.joined() + "---:|\n"
            for row in topic.rows {
                let mark = row.depthDiffers ? " ⚑" : ""
                out += "| \(escape(row.question)) \(escape(row.text))\(mark) |"
                for cell in row.cells {
                    let value = cell.rating.map(String.init) ?? status(cell, zh)
                    // Full-width brackets in Chinese (a probe found "已跳过 (…)").
                    let bracket = ReportLabels.labels(zh ? .zh : .en).bracketed
                    let why = cell.skipReason.map { bracket(escape($0)) } ?? ""
                    let was = cell.asSubmitted.map { bracket(submittedWas($0, zh)) } ?? ""
                    out += " \(value)\(why)\(was)" + (cell.notes.isEmpty ? "" : " — " + cell.notes.map(escape).joined(separator: "; ")) + " |"
                }
                out += " \(row.spread.map(String.init) ?? "–") |\n"
            }
            for group in topic.notes {
                out += "\n- **\(escape(group.rater))**: " + group.notes.map(escape).joined(separator: "; ") + "\n"
            }
        }
        if !doc.otherNotes.isEmpty {
            out += "\n## " + t("Notes outside the questions", "题目之外的笔记") + "\n\n"
            for group in doc.otherNotes {
                out += "- **\(escape(group.rater))**: " + group.notes.map(escape).joined(separator: "; ") + "\n"
            }
        }
        return out
    }

    /// A figure with its reading and the questions it rests on, or the reason it is not shown.
    /// "0.32 (fair, n=40)"; in Chinese with its own punctuation, "0.32（一致性一般，n=40）".
    public static func figure(_ f: PanelDebriefDocument.Figure, zh: Bool = false) -> String {
        guard let value = f.value else { return f.reason ?? "–" }
        let reading = f.reading ?? ""
        return AgreementReading.shown(value) + (zh ? "（\(reading)，n=\(f.questions)）" : " (\(reading), n=\(f.questions))")
    }

    static func number(_ value: Double?) -> String { value.map(ScoreFormat.score) ?? "–" }

    /// An unrated cell in words ("–" for a rated one, whose rating is shown instead), as the interviewer's
    /// report names the same states (`ReportLabels.interviewerStatus`).
    /// An unrated cell in words, with the card's finer status where the grid's four fold it ("asked, not rated").
    public static func status(_ cell: PanelDebrief.Cell, _ zh: Bool) -> String {
        cell.detail.map { ReportLabels.labels(zh ? .zh : .en).statusLabel($0, .interviewer) } ?? status(cell.status, zh)
    }

    public static func status(_ status: RaterEntry.Status, _ zh: Bool) -> String {
        switch status {
        case .rated: "–"
        case .notDemonstrated: zh ? "未展示" : "not demonstrated"
        case .notAsked: zh ? "未问到" : "not asked"
        case .skipped: zh ? "已跳过" : "skipped"
        }
    }

    /// What a revised cell said when the card was first submitted: "was 2", "原为 未问到".
    public static func submittedWas(_ before: PanelDebrief.Submitted, _ zh: Bool) -> String {
        was(before.rating.map(String.init) ?? status(before.status, zh), zh)
    }

    /// "was X" / "原为 X": what a card said when first submitted, beside what it says now (a rating, a
    /// recommendation); the debrief page and the candidate page say it the same way.
    public static func was(_ text: String, _ zh: Bool) -> String {
        (zh ? "原为 " : "was ") + text
    }

    /// Markdown's punctuation and table pipes escaped, newlines folded: text stays text.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", "!", "|", "~", "&":
                out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
