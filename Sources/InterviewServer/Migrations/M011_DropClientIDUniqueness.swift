import Fluent
import SQLKit

/// Drops the database's uniqueness of (card, client id); the uniqueness of (card, event number) stays.
///
/// It was redundant: an instance appends event n only if it has read events 1…n−1 (else the insert of
/// n fails and it catches up), so it has seen every client id stored before and answers a retry as a
/// duplicate from its engine. And it was the costliest index to keep: client ids are random, so every
/// rating wrote to a random page of it, and once the index outgrew SQLite's cache every commit read
/// pages back from the file — a rating's cost grew with the number of ratings ever stored.
struct M011_DropClientIDUniqueness: AsyncMigration {
    func prepare(on database: any Database) async throws {
        if isSQLite(database) {
            try await rebuildEvents(on: database, keepingClientIDUniqueness: false)
        } else {
            try await database.schema(ScorecardEvent.schema).deleteUnique(on: "scorecard_id", "client_id").update()
        }
    }

    func revert(on database: any Database) async throws {
        if isSQLite(database) {
            try await rebuildEvents(on: database, keepingClientIDUniqueness: true)
        } else {
            try await database.schema(ScorecardEvent.schema).unique(on: "scorecard_id", "client_id").update()
        }
    }

    private func isSQLite(_ database: any Database) -> Bool {
        (database as? any SQLDatabase)?.dialect.name == "sqlite"
    }

    /// SQLite cannot drop a table constraint: the table is made again without it and the rows copied,
    /// in one transaction. The columns and the other constraints are those of M009.
    private func rebuildEvents(on database: any Database, keepingClientIDUniqueness: Bool) async throws {
        try await database.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            let clientUnique = keepingClientIDUniqueness
                ? #", CONSTRAINT "uq:scorecard_events.scorecard_id+scorecard_events.client_id" UNIQUE ("scorecard_id", "client_id")"#
                : ""
            try await sql.raw(SQLQueryString("""
                CREATE TABLE "scorecard_events_m011" ("id" UUID PRIMARY KEY, \
                "scorecard_id" UUID NOT NULL REFERENCES "scorecards" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, \
                "seq" INTEGER NOT NULL, "client_id" TEXT, "event" TEXT NOT NULL, \
                CONSTRAINT "uq:scorecard_events.scorecard_id+scorecard_events.seq" UNIQUE ("scorecard_id", "seq")\(unsafeRaw: clientUnique))
                """)).run()
            try await sql.raw("""
                INSERT INTO "scorecard_events_m011" ("id", "scorecard_id", "seq", "client_id", "event") \
                SELECT "id", "scorecard_id", "seq", "client_id", "event" FROM "scorecard_events"
                """).run()
            try await sql.raw(#"DROP TABLE "scorecard_events""#).run()
            try await sql.raw(#"ALTER TABLE "scorecard_events_m011" RENAME TO "scorecard_events""#).run()
        }
    }
}
