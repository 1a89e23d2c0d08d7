import Fluent
import SQLKit
import Vapor

/// The database's schema against this build's migrations. A database migrated by a newer release holds
/// migrations this build does not know: serving it could misread or damage data the newer build wrote,
/// so the server refuses to start and says why. `/readyz` uses the same list: ready once every
/// migration of this build has run and the database answers.
enum SchemaCheck {
    struct NewerSchema: Error, CustomStringConvertible {
        var unknown: [String]
        var description: String {
            "The database was migrated by a newer InterviewFlow (migrations \(unknown.joined(separator: ", ")) are unknown to "
                + "this build). Run the newer release, or restore a backup made before the upgrade."
        }
    }

    /// The names of the migrations already applied, or [] on a database never migrated.
    static func applied(on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        do {
            return try await sql.raw("SELECT name FROM \(ident: "_fluent_migrations")").all()
                .map { try $0.decode(column: "name", as: String.self) }
        } catch {
            // No migrations table yet: a new database.
            return []
        }
    }

    static func known(_ app: Application) -> Set<String> {
        Set(SchemaMigrations.all.map(\.name))
    }

    static func refuseNewer(_ app: Application) async throws {
        let unknown = try await applied(on: app.db).filter { !known(app).contains($0) }
        if !unknown.isEmpty { throw NewerSchema(unknown: unknown.sorted()) }
    }
}

/// `/readyz`: 200 when the database answers, every migration of this build has run and none it does not
/// know has; 503 with the reason otherwise (load balancers take the instance out of rotation). `/healthz` only says the
/// process is up.
struct Readiness: Content {
    var ready: Bool
    var database: String
    var migrations: String

    static func check(_ req: Request) async -> Response {
        var result = Readiness(ready: false, database: "unreachable", migrations: "unknown")
        do {
            // `applied` reads an unreadable migrations table as a new database, so the database is asked
            // first; and never for longer than a load balancer waits, even if it accepts and then stalls.
            let applied = try await req.eventLoop.withDeadline(.seconds(3), timeout: Timeout()) { () async throws -> Set<String> in
                guard let sql = req.db as? any SQLDatabase else { return [] }
                try await sql.raw("SELECT 1").run()
                return Set(try await SchemaCheck.applied(on: req.db))
            }
            result.database = "ok"
            let known = SchemaCheck.known(req.application)
            let missing = known.subtracting(applied)
            // A newer release migrated the database under this running instance (an upgrade done one
            // instance at a time): it must leave the rotation, not write to a schema it does not know.
            let newer = applied.subtracting(known)
            result.migrations = !newer.isEmpty ? "database is newer" : missing.isEmpty ? "current" : "\(missing.count) pending"
            result.ready = missing.isEmpty && newer.isEmpty
        } catch {
            result.database = "unreachable"
        }
        let response = Response(status: result.ready ? .ok : .serviceUnavailable)
        if !result.ready { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        try? response.content.encode(result, as: .json)
        return response
    }

    struct Timeout: Error {}
}
