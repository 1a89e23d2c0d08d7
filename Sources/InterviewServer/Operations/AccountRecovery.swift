import Fluent
import Foundation
import Vapor

/// A new password set from the command line, for someone who cannot sign in to have an admin set one: the
/// only admin, who forgot theirs or is locked out (the setup link is offered only while there is no
/// admin, and an operations probe found no way back short of editing the database). Run on the server's
/// storage — a stopped server's data folder (its lock refuses a running one), or PostgreSQL — it ends
/// the account's sessions, lifts its lockout and is in the security trail as the system's, with the
/// words "from the command line".
public enum AccountRecovery {
    public struct Done: Sendable {
        public var name: String
        public var role: String
        /// The account's address as stored, to echo back (not as typed, with its spaces and capitals).
        public var email: String
    }

    /// Why nothing was changed, in both languages.
    public struct Refusal: Error, CustomStringConvertible {
        public var en: String
        public var zh: String
        public var description: String { en }
    }

    public static func setPassword(email: String, password: String, settings: ServerSettings) async throws -> Done {
        if let problem = AccountService.passwordProblem(password, email: email) {
            throw Refusal(en: problem.in(.en), zh: problem.in(.zh))
        }
        var settings = settings
        settings.announceSetup = false
        let app = try await Application.make(Environment(name: "recovery", arguments: ["interview"]))
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: settings)
            let normalized = User.normalized(email: email)
            guard let user = try await User.query(on: app.db).filter(\.$email == normalized).first() else {
                throw Refusal(en: "no account has the email \(normalized)", zh: "没有邮箱为 \(normalized) 的账户")
            }
            user.passwordHash = try app.password.hash(password)
            user.sessionEpoch += 1
            try await user.save(on: app.db)
            try await LoginRateLimiter(db: app.db, now: Date()).clear(.account(user.email))
            try await SecurityAudit.recordSystem(.passwordReset, subject: SecurityAudit.subject("user", user.id),
                                                 detail: "from the command line", on: app.db)
            let done = Done(name: user.name, role: user.role.rawValue, email: user.email)
            try await app.asyncShutdown()
            return done
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
