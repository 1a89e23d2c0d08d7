import Fluent
import Foundation
import Vapor

/// The team-wide figures (calibration, guide health, the question bank, the guide's pooled agreement,
/// the editor's figures) pool every submitted card. To someone with a card of their own still to
/// submit on a candidate a colleague also scores, they show what the panel rule hides: a probe watched
/// the calibration page gain one scorecard and 43 ratings, and its team row shift, when a co-panelist
/// submitted. So such a viewer sees none of them until that card is in; the page says which
/// candidates it waits for. (Their own card's candidates only: they may see those names.)
///
/// Held from the interview's time (or the viewer's own start, if earlier) whatever the colleagues have
/// done, not from a colleague's submission: held only once a colleague had submitted, the page's change
/// from "no cards yet" to "held back for Bob Senior" told the panelist that a colleague on that panel had
/// submitted (a later probe). Not from the moment the seat exists: an interviewer with next week's
/// interviews booked would see no team figures all week. What this leaves: a colleague who scores before
/// the interview's time, while the viewer has not begun, moves the pooled figures unheld.
enum TeamFiguresWithheld {
    /// The candidates (their names, sorted) whose colleagues' cards the viewer must not see pooled yet:
    /// those of the viewer's open seats, due or begun, that someone else also interviews. Empty when
    /// nothing is held.
    static func awaited(by viewer: User, now: Date = Date(), on db: any Database) async throws -> [String] {
        guard let me = viewer.id else { return [] }
        let open = try await PanelVisibility.openSeats(of: me, on: db) { $0 }
        guard !open.isEmpty else { return [] }
        let due = Set(try await Interview.query(on: db).filter(\.$id ~~ open.map(\.interview)).filter(\.$scheduledAt <= now)
            .field(\.$id).all().compactMap(\.id))
        let begun = Set(try await ScorecardRecord.query(on: db).filter(\.$interviewer.$id == me)
            .filter(\.$interview.$id ~~ open.map(\.interview)).field(\.$interview.$id).all().map(\.$interview.id))
        let seats = open.filter { due.contains($0.interview) || begun.contains($0.interview) }
        guard !seats.isEmpty else { return [] }
        let shared = try await InterviewInterviewer.query(on: db)
            .join(Interview.self, on: \InterviewInterviewer.$interview.$id == \Interview.$id)
            .filter(Interview.self, \.$candidate.$id ~~ Set(seats.map(\.candidate)))
            .filter(Interview.self, \.$status != .cancelled)
            .filter(\.$user.$id != me)
            .all()
            .map { try $0.joined(Interview.self).$candidate.id }
        guard !shared.isEmpty else { return [] }
        return try await Candidate.query(on: db).filter(\.$id ~~ Set(shared)).all().map { $0.name ?? "—" }.sorted()
    }

    /// The sentence a page shows in place of the figures.
    static func notice(_ candidates: [String], language: Language) -> String {
        let names = candidates.joined(separator: language == .zh ? "、" : ", ")
        return language == .zh
            ? "团队数据会汇总同事对候选人的评分，其中可能包括你尚未提交评分卡的候选人（\(names)）；在你提交这些评分卡之前，团队数据暂不显示。"
            : "The team's figures pool your colleagues' cards, which may include cards on \(names), whose card of yours is not submitted yet: they show once yours are in."
    }
}
