import Fluent
import Vapor

/// Who created, read, changed, exported or erased a candidate's data, and when. Kept after erasure: it
/// names the candidate only by id.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    enum Action: String, Codable, CaseIterable, Sendable {
        case create, read, update, export, erase
    }

    @ID(key: .id) var id: UUID?
    /// Nil when the system acted (retention).
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "candidate_id") var candidateID: UUID
    @Field(key: "action") var action: Action
    @Field(key: "detail") var detail: String
    @Timestamp(key: "at", on: .create) var at: Date?

    init() {}

    init(userID: UUID?, candidateID: UUID, action: Action, detail: String) {
        self.$user.id = userID
        self.candidateID = candidateID
        self.action = action
        self.detail = detail
    }
}
