import Foundation
import InterviewCore
import Vapor

/// The question bank over JSON: what the /questions page shows, for tools that track a library's
/// questions (which guides and versions hold each, its figures pooled over every submitted card, its
/// flags). Hiring managers and admins, like the page. `?q=` searches as the page does; `?language=`
/// picks the language of texts shared by guides in both (default: the caller's).
struct APIQuestionBankController: RouteCollection {
    struct Appearance: Content {
        var guideID: String
        var guideTitle: String
        var versionID: String
        var versionLabel: String
        var key: String
        var topic: String
        var text: String
        var language: String?
    }

    struct Flag: Content {
        var code: String
        var text: String
    }

    struct Trend: Content {
        var z: Double
        var pIncreasing: Double
        var count: Int
    }

    /// Pooled over every guide on the main scale; absent fields have too little data.
    struct Figures: Content {
        var asked: Int
        var rated: Int
        var skipped: Int
        var notDemonstrated: Int
        var meanPercent: Double?
        var itemRest: Double?
        var itemRestCount: Int
        var skipRate: Double?
        var notDemonstratedRate: Double?
        var medianSeconds: Double?
        var trend: Trend?
        var flags: [Flag]
    }

    struct Entry: Content {
        var id: String
        /// Named by an author's `id:`; otherwise the identity follows the wording.
        var named: Bool
        var text: String
        var appearances: [Appearance]
        var figures: Figures?
    }

    struct Family: Content {
        var guide: String
        var cards: Int
    }

    struct Bank: Content {
        var total: Int
        var shown: Int
        var pooledFrom: [Family]
        /// Guides whose rating scale differs from the one most cards use, left out of the figures.
        var otherScale: [Family]
        /// True for a few seconds after a start while a large team's cards are first read: no figures yet.
        var preparing: Bool
        var questions: [Entry]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.questions, use: Self.index)
    }

    @Sendable static func index(req: Request) async throws -> Bank {
        guard try req.user.role.managesPositions else { throw Abort(.forbidden) }
        let search = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let language = (try? req.query.get(String.self, at: "language")).flatMap(Language.init(rawValue:)) ?? req.language
        let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
        let pooled = try await BankStatistics.load(app: req.application, db: req.db, waitForFirstRead: false)
        // Figures withheld from someone whose own card on a colleague-scored candidate is not in.
        let withheld = try await !TeamFiguresWithheld.awaited(by: try req.user, on: req.db).isEmpty
        let figures = withheld ? [:] : Dictionary(pooled.statistics.questions.map { ($0.question, $0) }, uniquingKeysWith: { a, _ in a })
        let flagLanguage = language.report
        let entries = bank.search(search).map { entry in
            Entry(id: entry.id, named: entry.isNamed, text: QuestionBank.text(of: entry, language: language.rawValue),
                  appearances: entry.appearances.map {
                      Appearance(guideID: $0.guide, guideTitle: $0.guideTitle, versionID: $0.version, versionLabel: $0.versionLabel,
                                 key: $0.key, topic: $0.topicHeading, text: $0.text, language: $0.language)
                  },
                  figures: figures[entry.id].map { Self.figures($0, language: flagLanguage) })
        }
        return Bank(total: bank.entries.count, shown: entries.count,
                    pooledFrom: withheld ? [] : pooled.pooled.map { Family(guide: $0.title, cards: $0.cards) },
                    otherScale: withheld ? [] : pooled.excluded.map { Family(guide: $0.title, cards: $0.cards) },
                    preparing: pooled.preparing, questions: entries)
    }

    private static func figures(_ q: QuestionFigures, language: ReportLanguage) -> Figures {
        Figures(asked: q.rated + q.skipped, rated: q.rated, skipped: q.skipped, notDemonstrated: q.notDemonstrated,
                meanPercent: q.meanPercent, itemRest: q.itemRest, itemRestCount: q.itemRestCount, skipRate: q.skipRate,
                notDemonstratedRate: q.notDemonstratedRate, medianSeconds: q.medianSeconds,
                trend: q.trend.map { Trend(z: $0.z, pIncreasing: $0.pIncreasing, count: $0.count) },
                flags: q.flags.map { Flag(code: $0.code, text: $0.text(language)) })
    }
}
