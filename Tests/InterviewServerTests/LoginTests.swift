@testable import InterviewServer
import Fluent
import Vapor
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
            // setup: a session from before signing in, whose id someone planted in Ivan's browser (visitors
            // no longer get one, but a data folder from an earlier version holds such rows)
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let planted = "planted-session-id-from-before-the-upgrade"
            let record = SessionRecord()
            record.key = SessionID(string: HashedSessions.digest(planted))
            record.data = SessionData(initialData: [CSRF.sessionKey: String(repeating: "ab", count: 32)])
            try await record.create(on: app.db)
            let browser = TestBrowser(app)
            browser.cookie = planted
            try await browser.get("/login")
            // act
            let login = try await browser.post("/login", ["email": "ivan@example.com", "password": TestData.password])
            let reuse = try await app.testing().sendRequest(.GET, "/positions", headers: ["Cookie": "interviewflow-session=\(planted)"])
            // verify: signed in under a new id; the planted one is gone
            #expect(login.status == .seeOther)
            #expect(browser.cookie != nil && browser.cookie != planted)
            #expect(reuse.status == .seeOther)
            #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: HashedSessions.digest(planted))).count() == 0)
        }
    }

    @Test func theCookiesAreHttpOnlyAndSameSite() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            // act
            let visitor = try await browser.get("/login")
            let signedIn = try await browser.post("/login", ["email": "ivan@example.com", "password": TestData.password])
            // verify: before signing in only the CSRF cookie, for the browser session, sent from our pages only;
            // then the session cookie
            let before = visitor.headers[.setCookie].joined()
            #expect(visitor.headers.setCookie?["interviewflow-session"] == nil)
            #expect(before.contains("\(CSRF.cookieName)=") && before.contains("HttpOnly") && before.contains("SameSite=Strict"))
            #expect(!before.contains("Max-Age") && !before.contains("Secure"))
            let session = try #require(signedIn.headers.setCookie?["interviewflow-session"])
            #expect(session.isHTTPOnly && session.sameSite == .lax && !session.isSecure)
        }
    }

    @Test func aVisitorsPagesWriteNoSession() async throws {
        try await withApp { app in
            // act: a visitor, and a client that drops its cookies, open the public pages again and again
            let browser = TestBrowser(app)
            for _ in 0..<5 {
                try await browser.get("/login")
                _ = try await app.testing().sendRequest(.GET, "/login")
                _ = try await app.testing().sendRequest(.GET, "/api/v1/session")
                _ = try await app.testing().sendRequest(.GET, "/no-such-page")
            }
            // verify: no session row (anyone could once fill the database with them); the token still works
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            let refused = try await browser.post("/login", ["email": "nobody@example.com", "password": "x"], csrf: false)
            let checked = try await browser.post("/login", ["email": "nobody@example.com", "password": "x"])
            #expect(refused.status == .forbidden)
            #expect(checked.status != .forbidden)
        }
    }

    /// A cookie the server does not know (stale, or made up) stores nothing and is cleared: a stranger
    /// sending invented cookies wrote one session row per request (a security probe).
    @Test func anUnknownSessionCookieWritesNoSessionAndIsCleared() async throws {
        try await withApp { app in
            // act: invented cookies on pages, the API and the login page
            var answers: [TestingHTTPResponse] = []
            for path in ["/positions", "/candidates", "/api/v1/positions", "/login"] {
                for n in 0..<3 {
                    answers.append(try await app.testing().sendRequest(.GET, path, headers: ["Cookie": "interviewflow-session=made-up-\(n)"]))
                }
            }
            // verify: no row; a page's answer expires the cookie rather than issuing a new one
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            let page = try #require(answers.first?.headers.setCookie?["interviewflow-session"])
            #expect(page.string.isEmpty && (page.expires.map { $0 < Date() } ?? false || page.maxAge == 0))
            #expect(answers.allSatisfy { $0.headers.setCookie?["interviewflow-session"].map { $0.string.isEmpty } ?? true })
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
            #expect(during == .refused(retryAfter: Int(LoginRateLimiter.window) - 60, first: true))
            #expect(after == .granted)
        }
    }
}
