import Foundation
@testable import InterviewServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Runs `test` against a fresh, migrated application: in-memory SQLite, or PostgreSQL when DATABASE_URL is
/// set — then in a schema of its own, so suites running in parallel on one database never meet.
func withApp(publicURL: String = "http://127.0.0.1:8080", _ test: (Application) async throws -> Void) async throws {
    let onPostgres = ProcessInfo.processInfo.environment["DATABASE_URL"] != nil
    if onPostgres { await TestGate.postgres.enter() }
    do {
        try await runApp(publicURL: publicURL, test)
    } catch {
        if onPostgres { await TestGate.postgres.leave() }
        throw error
    }
    if onPostgres { await TestGate.postgres.leave() }
}

/// A test application, not yet configured.
private func makeTestApp() async throws -> Application {
    let app = try await Application.make(.testing)
    // Bcrypt at its lowest cost: the tests check the flow, not the hash's strength.
    app.passwords.use(.bcrypt(cost: 4))
    app.logger.logLevel = .warning
    return app
}

/// The scorecard writer's commit deadline for tests, set once (a `static let` runs its initializer once,
/// whichever test gets there first): see `ScorecardWriter.commitDeadline`.
private enum TestCommitDeadline {
    static let lengthened: Void = { ScorecardWriter.commitDeadline = .seconds(60) }()
}

private func runApp(publicURL: String, _ test: (Application) async throws -> Void) async throws {
    _ = TestCommitDeadline.lengthened
    let app = try await makeTestApp()
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let storage: ServerSettings.Storage = ProcessInfo.processInfo.environment["DATABASE_URL"]
        .map { .postgres(url: $0, schema: schema) } ?? .sqliteMemory
    do {
        try await configure(app, settings: ServerSettings(storage: storage, publicURL: publicURL,
                                                          announceSetup: false))
        try await test(app)
        try await app.autoRevert()
    } catch {
        try? await app.autoRevert()
        try? await dropSchema(schema, storage: storage, app: app)
        try await app.asyncShutdown()
        throw error
    }
    try await dropSchema(schema, storage: storage, app: app)
    try await app.asyncShutdown()
}

/// Reverting leaves the schema itself (and Fluent's migration table) behind on PostgreSQL.
private func dropSchema(_ schema: String, storage: ServerSettings.Storage, app: Application) async throws {
    guard case .postgres = storage, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
}

/// Runs `test` against an application on an SQLite file, as `interview serve` runs by default (the
/// scorecard writer then commits on a connection of its own). The file is left for the caller, so a
/// second application can open what the first one wrote.
func withFileApp(_ path: String, _ test: (Application) async throws -> Void) async throws {
    let app = try await makeTestApp()
    do {
        try await configure(app, settings: ServerSettings(storage: .sqliteFile(path: path), publicURL: "http://127.0.0.1:8080",
                                                          announceSetup: false))
        try await test(app)
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
