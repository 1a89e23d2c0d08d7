import Fluent
import Vapor

/// Writes the security trail (`SecurityEvent`). The address is the client's as `clientAddress`
/// resolves it (the proxy's client, not the proxy).
enum SecurityAudit {
    static func record(_ kind: SecurityEvent.Kind, by actor: User?, subject: String = "", detail: String = "",
                       req: Request, on db: (any Database)? = nil) async throws {
        try await SecurityEvent(kind: kind, actorID: actor?.id, actorEmail: actor?.email, address: req.clientAddress,
                                subject: subject, detail: detail).save(on: db ?? req.db)
    }

    /// For the system acting alone (the retention sweep): no request, no address.
    static func recordSystem(_ kind: SecurityEvent.Kind, subject: String, detail: String, on db: any Database) async throws {
        try await SecurityEvent(kind: kind, actorID: nil, actorEmail: nil, address: "", subject: subject, detail: detail)
            .save(on: db)
    }

    static func subject(_ kind: String, _ id: UUID?) -> String { "\(kind):\(id?.uuidString ?? "?")" }
}
