import Fluent
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Accounts: admins add people with roles")
struct UserTests {
    @Test func anAdminCreatesAnInterviewerWhoCanLogIn() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            // act
            let created = try await admin.post("/users", ["name": "Ivan", "email": "Ivan@Example.com",
                                                          "password": "twelve chars ok", "role": "interviewer"])
            let login = try await TestBrowser(app).logIn("ivan@example.com", password: "twelve chars ok")
            // verify
            #expect(created.status == .seeOther)
            #expect(login.status == .seeOther)
            let stored = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first())
            #expect(stored.role == .interviewer)
            #expect(stored.passwordHash.hasPrefix("$2"))
        }
    }

    @Test func aTakenEmailIsReported() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            // act
            let response = try await admin.post("/users", ["name": "Again", "email": "root@example.com",
                                                            "password": "twelve chars ok", "role": "admin"])
            // verify
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(Text.errEmailTaken.in(.en)))
        }
    }

    @Test func nonAdminsDoNotSeeTheUsersPage() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            // act
            let page = try await browser.get("/users")
            // verify
            #expect(page.status == .notFound)
        }
    }
}
