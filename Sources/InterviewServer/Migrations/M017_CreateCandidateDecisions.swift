import Fluent
import SQLKit

/// The hiring decisions and their history (`CandidateDecision`).
struct M017_CreateCandidateDecisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CandidateDecision.schema)
            .id()
            .field("candidate_id", .uuid, .required, .references(Candidate.schema, "id", onDelete: .cascade))
            .field("outcome", .string, .required)
            .field("rationale", .string, .required)
            .field("decided_by", .uuid, .references(User.schema, "id"))
            .field("at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "candidate_decisions_candidate").on(CandidateDecision.schema).column("candidate_id").column("at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CandidateDecision.schema).delete()
    }
}
