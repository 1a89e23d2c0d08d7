import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 13, sessions: they end when unused or too old, at login they change id and CSRF token, and
/// a password change, a deactivation or "sign out everywhere" ends the account's other sessions.
@Suite("Session lifetime and revocation")
struct SessionLifetimeTests {
    private func session(born: TimeInterval, seen: TimeInterval, epoch: Int) -> SessionData {
        SessionData(initialData: [SessionPolicy.bornKey: String(born), SessionPolicy.seenKey: String(seen),
                                  SessionPolicy.epochKey: String(epoch)])
    }

    @Test func theRuleOfIdleAndAbsoluteTimeouts() {
        // setup
        let policy = SessionPolicy(idleTimeout: 12 * 3600, lifetime: 7 * 86_400)
        let user = User(email: "a@example.com", name: "A", passwordHash: "", role: .interviewer)
        let now = Date(timeIntervalSince1970: 10_000_000)
        let t = now.timeIntervalSince1970
        // act / verify
        #expect(policy.verdict(for: session(born: t - 3600, seen: t - 10, epoch: 0), user: user, now: now) == .valid(touch: false))
        #expect(policy.verdict(for: session(born: t - 3600, seen: t - 120, epoch: 0), user: user, now: now) == .valid(touch: true))
        #expect(policy.verdict(for: session(born: t - 3600, seen: t - 12 * 3600, epoch: 0), user: user, now: now) == .expired)
        #expect(policy.verdict(for: session(born: t - 7 * 86_400, seen: t - 1, epoch: 0), user: user, now: now) == .expired)
        #expect(policy.verdict(for: session(born: t - 60, seen: t - 1, epoch: 1), user: user, now: now) == .revoked)
        #expect(policy.verdict(for: SessionData(), user: user, now: now) == .revoked)
    }

