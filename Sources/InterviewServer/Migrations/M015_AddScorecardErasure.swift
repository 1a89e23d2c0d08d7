import Fluent
import SQLKit

/// A card about an erased candidate is marked, so that it takes no more free text (`CandidateErasure`).
struct M015_AddScorecardErasure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScorecardRecord.schema).field("erased_at", .datetime).update()
        // Cards of candidates erased before this release: mark them too.
        let erased = try await Candidate.query(on: database).filter(\.$erasedAt != nil).field(\.$id).field(\.$erasedAt).all()
        for candidate in erased {
            let interviews = try await Interview.query(on: database).filter(\.$candidate.$id == candidate.requireID())
                .field(\.$id).all().compactMap(\.id)
            guard !interviews.isEmpty else { continue }
            // Plain SQL: Fluent's builder would also stamp `updated_at` (see M016).
            guard let sql = database as? any SQLDatabase, let erasedAt = candidate.erasedAt else { continue }
            try await sql.update(ScorecardRecord.schema).set("erased_at", to: erasedAt).where("interview_id", .in, interviews).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScorecardRecord.schema).deleteField("erased_at").update()
    }
}
