import Foundation
import Vapor

/// When a session stops signing anyone in: unused for `idleTimeout`, older than `lifetime`, or issued
/// before its account's sessions were ended (password change, deactivation, "sign out everywhere").
///
/// The last two are checked against the account's session epoch, a counter on the user row: ending
/// every session of an account is one write of that row, seen by every instance at its next read of
/// the user, with no search through the sessions table.
struct SessionPolicy: Sendable {
    static let bornKey = "born"
    static let seenKey = "seen"
    static let epochKey = "epoch"

    var idleTimeout: TimeInterval
    var lifetime: TimeInterval

    enum Verdict: Equatable {
        /// Valid; `touch` says the last-seen time is old enough to be written again.
        case valid(touch: Bool)
        case expired
        case revoked
    }

    func verdict(for data: SessionData, user: User, now: Date) -> Verdict {
        guard let born = Self.time(data[Self.bornKey]), let seen = Self.time(data[Self.seenKey]),
              data[Self.epochKey] == String(user.sessionEpoch) else { return .revoked }
        let elapsed = now.timeIntervalSince1970
        if elapsed - born >= lifetime || elapsed - seen >= idleTimeout { return .expired }
        return .valid(touch: elapsed - seen >= touchInterval)
    }

    /// Last-seen is written at most this often: a write per request would make every page view and
    /// every console action commit the session too. A twentieth of the idle timeout keeps the error
    /// small (12 h idle: written once every 36 minutes at most, capped at a minute).
    var touchInterval: TimeInterval { min(60, idleTimeout / 20) }

    /// Stamps a session that has just been issued to `user`.
    static func stamp(_ session: Session, for user: User, now: Date) {
        let time = String(now.timeIntervalSince1970)
        session.data[bornKey] = time
        session.data[seenKey] = time
        session.data[epochKey] = String(user.sessionEpoch)
    }

    static func touch(_ session: Session, now: Date) {
        session.data[seenKey] = String(now.timeIntervalSince1970)
    }

    private static func time(_ text: String?) -> TimeInterval? { text.flatMap(TimeInterval.init) }
}

extension Application {
    var sessionPolicy: SessionPolicy {
        SessionPolicy(idleTimeout: serverSettings.sessionIdleTimeout, lifetime: serverSettings.sessionLifetime)
    }

    private struct SessionClockKey: StorageKey { typealias Value = @Sendable () -> Date }

    /// The time sessions are judged by: the system's, or a clock a test moves by hand, so timeouts are
    /// tested without sleeping (and without depending on how busy the machine is).
    var sessionClock: @Sendable () -> Date {
        get { storage[SessionClockKey.self] ?? { Date() } }
        set { storage[SessionClockKey.self] = newValue }
    }
}
