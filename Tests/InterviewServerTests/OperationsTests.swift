import Foundation
@testable import InterviewServer
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLiteNIO
import Testing
import Vapor
import VaporTesting

/// Issue 17: `/metrics` for the addresses allowed only, the counters the server adds, the answers a
/// request gets when the database is unreachable or the disk is full, and JSON log lines.
@Suite("Operations: metrics, storage trouble, JSON logs")
struct OperationsTests {
    private func metricsRequest(_ app: Application, from peer: String, forwarded: String? = nil) throws -> Request {
        var headers = HTTPHeaders()
        if let forwarded { headers.add(name: "X-Forwarded-For", value: forwarded) }
        return Request(application: app, method: .GET, url: "/metrics", headers: headers,
                       remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.any())
    }

    /// The value of one sample line of the exposition (`name{labels} value`), 0 when absent.
    private func sample(_ exposition: String, _ series: String) -> Double {
        for line in exposition.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1)) ?? .nan
        }
        return 0
    }

    @Test func metricsAreServedToAllowedAddressesOnly() async throws {
        try await withApp { app in
            // setup
            app.serverSettings.trustedProxies = [AddressRange("127.0.0.1")!]
            // act
            let loopback = try MetricsEndpoint.answer(try metricsRequest(app, from: "127.0.0.1"))
            let stranger = #expect(throws: Abort.self) { try MetricsEndpoint.answer(try metricsRequest(app, from: "198.51.100.7")) }
            // Through a proxy on the same machine the connection is loopback, the client is not.
            let forwarded = #expect(throws: Abort.self) {
                try MetricsEndpoint.answer(try metricsRequest(app, from: "127.0.0.1", forwarded: "203.0.113.9"))
            }
            app.serverSettings.metricsAllowed = [AddressRange("10.0.0.0/8")!]
            let scraper = try MetricsEndpoint.answer(try metricsRequest(app, from: "10.20.30.40"))
            let loopbackAfter = #expect(throws: Abort.self) { try MetricsEndpoint.answer(try metricsRequest(app, from: "127.0.0.1")) }
            // verify
            #expect(loopback.status == .ok && scraper.status == .ok)
            #expect(loopback.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            for refused in [stranger, forwarded, loopbackAfter] { #expect(refused?.status == .notFound) }
        }
    }

    @Test func requestsLoginFailuresAndScorecardCommitsAreCounted() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            func exposition() throws -> String {
                String(buffer: try MetricsEndpoint.answer(try metricsRequest(app, from: "127.0.0.1")).body.buffer!)
            }
            let before = try exposition()
            // act
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            _ = try await ivan.rate(fixture, "3.1", "op2", 4)
            _ = try await TestBrowser(app).logIn("nobody@example.com", password: "a guess of a password")
            _ = try await TestBrowser(app).logIn("ivan@example.com", password: "a wrong password here")
            let after = try exposition()
            // verify
            let writes = "interviewflow_scorecard_writes_total"
            #expect(sample(after, writes) - sample(before, writes) >= 2)
            #expect(sample(after, "interviewflow_scorecard_commit_seconds_count") > sample(before, "interviewflow_scorecard_commit_seconds_count"))
            for reason in ["unknown_account", "wrong_password"] {
                let series = "interviewflow_login_failures_total{reason=\"\(reason)\"}"
                #expect(sample(after, series) - sample(before, series) >= 1, "\(reason)")
            }
            let ratings = #"http_requests_total{method="POST",path="/api/v1/interviews/:id/console/actions",status="200"}"#
            #expect(sample(after, ratings) - sample(before, ratings) >= 2)
            #expect(after.contains("http_request_duration_seconds_bucket{"))
            // Route patterns only: no interview id, no email reaches the exposition.
            #expect(!after.contains(fixture.id.uuidString) && !after.contains("nobody@example.com"))
        }
    }

    @Test func anUnreachableDatabaseIs503WithRetryAfterAndAFullDisk507() async throws {
        try await withApp { app in
            // setup: routes that fail the way the drivers fail
            app.get("api", "v1", "test-outage") { _ -> String in throw IOError(errnoCode: ECONNREFUSED, reason: "connect") }
            app.get("api", "v1", "test-disk-full") { _ -> String in throw ScorecardLineError(code: 13, message: "database or disk is full") }
            app.get("test-disk-full") { _ -> String in throw ScorecardLineError(code: 13, message: "database or disk is full") }
            app.get("api", "v1", "test-bug") { _ -> String in throw ScorecardLineError(code: 19, message: "UNIQUE failed") }
            // act
            let outage = try await app.testing().sendRequest(.GET, "/api/v1/test-outage")
            let full = try await app.testing().sendRequest(.GET, "/api/v1/test-disk-full")
            let page = try await app.testing().sendRequest(.GET, "/test-disk-full", headers: ["Accept": "text/html"])
            let bug = try await app.testing().sendRequest(.GET, "/api/v1/test-bug")
            // verify
            #expect(outage.status == .serviceUnavailable && outage.headers.first(name: .retryAfter) == "5")
            #expect(outage.body.string.contains("The database is not answering; nothing was saved"))
            #expect(full.status == .insufficientStorage && full.headers.first(name: .retryAfter) == "5")
            #expect(full.body.string.contains("disk is full"))
            #expect(page.status == .insufficientStorage && page.headers.first(name: .retryAfter) == "5")
            #expect(page.body.string.contains("The server&#39;s disk is full") || page.body.string.contains("The server's disk is full"))
            #expect(bug.status == .internalServerError && !bug.body.string.contains("UNIQUE"))
        }
    }

    @Test func theConsoleSocketAnswersStorageTroubleLikeTheHTTPRoute() {
        // act
        let outage = ActionAnswer(error: IOError(errnoCode: ECONNRESET, reason: "read"))
        let full = ActionAnswer(error: ScorecardLineError(code: 13, message: "database or disk is full"))
        let other = ActionAnswer(error: ScorecardLineError(code: 19, message: "constraint"))
        // verify
        #expect(outage.status == .serviceUnavailable && full.status == .insufficientStorage && other.status == .internalServerError)
        #expect(String(decoding: full.body, as: UTF8.self).contains("disk is full"))
    }

    @Test func storageTroubleIsToldApartFromOtherErrors() {
        #expect(StorageTrouble(ConnectionPoolTimeoutError.connectionRequestTimeout) == .unavailable)
        #expect(StorageTrouble(ChannelError.ioOnClosedChannel) == .unavailable)
        #expect(StorageTrouble.sqliteReason(.ioErrorFailedWrite) == .unavailable && StorageTrouble.sqliteReason(.full) == .diskFull)
        #expect(StorageTrouble(ScorecardLineError(code: 13 | (1 << 8), message: "full (extended)")) == .diskFull)
        #expect(StorageTrouble(IOError(errnoCode: ENOENT, reason: "open")) == nil)
        #expect(StorageTrouble(Abort(.badRequest)) == nil)
        #expect(StorageTrouble.sqliteReason(.constraint) == nil && StorageTrouble.sqliteReason(.busy) == nil)
    }
}

