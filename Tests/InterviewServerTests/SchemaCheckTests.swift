import Fluent
import Foundation
@testable import InterviewServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// `/readyz`, and a server that refuses a database migrated by a newer release.
@Suite("Readiness and schema versions")
struct SchemaCheckTests {
    /// `/readyz` gives the database 3 s (a load balancer's wait); with the whole suite running on two cores
    /// a probe now and then waited longer than that for its connection and read "unreachable". Asked again
    /// then: what this test checks is the answer once the database does answer.
    static func readiness(_ app: Application, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var ready = try await app.testing().sendRequest(.GET, "/readyz", headers: headers)
        for _ in 0..<3 where ready.body.string.contains("\"database\":\"unreachable\"") {
            ready = try await app.testing().sendRequest(.GET, "/readyz", headers: headers)
        }
        return ready
    }

    @Test func readyOnceTheDatabaseAnswersAndEveryMigrationHasRun() async throws {
        try await withApp { app in
            // act
            let ready = try await Self.readiness(app)
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            // verify
            #expect(ready.status == .ok && ready.body.string.contains("\"migrations\":\"current\""))
            #expect(health.status == .ok)
        }
    }

    /// A probe with a cookie is answered without its session being read (from the database, which may
    /// be the thing that is down).
    @Test func probesAreAnsweredWithoutReadingASession() async throws {
        try await withApp { app in
            // act
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "interviewflow-session=not-a-session-at-all")
            let health = try await app.testing().sendRequest(.GET, "/healthz", headers: headers)
            let ready = try await Self.readiness(app, headers: headers)
            // verify: answered, and no session cookie set or cleared
            #expect(health.status == .ok && health.body.string == "ok" && ready.status == .ok)
            #expect(health.headers[.setCookie].isEmpty && ready.headers[.setCookie].isEmpty)
        }
    }

    /// A newer release migrated the database while this instance runs (an upgrade one instance at a
    /// time): the instance says it is not ready, so the load balancer stops sending it requests.
    @Test func aRunningInstanceWhoseDatabaseANewerReleaseMigratedIsNotReady() async throws {
        try await withApp { app in
            // setup
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("""
                INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at)
                VALUES (\(bind: UUID()), 'InterviewServer.M999_FromTheFuture', 99, NULL, NULL)
                """).run()
            // act
            let ready = try await Self.readiness(app)
            // verify
            #expect(ready.status == .serviceUnavailable && ready.body.string.contains("\"migrations\":\"database is newer\""))
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = 'InterviewServer.M999_FromTheFuture'").run()
        }
    }

    @Test func aDatabaseFromANewerReleaseIsRefused() async throws {
        // setup: a data folder whose database records a migration this build does not know
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("interviewflow.sqlite").path
        try await withFileApp(path) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("""
                INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at)
                VALUES (\(bind: UUID()), 'InterviewServer.M999_FromTheFuture', 99, NULL, NULL)
                """).run()
        }
        // act
        var refusal: (any Error)?
        do { try await withFileApp(path) { _ in } } catch { refusal = error }
        // verify
        let newer = try #require(refusal as? SchemaCheck.NewerSchema)
        #expect(newer.unknown == ["InterviewServer.M999_FromTheFuture"])
        #expect(newer.description.contains("newer InterviewFlow"))
    }
}
