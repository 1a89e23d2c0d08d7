@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Logging in: sessions, CSRF, rate limit")
struct LoginTests {
    @Test func aCorrectPasswordStartsASession() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            // act
            let login = try await browser.logIn("ivan@example.com")
            let positions = try await browser.get("/positions")
            // verify
            #expect(login.status == .seeOther)
            #expect(positions.status == .ok)
        }
    }

    @Test func loggingInIssuesANewSessionID() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let planted = try #require(browser.cookie)
            // act
            _ = try await browser.post("/login", ["email": "ivan@example.com", "password": TestData.password])
            let reuse = try await app.testing().sendRequest(.GET, "/positions", headers: ["Cookie": "interviewflow-session=\(planted)"])
            // verify
            #expect(browser.cookie != planted)
            #expect(reuse.status == .seeOther)
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndSameSite() async throws {
        try await withApp { app in
            // act
            let response = try await TestBrowser(app).get("/login")
            // verify
            let header = response.headers[.setCookie].joined()
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            #expect(!header.contains("Secure"))
        }
    }

    @Test func withoutASessionPagesRedirectToLogin() async throws {
        try await withApp { app in
            // act
            let response = try await TestBrowser(app).get("/positions")
            // verify
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login")
        }
    }

    @Test func aFormWithoutTheCSRFTokenIsForbidden() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            try await browser.get("/login")
            // act
            let response = try await browser.post("/login", ["email": "ivan@example.com", "password": TestData.password],
                                                  csrf: false)
            // verify
            #expect(response.status == .forbidden)
        }
    }

    @Test func fiveWrongPasswordsBlockEvenTheRightOneAndSayWhenToRetry() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            for _ in 0..<LoginRateLimiter.accountLimit {
                let wrong = try await browser.logIn("ivan@example.com", password: "wrong password!")
                #expect(wrong.status == .unauthorized)
            }
            // act
            let blocked = try await browser.logIn("ivan@example.com")
            // verify
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("Too many failed attempts"))
            let retry = try #require(blocked.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect(retry > 0 && retry <= Int(LoginRateLimiter.window))
        }
    }

    @Test func theRateLimitWindowEnds() async throws {
        try await withApp { app in
            // setup
            let account = LoginRateLimiter.Scope.account("a@example.com")
            let start = Date(timeIntervalSince1970: 1_000_000)
            for _ in 0..<LoginRateLimiter.accountLimit {
                #expect(try await LoginRateLimiter(db: app.db, now: start).reserve(account) == .granted)
            }
            // act
            let during = try await LoginRateLimiter(db: app.db, now: start.addingTimeInterval(60)).reserve(account)
            let after = try await LoginRateLimiter(db: app.db, now: start.addingTimeInterval(LoginRateLimiter.window + 1)).reserve(account)
            // verify
            #expect(during == .refused(retryAfter: Int(LoginRateLimiter.window) - 60))
            #expect(after == .granted)
        }
    }
}
