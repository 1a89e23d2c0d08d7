import FluentSQL
import SQLKit

/// Lets the database pre-filter a candidate search. SQLite's LOWER folds ASCII letters only and
/// PostgreSQL's all of them, so `LOWER(column) LIKE '%needle%'` finds every row the in-memory check
/// (`lowercased().contains`) finds only when the needle is ASCII, or has no case at all (Chinese). And
/// LIKE's own wildcards would need an ESCAPE clause the two databases spell differently, so a needle
/// with `%`, `_` or `\` is not sent to the database: those searches are matched in memory alone.
enum CandidateSearch {
    /// `%needle%`, lower-cased, or nil when the database could not pre-filter this needle exactly.
    static func likePattern(_ needle: String) -> String? {
        guard !needle.isEmpty, !needle.contains(where: { $0 == "%" || $0 == "_" || $0 == "\\" }) else { return nil }
        let hasCase = needle.lowercased() != needle.uppercased()
        guard !hasCase || needle.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return "%" + needle.lowercased() + "%"
    }

    /// `LOWER(candidates.column) LIKE ?`, the pattern bound, never spliced into the SQL.
    static func lowerLike(_ column: String, _ pattern: String) -> any SQLExpression {
        SQLBinaryExpression(left: SQLFunction("LOWER", args: SQLColumn(column, table: Candidate.schema)),
                            op: SQLBinaryOperator.like, right: SQLBind(pattern))
    }
}
