import Crypto
import Flowchart
import Foundation
import InterviewCore
@testable import InterviewServer
import Logging
import Testing
import Vapor
import VaporTesting

/// Issue 13: the headers every answer carries, redirects that stay on the site, bodies limited before
/// they are read for callers who are not signed in, text limits in bytes, and logs without queries.
@Suite("HTTP hardening")
struct HTTPHardeningTests {
    @Test func everyAnswerCarriesAStrictContentSecurityPolicy() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("root@example.com")
            // act
            var answers: [(String, TestingHTTPResponse)] = []
            for path in ["/login", "/positions", "/guides", "/users", "/audit", "/account", "/nowhere", "/api/v1/positions",
                         "/api/v1/nowhere", "/style.css", "/console.js"] {
                answers.append((path, try await browser.get(path)))
            }
            // verify
            for (path, answer) in answers {
                let csp = answer.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'self'"), "\(path)")
                #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(answer.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(answer.headers.first(name: "Referrer-Policy") != nil, "\(path)")
            }
        }
    }

    @Test func theOnlyInlineStylesAllowedAreTheDrawingsAndTheReportsByHash() throws {
        // setup
        let policy = SecurityHeaders.contentSecurityPolicy
        let svg = SVGRenderer.render(FlowchartParser.parse("st=>start: A\ne=>end: B\nst->e").graph,
                                     layout: FlowchartLayout.layout(FlowchartParser.parse("st=>start: A\ne=>end: B\nst->e").graph))
        // act
        let inside = try #require(svg.range(of: "<style>")).upperBound
        let end = try #require(svg.range(of: "</style>")).lowerBound
        let hash = Data(SHA256.hash(data: Data(svg[inside..<end].utf8))).base64EncodedString()
        // verify: the drawing's stylesheet as drawn is the one the policy allows
        #expect(policy.contains("'sha256-\(hash)'"))
    }

    @Test func theLanguageSwitchRedirectsOnlyWithinTheSite() async throws {
        try await withApp { app in
            let attempts = ["//evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example", "/%09/evil.example",
                            "javascript:alert(1)", " //evil.example", "/\t/evil.example", "//%5Cevil.example", "/\u{0}//evil"]
            for back in attempts {
                // act
                let query = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let answer = try await TestBrowser(app).get("/language?to=zh&back=\(query)")
                // verify
                let location = answer.headers.first(name: .location) ?? ""
                let resolved = URL(string: location, relativeTo: URL(string: "http://127.0.0.1:8080/")!)?.absoluteURL
                #expect(SafeRedirect.isLocalPath(location), "back=\(back) went to \(location)")
                #expect(resolved?.host == "127.0.0.1", "back=\(back) went to \(location)")
            }
            let fine = try await TestBrowser(app).get("/language?to=zh&back=%2Fpositions%3Fq%3Dx")
            #expect(fine.headers.first(name: .location) == "/positions?q=x")
        }
    }

    @Test func strangersCannotSendLargeBodies() async throws {
        try await withApp { app in
            // setup
            let big = String(repeating: "a", count: 200_000)
            let browser = TestBrowser(app)
            try await browser.get("/login")
            // act
            let login = try await browser.post("/login", ["email": "x@example.com", "password": big])
            let api = try await browser.send(.POST, "/api/v1/session", body: ByteBuffer(string: #"{"email":"\#(big)"}"#), contentType: .json)
            // verify
            #expect(login.status == .payloadTooLarge)
            #expect(api.status == .payloadTooLarge)
        }
    }

    @Test func aFormOverTheBodyLimitSaysWhatIsAllowed() async throws {
        try await withApp { app in
            // setup: the in-memory tester hands the whole body over, so the limit's 413 is thrown by a route
            try await TestData.user(app, "root@example.com", role: .admin)
            app.post("too-large") { _ -> String in throw Abort(.payloadTooLarge) }
            let browser = TestBrowser(app)
            _ = try await browser.logIn("root@example.com")
            try await browser.get("/guides")
            // act
            let answer = try await browser.post("/too-large", ["file": "x"])
            // verify: the page names the limits, not "the request could not be read"
            #expect(answer.status == .payloadTooLarge)
            #expect(answer.body.string.contains(Text.pageTooLarge.in(.en)))
        }
    }

    @Test func signedInPeopleStillSendResumesAndGuides() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("root@example.com")
            try await browser.get("/api/v1/session")
            let guide = "# Big guide\n\n" + String(repeating: "Some guidance text that goes on.\n", count: 4000)
            // act
            let body = try JSONSerialization.data(withJSONObject: ["slug": "big-guide", "markdown": guide])
            let upload = try await browser.send(.POST, "/api/v1/guides", body: ByteBuffer(data: body), contentType: .json)
            // verify
            #expect(upload.status == .created)
        }
    }

    @Test func textLimitsCountBytesAsWellAsCharacters() {
        // setup
        let stacked = "e" + String(repeating: "\u{0301}", count: 10_000)   // one character, 20 kB
        let chinese = String(repeating: "职", count: 200)                   // 200 characters, 600 bytes
        var errors = FieldErrors()
        // act
        _ = errors.require(stacked, "title")
        _ = errors.require(chinese, "name")
        // verify
        #expect(stacked.count == 1)
        #expect(errors["title"] == .errTooLong)
        #expect(errors["name"] == nil)
    }

    @Test func failedRequestsAreLoggedWithoutTheirQuery() async throws {
        try await withApp { app in
            // setup
            let recorder = LogRecorder()
            app.logger = Logger(label: "test") { _ in recorder }
            app.logger.logLevel = .trace
            try await TestData.user(app, "root@example.com", role: .admin)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("root@example.com", password: "SECRETPASSWORD-1")
            _ = try await browser.logIn("root@example.com")
            // act
            try await browser.get("/candidates?q=SECRETNAME123")
            try await browser.get("/positions/not-a-uuid?q=SECRETNAME123")
            try await browser.get("/api/v1/candidates/not-a-uuid?q=SECRETNAME123")
            try await browser.get("/nowhere?token=SECRETTOKEN")
            // verify
            let log = recorder.lines.joined(separator: "\n")
            #expect(log.contains("/nowhere"))
            #expect(!log.contains("SECRETNAME123"))
            #expect(!log.contains("SECRETTOKEN"))
            #expect(!log.contains("SECRETPASSWORD"))
        }
    }

    @Test func aFolderLinkingToADatabaseInUseIsRefusedToo() async throws {
        // setup: a server on one folder; another folder whose database is a symbolic link to the first's,
        // and a third that is itself a link to the first folder
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        let alias = directory.appendingPathComponent("alias"), linked = directory.appendingPathComponent("linked")
        let real = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: alias, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = real.appendingPathComponent("interviewflow.sqlite").path
        // act
        var refusals: [Bool] = []
        try await withFileApp(path) { _ in
            try FileManager.default.createSymbolicLink(atPath: alias.appendingPathComponent("interviewflow.sqlite").path, withDestinationPath: path)
            try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: real.path)
            for other in [alias, linked] {
                do { try await withFileApp(other.appendingPathComponent("interviewflow.sqlite").path) { _ in }; refusals.append(false) }
                catch { refusals.append(error is DataFolderLock.InUse) }
            }
        }
        // verify: both refused, as a second server on the folder itself is
        #expect(refusals == [true, true])
    }

    /// A folder whose database is a link to a file not made yet: the lock goes beside the file it will be
    /// (realpath fails on such a link, and the lock went beside the link).
    @Test func aLinkToADatabaseNotYetMadeLocksTheFileItWillBe() async throws {
        // setup
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        let alias = directory.appendingPathComponent("alias"), real = directory.appendingPathComponent("data")
        for dir in [alias, real] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = real.appendingPathComponent("interviewflow.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: alias.appendingPathComponent("interviewflow.sqlite").path, withDestinationPath: target)
        // act / verify
        #expect(DataFolderLock.resolved(alias.appendingPathComponent("interviewflow.sqlite").path) == DataFolderLock.resolved(target))
        var refused = false
        try await withFileApp(alias.appendingPathComponent("interviewflow.sqlite").path) { _ in
            do { try await withFileApp(target) { _ in } } catch { refused = error is DataFolderLock.InUse }
        }
        #expect(refused)
    }

    @Test func aSecondServerOnTheSameDataFolderRefusesToStart() async throws {
        // setup
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("interviewflow.sqlite").path
        // act
        var refusal: (any Error)?
        try await withFileApp(path) { _ in
            do { try await withFileApp(path) { _ in } } catch { refusal = error }
        }
        var reopened = false
        try await withFileApp(path) { _ in reopened = true }
        // verify
        #expect(refusal is DataFolderLock.InUse)
        #expect("\(refusal.map { "\($0)" } ?? "")".contains("in use by another InterviewFlow server"))
        #expect(reopened)
    }

    /// Found by schemathesis: a plain GET of the socket's address was answered 101 and then nothing.
    @Test func theConsoleSocketAddressAnswers426ToAPlainGet() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let answer = try await ivan.get(fixture.api + "/socket", headers: ["Origin": "http://127.0.0.1:8080", "Host": "127.0.0.1:8080"])
            // verify
            #expect(answer.status == .upgradeRequired)
            #expect(answer.headers.first(name: .upgrade) == "websocket")
        }
    }

    /// Found by schemathesis: page 9223372036854775807 of the audit trail overflowed and crashed the server.
    @Test func anAbsurdAuditPageIsAnEmptyPage() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            // act
            let candidates = try await admin.get("/api/v1/audit?page=9223372036854775807")
            let security = try await admin.get("/api/v1/audit/security?page=184467440737095517&per=500")
            let page = try await admin.get("/audit?page=9223372036854775807")
            // verify
            #expect(candidates.status == .ok && security.status == .ok && page.status == .ok)
            #expect(security.body.string.contains("\"entries\":[]"))
        }
    }
}