@Suite("Address ranges for --metrics-allow")
struct AddressRangeTests {
    @Test func addressesAndBlocksOfBothFamilies() throws {
        let block = try #require(AddressRange("10.0.0.0/8"))
        let host = try #require(AddressRange("192.0.2.7"))
        let v6 = try #require(AddressRange("fd00::/8"))
        #expect(block.contains("10.255.1.2") && !block.contains("11.0.0.1"))
        #expect(host.contains("192.0.2.7") && !host.contains("192.0.2.8"))
        #expect(v6.contains("fd12:3456::1") && !v6.contains("fe80::1"))
        // An IPv4 client seen on a dual-stack socket.
        #expect(block.contains("::ffff:10.1.2.3"))
        #expect(!block.contains("unknown") && !v6.contains("10.0.0.1"))
        #expect(AddressRange("10.1.2.3/12")?.description == "10.0.0.0/12")
        #expect(AddressRange.loopback.contains { $0.contains("127.0.0.1") } && AddressRange.loopback.contains { $0.contains("::1") })
    }

    @Test func malformedRangesAreRefused() {
        for text in ["", "10.0.0.0/33", "::1/129", "10.0.0/8", "example.com", "10.0.0.1/-1", "10.0.0.1/"] {
            #expect(AddressRange(text) == nil, "\(text)")
        }
    }
}

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    @Test func everyLineIsOneJSONObjectWhateverTheMessageHolds() throws {
        // setup
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "codes.vapor.application") { label in
            JSONLogHandler(label: label, level: .info) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "42"
        // act
        logger.info("GET /healthz")
        logger.warning("a \"quoted\"\nsecond line\t\u{1}\u{2028} 王")
        logger.debug("not at this level")
        // verify
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 2)
        let objects = try written.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]) }
        #expect(written.allSatisfy { !$0.contains("\n") })
        #expect(objects[0]["message"] == "GET /healthz" && objects[0]["level"] == "info" && objects[0]["request-id"] == "42")
        #expect(objects[0]["logger"] == "codes.vapor.application")
        #expect(objects[1]["message"] == "a \"quoted\"\nsecond line\t\u{1}\u{2028} 王" && objects[1]["level"] == "warning")
        #expect(objects[0]["time"]?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
    }

    @Test func timestampsAreUTC() {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: 1_796_418_191.402)) == "2026-12-04T21:03:11.402Z")
    }
}
