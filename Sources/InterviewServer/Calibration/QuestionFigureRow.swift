import Foundation
import InterviewCore

/// One question's statistics as the guide-health page, the question bank and the guide editor print
/// them: the same figures, rounded the same way, in every place.
struct QuestionFigureRow: Encodable {
    /// The bank identity (an author's id, or `q:` and a digest of the text).
    var id: String
    /// Topic and node in the version shown (`3.1/op2`), empty when it is not in that version.
    var key: String
    var text: String
    var asked: Int
    var rated: Int
    var mean: String
    var discrimination: String
    var difficulty: String
    var fit: String
    var skipped: String
    var notDemonstrated: String
    var median: String
    var flags: [String]
    /// Where the question bank lists it.
    var bankHref: String

    init(id: String, key: String, text: String, figures q: QuestionFigures?, rasch d: QuestionDifficulty?, language: ReportLanguage) {
        self.id = id
        self.key = key
        self.text = text
        asked = q.map { $0.rated + $0.skipped } ?? 0
        rated = q?.rated ?? 0
        mean = q?.meanPercent.map(ScoreFormat.whole) ?? "–"
        // Below the count the flags wait for, a correlation is shown with its n and said to be thin: 1.00
        // from four cards of one candidate read as a verdict.
        discrimination = q.flatMap { q in
            q.itemRest.map { Self.thin(String(format: "%.2f", $0), count: q.itemRestCount, language) }
        } ?? "–"
        // The Rasch figures the same way: a difficulty from one rating, and an infit of 0.11 (which on real
        // data means a question that fits too well), were printed as findings.
        // Full-width brackets in Chinese, as the "（n=1，数据较少）" after it (a probe).
        let format = language == .zh ? "%@（± %.2f）" : "%@ (± %.2f)"
        difficulty = d.map { Self.thin(String(format: format, CalibrationFigures.signed($0.difficulty), $0.standardError), count: $0.ratingCount, language) } ?? "–"
        fit = d.map { Self.thin(String(format: "%.2f / %.2f", $0.infit, $0.outfit), count: $0.ratingCount, language) } ?? "–"
        skipped = CalibrationFigures.percent(q?.skipRate)
        notDemonstrated = CalibrationFigures.percent(q?.notDemonstratedRate)
        median = q?.medianSeconds.map { String(format: "%d:%02d", Int($0) / 60, Int($0) % 60) } ?? "–"
        flags = q?.flags.map { $0.text(language) } ?? []
        bankHref = SiteURL.questions.path + "?q=" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)
    }

    /// Below the count the flags wait for, a figure is shown with its n and said to be thin: 1.00 from
    /// four cards of one candidate read as a verdict.
    private static func thin(_ figure: String, count: Int, _ language: ReportLanguage) -> String {
        guard count < QuestionFlagRules.standard.discriminationMinimumCount else { return figure }
        return figure + (language == .zh ? "（n=\(count)，数据较少）" : " (n=\(count), little data)")
    }
}
