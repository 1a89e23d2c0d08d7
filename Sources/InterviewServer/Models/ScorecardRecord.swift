import Fluent
import Vapor

/// One interviewer's scorecard for one interview. Panels score independently: each interviewer walks
/// the guide and rates on their own card, and the report sets the cards side by side.
///
/// The card's content is its event log (`ScorecardEvent`); the score columns here are a summary of
/// that log, rewritten with every event, so candidate lists show scores without replaying anything.
final class ScorecardRecord: Model, @unchecked Sendable {
    static let schema = "scorecards"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: Interview
    @Parent(key: "interviewer_id") var interviewer: User
    /// Events recorded so far; the next event gets this number plus one.
    @Field(key: "event_count") var eventCount: Int
    /// When the interviewer finished the interview; later changes are revisions.
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// Bumped when stored events are rewritten (erasure of the candidate's notes), so every instance
    /// drops the engine it keeps in memory for this card and reads the log again.
    @Field(key: "generation") var generation: Int
    /// The note being typed, saved as it is typed so that a closed tab loses nothing.
    @OptionalField(key: "draft_note") var draftNote: String?
    /// When the candidate's personal data was erased: from then on the card takes ratings but no
    /// free text (notes, skip reasons, drafts), which could describe the candidate again.
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @OptionalField(key: "overall") var overall: Double?
    @OptionalField(key: "coverage") var coverage: Double?
    @OptionalField(key: "band") var band: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Something was recorded or typed on it. The record itself is made when the interviewer first opens
    /// the console, and a look alone showed a manager a "draft" and the interviewer's own agenda "in
    /// progress" (a panel probe).
    var isBegun: Bool { eventCount > 0 || draftNote != nil }

    init() {}

    init(interviewID: UUID, interviewerID: UUID) {
        self.$interview.id = interviewID
        self.$interviewer.id = interviewerID
        self.eventCount = 0
        self.generation = 0
    }
}

/// One engine event of a scorecard, stored before it is acknowledged. `clientID` is the browser's id
/// for the action that caused it: a retried action finds its id already stored and is not applied twice.
final class ScorecardEvent: Model, @unchecked Sendable {
    static let schema = "scorecard_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "scorecard_id") var scorecard: ScorecardRecord
    /// 1-based position in the card's log; unique per card, so two writers cannot both append event n.
    @Field(key: "seq") var seq: Int
    @OptionalField(key: "client_id") var clientID: String?
    /// The event as one JSON line of the session log format (`SessionLog.line(for:)`).
    @Field(key: "event") var event: String

    init() {}

    init(scorecardID: UUID, seq: Int, clientID: String?, event: String) {
        self.$scorecard.id = scorecardID
        self.seq = seq
        self.clientID = clientID
        self.event = event
    }
}
