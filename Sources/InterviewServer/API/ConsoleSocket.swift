import Fluent
import Vapor

/// The console's socket (`GET …/console/socket`, upgraded to a WebSocket): the actions of
/// `POST …/console/actions`, one message each, each answered with `{"status": …, "body": …}` carrying
/// what the HTTP route would have answered.
///
/// Why a socket: an interviewer's console sends an action every few seconds for an hour. Over HTTP each
/// one pays for parsing a request, the cookie, the session, the middleware chain and a response head,
/// which were most of a rating's cost on the server (README, "Performance"). The browser falls back to
/// HTTP whenever the socket is not open, and its offline queue works the same over either.
enum ConsoleSocket {
    /// Checks everything a post would check before upgrading, so a refusal is a plain HTTP answer.
    @Sendable static func open(req: Request) async throws -> Response {
        // A page on another site can open a socket that carries our cookie: the upgrade is a GET, which
        // the CSRF middleware lets through. Browsers always say which page opens a socket (`Origin`), and
        // a page cannot change it, so only our own pages get one. (Not the CSRF token in the URL: URLs
        // end up in logs.)
        guard isOwnPage(req) else { throw Abort(.forbidden, reason: "The console's socket opens only from this site's pages.") }
        let user = try req.user
        let cache = req.application.scorecardCache
        // 404 for an interview the user may not see, 403 for one they may see but do not score.
        let seat = try await ScorecardService.seat(req.parameters.get("id"), for: user, cache: cache, on: req.db)
        guard let sessionID = req.session.id?.string else { throw Abort(.unauthorized) }
        // Vapor answers any GET here with 101; a request that is not a WebSocket handshake would then
        // wait forever for frames that never come. Say what is needed instead.
        guard isHandshake(req) else {
            throw Abort(.upgradeRequired, headers: ["Upgrade": "websocket", "Connection": "Upgrade"],
                        reason: "This address is the console's WebSocket: open it as one.")
        }
        return req.webSocket(maxFrameSize: 1_048_576) { req, socket in
            let connection = ConsoleSocketConnection(req: req, socket: socket, sessionID: sessionID, interviewID: seat.interviewID)
            req.application.openConsoleSockets.add(connection)
            connection.listen()
        }
    }
}

extension ConsoleSocket {
    /// `Upgrade: websocket`, `Connection: upgrade` and a `Sec-WebSocket-Key`: what every browser sends.
    static func isHandshake(_ req: Request) -> Bool {
        let upgrade = req.headers[.upgrade].contains { $0.lowercased().contains("websocket") }
        let connection = req.headers[.connection].contains { $0.lowercased().contains("upgrade") }
        return upgrade && connection && req.headers.first(name: "Sec-WebSocket-Key") != nil
    }

    /// Whether the upgrade's `Origin` is this site: the host the request was sent to, or the public URL
    /// the server was configured with (behind a proxy that rewrites `Host`).
    static func isOwnPage(_ req: Request) -> Bool {
        guard let origin = req.headers.first(name: .origin).flatMap(URLComponents.init(string:)),
              let scheme = origin.scheme, let host = origin.host, !host.isEmpty else { return false }
        let originHost = (origin.port.map { "\(host):\($0)" } ?? host).lowercased()
        if let requestHost = req.headers.first(name: .host), requestHost.lowercased() == originHost { return true }
        guard let site = URLComponents(string: req.application.serverSettings.publicURL), let siteHost = site.host else { return false }
        let siteOrigin = "\(site.scheme ?? "http")://\(site.port.map { "\(siteHost):\($0)" } ?? siteHost)"
        return "\(scheme)://\(originHost)" == siteOrigin.lowercased()
    }
}

/// One open console socket. Everything runs on the socket's event loop, which is what makes the
/// unchecked Sendable true.
final class ConsoleSocketConnection: @unchecked Sendable {
    private let req: Request
    let socket: WebSocket
    private let sessionID: String
    private let interviewID: UUID
    /// The previous message's answer: messages are answered one at a time, in the order they came.
    private var tail: EventLoopFuture<Void>
    /// Messages received and not yet answered. The console sends one at a time; a client that keeps
    /// sending without waiting would queue without bound (each message up to a megabyte), so past
    /// `maxWaiting` the socket is closed.
    private var waiting = 0
    static let maxWaiting = 16
    /// The server is stopping (`stop`): no new message is taken.
    private var stopped = false

