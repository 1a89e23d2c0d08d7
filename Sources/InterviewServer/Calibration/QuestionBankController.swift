import Fluent
import Foundation
import InterviewCore
import Vapor

/// The question-bank page (issue 15): every question of every guide with the guides and versions it is
/// in and its figures pooled over every submitted card, searchable by wording, id, guide or key. Hiring
/// managers and admins, like the guide-health pages it links to.
struct QuestionBankController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.questions.components, use: Self.page)
    }

    @Sendable static func page(req: Request) async throws -> View {
        guard try req.user.role.managesPositions else { throw Abort(.forbidden) }
        let search = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
        let pooled = try await BankStatistics.load(app: req.application, db: req.db, waitForFirstRead: false)
        let language = req.language.report
        let awaited = try await TeamFiguresWithheld.awaited(by: try req.user, on: req.db)
        let figures = awaited.isEmpty ? Dictionary(pooled.statistics.questions.map { ($0.question, $0) }, uniquingKeysWith: { a, _ in a }) : [:]
        let entries = bank.search(search)
        var page = QuestionBankPage(
            search: search, action: SiteURL.questions.path, total: bank.entries.count, shown: entries.count,
            pooledFrom: pooled.pooled.map { "\($0.title) (\($0.cards))" }.joined(separator: ", "),
            otherScale: pooled.excluded.map { "\($0.title) (\($0.cards))" }.joined(separator: ", "),
            preparing: pooled.preparing,
            questions: entries.map { entry in
                QuestionBankPage.Question(
                    figures: QuestionFigureRow(id: entry.id, key: "", text: QuestionBank.text(of: entry, language: req.language.rawValue),
                                               figures: figures[entry.id], rasch: nil, language: language),
                    language: (entry.appearances.last { $0.language == req.language.rawValue } ?? entry.appearances.last)?.language ?? "",
                    origin: entry.isNamed ? Text.namedID.in(req.language) : Text.textID.in(req.language),
                    guides: Self.places(entry))
            })
        if !awaited.isEmpty {
            page.withheld = TeamFiguresWithheld.notice(awaited, language: req.language)
            (page.pooledFrom, page.otherScale) = ("", "")
        }
        return try await req.page("questions", page)
    }

    /// Each guide the entry is in, once, with its versions and the keys it has there.
    private static func places(_ entry: QuestionBank.Entry) -> [QuestionBankPage.Place] {
        entry.guides.map { guide in
            let here = entry.appearances.filter { $0.guide == guide }
            var keys: [String] = []
            for a in here where !keys.contains(a.key) { keys.append(a.key) }
            let href = UUID(uuidString: guide).map { SiteURL.guideHealth($0).path } ?? ""
            return .init(title: here[0].guideTitle, healthHref: href, keys: keys.joined(separator: ", "),
                         versions: here.map { $0.versionLabel.components(separatedBy: " · ")[0] }.joined(separator: ", "),
                         language: here[0].language ?? "")
        }
    }
}

struct QuestionBankPage: Encodable {
    /// Why no figures show (`TeamFiguresWithheld`).
    var withheld: String?
    /// `language`: the guide's, or the wording's, for `lang` in a page of the other one (WCAG 3.1.2).
    struct Place: Encodable { var title: String; var healthHref: String; var keys: String; var versions: String; var language: String }
    struct Question: Encodable {
        var figures: QuestionFigureRow
        var language: String
        var origin: String
        var guides: [Place]
    }
    var search: String
    var action: String
    var total: Int
    var shown: Int
    /// Guide families in the pooled figures, with their card counts; and those left out for their scale.
    var pooledFrom: String
    var otherScale: String
    /// A team's cards are still being read after a start: the figures come a few seconds later.
    var preparing: Bool
    var questions: [Question]
}

/// The question statistics pooled over every guide family's calibration cards (already keyed by bank
/// identity), computed once per set of cards. Ratings on different scales cannot be pooled as shares of
/// one scale's range without saying so, so families whose scale differs from the one most cards use are
/// left out and named.
enum BankStatistics {
    struct Family: Sendable { var title: String; var cards: Int }
    struct Pooled: Sendable {
        var statistics: QuestionStatistics
        var pooled: [Family]
        var excluded: [Family]
        /// Some family's first read since the start is under way: nothing is pooled yet.
        var preparing = false
    }

    /// `waitForFirstRead` as in `TeamCards.load`: pages do not wait for a large family's first read.
    static func load(app: Application, db: any Database, waitForFirstRead: Bool = true) async throws -> Pooled {
        var teams: [(title: String, team: TeamCards)] = []
        for guide in try await GuideRecord.query(on: db).field(\.$id).field(\.$title).field(\.$slug).sort(\.$slug).all() {
            teams.append((guide.title, try await TeamCards.load(guide: try guide.requireID(), app: app, db: db,
                                                                waitForFirstRead: waitForFirstRead)))
        }
        // Pooling some families without the others would show figures that change meaning a moment later.
        if teams.contains(where: { $0.team.isPreparing }) {
            return Pooled(statistics: QuestionStatistics.compute([]), pooled: [], excluded: [], preparing: true)
        }
        teams = teams.filter { !$0.team.cards.isEmpty }
        var byScale: [ClosedRange<Int>: Int] = [:]
        for t in teams { byScale[t.team.scale.levels, default: 0] += t.team.cards.count }
        let scale = byScale.max { ($0.value, $1.key.lowerBound) < ($1.value, $0.key.lowerBound) }?.key ?? 0...4
        let chosen = teams.filter { $0.team.scale.levels == scale }
        let excluded = teams.filter { $0.team.scale.levels != scale }
        var hasher = Hasher()
        for t in chosen { hasher.combine(t.team.digest) }
        let digest = hasher.finalize()
        let cache = app.calibrationCache
        let statistics: QuestionStatistics
        if let known = cache.bankStatistics(digest: digest) {
            statistics = known
        } else {
            // Each guide a stratum of its own: the leak test is taken within each guide and summed, so a guide
            // whose interviews began later, with other candidates, does not pass for a rising question.
            let occurrences = chosen.flatMap { family in
                family.team.cards.flatMap(\.questions).map { o in
                    var tagged = o
                    tagged.stratum = family.team.family?.uuidString
                    return tagged
                }
            }
            statistics = QuestionStatistics.compute(occurrences, gates: [], scale: scale)
            cache.store(bankStatistics: statistics, digest: digest)
        }
        return Pooled(statistics: statistics, pooled: chosen.map { Family(title: $0.title, cards: $0.team.cards.count) },
                      excluded: excluded.map { Family(title: $0.title, cards: $0.team.cards.count) })
    }
}
