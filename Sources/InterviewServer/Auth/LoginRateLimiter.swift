import Crypto
import Fluent
import Vapor

/// At most `maxFailures` wrong passwords per account and address in `window`; counted in the database so
/// every instance agrees. A correct password clears the count.
struct LoginRateLimiter {
    static let maxFailures = 5
    static let window: TimeInterval = 15 * 60

    let db: any Database
    let now: Date

    static func key(email: String, address: String) -> String {
        SHA256.hash(data: Data("\(User.normalized(email: email))|\(address)".utf8)).hex
    }

    func isBlocked(_ key: String) async throws -> Bool {
        guard let attempt = try await LoginAttempt.query(on: db).filter(\.$key == key).first() else { return false }
        return attempt.failures >= Self.maxFailures && now.timeIntervalSince(attempt.windowStart) < Self.window
    }

    func recordFailure(_ key: String) async throws {
        let attempt = try await LoginAttempt.query(on: db).filter(\.$key == key).first()
            ?? LoginAttempt(key: key, windowStart: now)
        if now.timeIntervalSince(attempt.windowStart) >= Self.window {
            attempt.windowStart = now
            attempt.failures = 0
        }
        attempt.failures += 1
        try await attempt.save(on: db)
    }

    func clear(_ key: String) async throws {
        try await LoginAttempt.query(on: db).filter(\.$key == key).delete()
    }
}

extension Request {
    /// The client's address as the server sees it; behind a proxy, the proxy's.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
