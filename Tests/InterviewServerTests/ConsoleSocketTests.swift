import Fluent
import Foundation
@testable import InterviewServer
import NIOCore
import Testing
import Vapor
import VaporTesting

/// The console's socket: the same actions as the HTTP route, answered the same way, refused to the
/// same people — on a real server, with a real WebSocket client.
// Each time limit catches a hang only (a socket that never answers); every server test's wall time is
// the whole parallel suite's, so they are generous.
@Suite struct ConsoleSocketTests {
    @Test(.timeLimit(.minutes(10))) func socketActionsAreStoredAndAnsweredLikePosts() async throws {
        try await withRunningApp { app, port in
            // setup: an interviewer at the first question, signed in, with the console's socket open
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let before = try await ivan.walkToFirstQuestion(fixture)
            #expect(before.question?.id == "op1")
            let socket = try await TestSocket.open(fixture, ivan, port: port)
            // act: a rating, its retry, a malformed action and an action the engine refuses
            let rated = try await socket.send(["clientID": "ivan-socket-1", "type": "rate", "topic": "3.1", "question": "op1", "rating": 3])
            let retried = try await socket.send(["clientID": "ivan-socket-1", "type": "rate", "topic": "3.1", "question": "op1", "rating": 3])
            let malformed = try await socket.send(["type": "rate"])
            let refused = try await socket.send(["clientID": "ivan-socket-2", "type": "note", "text": ""])
            try await socket.close()
            // verify: the rating was applied once, stored, and is what the HTTP console now shows
            #expect(rated.status == 200 && rated.answer?.duplicate == false)
            #expect((rated.answer?.view.eventCount ?? 0) > before.eventCount)
            #expect(rated.answer?.view.question?.id != "op1")
            #expect(retried.status == 200 && retried.answer?.duplicate == true)
            #expect(retried.answer?.view.eventCount == rated.answer?.view.eventCount)
            #expect(malformed.status == 400 && malformed.reason != nil)
            #expect(refused.status == 422 && refused.answer?.code == "invalid")
            let stored = try await ScorecardEvent.query(on: app.db).filter(\.$clientID == "ivan-socket-1").all()
            #expect(stored.count == 1)
            #expect(stored.first?.event.contains("\"rating\":3") == true)
            let shown = try await ivan.get(fixture.api)
            let view = try JSONDecoder().decode(ConsoleAnswer.View.self, from: Data(buffer: shown.body))
            #expect(view.eventCount == rated.answer?.view.eventCount)
        }
    }

    @Test(.timeLimit(.minutes(10))) func socketIsOpenedOnlyFromOurPagesForTheInterviewsOwnInterviewers() async throws {
        try await withApp { app in
            // setup: an interviewer and a colleague on the same position who is not on the panel
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"], alsoOnPosition: ["olga@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let olga = try await fixture.browser("olga@example.com")
            let stranger = TestBrowser(app)
            let ownPage: HTTPHeaders = ["Origin": "http://127.0.0.1:8080", "Host": "127.0.0.1:8080"]
            // act: ask to open the socket in each way
            let noOrigin = try await ivan.get(fixture.api + "/socket")
            let otherSite = try await ivan.get(fixture.api + "/socket", headers: ["Origin": "https://evil.example", "Host": "127.0.0.1:8080"])
            let lookalike = try await ivan.get(fixture.api + "/socket", headers: ["Origin": "http://127.0.0.1:8081", "Host": "127.0.0.1:8080"])
            let notOnPanel = try await olga.get(fixture.api + "/socket", headers: ownPage)
            let signedOut = try await stranger.get(fixture.api + "/socket", headers: ownPage)
            // verify: refused before any upgrade, as the HTTP route refuses a post
            #expect(noOrigin.status == .forbidden)
            #expect(otherSite.status == .forbidden)
            #expect(lookalike.status == .forbidden)
            #expect(notOnPanel.status == .forbidden)
            #expect(signedOut.status == .unauthorized)
            // and the public URL counts as our own page when a proxy rewrites Host
            #expect(ConsoleSocket.isOwnPage(Request(application: app, headers: ["Origin": "http://127.0.0.1:8080", "Host": "backend:9000"], on: app.eventLoopGroup.next())))
            #expect(!ConsoleSocket.isOwnPage(Request(application: app, headers: ["Origin": "null", "Host": "127.0.0.1:8080"], on: app.eventLoopGroup.next())))
        }
    }

    @Test(.timeLimit(.minutes(10))) func loggingOutStopsAnOpenSocket() async throws {
        try await withRunningApp { app, port in
            // setup: an open socket
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            let socket = try await TestSocket.open(fixture, ivan, port: port)
            // act: log out over HTTP, then rate on the socket
            let logout = try await ivan.send(.DELETE, "/api/v1/session", body: ByteBuffer(), contentType: .json)
            let after = try await socket.send(["clientID": "ivan-after-logout", "type": "rate", "topic": "3.1", "question": "op1", "rating": 4])
            // verify: refused as the HTTP route would refuse it, the socket closed, nothing stored
            #expect(logout.status == .noContent)
            #expect(after.status == 401)
            #expect(try await socket.closedByServer())
            let events = try await ScorecardEvent.query(on: app.db).all()
            #expect(!events.contains { $0.clientID == "ivan-after-logout" })
        }
    }
}

