import Crypto
import NIOCore
import Fluent
import SQLKit
import Vapor

/// Wrong passwords are counted in the database, so every instance agrees: at most `accountLimit` per
/// account in `window` whatever the number of addresses, and at most `addressLimit` per client
/// address across accounts (password spraying).
///
/// Each attempt *reserves* its place before the password is checked, in one conditional upsert: thirty
/// guesses sent at once get five places and twenty-five refusals, where a check followed by a separate
/// count let all thirty through. A correct password gives its places back.
struct LoginRateLimiter {
    static let accountLimit = 5
    static let addressLimit = 20
    static let window: TimeInterval = 15 * 60

    enum Scope {
        case account(String), address(String)

        /// A hash, so the table says nothing about who tried from where.
        var key: String {
            switch self {
            case .account(let email): Self.hash("account|" + User.normalized(email: email))
            case .address(let address): Self.hash("address|" + address)
            }
        }

        var limit: Int {
            switch self {
            case .account: LoginRateLimiter.accountLimit
            case .address: LoginRateLimiter.addressLimit
            }
        }

        private static func hash(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }
    }

    enum Reservation: Equatable {
        case granted
        /// Refused; try again after this many seconds. `first`: the first refusal of this window, the
        /// one the security trail records (each later one only counts in the metrics: a stranger's
        /// refused requests wrote a row each, 2,750 a minute from one address, burying the real events).
        case refused(retryAfter: Int, first: Bool)
    }

    let db: any Database
    let now: Date

    /// Takes one place in `scope`'s window, or says when the next one frees up.
    func reserve(_ scope: Scope) async throws -> Reservation {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let edge = now.addingTimeInterval(-Self.window)
        let table = SQLIdentifier(LoginAttempt.schema)
        // A window that has run out starts again at one; otherwise the count goes up only while it is
        // under the limit. No row back means the conflict's WHERE refused it: the limit is reached.
        let row = try await sql.raw("""
            INSERT INTO \(table) (\(ident: "id"), \(ident: "key"), \(ident: "failures"), \(ident: "window_start"))
            VALUES (\(bind: UUID()), \(bind: scope.key), 1, \(bind: now))
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
              \(ident: "failures") = CASE WHEN \(table).\(ident: "window_start") <= \(bind: edge) THEN 1
                                     ELSE \(table).\(ident: "failures") + 1 END,
              \(ident: "window_start") = CASE WHEN \(table).\(ident: "window_start") <= \(bind: edge) THEN \(bind: now)
                                         ELSE \(table).\(ident: "window_start") END
            WHERE \(table).\(ident: "window_start") <= \(bind: edge) OR \(table).\(ident: "failures") < \(bind: scope.limit)
            RETURNING \(ident: "failures")
            """).first()
        if row != nil { return .granted }
        // The count goes one past the limit exactly once per window: whoever moves it there is first.
        let first = try await sql.raw("""
            UPDATE \(table) SET \(ident: "failures") = \(ident: "failures") + 1
            WHERE \(ident: "key") = \(bind: scope.key) AND \(ident: "failures") = \(bind: scope.limit)
              AND \(ident: "window_start") > \(bind: edge)
            RETURNING \(ident: "failures")
            """).first() != nil
        let attempt = try await LoginAttempt.query(on: db).filter(\.$key == scope.key).first()
        let frees = attempt.map { $0.windowStart.addingTimeInterval(Self.window).timeIntervalSince(now) } ?? 1
        return .refused(retryAfter: max(1, Int(frees.rounded(.up))), first: first)
    }

    /// Deletes the rows whose window has run out (the next attempt starts a window of its own anyway):
    /// every email a stranger tried left one, and nothing removed them. Hourly, with the session sweep.
    static func sweep(on db: any Database, now: Date) async throws {
        try await LoginAttempt.query(on: db).filter(\.$windowStart <= now.addingTimeInterval(-window)).delete()
    }

    /// Gives a place back: the password was right, or the attempt never reached the check.
    func release(_ scope: Scope) async throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        try await sql.raw("""
            UPDATE \(ident: LoginAttempt.schema) SET \(ident: "failures") = \(ident: "failures") - 1
            WHERE \(ident: "key") = \(bind: scope.key) AND \(ident: "failures") > 0
            """).run()
    }

    /// Forgets the account's failures after a correct password.
    func clear(_ scope: Scope) async throws {
        try await LoginAttempt.query(on: db).filter(\.$key == scope.key).delete()
    }

    /// An admin lifts an address's lockout before its window ends (an office behind one address, locked
    /// out by one colleague's typos, waited 15 minutes: an account probe). Forgets the address's count and
    /// says whether it was locked. `spellings`: the address as typed and as the connection's is written
    /// (`2001:DB8::1` and `2001:db8::1`), since either may be the one counted.
    func lift(spellings: Set<String>) async throws -> Bool {
        let keys = spellings.map { Scope.address($0).key }
        let edge = now.addingTimeInterval(-Self.window)
        let locked = try await LoginAttempt.query(on: db).filter(\.$key ~~ keys).filter(\.$windowStart > edge)
            .filter(\.$failures >= Self.addressLimit).count() > 0
        try await LoginAttempt.query(on: db).filter(\.$key ~~ keys).delete()
        return locked
    }
}
