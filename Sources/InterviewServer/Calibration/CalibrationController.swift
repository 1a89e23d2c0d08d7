import Fluent
import InterviewCore
import Vapor

/// The interviewer calibration page (issue 15): per guide family, each interviewer's severity with its
/// interval, their rating distribution against the team's on the same questions, how they use gates,
/// how soon they submit, and their agreement with co-panelists. Hiring managers and admins see every
/// interviewer; an interviewer sees their own row beside the team's aggregate figures.
struct CalibrationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.calibration.components, use: Self.page)
    }

    struct Query: Decodable { var guide: UUID? }

    @Sendable static func page(req: Request) async throws -> View {
        let user = try req.user
        let guides = try await GuideRecord.query(on: req.db).sort(\.$title).all()
        let asked = (try? req.query.decode(Query.self).guide).flatMap { id in guides.first { $0.id == id } }
        var chosen = asked
        // An interviewer sees their own row only: the guide they have scored most, not the team's busiest,
        // which may be one they never use (a probe's new-graduate interviewer landed on "no data").
        if chosen == nil { chosen = try await busiestGuide(guides, by: user.role.managesPositions ? nil : user.id, on: req.db) }
        var page = CalibrationPage(guides: guides.map { .init(value: $0.id?.uuidString ?? "", label: $0.title, selected: $0 === chosen, language: $0.language ?? "") },
                                   ownOnly: !user.role.managesPositions)
        guard let chosen else { return try await req.page("calibration", page) }
        let awaited = try await TeamFiguresWithheld.awaited(by: user, on: req.db)
        guard awaited.isEmpty else {
            page.withheld = TeamFiguresWithheld.notice(awaited, language: req.language)
            return try await req.page("calibration", page)
        }
        let team = try await TeamCards.load(guide: try chosen.requireID(), req: req)
        page.preparing = team.isPreparing
        guard !team.cards.isEmpty, let fit = team.fit else {
            return try await req.page("calibration", page)
        }
        page.updating = team.isStale
        let figures = team.figures(cache: req.application.calibrationCache)
        let me = try user.requireID().uuidString
        let language = req.language
        page.model = CalibrationPage.modelLine(fit, cards: team.cards.count, language: language)
        page.levels = Array(team.scale.levels).map(String.init)
        page.rows = figures.filter { !page.ownOnly || $0.interviewer == me }
            .map { CalibrationPage.Row($0, name: team.names[$0.interviewer] ?? "?", isYou: $0.interviewer == me, language: language) }
            .sorted { ($0.severityValue, $0.name) > ($1.severityValue, $1.name) }
        return try await req.page("calibration", page)
    }

    /// Without a choice, the guide with the most submitted scorecards: the one a team calibrates on.
    /// One count per guide (a handful of aggregates), not a row per card.
    private static func busiestGuide(_ guides: [GuideRecord], by interviewer: UUID?, on db: any Database) async throws -> GuideRecord? {
        var best: (guide: GuideRecord, cards: Int)?
        for guide in guides {
            var query = ScorecardRecord.query(on: db).filter(\.$submittedAt != nil)
            if let interviewer { query = query.filter(\.$interviewer.$id == interviewer) }
            let cards = try await query
                .join(Interview.self, on: \ScorecardRecord.$interview.$id == \Interview.$id)
                .join(GuideVersion.self, on: \Interview.$guideVersion.$id == \GuideVersion.$id)
                .filter(GuideVersion.self, \.$guide.$id == (try guide.requireID()))
                .count()
            if cards > (best?.cards ?? 0) { best = (guide, cards) }
        }
        return best?.guide ?? guides.first
    }
}

struct CalibrationPage: Encodable {
    /// Why no figures show: the viewer's own card on a candidate colleagues have scored is not in
    /// (`TeamFiguresWithheld`).
    var withheld: String?
    /// Newer scorecards are being read in the background; these figures are the last complete ones.
    var updating = false
    /// The team's cards are still being read after a start: no figures yet, and the page says so.
    var preparing = false
    /// `language`: the guide's, for `lang` on a title in the page's other language (WCAG 3.1.2).
    struct Option: Encodable { var value: String; var label: String; var selected: Bool; var language = "" }
    struct Row: Encodable {
        var name: String
        var isYou: Bool
        var severity: String
        /// The 95% interval, under the severity: beside it the table was wider than a 1,280-pixel screen.
        var interval: String
        var severityValue: Double
        var points: String
        var cards: Int
        var ratings: Int
        var littleData: Bool
        /// Enough data, but too few candidates shared with colleagues to compare it (`InterviewerLinks`).
        var notLinked: Bool
        /// Ratings more predictable or erratic than the model expects (`RatingFit`).
        var fitNote: String?
        var theirs: [String]
        var team: [String]
        var deeper: String
        var follows: String
        var hours: String
        var agreement: String
        /// "2026-Q1 +0.31 (±0.12)", oldest first.
        var trend: [String]

