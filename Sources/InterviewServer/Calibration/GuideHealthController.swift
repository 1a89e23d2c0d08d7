import Fluent
import Flowchart
import InterviewCore
import Vapor

/// The guide-health page (issue 15): each question of a guide family — across its versions, or in one
/// version — asked, rated, mean, discrimination, Rasch difficulty and fit, skip and not-demonstrated
/// rates, median time, flags; and each gate's yes rate and how often the engine's suggestion is
/// followed. Questions are rows by their bank identity, so a question reworded between versions is one
/// row and a key reused for a new question is two. Aggregates over every submitted card, so for hiring
/// managers and admins, like the team's pooled agreement.
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
        let versions = try await GuideVersion.query(on: req.db).filter(\.$guide.$id == id).field(\.$id).field(\.$createdAt)
            .sort(\.$createdAt).sort(\.$id).all()
        let wanted = try? req.query.get(UUID.self, at: "version")
        let chosen = versions.first { $0.id == wanted }
        let awaited = try await TeamFiguresWithheld.awaited(by: user, on: req.db)
        let team = try await TeamCards.load(guide: id, req: req)
        let statistics = awaited.isEmpty ? team.questionStatistics(version: chosen?.id, cache: req.application.calibrationCache)
            : QuestionStatistics.compute([])
        let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
        let language = req.language.report
        // Keys and texts from the version shown (the current one for "all versions"); a question not in
        // it keeps its bank wording and an empty key.
        var placed: [String: (key: String, text: String, order: Int)] = [:]
        if let shown = chosen?.id ?? guide.$current.id {
            let loaded = try await ScorecardService.guide(shown, cache: req.application.scorecardCache, on: req.db).guide
            let identities = bank.identities(version: shown.uuidString)
            for topic in loaded.topics {
                for q in topic.questions {
                    let key = QuestionKey.of(topic: topic.key, question: q.id)
                    placed[identities[key] ?? key] = (key, q.text, placed.count)
                }
            }
        }
        let rows = statistics.questions.map { q in
            let text = placed[q.question]?.text ?? bank.entry(q.question).map { QuestionBank.text(of: $0, language: req.language.rawValue) } ?? ""
            return QuestionFigureRow(id: q.question, key: placed[q.question]?.key ?? "", text: text, figures: q,
                                     rasch: team.fit?.question(q.question), language: language)
        }
        // In the guide's order, questions of other versions after, by text.
        let sorted = rows.sorted { (placed[$0.id]?.order ?? Int.max, $0.text) < (placed[$1.id]?.order ?? Int.max, $1.text) }
        let cards = awaited.isEmpty ? chosen.map { v in team.versions.filter { $0 == v.id }.count } ?? team.cards.count : 0
        let zh = language == .zh
        var page = GuideHealthPage(
            title: guide.title, language: ReportLanguage(declared: guide.language, title: guide.title).rawValue, guideHref: SiteURL.guide(id).path, action: SiteURL.guideHealth(id).path, cards: cards,
            summary: chosen == nil
                ? (zh ? "基于 \(cards) 张已提交的评分卡（所有版本）" : "From \(cards) submitted scorecards (all versions)")
                : (zh ? "基于该版本的 \(cards) 张已提交的评分卡" : "From \(cards) submitted scorecards of this version"),
            versions: [.init(value: "", label: zh ? "所有版本" : "All versions", selected: chosen == nil)]
                + versions.enumerated().map { n, v in
                    .init(value: v.id?.uuidString ?? "", label: "v\(n + 1) · \(DisplayDate.string(v.createdAt))", selected: v.id == chosen?.id)
                },
            questions: sorted,
            gates: statistics.gates.map { g in
                .init(key: g.gate, answered: g.answered, yes: CalibrationFigures.percent(g.yesRate), followed: CalibrationFigures.percent(g.followRate))
            },
            flagged: statistics.questions.filter { !$0.flags.isEmpty }.count, updating: team.isStale, preparing: team.isPreparing)
        if !awaited.isEmpty { page.withheld = TeamFiguresWithheld.notice(awaited, language: req.language) }
        return try await req.page("guide-health", page)
    }
}

struct GuideHealthPage: Encodable {
    /// Why no figures show (`TeamFiguresWithheld`).
    var withheld: String?
    struct Gate: Encodable { var key: String; var answered: Int; var yes: String; var followed: String }
    typealias Option = CalibrationPage.Option
    var title: String
    /// The guide's own language, for `lang` on its texts (WCAG 3.1.2).
    var language: String
    var guideHref: String
    var action: String
    var cards: Int
    var summary: String
    var versions: [Option]
    var questions: [QuestionFigureRow]
    var gates: [Gate]
    /// How many questions carry a flag (the template says "none flagged" at 0).
    var flagged: Int
    /// Newer scorecards are being read in the background; these figures are the last complete ones.
    var updating: Bool
    /// The first read since the server started is under way: no figures yet.
    var preparing: Bool
}