    init(req: Request, socket: WebSocket, sessionID: String, interviewID: UUID) {
        self.req = req
        self.socket = socket
        self.sessionID = sessionID
        self.interviewID = interviewID
        tail = socket.eventLoop.makeSucceededVoidFuture()
    }

    func listen() {
        // A peer that stops answering pings (a laptop closed mid-interview) is closed after a minute. The
        // pings also keep a quiet interview's socket inside the server's connection idle timeout (half of
        // it when that is under a minute), which would otherwise close it while the candidate talks.
        let idle = req.application.serverSettings.connectionIdleTimeout
        socket.pingInterval = .milliseconds(Int64(min(30, max(idle / 2, 0.5)) * 1000))
        socket.onText { _, message in self.receive(message) }
        socket.onBinary { socket, _ in _ = socket.close(code: .unacceptableData) }
        // The socket keeps its callbacks, and the text callback keeps this connection (and its request):
        // let go of it once closed.
        socket.onClose.whenComplete { _ in self.socket.onText { _, _ in } }
    }

    private func receive(_ message: String) {
        guard !stopped else { return }
        waiting += 1
        guard waiting <= Self.maxWaiting else {
            _ = socket.close(code: .policyViolation)
            return
        }
        tail = tail.flatMap { self.answer(message) }.always { _ in self.waiting -= 1 }
    }

    /// For the server stopping: closes the socket, takes no new message, and completes once the ones
    /// already taken are done.
    func stop() -> EventLoopFuture<Void> {
        socket.eventLoop.flatSubmit {
            self.stopped = true
            return self.socket.close(code: .goingAway).recover { _ in }.flatMap { self.tail }
        }
    }

    private func answer(_ message: String) -> EventLoopFuture<Void> {
        let eventLoop = socket.eventLoop
        // Closed (by the browser, or for flooding): no one to answer. The browser sends what it had not
        // seen answered again, over HTTP, with the same client ids.
        guard !socket.isClosed else { return eventLoop.makeSucceededVoidFuture() }
        return signedInUser().flatMap { user -> EventLoopFuture<ActionAnswer> in
            // Logged out, or deactivated, since the socket opened: the same 401 the HTTP route would give.
            guard let user else { return eventLoop.makeFailedFuture(Abort(.unauthorized)) }
            let action: ConsoleAction
            do { action = try ConsoleAction.decode(message: message) } catch { return eventLoop.makeFailedFuture(error) }
            let req = self.req
            return ConsoleActing.act(action, interviewID: self.interviewID, user: user, cache: req.application.scorecardCache,
                                     language: req.language, zone: DisplayZone.preferred(by: req), on: eventLoop, db: { req.db })
        }.recover { error in
            // The error's type only, like `QuietErrors`: its description can quote what was sent.
            if !(error is any AbortError) { self.req.logger.error("console socket action failed: \(String(reflecting: type(of: error)))") }
            return ActionAnswer(error: error, language: self.req.language)
        }.map { answer in
            self.socket.send(answer.message(allocator: ByteBufferAllocator()), opcode: .text)
            if answer.status == .unauthorized { _ = self.socket.close(code: .policyViolation) }
        }
    }

    /// The socket's session, read again for every message: logging out or being deactivated stops the
    /// socket at its next message, as it stops the HTTP routes at their next request.
    private func signedInUser() -> EventLoopFuture<User?> {
        let caches = req.application.singleWriterCaches
        if let data = caches.session(sessionID) { return user(in: data) }
        return req.application.sessions.driver.readSession(SessionID(string: sessionID), for: req).flatMap { data in
            guard let data else { return self.socket.eventLoop.makeSucceededFuture(nil) }
            return self.user(in: data)
        }
    }

    private func user(in data: SessionData) -> EventLoopFuture<User?> {
        let eventLoop = socket.eventLoop
        guard let id = Session(data: data).authenticated(User.self) else { return eventLoop.makeSucceededFuture(nil) }
        let caches = req.application.singleWriterCaches
        let policy = req.application.sessionPolicy, clock = req.application.sessionClock
        // The socket does not write the session back, so a console open for longer than the idle
        // timeout is signed out like a tab left alone: an open socket is not yet proof of presence.
        let admitted = { (user: User) -> User? in
            guard user.isActive, case .valid = policy.verdict(for: data, user: user, now: clock()) else { return nil }
            return user
        }
        if let user = caches.user(id) { return eventLoop.makeSucceededFuture(admitted(user)) }
        return User.find(id, on: req.db).map { user in
            guard let user else { return nil }
            caches.store(user: user)
            return admitted(user)
        }
    }
}
