import Foundation
@testable import InterviewServer
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Sessions live in the database")
struct SharedSessionTests {
    private func makeApp(_ storage: ServerSettings.Storage) async throws -> Application {
        let app = try await Application.make(.testing)
        app.passwords.use(.bcrypt(cost: 4))
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: ServerSettings(storage: storage, publicURL: "http://127.0.0.1:8080",
                                                              announceSetup: false))
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// On PostgreSQL two instances at once; on SQLite, whose file belongs to one process, a restart:
    /// the second server starts after the first stopped.
    @Test func anotherInstanceOrARestartKeepsPeopleLoggedIn() async throws {
        // setup
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).sqlite").path
        let storage: ServerSettings.Storage = ProcessInfo.processInfo.environment["DATABASE_URL"]
            .map { .postgres(url: $0, schema: schema) } ?? .sqliteFile(path: file)
        let onPostgres = if case .postgres = storage { true } else { false }
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let first = try await makeApp(storage)
        try await TestData.user(first, "ivan@example.com", role: .interviewer)
        let browser = TestBrowser(first)
        _ = try await browser.logIn("ivan@example.com")
        if !onPostgres { try await first.asyncShutdown() }
        // act
        let second = try await makeApp(storage)
        let elsewhere = try await second.testing().sendRequest(
            .GET, "/positions", headers: ["Cookie": "interviewflow-session=\(browser.cookie ?? "")"])
        // verify
        #expect(elsewhere.status == .ok)
        if onPostgres, let sql = first.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await second.asyncShutdown()
        if onPostgres { try await first.asyncShutdown() }
    }

    @Test func theSQLiteFileIsInWALModeWithFullSync() async throws {
        // setup
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID()).sqlite").path
        let app = try await makeApp(.sqliteFile(path: file))
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let sql = try #require(app.db as? any SQLDatabase)
        // act
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        // verify
        #expect(mode == "wal")
        #expect(sync == 2)
        try await app.asyncShutdown()
    }
}
