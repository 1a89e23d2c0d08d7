import Fluent
import InterviewCore
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Time zones: pages show times on the reader's clock, and read the schedule form on it")
struct DisplayZoneTests {
    /// Mia, a hiring manager, schedules Sun Ba with Ivan; her browser says Asia/Shanghai (UTC+8).
    private func desk(_ app: Application, zone: String?) async throws -> (ivan: User, candidate: Candidate, browser: TestBrowser) {
        let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
        let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
        let position = try await TestData.position(app, "Backend engineer", members: [ivan, mia])
        let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
        _ = try await TestData.anyGuideVersion(app)
        let browser = TestBrowser(app)
        if let zone { browser.zoneCookies["tz"] = zone }
        _ = try await browser.logIn("mia@example.com")
        return (ivan, candidate, browser)
    }

    private func schedule(_ browser: TestBrowser, _ candidate: Candidate, _ ivan: User, at time: String) async throws -> TestingHTTPResponse {
        try await browser.get("/candidates/\(try candidate.requireID())")
        return try await browser.post("/interviews", ["candidateID": try candidate.requireID().uuidString, "scheduledAt": time,
                                                      "interviewerIDs[]": try ivan.requireID().uuidString])
    }

    @Test func aTimeScheduledInShanghaiIsKeptAsTheMomentItNamesAndShownBackAsWritten() async throws {
        try await withApp { app in
            // setup
            let (ivan, candidate, browser) = try await desk(app, zone: "Asia/Shanghai")
            // act
            let response = try await schedule(browser, candidate, ivan, at: "2026-12-01T14:30")
            let list = try await browser.get("/interviews").body.string
            let page = try await browser.get("/candidates/\(try candidate.requireID())").body.string
            // verify: 14:30 in Shanghai is 06:30 UTC, and reads 14:30 again on her pages
            #expect(response.status == .seeOther)
            let interview = try #require(try await Interview.query(on: app.db).first())
            #expect(interview.scheduledAt == ISO8601DateFormatter().date(from: "2026-12-01T06:30:00Z"))
            #expect(list.contains("2026-12-01 14:30") && !list.contains("2026-12-01 06:30"))
            #expect(page.contains("(Asia/Shanghai (UTC+08:00))"))
            #expect(list.contains("Times shown in Asia/Shanghai (UTC+08:00)"))
        }
    }

    @Test func theAdminPagesBehindTheirOwnGuardShowTimesOnTheReadersClockToo() async throws {
        try await withApp { app in
            // setup: an admin whose browser is in Shanghai; the audit page sits behind RequireAdmin
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            admin.zoneCookies["tz"] = "Asia/Shanghai"
            let before = Date()
            _ = try await admin.logIn("root@example.com")
            // act
            let page = try await admin.get("/audit").body.string
            // verify: the sign-in's time is shown at UTC+8
            let expected = [before, Date()].map { SessionTimestamp.minute($0.addingTimeInterval(8 * 3600)) }
            #expect(expected.contains { page.contains("<td>\($0)</td>") }, "\(expected)")
        }
    }

    @Test func withoutAZoneTheServersDefaultIsUsedAndSaid() async throws {
        try await withApp { app in
            // setup: no cookie at all, then a server started with --time-zone Asia/Tokyo
            let (ivan, candidate, browser) = try await desk(app, zone: nil)
            _ = try await schedule(browser, candidate, ivan, at: "2026-12-01T14:30")
            let utc = try await browser.get("/interviews").body.string
            app.serverSettings.timeZone = try #require(TimeZone(identifier: "Asia/Tokyo"))
            // act
            let tokyo = try await browser.get("/interviews").body.string
            // verify
            #expect(utc.contains("2026-12-01 14:30") && utc.contains("Times shown in UTC"))
            #expect(tokyo.contains("2026-12-01 23:30") && tokyo.contains("Asia/Tokyo (UTC+09:00)"))
        }
    }

