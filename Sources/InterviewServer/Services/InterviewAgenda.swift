import Fluent
import Foundation
import Vapor

/// What an interviewer has on their plate: the interviews whose panel they sit on and whose scorecard
/// they have not submitted, whether to come, begun or past their time. Soonest first, so
/// the top row is the next thing to do; the interviews page shows it above the full list, and an
/// interviewer lands there when they sign in (an interviewer's day started on the positions list, which
/// does not say when their next interview is).
enum InterviewAgenda {
    struct Item: Content {
        var time: String
        /// "Today" or "Tomorrow" on the reader's clock, else empty.
        var day: String
        var candidateName: String
        var candidateHref: String
        var positionTitle: String
        /// What is due: to come, in progress, the scheduled time passed, or the scorecard to submit.
        var due: String
        /// The row needs the interviewer now: a card owed, or a time already passed.
        var overdue: Bool
        var consoleHref: String
        var reportHref: String
    }

    /// At most this many rows: an agenda, not a second list (the full list is under it).
    static let limit = 20

    static func items(for user: User, now: Date, zone: TimeZone, language: Language, on db: any Database) async throws -> [Item] {
        let me = try user.requireID()
        let seats = try await InterviewInterviewer.query(on: db).filter(\.$user.$id == me).all().map(\.$interview.id)
        guard !seats.isEmpty else { return [] }
        var scope = Interview.query(on: db).join(Candidate.self, on: \Interview.$candidate.$id == \Candidate.$id)
            .filter(\.$id ~~ seats).filter(\.$status != .cancelled)
        // A seat outlives membership of the position (someone taken off it keeps the panels they sat on):
        // the agenda shows only what the reader may open, as the list below it does (a security review).
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            scope = scope.filter(Candidate.self, \.$position.$id ~~ visible)
        }
        let interviews = try await scope.sort(\.$scheduledAt).all()
        let cards = try await ScorecardRecord.query(on: db).filter(\.$interviewer.$id == me)
            .filter(\.$interview.$id ~~ seats).all()
        let submitted = Set(cards.filter { $0.submittedAt != nil }.map(\.$interview.id))
        let started = Set(cards.filter { $0.submittedAt == nil && $0.isBegun }.map(\.$interview.id))
        // Only what is the reader's to do: once their card is in, the row goes (it stayed "in progress"
        // while colleagues scored, and so told them who had not).
        let due = interviews.filter { !submitted.contains($0.id ?? UUID()) }.prefix(limit)
        guard !due.isEmpty else { return [] }
        let byCandidate = try await InterviewService.byID(Candidate.query(on: db).filter(\.$id ~~ Set(due.map(\.$candidate.id)))
            .field(\.$id).field(\.$name).field(\.$position.$id).all())
        let positions = try await InterviewService.byID(Position.query(on: db).filter(\.$id ~~ Set(byCandidate.values.map(\.$position.id)))
            .field(\.$id).field(\.$title).field(\.$overdueHours).all())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return try due.map { interview in
            let id = try interview.requireID()
            let candidate = byCandidate[interview.$candidate.id]
            let position = candidate.flatMap { positions[$0.$position.id] }
            let limit = position?.overdueHours ?? ScorecardTodo.defaultOverdueHours
            let (text, overdue) = Self.due(interview, started: started.contains(id), overdueAfter: limit, now: now, language: language)
            return Item(time: DisplayDate.string(interview.scheduledAt, in: zone),
                        day: Self.day(interview.scheduledAt, now: now, calendar: calendar, language: language),
                        candidateName: candidate?.name ?? Text.erased.in(language),
                        candidateHref: SiteURL.candidate(interview.$candidate.id).path,
                        positionTitle: position?.title ?? "",
                        due: text, overdue: overdue,
                        consoleHref: SiteURL.interviewConsole(id).path, reportHref: SiteURL.interviewReport(id).path)
        }
    }

    /// What is due, from the reader's own card alone: the interview's status moves with colleagues' cards
    /// (a manager's "completed" aside), and a row that read "in progress" once a colleague started told the
    /// reader so (a probe). Overdue: the time passed with the card not begun, or the position's limit for
    /// scorecards passed (as the positions page badges it).
    private static func due(_ interview: Interview, started: Bool, overdueAfter hours: Int, now: Date,
                            language: Language) -> (String, Bool) {
        let late = now.timeIntervalSince(interview.scheduledAt) >= Double(hours) * 3600
        if interview.status == .completed { return (Text.agendaCardDue.in(language), true) }
        if started { return (Text.agendaYourCardStarted.in(language), late) }
        return interview.scheduledAt < now ? (Text.agendaTimePassed.in(language), true) : (Text.agendaToCome.in(language), false)
    }

    private static func day(_ date: Date, now: Date, calendar: Calendar, language: Language) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return Text.today.in(language) }
        if let tomorrow = calendar.date(byAdding: .day, value: 1, to: now), calendar.isDate(date, inSameDayAs: tomorrow) {
            return Text.tomorrow.in(language)
        }
        return ""
    }
}