        init(_ f: InterviewerCalibration, name: String, isYou: Bool, language: Language) {
            self.name = name
            self.isYou = isYou
            let s = f.severity
            severityValue = s?.severity ?? 0
            severity = s.map { CalibrationFigures.signed($0.severity) } ?? "–"
            interval = s.map { CalibrationFigures.signed($0.severity - 1.96 * $0.standardError) + " … "
                + CalibrationFigures.signed($0.severity + 1.96 * $0.standardError) } ?? ""
            points = s.map { CalibrationFigures.signed(-$0.points) } ?? "–"
            cards = f.cards
            ratings = s?.ratingCount ?? 0
            let minimum = SeverityAdjustedScore.MinimumData.standard
            switch s.flatMap(minimum.shortfall(of:)) {
            case .interviewerNotLinked: littleData = false; notLinked = true
            case nil where s != nil: littleData = false; notLinked = false
            default: littleData = true; notLinked = false
            }
            fitNote = s.flatMap { s in RatingFit.of(s).map { $0.text(s.infit, language.report) } }
            theirs = Self.percentages(f.distribution)
            team = Self.percentages(f.teamDistribution)
            // Brackets in the page's language (" (n=3)", "（n=3）"), as the reports write them.
            let brackets = ReportLabels.labels(language.report)
            deeper = CalibrationFigures.percent(f.deeperRate) + brackets.bracketed("n=\(f.gatesAnswered)")
            follows = CalibrationFigures.percent(f.followRate)
            hours = f.medianHoursToSubmit.map { String(format: "%.1f", $0) } ?? "–"
            // A standard error, said as one: "±0.12" under an intro saying "the interval is 95%" read as a
            // 95% interval, and quarters seemed to drift more than they do (a calibration probe).
            let se = language == .zh ? "标准误" : "SE"
            trend = f.trend.map { "\($0.period) \(CalibrationFigures.signed($0.severity))"
                + brackets.bracketed(String(format: "%@ %.2f", se, $0.standardError)) }
            let report = language.report
            if let kappa = f.agreement.figure {
                agreement = "κ = \(AgreementReading.shown(kappa.value))"
                    + brackets.bracketed(kappa.reading.text(report) + (language == .zh ? "，" : ", ") + "n=\(kappa.itemCount)")
            } else {
                agreement = f.agreement.reason?.text(report) ?? "–"
            }
        }

        static func percentages(_ counts: [Int]) -> [String] {
            let total = counts.reduce(0, +)
            return counts.map { total == 0 ? "–" : ScoreFormat.whole(100 * Double($0) / Double(total)) }
        }
    }

    var guides: [Option]
    var ownOnly: Bool
    var model: String?
    var levels: [String] = []
    var rows: [Row] = []
    var action = SiteURL.calibration.path

    init(guides: [Option], ownOnly: Bool) {
        self.guides = guides
        self.ownOnly = ownOnly
    }

    static func modelLine(_ fit: RaterCalibration, cards: Int, language: Language) -> String {
        let ratings = fit.interviewers.reduce(0) { $0 + $1.ratingCount }
        if language == .zh {
            return "多面 Rasch 评分量表模型：\(cards) 张评分卡，\(ratings) 个评分，\(fit.candidates.count) 位候选人，\(fit.questions.count) 个问题；"
                + (fit.converged ? "\(fit.iterations) 次迭代收敛。" : "\(fit.iterations) 次迭代后未收敛，请谨慎看待。")
        }
        // "1 candidates" read wrong on a new team's first page.
        func count(_ n: Int, _ one: String) -> String { "\(n) \(one)\(n == 1 ? "" : "s")" }
        return "Many-facet Rasch rating-scale model: \(count(cards, "scorecard")), \(count(ratings, "rating")), "
            + "\(count(fit.candidates.count, "candidate")), \(count(fit.questions.count, "question")); "
            + (fit.converged ? "converged in \(count(fit.iterations, "iteration"))." : "not converged after \(count(fit.iterations, "iteration")): read with care.")
    }
}

/// How the calibration and guide-health pages write their figures.
enum CalibrationFigures {
    /// A share as a whole percentage, "–" when there is none.
    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }

    /// A signed figure to two places; one that rounds to nothing is "0.00" (it printed "-0.00", a harsher
    /// rater than the team by nothing at all).
    static func signed(_ value: Double) -> String {
        let shown = (value * 100).rounded() / 100
        return shown == 0 ? "0.00" : String(format: "%+.2f", shown)
    }
}
