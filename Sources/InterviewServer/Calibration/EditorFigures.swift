import Fluent
import InterviewCore
import Vapor

/// The figures beside each question in the guide editor (issue 15): the saved version's questions in
/// guide order, each with its statistics over every submitted card of the guide's versions, found by
/// the question's bank identity — so the author sees, while editing, which questions do not discriminate
/// or are leaking, and that rewording one in substance starts its figures afresh.
enum EditorFigures {
    /// The questions with their figures; nil while the team's cards are still being read after a start.
    static func questions(guide: UUID, version: UUID, req: Request) async throws -> [EditorQuestion]? {
        let loaded = try await ScorecardService.guide(version, cache: req.application.scorecardCache, on: req.db).guide
        let bank = try await LibraryQuestionBank.load(app: req.application, db: req.db).bank
        guard try await TeamFiguresWithheld.awaited(by: try req.user, on: req.db).isEmpty else { return [] }
        let team = try await TeamCards.load(guide: guide, req: req)
        guard !team.isPreparing else { return nil }
        let statistics = team.questionStatistics(cache: req.application.calibrationCache)
        let figures = Dictionary(statistics.questions.map { ($0.question, $0) }, uniquingKeysWith: { a, _ in a })
        let identities = bank.identities(version: version.uuidString)
        let language = req.language.report
        return loaded.topics.flatMap { topic in
            topic.questions.map { q in
                let key = QuestionKey.of(topic: topic.key, question: q.id)
                let id = identities[key] ?? key
                // Under the heading, the key without the title the second of two 3.6 topics has in it (it
                // read "3.6 开放式技术问题" over "3.6 开放式技术问题/op1": a probe).
                let shown = topic.keyBeforeTitle.isEmpty ? q.id : QuestionKey.of(topic: topic.keyBeforeTitle, question: q.id)
                return EditorQuestion(topic: topic.heading, figures: QuestionFigureRow(
                    id: id, key: shown, text: q.text, figures: figures[id], rasch: team.fit?.question(id), language: language))
            }
        }
    }
}
