import Fluent
import Flowchart
import InterviewCore
import Vapor

/// The guide-health page (issue 15): each question of a guide family across its versions — asked, rated,
/// mean, discrimination, Rasch difficulty and fit, skip and not-demonstrated rates, median time, flags —
/// and each gate's yes rate and how often the engine's suggestion is followed. Aggregates over every
/// submitted card, so for hiring managers and admins, like the team's pooled agreement.
struct GuideHealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.pattern(SiteURL.guideHealth), use: Self.page)
    }

    @Sendable static func page(req: Request) async throws -> View {
        let user = try req.user
        guard user.role.managesPositions else { throw Abort(.forbidden) }
        guard let id = req.parameters.get("id", as: UUID.self), let guide = try await GuideRecord.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let team = try await TeamCards.load(guide: id, req: req)
        let statistics = team.questionStatistics(cache: req.application.calibrationCache)
        // Question texts from the current version; a question since removed keeps its key alone.
        var texts: [String: String] = [:]
        if let current = guide.$current.id {
            let loaded = try await ScorecardService.guide(current, cache: req.application.scorecardCache, on: req.db).guide
            for topic in loaded.topics { for q in topic.questions { texts[QuestionKey.of(topic: topic.key, question: q.id)] = q.text } }
        }
        let language: ReportLanguage = req.language == .zh ? .zh : .en
        let page = GuideHealthPage(
            title: guide.title, guideHref: SiteURL.guide(id).path, cards: team.cards.count,
            summary: language == .zh ? "基于 \(team.cards.count) 张已提交的评分卡（所有版本）" : "From \(team.cards.count) submitted scorecards (all versions)",
            questions: statistics.questions.map { q in
                let d = team.fit?.question(q.question)
                return .init(key: q.question, text: texts[q.question] ?? "", asked: q.rated + q.skipped, rated: q.rated,
                             mean: q.meanPercent.map { String(format: "%.0f", $0) } ?? "–",
                             discrimination: q.itemRest.map { String(format: "%.2f", $0) } ?? "–",
                             difficulty: d.map { String(format: "%+.2f (± %.2f)", $0.difficulty, $0.standardError) } ?? "–",
                             fit: d.map { String(format: "%.2f / %.2f", $0.infit, $0.outfit) } ?? "–",
                             skipped: CalibrationFigures.percent(q.skipRate), notDemonstrated: CalibrationFigures.percent(q.notDemonstratedRate),
                             median: q.medianSeconds.map { String(format: "%d:%02d", Int($0) / 60, Int($0) % 60) } ?? "–",
                             flags: q.flags.map { $0.text(language) })
            },
            gates: statistics.gates.map { g in
                .init(key: g.gate, answered: g.answered, yes: CalibrationFigures.percent(g.yesRate), followed: CalibrationFigures.percent(g.followRate))
            },
            flagged: statistics.questions.filter { !$0.flags.isEmpty }.count)
        return try await req.page("guide-health", page)
    }
}

struct GuideHealthPage: Encodable {
    struct Question: Encodable {
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
    }
    struct Gate: Encodable { var key: String; var answered: Int; var yes: String; var followed: String }
    var title: String
    var guideHref: String
    var cards: Int
    var summary: String
    var questions: [Question]
    var gates: [Gate]
    /// How many questions carry a flag (the template says "none flagged" at 0).
    var flagged: Int
}