    @Test func aCookieThatNamesNoKnownZoneIsIgnoredAndNeverEchoed() async throws {
        try await withApp { app in
            // setup
            let (ivan, candidate, browser) = try await desk(app, zone: nil)
            _ = try await schedule(browser, candidate, ivan, at: "2026-12-01T14:30")
            for bad in ["Mars/Olympus", "GMT+0800", "CST", "<b>x</b>", "Asia/<b>", "Asia//Shanghai", String(repeating: "A/", count: 40)] {
                // act
                browser.zoneCookies["tz"] = bad
                let page = try await browser.get("/interviews").body.string
                // verify
                #expect(page.contains("2026-12-01 14:30") && page.contains("Times shown in UTC"), "\(bad)")
                #expect(!page.contains(bad), "\(bad)")
            }
        }
    }

    @Test func theAPIReadsAScheduledTimeWithoutAZoneAsUTCWhateverTheBrowserSays() async throws {
        try await withApp { app in
            // setup
            let (ivan, candidate, browser) = try await desk(app, zone: "Asia/Shanghai")
            try await browser.get("/api/v1/session")
            let body = try JSONSerialization.data(withJSONObject: ["candidateID": try candidate.requireID().uuidString,
                                                                   "scheduledAt": "2026-12-01T14:30",
                                                                   "interviewerIDs": [try ivan.requireID().uuidString]])
            // act
            let response = try await browser.send(.POST, "/api/v1/interviews", body: ByteBuffer(data: body), contentType: .json)
            // verify: as docs/openapi.yaml says
            #expect(response.status == .created)
            let interview = try #require(try await Interview.query(on: app.db).first())
            #expect(interview.scheduledAt == ISO8601DateFormatter().date(from: "2026-12-01T14:30:00Z"))
        }
    }

