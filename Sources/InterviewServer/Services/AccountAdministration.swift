import Fluent
import Vapor

/// What admins change on accounts, and what everyone changes on their own: roles, deactivation,
/// passwords. The rules live here so the pages and the tests share them.
enum AccountAdministration {
    /// The last active admin keeps the role: without one nobody could manage accounts any more.
    private static func checkRoleChange(of user: User, to role: Role, on db: any Database) async throws {
        if user.isAdmin, role != .admin, user.isActive, try await activeAdminCount(on: db) <= 1 {
            throw FieldErrors(fields: ["account": .errLastAdmin])
        }
    }

    /// What one change of an account did, for the security trail.
    struct Change {
        var kind: SecurityEvent.Kind
        var detail: String
    }

    /// Details, role and active state, one or all at once (the users page's forms, the Account page's name,
    /// the API's PATCH): every rule is checked before anything is saved, so a refused change leaves the
    /// account as it was. Nil fields stay as they are. A name or email corrected keeps the scores given
    /// theirs (a second account would have split them). Nobody deactivates themselves (they would be
    /// locked out in the middle of doing it), so an admin acting always leaves an active admin: themselves.
    /// Deactivating ends every session; reactivating does not bring old ones back.
    static func update(_ user: User, name: String?, email: String?, role: Role?, active: Bool?,
                       by actor: User, on db: any Database) async throws -> [Change] {
        var changes: [Change] = []
        var newName = user.name, newEmail = user.email
        if name != nil || email != nil {
            (newName, newEmail) = try await checkedDetails(of: user, name: name ?? user.name, email: email, on: db)
            let fields = (newName != user.name ? ["name"] : []) + (newEmail != user.email ? ["email"] : [])
            if !fields.isEmpty { changes.append(Change(kind: .accountChanged, detail: fields.joined(separator: ", "))) }
        }
        if let role, role != user.role {
            try await checkRoleChange(of: user, to: role, on: db)
            changes.append(Change(kind: .roleChanged, detail: "\(user.role.rawValue) -> \(role.rawValue)"))
        }
        if let active, active != user.isActive {
            if !active, user.id == actor.id { throw FieldErrors(fields: ["account": .errDeactivateSelf]) }
            changes.append(Change(kind: active ? .userReactivated : .userDeactivated, detail: ""))
        }
        guard !changes.isEmpty else { return [] }
        user.name = newName
        user.email = newEmail
        if let role { user.role = role }
        if let active, active != user.isActive {
            user.deactivatedAt = active ? nil : Date()
            user.sessionEpoch += 1
        }
        try await user.save(on: db)
        return changes
    }

    /// The name and email `user` would have, every rule checked; `email` nil keeps theirs.
    private static func checkedDetails(of user: User, name: String?, email: String?, on db: any Database) async throws -> (String, String) {
        var errors = FieldErrors()
        let newName = errors.require(name, "name")
        var newEmail = user.email
        if let email {
            newEmail = User.normalized(email: errors.require(email, "email"))
            if errors["email"] == nil, let problem = AccountService.emailProblem(newEmail) { errors["email"] = problem }
            if errors["email"] == nil, newEmail != user.email,
               try await User.query(on: db).filter(\.$email == newEmail).filter(\.$id != user.requireID()).first() != nil {
                errors["email"] = .errEmailTaken
            }
        }
        try errors.check()
        return (newName, newEmail)
    }

    /// Each change in the security trail, as `actor`'s: the field names of a details change, never values.
    static func record(_ changes: [Change], of user: User, by actor: User, req: Request) async throws {
        for made in changes {
            try await SecurityAudit.record(made.kind, by: actor, subject: SecurityAudit.subject("user", user.id), detail: made.detail, req: req)
        }
    }

    /// Replaces the password after checking the current one. Every other session of the account ends
    /// (a stolen session must not outlive the password change meant to stop it); the caller's own
    /// continues under a new id.
    static func changePassword(of user: User, current: String, new: String, confirmation: String, req: Request) async throws {
        var errors = FieldErrors()
        // The current password is guessed under the sign-in's limit for the account, and a wrong one is in
        // the trail as a failed sign-in: from a session left open (an unlocked PC, a stolen cookie) it
        // could be guessed without limit or trace, and learnt (it may be used elsewhere too).
        let limiter = LoginRateLimiter(db: req.db, now: Date()), account = LoginRateLimiter.Scope.account(user.email)
        if case .refused(_, let first) = try await limiter.reserve(account) {
            ServerMetrics.loginFailed(.throttled)
            if first {
                try await SecurityAudit.record(.loginLocked, by: user, subject: SecurityAudit.subject("user", user.id), detail: "account", req: req)
            }
            errors["current"] = .tooManyAttempts
            try errors.check()
        }
        if try await req.password.async.verify(current, created: user.passwordHash) {
            try await limiter.clear(account)
        } else {
            ServerMetrics.loginFailed(.currentPasswordWrong)
            try await SecurityAudit.record(.loginFailed, by: user, subject: SecurityAudit.subject("user", user.id),
                                           detail: "current password wrong", req: req)
            errors["current"] = .errPasswordWrong
        }
        if let problem = AccountService.passwordProblem(new, email: user.email) { errors["new"] = problem }
        if new != confirmation { errors["confirmation"] = .errPasswordMismatch }
        try errors.check()
        user.passwordHash = try await req.password.async.hash(new)
        user.sessionEpoch += 1
        try await user.save(on: req.db)
        try await SessionController.startFreshSession(for: user, req: req)
    }

    /// An admin sets a new password for someone who forgot theirs (nobody else can: there is no mail to
    /// send a link by). Every session of theirs ends. Not for one's own account, which asks for the current
    /// password on the Account page.
    static func resetPassword(of user: User, new: String, confirmation: String, by admin: User, req: Request) async throws {
        var errors = FieldErrors()
        if user.id == admin.id { errors["reset"] = .errResetOwnPassword }
        if let problem = AccountService.passwordProblem(new, email: user.email) { errors["reset"] = errors["reset"] ?? problem }
        if new != confirmation { errors["reset"] = errors["reset"] ?? .errPasswordMismatch }
        try errors.check()
        user.passwordHash = try await req.password.async.hash(new)
        user.sessionEpoch += 1
        try await user.save(on: req.db)
        // The new password lifts a lockout of the account: the person locked out is who asked for it, and
        // was refused with it for the rest of the quarter hour.
        try await LoginRateLimiter(db: req.db, now: Date()).clear(.account(user.email))
    }

    /// "Sign out everywhere": every session of the account ends, this one included.
    static func endAllSessions(of user: User, on db: any Database) async throws {
        user.sessionEpoch += 1
        try await user.save(on: db)
    }

    private static func activeAdminCount(on db: any Database) async throws -> Int {
        try await User.query(on: db).filter(\.$role == .admin).filter(\.$deactivatedAt == nil).count()
    }
}
