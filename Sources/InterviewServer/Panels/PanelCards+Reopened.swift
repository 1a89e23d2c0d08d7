import Fluent
import Foundation

extension PanelCards {
    /// Cards whose interview was cancelled before they were submitted and reopened later. While an
    /// interview is cancelled its panelists are no longer waiting on their own card, so each could read
    /// the colleagues' cards, and then went on with the same card after the reopening with nothing to show
    /// for it (a panel probe). Said in the debrief, one line a card, from the security trail's status
    /// changes: the trail already holds when each cancellation and reopening happened.
    func openWhileCancelled(language: Language, on db: any Database) async throws -> [String] {
        let interviews = Set(cards.map(\.interviewID))
        guard !interviews.isEmpty else { return [] }
        let changes = try await SecurityEvent.query(on: db).filter(\.$kind == .interviewStatus)
            .filter(\.$subject ~~ interviews.map { SecurityAudit.subject("interview", $0) }).sort(\.$at).all()
        var lines: [String] = []
        for card in cards {
            let own = changes.filter { $0.subject == SecurityAudit.subject("interview", card.interviewID) }
            var cancelledAt: Date?
            for change in own {
                guard let at = change.at, let (before, after) = Interview.Status.change(inTrail: change.detail) else { continue }
                if after == .cancelled {
                    cancelledAt = at
                } else if before == .cancelled, let from = cancelledAt {
                    cancelledAt = nil
                    // Submitted before the cancellation, the card was given blind: nothing to say.
                    if let submitted = card.state.submittedAt, submitted <= from { continue }
                    lines.append(language == .zh
                        ? "\(card.interviewer) 的评分卡在面试被取消时（\(DisplayDate.string(from))）尚未提交；面试在 \(DisplayDate.string(at)) 重新开放，取消期间这位面试官可以看到同事的评分卡。"
                        : "\(card.interviewer)'s scorecard was not yet submitted when its interview was cancelled (\(DisplayDate.string(from))); the interview was reopened (\(DisplayDate.string(at))), and while it was cancelled this interviewer could read colleagues' cards.")
                }
            }
        }
        return lines
    }
}