@Suite struct ConsoleSocketFloodTests {
    @Test(.timeLimit(.minutes(10))) func aClientThatSendsWithoutWaitingIsCutOff() async throws {
        try await withRunningApp { app, port in
            // setup: an open socket
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            let socket = try await TestSocket.open(fixture, ivan, port: port)
            // act: 300 notes sent as fast as they go, none waiting for its answer
            var sent = 0
            do {
                for n in 0..<300 {
                    try await socket.sendOnly(["clientID": "flood-note-\(n)", "type": "note", "text": "note \(n)"])
                    sent += 1
                }
            } catch {
                // The server closed the socket while these were still going out.
            }
            let answered = try await socket.answersUntilClosed()
            // verify: the server closed the socket instead of queueing them all, and still serves the console
            #expect(answered < 300)
            #expect(answered <= sent)
            #expect(try await ivan.get(fixture.api).status == .ok)
        }
    }
}

@Suite struct ConsoleSocketShutdownTests {
    @Test(.timeLimit(.minutes(10))) func stoppingTheServerClosesOpenSocketsFirst() async throws {
        try await withRunningApp { app, port in
            // setup: a console socket left open
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let socket = try await TestSocket.open(fixture, ivan, port: port)
            // The server registers the socket just after its 101 has gone out: wait for it.
            for _ in 0..<200 where app.openConsoleSockets.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(app.openConsoleSockets.count == 1)
            // act: what the application's shutdown does before it waits for connections, then that wait
            await app.openConsoleSockets.closeAll()
            let started = ContinuousClock.now
            await app.server.shutdown()
            // verify: the socket was closed by the server, and the server stopped without waiting out
            // its 10 s for the socket
            #expect(try await socket.closedByServer())
            // The server forgets the socket when its side of the close completes, which can come a moment
            // after the client has seen the close frame: wait for it rather than race it.
            for _ in 0..<200 where app.openConsoleSockets.count > 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(app.openConsoleSockets.count == 0)
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }
}

/// Runs `test` with the application also listening on a free local port, for clients that need a
/// real connection (WebSockets).
func withRunningApp(_ test: @escaping (Application, Int) async throws -> Void) async throws {
    try await withApp { app in
        app.http.server.configuration.port = 0
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            try await test(app, port)
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()   // a no-op when the test already stopped it
    }
}

/// The console's socket, opened as the browser opens it (its cookie, its page's origin), with the
/// answers read in order.
final class TestSocket: @unchecked Sendable {
    struct Answer {
        var status: Int
        var reason: String?
        var answer: ConsoleAnswer?
    }

    private let socket: WebSocket
    private var answers: AsyncStream<String>.Iterator

    private init(socket: WebSocket, answers: AsyncStream<String>) {
        self.socket = socket
        self.answers = answers.makeAsyncIterator()
    }

    static func open(_ fixture: ConsoleFixture, _ browser: TestBrowser, port: Int) async throws -> TestSocket {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "interviewflow-session=\(browser.cookie ?? "")")
        // WebSocketKit sends `Host: 127.0.0.1` without the port; the origin names the same host.
        headers.add(name: .origin, value: "http://127.0.0.1")
        let url = "ws://127.0.0.1:\(port)\(fixture.api)/socket"
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let opened = fixture.app.eventLoopGroup.next().makePromise(of: WebSocket.self)
        WebSocket.connect(to: url, headers: headers, on: fixture.app.eventLoopGroup) { socket in
            socket.onText { _, text in continuation.yield(text) }
            socket.onClose.whenComplete { _ in continuation.finish() }
            opened.succeed(socket)
        }.whenFailure { opened.fail($0) }
        return TestSocket(socket: try await opened.futureResult.get(), answers: stream)
    }

    /// Sends one action and waits for its answer.
    func send(_ action: [String: Any]) async throws -> Answer {
        let data = try JSONSerialization.data(withJSONObject: action)
        try await socket.send(String(decoding: data, as: UTF8.self))
        let text = try #require(await answers.next(), "the socket closed without an answer")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let body = object["body"] as? [String: Any]
        let answer = try? JSONDecoder().decode(ConsoleAnswer.self, from: JSONSerialization.data(withJSONObject: body ?? [:]))
        return Answer(status: try #require(object["status"] as? Int), reason: body?["reason"] as? String, answer: answer)
    }

    /// Sends one action without waiting for its answer.
    func sendOnly(_ action: [String: Any]) async throws {
        let data = try JSONSerialization.data(withJSONObject: action)
        try await socket.send(String(decoding: data, as: UTF8.self))
    }

    /// Reads answers until the server closes the socket; how many came.
    func answersUntilClosed() async throws -> Int {
        var count = 0
        while await answers.next() != nil { count += 1 }
        return count
    }

    /// Whether the server closes the socket (within the test's time limit).
    func closedByServer() async throws -> Bool {
        while await answers.next() != nil {}
        return true
    }

    func close() async throws { try await socket.close() }
}
