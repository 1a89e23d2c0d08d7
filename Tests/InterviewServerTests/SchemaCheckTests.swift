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
    @Test func readyOnceTheDatabaseAnswersAndEveryMigrationHasRun() async throws {
        try await withApp { app in
            // act
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            // verify
            #expect(ready.status == .ok && ready.body.string.contains("\"migrations\":\"current\""))
            #expect(health.status == .ok)
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
