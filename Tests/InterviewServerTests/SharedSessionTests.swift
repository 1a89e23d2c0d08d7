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
        try await configure(app, settings: ServerSettings(storage: storage, publicURL: "http://127.0.0.1:8080",
                                                          announceSetup: false))
        return app
    }

    @Test func aSecondInstanceOnTheSameDatabaseKeepsPeopleLoggedIn() async throws {
        // setup: two applications over one database, as after a restart or behind a load balancer
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).sqlite").path
        let storage: ServerSettings.Storage = ProcessInfo.processInfo.environment["DATABASE_URL"]
            .map { .postgres(url: $0, schema: schema) } ?? .sqliteFile(path: file)
        let first = try await makeApp(storage)
        let second = try await makeApp(storage)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await TestData.user(first, "ivan@example.com", role: .interviewer)
        let browser = TestBrowser(first)
        // act
        _ = try await browser.logIn("ivan@example.com")
        let elsewhere = try await second.testing().sendRequest(
            .GET, "/positions", headers: ["Cookie": "interviewflow-session=\(browser.cookie ?? "")"])
        // verify
        #expect(elsewhere.status == .ok)
        if case .postgres = storage, let sql = first.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await second.asyncShutdown()
        try await first.asyncShutdown()
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
