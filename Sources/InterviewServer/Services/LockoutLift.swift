import NIOCore
import Vapor

/// An admin lifts the sign-in lockout of a client address (the users page and
/// `DELETE /api/v1/lockouts/{address}`). Before, an address locked out by 20 wrong passwords, such as an
/// office behind one address, could only wait out its 15 minutes: a reset lifts an account's lockout,
/// not an address's, and the table keeps only a hash of the address, so nobody could find the row.
enum LockoutLift {
    /// Whether the address was locked out; its count of failures is cleared either way. A lifted lockout
    /// is one line of the security trail. Not an IP address: `FieldErrors` under "address".
    static func lift(_ typed: String, by admin: User, req: Request) async throws -> Bool {
        guard let address = Request.address(typed.trimmingCharacters(in: .whitespaces)) else {
            throw FieldErrors(fields: ["address": .errLockoutAddress])
        }
        // As the connection's address is written (2001:DB8::7 → 2001:db8::7): the count may be kept under
        // either spelling, and the trail's line matches its login.locked.
        let written = (try? SocketAddress(ipAddress: address, port: 0).ipAddress) ?? address
        let locked = try await LoginRateLimiter(db: req.db, now: Date()).lift(spellings: [address, written])
        if locked {
            try await SecurityAudit.record(.lockoutLifted, by: admin, subject: "address:\(written)", req: req)
        }
        return locked
    }
}
