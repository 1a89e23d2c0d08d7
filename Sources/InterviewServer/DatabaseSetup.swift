import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

enum DatabaseSetup {
    static func use(_ storage: ServerSettings.Storage, on app: Application) throws {
        switch storage {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory), as: .sqlite)
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            app.databases.use(.postgres(configuration: configuration), as: .psql)
        }
    }

    static func createSchemaIfNeeded(_ app: Application) async throws {
        guard case .postgres(_, let schema?) = app.serverSettings.storage,
              let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }

    /// WAL lets readers and the writer work at once; synchronous=FULL makes a commit durable before the
    /// write is acknowledged. The pool holds one connection per event loop, and `synchronous` is a
    /// per-connection setting, so it is set on each loop's connection.
    static func tuneSQLite(_ app: Application) async throws {
        guard case .sqliteFile = app.serverSettings.storage else { return }
        for loop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=FULL").run()
            try await sql.raw("PRAGMA foreign_keys=ON").run()
            // A multi-row insert inside a transaction keeps a statement journal; in memory it costs no
            // file to open and close per commit.
            try await sql.raw("PRAGMA temp_store=MEMORY").run()
            // A checkpoint copies each page once however often the log rewrote it. Rating after rating
            // rewrites the same few index pages, so checkpointing every 10,000 pages (≈ 40 MB of log)
            // instead of SQLite's 1,000 copies a fraction of the pages for the same work.
            try await sql.raw("PRAGMA wal_autocheckpoint=10000").run()
        }
    }
}
