import Fluent
import Vapor

/// An account. The password is kept only as a bcrypt hash.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") public var role: Role
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Set when an admin deactivates the account: it can no longer log in, and its sessions stop
    /// signing anyone in.
    @OptionalField(key: "deactivated_at") var deactivatedAt: Date?
    /// Sessions issued under another value sign nobody in: raising it ends every session of the
    /// account at once (password change, deactivation, "sign out everywhere"); see `SessionPolicy`.
    @Field(key: "session_epoch") var sessionEpoch: Int

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, passwordHash: String, role: Role) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.sessionEpoch = 0
    }

    var isAdmin: Bool { role == .admin }
    var isActive: Bool { deactivatedAt == nil }
}

/// Sessions remember the user's id; the session itself lives in the database (`_fluent_sessions`) so a
/// restart or a second instance keeps people logged in.
extension User: ModelSessionAuthenticatable {}

extension User {
    /// Emails compare case-insensitively: people type them both ways.
    /// Compatibility-folded (full-width "ａｄａ" is "ada"), lowercased, without the spaces around it or a
    /// trailing dot after the domain, which mail treats as the same address: each made a second account
    /// that read as the first (an account probe).
    static func normalized(email: String) -> String {
        var folded = email.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        while folded.hasSuffix("."), folded.contains("@") { folded.removeLast() }
        return folded
    }
}
