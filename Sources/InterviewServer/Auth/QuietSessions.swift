import Vapor

/// The database sessions, minus the write Vapor makes after every request: a session whose data did
/// not change is not written back. Without this, each click in the live console would commit twice
/// (its event, and the unchanged session row), and every page view would be a write. On a
/// single-writer server the sessions are also read from memory (`SingleWriterCaches`).
struct QuietSessions: Vapor.SessionDriver {
    private struct LoadedKey: StorageKey { typealias Value = SessionData }

    let base: any Vapor.SessionDriver
    let caches: SingleWriterCaches

    /// The id answered for a session not stored; the cookie factory turns it into an expired cookie.
    static let unstored = SessionID(string: "")

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        // Vapor starts an empty session for a cookie it does not know (a stale or a made-up one) and
        // stores it after the response: a stranger's every request with an invented cookie wrote a row
        // (a security probe: 20,000 rows in 86 s). A session that signs nobody in is not stored, and the
        // browser's cookie is cleared instead.
        guard data["_\(User.self)Session"] != nil else { return request.eventLoop.makeSucceededFuture(Self.unstored) }
        return base.createSession(data, for: request).map { id in
            caches.store(session: data, for: id.string)
            return id
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        if let data = caches.session(sessionID.string) {
            request.storage[LoadedKey.self] = data
            return request.eventLoop.makeSucceededFuture(data)
        }
        return base.readSession(sessionID, for: request).map { data in
            if let data {
                request.storage[LoadedKey.self] = data
                caches.store(session: data, for: sessionID.string)
            }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[LoadedKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        caches.forget(session: sessionID.string)
        return base.updateSession(sessionID, to: data, for: request).map { id in
            caches.store(session: data, for: id.string)
            return id
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        caches.forget(session: sessionID.string)
        return base.deleteSession(sessionID, for: request)
    }
}
