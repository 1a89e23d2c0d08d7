import Fluent
import Vapor

/// The security trail beside the candidate-data trail (`AuditEntry`): who signed in or failed to, who
/// changed whose role or password, who edited a guide or a retention period, who exported or erased
/// a candidate, who changed an interview's status. Never a password, a token or a note's text:
/// `detail` holds only fixed words and identifiers the code writes, never what someone typed.
final class SecurityEvent: Model, @unchecked Sendable {
    static let schema = "security_events"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case loginSucceeded = "login.succeeded"
        case loginFailed = "login.failed"
        case loginLocked = "login.locked"
        /// An admin lifted an address's sign-in lockout (subject `address:…`).
        case lockoutLifted = "lockout.lifted"
        case logout
        case sessionsEnded = "sessions.ended"
        case passwordChanged = "password.changed"
        case passwordReset = "password.reset"
        /// An account's name or email corrected (detail: which of the two, never the values).
        case accountChanged = "account.changed"
        case adminCreated = "admin.created"
        case userCreated = "user.created"
        case roleChanged = "role.changed"
        case userDeactivated = "user.deactivated"
        case userReactivated = "user.reactivated"
        case memberAdded = "member.added"
        case memberRemoved = "member.removed"
        case guideCreated = "guide.created"
        case guideEdited = "guide.edited"
        case retentionChanged = "retention.changed"
        /// A position made, with the retention period it starts with (detail `retention 90 days` / `retention kept`).
        case positionCreated = "position.created"
        case candidateExported = "candidate.exported"
        case candidateErased = "candidate.erased"
        case interviewStatus = "interview.status"
        case interviewRescheduled = "interview.rescheduled"
        case panelistRemoved = "panelist.removed"
        case panelistAdded = "panelist.added"
        case decisionRecorded = "decision.recorded"
        /// `interview restore` put a backup back; recorded at the next start.
        case databaseRestored = "database.restored"
    }

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "at", on: .create) var at: Date?
    @Field(key: "kind") var kind: Kind
    /// Who acted; nil for the system (retention) or an unknown account.
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// The actor's email when it happened, so the trail still reads after the account changes.
    @OptionalField(key: "actor_email") var actorEmail: String?
    @Field(key: "address") var address: String
    /// What was acted on, as `kind:id` (`user:…`, `guide:…`, `candidate:…`, `interview:…`, `position:…`).
    @Field(key: "subject") var subject: String
    @Field(key: "detail") var detail: String

    init() {}

    init(kind: Kind, actorID: UUID?, actorEmail: String?, address: String, subject: String, detail: String) {
        self.kind = kind
        self.actorID = actorID
        self.actorEmail = actorEmail
        self.address = address
        self.subject = subject
        self.detail = detail
    }
}
