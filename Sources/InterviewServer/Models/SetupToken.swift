import Fluent
import Vapor

/// The one-time token that lets the first admin be created. Only its SHA-256 is stored: the token itself
/// is printed once at start and never kept.
final class SetupToken: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tokenHash: String) {
        self.tokenHash = tokenHash
    }
}
