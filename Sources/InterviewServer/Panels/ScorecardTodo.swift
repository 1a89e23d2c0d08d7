import Fluent
import Foundation
import Vapor

/// What an interviewer has to do: the scorecards of their past interviews not yet submitted, oldest
/// first, with how long it has been and whether that is past the position's limit (24 hours unless
/// the position says otherwise). Feedback written days later is worse feedback.
enum ScorecardTodo {
    static let defaultOverdueHours = 24

    struct Item: Encodable {
        var candidate: String
        var position: String
        var since: String
        var overdue: Bool
        var consoleHref: String
        var hours: Int
    }

    static func items(for user: User, language: Language, now: Date = Date(), on db: any Database) async throws -> [Item] {
        let userID = try user.requireID()
        var query = Interview.query(on: db)
            .join(InterviewInterviewer.self, on: \Interview.$id == \InterviewInterviewer.$interview.$id)
            .filter(InterviewInterviewer.self, \.$user.$id == userID)
            .filter(\.$status != .cancelled).filter(\.$scheduledAt <= now)
        // Only positions they still see: a seat outlives being taken off a position, the list must not.
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            query = query.join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id)
                .filter(Candidate.self, \.$position.$id ~~ visible)
        }
        let interviews = try await query.with(\.$candidate) { $0.with(\.$position) }.sort(\.$scheduledAt).all()
        guard !interviews.isEmpty else { return [] }
        let submitted = Set(try await ScorecardRecord.query(on: db).filter(\.$interviewer.$id == userID)
            .filter(\.$interview.$id ~~ interviews.compactMap(\.id)).filter(\.$submittedAt != nil).all().map(\.$interview.id))
        return try interviews.filter { !submitted.contains(try $0.requireID()) }.map { interview in
            let hours = Int(now.timeIntervalSince(interview.scheduledAt) / 3600)
            let limit = interview.candidate.position.overdueHours ?? defaultOverdueHours
            return Item(candidate: interview.candidate.name ?? Text.erased.in(language), position: interview.candidate.position.title,
                        since: elapsed(hours, language), overdue: hours >= limit,
                        consoleHref: SiteURL.interviewConsole(try interview.requireID()).path, hours: hours)
        }
    }

    static func elapsed(_ hours: Int, _ language: Language) -> String {
        if hours < 1 { return Text.lessThanAnHour.in(language) }
        if hours < 48 { return String(format: Text.hoursAgo.in(language), hours) }
        return String(format: Text.daysAgo.in(language), hours / 24)
    }
}
