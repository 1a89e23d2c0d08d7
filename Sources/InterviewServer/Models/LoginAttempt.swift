import Fluent
import Vapor

/// Failed logins per account and client address, in the database so every instance counts the same.
/// The key is a hash of email and address: the table says nothing about who tried.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "window_start") var windowStart: Date

    init() {}

    init(key: String, windowStart: Date) {
        self.key = key
        self.failures = 0
        self.windowStart = windowStart
    }
}
