import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

enum DatabaseSetup {
    static let postgresConnectionsPerLoop = 4

    static func use(_ storage: ServerSettings.Storage, on app: Application) throws {
        switch storage {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory), as: .sqlite)
        case .postgres(let url, let schema):
            var configuration = try DatabaseStartup.configuration(url: url)
            if let schema { configuration.searchPath = [schema] }
            // Four connections per event loop rather than Fluent's one. With one, a connection that the pool
            // loses track of after PostgreSQL restarts under load (an AsyncKit pool race, reported upstream
            // as vapor/postgres-nio#326) stalls every request on that loop for good; the fault suite's
            // PostgreSQL outage caught it (Tests/faults/pg_outage.py). More connections also let one loop's
            // requests wait on the database in parallel.
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: Self.postgresConnectionsPerLoop),
                              as: .psql)
        }
    }

    static func createSchemaIfNeeded(_ app: Application) async throws {
        guard case .postgres(_, let schema?) = app.serverSettings.storage,
              let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }

    /// The settings of every connection to the SQLite file (they are per connection): the pool's, one
    /// per event loop, and the scorecard writer's own (`ScorecardSQLiteLine`).
    static let sqlitePragmas = [
        // WAL lets readers and the writer work at once; synchronous=FULL makes a commit durable before
        // the write is acknowledged.
        "journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
        // What an erasure or an update overwrites is zeroed in the file, not left in a free page for
        // anyone who copies it to read.
        "secure_delete=ON",
        // A multi-row insert inside a transaction keeps a statement journal; in memory it costs no file
        // to open and close per commit.
        "temp_store=MEMORY",
        // A checkpoint copies each page once however often the log rewrote it. Rating after rating
        // rewrites the same few index pages, so checkpointing every 10,000 pages (≈ 40 MB of log)
        // instead of SQLite's 1,000 copies a fraction of the pages for the same work.
        "wal_autocheckpoint=10000",
    ]

    static func tuneSQLite(_ app: Application) async throws {
        guard case .sqliteFile = app.serverSettings.storage else { return }
        for loop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await apply(sqlitePragmas, on: sql)
        }
    }

    static func apply(_ pragmas: [String], on sql: any SQLDatabase) async throws {
        for pragma in pragmas { try await sql.raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run() }
    }
}
