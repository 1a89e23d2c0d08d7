import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes of personal text about a candidate (an edit of their details, a hiring decision's rationale) that
/// must not land after the candidate's erasure. Checking the candidate loaded at the start of the request
/// is not enough: an erasure (another manager, or the retention sweep) can commit between that check and
/// the write, and nothing would be left to erase the text (a security review found this for decisions).
///
/// So the write runs under the candidate's lock on this instance, which the erasure takes too, and in a
/// transaction that reads the candidate again before writing. On PostgreSQL, where another instance may
/// be erasing, that read is `FOR UPDATE`: an erasure holds the row from its first statement to its commit,
/// so the read waits for it and then sees the mark; an erasure that comes later waits for this commit and
/// erases what it wrote. On SQLite there is one process, and the lock alone orders the two.
enum CandidateWrites {
    static func unlessErased<T: Sendable>(_ candidateID: UUID, cache: ScorecardCache, on db: any Database,
                                          _ write: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await cache.candidateLocks.withLock(candidateID) {
            try await db.transaction { db in
                guard try await !isErased(candidateID, on: db) else { throw CandidateWrites.erased }
                return try await write(db)
            }
        }
    }

    static var erased: Abort { Abort(.conflict, reason: "The candidate's personal data has been erased.") }

    static func isErased(_ candidateID: UUID, on db: any Database) async throws -> Bool {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // The latest version of the row, read under the lock (a condition in the WHERE would be judged
            // on the snapshot): as `ScorecardWriter.lockCards` does for cards.
            let row = try await sql.raw("""
                SELECT erased_at FROM \(ident: Candidate.schema) WHERE id = \(bind: candidateID) FOR UPDATE
                """).first()
            guard let row else { throw Abort(.notFound) }
            return try row.decodeNil(column: "erased_at") == false
        }
        guard let candidate = try await Candidate.find(candidateID, on: db) else { throw Abort(.notFound) }
        return candidate.erasedAt != nil
    }
}
