import Vapor

/// The database sessions, minus the write Vapor makes after every request: a session whose data did
/// not change is not written back. Without this, each click in the live console would commit twice
/// (its event, and the unchanged session row), and every page view would be a write. On a
/// single-writer server the sessions are also read from memory (`SingleWriterCaches`).
struct QuietSessions: Vapor.SessionDriver {
    private struct LoadedKey: StorageKey { typealias Value = SessionData }

    let base: any Vapor.SessionDriver
    let caches: SingleWriterCaches

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request).map { id in
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