    /// The API answers in UTC too, so a time read and sent back names the same moment (it was written on
    /// the reader's clock and read as UTC: an interview moved by eight hours).
    @Test func theAPIsTimesAreUTCAndRoundTrip() async throws {
        try await withApp { app in
            // setup: a browser in Shanghai, whose pages show Shanghai time
            let (ivan, candidate, browser) = try await desk(app, zone: "Asia/Shanghai")
            try await browser.get("/api/v1/session")
            func schedule(_ at: String) async throws -> String? {
                let body = try JSONSerialization.data(withJSONObject: ["candidateID": try candidate.requireID().uuidString, "scheduledAt": at,
                                                                       "interviewerIDs": [try ivan.requireID().uuidString]])
                let response = try await browser.send(.POST, "/api/v1/interviews", body: ByteBuffer(data: body), contentType: .json)
                return (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])?["scheduledAt"] as? String
            }
            // act
            let first = try #require(try await schedule("2026-12-01T14:30"))
            let again = try await schedule(first)
            let listed = try await browser.get("/api/v1/interviews").body.string
            // verify
            #expect(first == "2026-12-01 14:30" && again == first)
            #expect(listed.contains("\"scheduledAt\":\"2026-12-01 14:30\"") && !listed.contains("22:30"))
        }
    }

    @Test func theAccountPageFixesAZoneOrFollowsTheBrowserAgain() async throws {
        try await withApp { app in
            // setup
            let (_, _, browser) = try await desk(app, zone: "Asia/Shanghai")
            try await browser.get("/account")
            // act: fix Berlin
            let fixed = try await browser.post("/account/time-zone", ["zone": "Europe/Berlin", "browserZone": "Asia/Shanghai"])
            let fixedPage = try await browser.get("/account?zone=1").body.string
            // verify
            #expect(fixed.status == .seeOther)
            #expect(browser.zoneCookies == ["tz": "Europe/Berlin", "tz_fixed": "1"])
            #expect(fixedPage.contains("<option selected>Europe/Berlin</option>"))
            #expect(fixedPage.contains("Time zone saved. Times shown in Europe/Berlin (UTC+01:00)")
                    || fixedPage.contains("Time zone saved. Times shown in Europe/Berlin (UTC+02:00)"))
            // act: follow the browser again, which zone.js says is Shanghai
            _ = try await browser.post("/account/time-zone", ["zone": "", "browserZone": "Asia/Shanghai"])
            let following = try await browser.get("/account").body.string
            // verify
            #expect(browser.zoneCookies == ["tz": "Asia/Shanghai"])
            #expect(following.contains("<option value=\"\" selected>"))
            // act: a zone the list does not have
            let refused = try await browser.post("/account/time-zone", ["zone": "Mars/Olympus"])
            // verify
            #expect(refused.status == .unprocessableEntity)
            #expect(browser.zoneCookies == ["tz": "Asia/Shanghai"])
        }
    }

    @Test func theConsolesNoteTimesAreOnTheInterviewersClock() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let browser = try await fixture.browser("ivan@example.com")
            browser.zoneCookies["tz"] = "Asia/Kolkata"
            _ = try await browser.walkToFirstQuestion(fixture)
            // act
            let before = Date()
            let response = try await browser.send(.POST, fixture.api + "/actions", body: ByteBuffer(data: try JSONSerialization.data(
                withJSONObject: ["type": "note", "text": "asks good questions", "clientID": UUID().uuidString])), contentType: .json)
            // verify: the view's note time is UTC+05:30 (the minute may turn between the two clocks)
            let view = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["view"] as? [String: Any]
            let at = try #require((view?["notes"] as? [[String: Any]])?.first?["at"] as? String)
            let expected = [before, Date()].map { $0.addingTimeInterval(5.5 * 3600) }.map { SessionTimestamp.minute($0) }
            #expect(expected.contains(at), "\(at) vs \(expected)")
        }
    }

    @Test func theReportPageSaysItsTimesOnTheReadersClock() async throws {
        try await withApp { app in
            // setup: a started interview with a note, read from Kolkata
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let browser = try await fixture.browser("ivan@example.com")
            browser.zoneCookies["tz"] = "Asia/Kolkata"
            _ = try await browser.walkToFirstQuestion(fixture)
            _ = try await browser.act(fixture, ["type": "note", "text": "clear answer"])
            // act
            let page = try await browser.get("/interviews/\(fixture.id)/report").body.string
            // verify: start and the note at UTC+05:30, said as such; no UTC time on the page
            #expect(page.contains(" Asia/Kolkata</dd>") && page.contains(" Asia/Kolkata</time>"))
            #expect(!page.contains(" UTC</dd>") && !page.contains(" UTC</time>"))
        }
    }

    @Test func summerTimeMovesTheOffsetAndAMonthsMissingDayIsRefused() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let july = ISO8601DateFormatter().date(from: "2026-07-01T12:00:00Z")!
        let january = ISO8601DateFormatter().date(from: "2026-01-15T12:00:00Z")!
        DisplayDate.$zone.withValue(berlin) {
            #expect(DisplayDate.string(july) == "2026-07-01 14:00")
            #expect(DisplayDate.string(january) == "2026-01-15 13:00")
        }
        #expect(DisplayDate.string(july) == "2026-07-01 12:00")
        #expect(DisplayZone.label(berlin, at: july) == "Europe/Berlin (UTC+02:00)")
        #expect(DisplayZone.label(TimeZone(identifier: "America/St_Johns")!, at: january) == "America/St_Johns (UTC-03:30)")
        #expect(DisplayDate.date(wallClock: "2026-07-01T14:00", in: berlin) == july)
        #expect(DisplayDate.date(wallClock: "2026-02-31T10:00", in: berlin) == nil)
        #expect(DisplayDate.date(wallClock: "2026-13-01T10:00", in: berlin) == nil)
        #expect(DisplayDate.date(wallClock: "tomorrow", in: berlin) == nil)
    }
}
