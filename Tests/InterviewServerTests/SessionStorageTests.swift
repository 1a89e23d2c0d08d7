import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor

/// The sessions table holds digests of the session cookies, never the cookies: a copy of the database
/// signs no one in. Sessions open before the upgrade keep working.
@Suite("Session ids at rest")
struct SessionStorageTests {
    @Test func theTableKeepsTheCookiesDigestNotTheCookie() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            // act
            try await browser.logIn("ivan@example.com")
            // verify: one row, keyed by the digest; the cookie itself is nowhere in the table
            let cookie = try #require(browser.cookie)
            let keys = try await SessionRecord.query(on: app.db).all().map(\.key.string)
            #expect(keys == [HashedSessions.digest(cookie)])
            #expect(!keys.contains(cookie))
        }
    }

    @Test func aStolenKeyColumnSignsNoOneIn() async throws {
        try await withApp { app in
            // setup: Ivan is signed in; someone read the table from a backup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            try await browser.logIn("ivan@example.com")
            let stolen = try #require(try await SessionRecord.query(on: app.db).first()).key.string
            // act: the stolen key as a cookie
            let thief = TestBrowser(app)
            thief.cookie = stolen
            let page = try await thief.get("/interviews")
            let own = try await browser.get("/interviews")
            // verify: sent to the login page; Ivan himself is still in
            #expect(page.status == .seeOther && page.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(own.status == .ok)
        }
    }

    @Test func aSessionFromBeforeTheUpgradeStaysSignedIn() async throws {
        try await withApp { app in
            // setup: Ivan's session row as an earlier version wrote it, keyed by the cookie itself
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            try await browser.logIn("ivan@example.com")
            let cookie = try #require(browser.cookie)
            let row = try #require(try await SessionRecord.query(on: app.db).first())
            row.key = SessionID(string: cookie)
            try await row.update(on: app.db)
            app.singleWriterCaches.forget(session: cookie)
            // act: the upgrade's migration, run again on these rows
            try await M019_HashSessionKeys().prepare(on: app.db)
            let page = try await browser.get("/interviews")
            // verify: the row is keyed by the digest now, and the same cookie still opens Ivan's pages
            #expect(try await SessionRecord.query(on: app.db).all().map(\.key.string) == [HashedSessions.digest(cookie)])
            #expect(page.status == .ok)
        }
    }
}
