import Fluent
import Foundation
import Vapor

/// The team-wide figures (calibration, guide health, the question bank, the guide's pooled agreement,
/// the editor's figures) pool every submitted card. To someone with a card of their own still to
/// submit on a candidate a colleague has already scored, they show what the panel rule hides: a
/// probe watched the calibration page gain one scorecard and 43 ratings, and its team row shift, when a
/// co-panelist submitted — that colleague's count and the spread of their ratings, before the prober
/// had opened their own card. So such a viewer sees none of them until that card is in; the page says
/// which candidates it waits for. (Their own card's candidates only: they may see those names.)
enum TeamFiguresWithheld {
    /// The candidates (their names, sorted) whose colleagues' submitted cards the viewer must not see
    /// pooled yet; empty when nothing is withheld.
    static func awaited(by viewer: User, on db: any Database) async throws -> [String] {
        guard let me = viewer.id else { return [] }
        let seats = try await PanelVisibility.openSeats(of: me, on: db) { $0 }
        guard !seats.isEmpty else { return [] }
        let scored = try await ScorecardRecord.query(on: db)
            .join(Interview.self, on: \ScorecardRecord.$interview.$id == \Interview.$id)
            .filter(Interview.self, \.$candidate.$id ~~ Set(seats.map(\.candidate)))
            .filter(\.$interviewer.$id != me)
            .filter(\.$submittedAt != nil)
            .all()
            .map { try $0.joined(Interview.self).$candidate.id }
        guard !scored.isEmpty else { return [] }
        return try await Candidate.query(on: db).filter(\.$id ~~ Set(scored)).all().map { $0.name ?? "—" }.sorted()
    }

    /// The sentence a page shows in place of the figures.
    static func notice(_ candidates: [String], language: Language) -> String {
        let names = candidates.joined(separator: language == .zh ? "、" : ", ")
        return language == .zh
            ? "团队数据汇总了同事已提交的评分卡，其中包括你尚未提交评分卡的候选人（\(names)）的评分；提交你自己的评分卡后才会显示。"
            : "The team's figures pool your colleagues' submitted cards, among them cards on \(names), whose card of yours is not submitted yet: they show once it is."
    }
}
