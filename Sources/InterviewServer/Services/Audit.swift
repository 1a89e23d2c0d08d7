import Fluent
import Vapor

/// Writes the audit trail of candidate data. Every read of a candidate's page or resume counts.
enum Audit {
    static func record(_ action: AuditEntry.Action, candidate: Candidate, by user: User?, detail: String = "",
                       on db: any Database) async throws {
        try await AuditEntry(userID: user?.id, candidateID: candidate.requireID(), action: action, detail: detail)
            .save(on: db)
    }
}
