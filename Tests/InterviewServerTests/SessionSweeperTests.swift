import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor

/// Dead session rows are removed by the hourly sweep: a visitor's (never signed in) and a signed-in one
/// past its idle timeout or lifetime; a live one stays. On SQLite, and on PostgreSQL when the suite runs there.
@Suite("Sweeping dead sessions")
struct SessionSweeperTests {
    @Test func deadSessionsGoAndLiveOnesStay() async throws {
        try await withApp { app in
            // setup: a 12-hour idle timeout and a 7-day lifetime, judged at `now`
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let policy = SessionPolicy(idleTimeout: 12 * 3600, lifetime: 7 * 86_400)
            func row(_ key: String, _ data: [String: String]) async throws {
                let record = SessionRecord()
                record.key = SessionID(string: key)
                record.data = SessionData(initialData: data)
                try await record.create(on: app.db)
            }
            func signedIn(born: TimeInterval, seen: TimeInterval) -> [String: String] {
                ["_UserSession": UUID().uuidString, "born": String(now.timeIntervalSince1970 - born),
                 "seen": String(now.timeIntervalSince1970 - seen), "epoch": "0", "csrf": "x"]
            }
            try await row("visitor", ["csrf": "x"])
            try await row("live", signedIn(born: 3 * 86_400, seen: 600))
            try await row("idle", signedIn(born: 86_400, seen: 13 * 3600))
            try await row("old", signedIn(born: 8 * 86_400, seen: 60))
            try await row("unstamped", ["_UserSession": UUID().uuidString])
            // act
            try await SessionSweeper.sweep(on: app.db, policy: policy, now: now)
            // verify
            let left = try await SessionRecord.query(on: app.db).all().map(\.key.string)
            #expect(left == ["live"])
        }
    }
}
