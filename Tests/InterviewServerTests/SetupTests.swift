import Fluent
import Logging
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("First admin through the one-time setup link")
struct SetupTests {
    @Test func theSetupLinkCreatesTheFirstAdminAndThenExpires() async throws {
        try await withApp { app in
            // setup
            let token = try await FirstAdminSetup.issueToken(on: app.db)
            let browser = TestBrowser(app)
            let form = try await browser.get("/setup?token=\(token)")
            #expect(form.status == .ok)
            // act
            let created = try await browser.post("/setup", ["token": token, "name": "Ada", "email": "ada@example.com",
                                                             "password": "a long enough secret"])
            let stranger = TestBrowser(app)
            let again = try await stranger.get("/setup?token=\(token)")
            try await stranger.get("/login")
            let reuse = try await stranger.post("/setup", ["token": token, "name": "Eve", "email": "eve@example.com",
                                                           "password": "a long enough secret"])
            // verify
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/positions")
            #expect(again.status == .notFound)
            #expect(reuse.status == .notFound)
            let admins = try await User.query(on: app.db).filter(\.$role == .admin).all().map(\.email)
            #expect(admins == ["ada@example.com"])
        }
    }

    @Test func switchingLanguageOnTheSetupPageKeepsItsToken() async throws {
        try await withApp { app in
            // setup
            let token = try await FirstAdminSetup.issueToken(on: app.db)
            let browser = TestBrowser(app)
            let form = try await browser.get("/setup?token=\(token)").body.string
            let link = try #require(form.components(separatedBy: "<a href=\"/language?").dropFirst().first?.components(separatedBy: "\"").first)
            // act
            let switched = try await browser.get("/language?" + link.replacingOccurrences(of: "&amp;", with: "&"))
            browser.language = "zh"
            let chinese = try await browser.get(try #require(switched.headers.first(name: .location)))
            // verify: the same page, its form, in Chinese
            #expect(switched.headers.first(name: .location) == "/setup?token=\(token)")
            #expect(chinese.status == .ok && chinese.body.string.contains("name=\"password\"") && chinese.body.string.contains("lang=\"zh\""))
        }
    }

    @Test func aPasswordOfSpacesAndAnUnknownRoleAreRefusedSayingWhy() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            // act
            let blank = try await admin.post("/users", ["name": "Pat", "email": "pat@example.com", "password": String(repeating: " ", count: 12),
                                                        "role": "interviewer"])
            let role = try await admin.post("/users", ["name": "Pat", "email": "pat@example.com", "password": "a long enough secret",
                                                       "role": "superuser"])
            // verify
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains(Text.errPasswordBlank.in(.en)))
            #expect(role.status == .unprocessableEntity && role.body.string.contains(Text.errUnknownRole.in(.en)))
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test func aWrongTokenShowsNoForm() async throws {
        try await withApp { app in
            // setup
            _ = try await FirstAdminSetup.issueToken(on: app.db)
            // act
            let response = try await TestBrowser(app).get("/setup?token=guessed")
            // verify
            #expect(response.status == .notFound)
            #expect(!response.body.string.contains("name=\"password\""))
        }
    }

    @Test func aShortPasswordIsRejectedBesideItsField() async throws {
        try await withApp { app in
            // setup
            let token = try await FirstAdminSetup.issueToken(on: app.db)
            let browser = TestBrowser(app)
            try await browser.get("/setup?token=\(token)")
            // act
            let response = try await browser.post("/setup", ["token": token, "name": "Ada", "email": "ada@example.com",
                                                              "password": "short"])
            // verify
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("At least 12 characters."))
            #expect(try await FirstAdminSetup.validToken(token, on: app.db) != nil)
        }
    }
}

@Suite("Nothing secret in the log")
struct LogSecrecyTests {
    @Test func requestLogsLeaveOutTheQueryString() async throws {
        try await withApp { app in
            // setup
            let recorder = LogRecorder()
            app.logger = Logger(label: "test") { _ in recorder }
            app.logger.logLevel = .info
            let token = try await FirstAdminSetup.issueToken(on: app.db)
            // act
            try await TestBrowser(app).get("/setup?token=\(token)")
            // verify
            #expect(recorder.lines.contains { $0.contains("GET /setup") })
            #expect(!recorder.lines.contains { $0.contains(token) })
        }
    }
}
