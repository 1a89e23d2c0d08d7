import Fluent
import Vapor

/// The sessions table keeps a digest of each session's id, never the id itself: the id is the cookie
/// that signs someone in, and whoever reads a copy of the database (a backup, a dump, a replica) must
/// not be able to sign in as everyone whose session is open. Same rows and table as Fluent's own
/// driver (the sweeper and the schema check read them unchanged); only the `key` column holds the
/// digest. A SHA-256 without salt is enough here: the id is 256 random bits, not a password.
struct HashedSessions: Vapor.SessionDriver {
    static func digest(_ id: String) -> String { "sha256:" + SHA256.hash(data: Data(id.utf8)).hex }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = Self.freshID()
        return SessionRecord(key: SessionID(string: Self.digest(id)), data: data)
            .create(on: request.db)
            .map { SessionID(string: id) }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        SessionRecord.query(on: request.db).filter(\.$key == stored(sessionID)).first().map { $0?.data }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        SessionRecord.query(on: request.db).filter(\.$key == stored(sessionID))
            .set(\.$data, to: data).update().map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRecord.query(on: request.db).filter(\.$key == stored(sessionID)).delete()
    }

    private func stored(_ id: SessionID) -> SessionID { SessionID(string: Self.digest(id.string)) }

    /// 32 bytes from the system's random generator, as Fluent's own driver makes them.
    private static func freshID() -> String { Data([UInt8].random(count: 32)).base64EncodedString() }
}
