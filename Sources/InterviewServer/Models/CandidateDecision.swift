import Fluent
import Vapor

/// The hiring decision about a candidate, recorded by a hiring manager or an admin: advance, hire,
/// reject, or on hold, with the reasoning. Every change is a new row, so the history says who decided
/// what, when and why; the latest row is the current outcome. The panel's recommendations sit beside
/// it on the page, but never fill it in: the score supports the decision and never makes it.
final class CandidateDecision: Model, @unchecked Sendable {
    static let schema = "candidate_decisions"

    enum Outcome: String, Codable, CaseIterable, Sendable {
        case advance, hire, reject
        case onHold = "on_hold"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "candidate_id") var candidateID: UUID
    @Field(key: "outcome") var outcome: Outcome
    @Field(key: "rationale") var rationale: String
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @Timestamp(key: "at", on: .create) var at: Date?

    init() {}

    init(candidateID: UUID, outcome: Outcome, rationale: String, decidedBy: UUID?) {
        self.candidateID = candidateID
        self.outcome = outcome
        self.rationale = rationale
        self.$decidedBy.id = decidedBy
    }
}