    /// A clock the test moves by hand.
    final class HandClock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 2_000_000_000)
        var now: Date { lock.withLock { time } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    /// Ivan signed in, with the server's session clock in the test's hand.
    static func ivanSignedIn(_ app: Application) async throws -> (HandClock, TestBrowser) {
        let clock = HandClock()
        app.sessionClock = { clock.now }
        try await TestData.user(app, "ivan@example.com", role: .interviewer)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("ivan@example.com")
        return (clock, browser)
    }

    @Test func anUnusedSessionSignsNobodyInAfterTheIdleTimeout() async throws {
        try await withApp { app in
            // setup
            let (clock, browser) = try await Self.ivanSignedIn(app)
            clock.advance(11 * 3600)
            let used = try await browser.get("/positions")
            // act: 11 h after its last use, then 12 h after it
            clock.advance(11 * 3600)
            let stillFresh = try await browser.get("/positions")
            clock.advance(12 * 3600)
            let idle = try await browser.get("/positions")
            // verify
            #expect(used.status == .ok)
            #expect(stillFresh.status == .ok)
            #expect(idle.status == .seeOther)
            #expect(idle.headers.first(name: .location) == "/login")
        }
    }

    /// Signing in again after the session ended works at the first try: the login page no longer hands
    /// out the dead session's token, which the form then could not match (a probe's first attempt after an
    /// idle timeout was always refused as a forged form).
    @Test func signingInAgainAfterTheIdleTimeoutWorksAtOnce() async throws {
        try await withApp { app in
            // setup
            let (clock, browser) = try await Self.ivanSignedIn(app)
            clock.advance(13 * 3600)
            // act
            let again = try await browser.logIn("ivan@example.com")
            let page = try await browser.get("/positions")
            // verify
            #expect(again.status == .seeOther && again.headers.first(name: .location) != "/login")
            #expect(page.status == .ok)
        }
    }

    @Test func aSessionInUseStillEndsAtItsLifetime() async throws {
        try await withApp { app in
            // setup
            let (clock, browser) = try await Self.ivanSignedIn(app)
            // act: used every 10 hours for eight days
            var statuses: [HTTPStatus] = []
            for _ in 0..<(8 * 24 / 10) {
                clock.advance(10 * 3600)
                statuses.append(try await browser.get("/api/v1/positions").status)
            }
            // verify: fine for the first week, signed out after it
            #expect(statuses.prefix(16).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(2).allSatisfy { $0 == .unauthorized })
        }
    }

    @Test func loginIssuesANewCSRFToken() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            try await browser.get("/login")
            let before = try #require(browser.csrf)
            // act
            _ = try await browser.post("/login", ["email": "ivan@example.com", "password": TestData.password])
            try await browser.get("/account")
            let old = try await browser.post("/account/sign-out-everywhere", ["csrf": before], csrf: false)
            // verify
            #expect(browser.csrf != before)
            #expect(old.status == .forbidden)
        }
    }

    @Test func changingThePasswordEndsOtherSessionsButKeepsThisOne() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let laptop = TestBrowser(app), phone = TestBrowser(app)
            _ = try await laptop.logIn("ivan@example.com")
            _ = try await phone.logIn("ivan@example.com")
            try await laptop.get("/account")
            // act
            let change = try await laptop.post("/account/password", ["current": TestData.password,
                                                                     "new": "a brand new passphrase", "confirmation": "a brand new passphrase"])
            let here = try await laptop.get("/positions")
            let there = try await phone.get("/positions")
            // verify
            #expect(change.status == .seeOther)
            #expect(here.status == .ok)
            #expect(there.status == .seeOther)
        }
    }

    @Test func signingOutEverywhereEndsEverySession() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let laptop = TestBrowser(app), phone = TestBrowser(app)
            _ = try await laptop.logIn("ivan@example.com")
            _ = try await phone.logIn("ivan@example.com")
            let page = try await laptop.get("/account")
            // act
            let ended = try await laptop.post("/account/sign-out-everywhere")
            // verify
            #expect(page.body.string.contains("/account/sign-out-everywhere"))
            #expect(ended.status == .seeOther)
            #expect(try await laptop.get("/positions").status == .seeOther)
            #expect(try await phone.get("/positions").status == .seeOther)
            #expect(try await TestBrowser(app).logIn("ivan@example.com").status == .seeOther)
        }
    }

    /// A request sent from a session that has ended is answered as signed out, not as a forged form:
    /// the console's next action read "Missing or wrong CSRF token" (an operations probe).
    @Test func aFormOrAnAPICallFromAnEndedSessionIsAnsweredAsSignedOut() async throws {
        try await withApp { app in
            // setup: Ivan on two devices; he signs out everywhere from one
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let laptop = TestBrowser(app), phone = TestBrowser(app)
            _ = try await laptop.logIn("ivan@example.com")
            _ = try await phone.logIn("ivan@example.com")
            _ = try await phone.get("/account")
            _ = try await laptop.get("/account")
            _ = try await laptop.post("/account/sign-out-everywhere")
            // act: the phone's open page sends a form, and its script an API call, with the old token
            let form = try await phone.post("/account/name", ["name": "Ivan"])
            let api = try await phone.send(.POST, "/api/v1/positions", body: ByteBuffer(string: #"{"title":"x"}"#), contentType: .json)
            let bare = try await phone.send(.POST, "/api/v1/positions", body: ByteBuffer(string: #"{"title":"x"}"#), contentType: .json, csrfHeader: false)
            let signOut = try await phone.post("/logout")
            let forged = try await TestBrowser(app).post("/login", ["email": "ivan@example.com", "password": "x"], csrf: false)
            // verify: the page goes to sign-in, the API says 401; a visitor's form without a token is still refused
            #expect(form.status == .seeOther && form.headers.first(name: .location) == "/login")
            #expect(api.status == .unauthorized && api.body.string.contains("Sign in first."))
            #expect(bare.status == .unauthorized)
            #expect(signOut.status == .seeOther && signOut.headers.first(name: .location) == "/login")
            #expect(forged.status == .forbidden)
        }
    }

    @Test func deactivationEndsTheAccountsSessionsAndReactivationDoesNotRestoreThem() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = TestBrowser(app), session = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            _ = try await session.logIn("ivan@example.com")
            try await admin.get("/users")
            // act
            _ = try await admin.post("/users/\(ivan.id!)/active", ["active": "false"])
            _ = try await admin.post("/users/\(ivan.id!)/active", ["active": "true"])
            let after = try await session.get("/positions")
            // verify
            #expect(after.status == .seeOther)
        }
    }

    @Test func aLoggedOutCookieReplayedSignsNobodyIn() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/api/v1/session")
            let cookie = try #require(browser.cookie)
            // act
            _ = try await browser.send(.DELETE, "/api/v1/session", body: ByteBuffer(), contentType: .json)
            let replay = try await app.testing().sendRequest(.GET, "/api/v1/positions", headers: ["Cookie": "interviewflow-session=\(cookie)"])
            // verify
            #expect(replay.status == .unauthorized)
        }
    }
}
