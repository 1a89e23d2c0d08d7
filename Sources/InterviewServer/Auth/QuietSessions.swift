import Vapor

/// The database sessions, minus the write Vapor makes after every request: a session whose data did
/// not change is not written back. Without this, each click in the live console would commit twice
/// (its event, and the unchanged session row), and every page view would be a write.
struct QuietSessions: Vapor.SessionDriver {
    private struct LoadedKey: StorageKey { typealias Value = SessionData }

    let base: any Vapor.SessionDriver

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[LoadedKey.self] = data }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[LoadedKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
