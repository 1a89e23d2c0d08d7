import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// An office behind one address, locked out by 20 wrong passwords, could only wait out the 15 minutes:
/// a reset lifts an account's lockout, not an address's (an account probe). An admin lifts it now.
@Suite("Lifting an address's sign-in lockout")
struct LockoutLiftTests {
    /// Uses up `address`'s places, as 20 wrong passwords from it would.
    private func lockOut(_ address: String, _ app: Application) async throws {
        for _ in 0...LoginRateLimiter.addressLimit {
            _ = try await LoginRateLimiter(db: app.db, now: Date()).reserve(.address(address))
        }
    }

    private func isLockedOut(_ address: String, _ app: Application) async throws -> Bool {
        let answer = try await LoginRateLimiter(db: app.db, now: Date()).reserve(.address(address))
        try await LoginRateLimiter(db: app.db, now: Date()).release(.address(address))
        return answer != .granted
    }

    @Test func anAdminLiftsItOnTheUsersPageAndTheTrailSaysSo() async throws {
        try await withApp { app in
            // setup: the office's address is locked out; its IPv6 spelling typed in capitals
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await lockOut("2001:db8::7", app)
            #expect(try await isLockedOut("2001:db8::7", app))
            // act
            let page = try await admin.get("/users").body.string
            let lifted = try await admin.post("/users/lockout", ["address": " 2001:DB8::7 "])
            let again = try await admin.post("/users/lockout", ["address": "2001:db8::7"])
            let garbage = try await admin.post("/users/lockout", ["address": "<b>office</b>"])
            // verify: offered; lifted, said so on the page it returns to; a second time nothing was locked;
            // text that is no address is refused in its form, shown back inert
            #expect(page.contains(#"action="/users/lockout""#) && page.contains("After 20 wrong passwords in 15 minutes from one address"))
            #expect(lifted.status == .seeOther)
            let back = try await admin.get(try #require(lifted.headers.first(name: .location))).body.string
            #expect(back.contains(ChangeNotice.lockoutLifted.text(name: "", .en)))
            #expect(!(try await isLockedOut("2001:db8::7", app)))
            let secondBack = try await admin.get(try #require(again.headers.first(name: .location))).body.string
            #expect(secondBack.contains(ChangeNotice.noLockout.text(name: "", .en)))
            #expect(garbage.status == .unprocessableEntity && garbage.body.string.contains(Text.errLockoutAddress.in(.en)))
            #expect(garbage.body.string.contains("&lt;b&gt;office&lt;/b&gt;") && !garbage.body.string.contains("<b>office"))
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .lockoutLifted).all()
            #expect(trail.map(\.subject) == ["address:2001:db8::7"])
        }
    }

    @Test func overTheAPIOnlyAnAdminLiftsIt() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = try await TestBrowser.apiSignedIn(app, "root@example.com")
            let interviewer = try await TestBrowser.apiSignedIn(app, "ivan@example.com")
            try await lockOut("203.0.113.9", app)
            // act
            let byInterviewer = try await interviewer.send(.DELETE, "/api/v1/lockouts/203.0.113.9", body: ByteBuffer(), contentType: .json)
            let stillLocked = try await isLockedOut("203.0.113.9", app)
            let lifted = try await admin.send(.DELETE, "/api/v1/lockouts/203.0.113.9", body: ByteBuffer(), contentType: .json)
            let again = try await admin.send(.DELETE, "/api/v1/lockouts/203.0.113.9", body: ByteBuffer(), contentType: .json)
            let notAnAddress = try await admin.send(.DELETE, "/api/v1/lockouts/office", body: ByteBuffer(), contentType: .json)
            // verify
            #expect(byInterviewer.status == .notFound && stillLocked)
            #expect(lifted.status == .ok && lifted.body.string.contains(#""lifted":true"#))
            #expect(!(try await isLockedOut("203.0.113.9", app)))
            #expect(again.status == .ok && again.body.string.contains(#""lifted":false"#))
            #expect(notAnAddress.status == .unprocessableEntity && notAnAddress.body.string.contains("\"address\":"))
            #expect(try await SecurityEvent.query(on: app.db).filter(\.$kind == .lockoutLifted).count() == 1)
        }
    }
}
