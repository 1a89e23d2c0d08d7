import Fluent
import Synchronization
import Vapor

/// What a single-writer server (SQLite) keeps in memory instead of reading it for every request: the
/// session data by cookie and the signed-in users. Every change goes through this process, and the
/// places that change them keep these copies right: `QuietSessions` for sessions, a model middleware
/// for users. With PostgreSQL (several instances) this is off and every request reads the database.
final class SingleWriterCaches: Sendable {
    /// A bound on memory: past it the cache starts again empty, which only costs reads.
    static let limit = 50_000

    let enabled: Bool
    private let sessions = Mutex<[String: SessionData]>([:])
    private let users = Mutex<[UUID: User]>([:])

    init(enabled: Bool) { self.enabled = enabled }

    func session(_ id: String) -> SessionData? {
        enabled ? sessions.withLock { $0[id] } : nil
    }

    func store(session data: SessionData, for id: String) {
        guard enabled else { return }
        sessions.withLock {
            if $0.count >= Self.limit { $0.removeAll() }
            $0[id] = data
        }
    }

    func forget(session id: String) { sessions.withLock { _ = $0.removeValue(forKey: id) } }

    func user(_ id: UUID) -> User? { enabled ? users.withLock { $0[id] } : nil }

    func store(user: User) {
        guard enabled, let id = user.id else { return }
        users.withLock {
            if $0.count >= Self.limit { $0.removeAll() }
            $0[id] = user
        }
    }

    func forget(user id: UUID?) {
        guard let id else { return }
        users.withLock { _ = $0.removeValue(forKey: id) }
    }
}

extension Application {
    private struct CachesKey: StorageKey { typealias Value = SingleWriterCaches }

    var singleWriterCaches: SingleWriterCaches {
        get { storage[CachesKey.self] ?? SingleWriterCaches(enabled: false) }
        set { storage[CachesKey.self] = newValue }
    }
}

/// Signs the session's user in, from memory when the server is the single writer, if the session is
/// still valid (`SessionPolicy`): an expired or revoked session is destroyed instead.
struct CachedUserSessionAuthenticator: SessionAuthenticator {
    typealias User = InterviewServer.User

    func authenticate(sessionID: UUID, for request: Request) -> EventLoopFuture<Void> {
        let caches = request.application.singleWriterCaches
        if let user = caches.user(sessionID) {
            Self.admit(user, request)
            return request.eventLoop.makeSucceededVoidFuture()
        }
        return User.find(sessionID, on: request.db).map { user in
            guard let user else { return }
            caches.store(user: user)
            Self.admit(user, request)
        }
    }

    /// A deactivated account's sessions sign nobody in: deactivation takes effect on the next request.
    private static func admit(_ user: User, _ request: Request) {
        guard user.isActive else { return }
        let now = request.application.sessionClock()
        switch request.application.sessionPolicy.verdict(for: request.session.data, user: user, now: now) {
        case .valid(let touch):
            if touch { SessionPolicy.touch(request.session, now: now) }
            request.auth.login(user)
        case .expired, .revoked:
            request.session.destroy()
        }
    }
}

/// Drops a user's cached copy whenever the user row is written or deleted, whoever does it.
struct UserCacheInvalidation: AsyncModelMiddleware {
    let caches: SingleWriterCaches

    func update(model: User, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        caches.forget(user: model.id)
        try await next.update(model, on: db)
        caches.forget(user: model.id)
    }

    func delete(model: User, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        caches.forget(user: model.id)
        try await next.delete(model, force: force, on: db)
    }
}
