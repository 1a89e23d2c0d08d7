import Vapor

/// A hash of a random password nobody knows, made with the server's own password hasher (bcrypt, at
/// the cost real accounts use): a login for an unknown email is checked against it, so it takes as
/// long as a wrong password for a real account and the time taken does not say which emails exist.
extension Application {
    private struct DummyPasswordKey: StorageKey { typealias Value = String }

    var dummyPasswordHash: String {
        get { storage[DummyPasswordKey.self] ?? "" }
        set { storage[DummyPasswordKey.self] = newValue }
    }

    /// Called once at start, after the hasher is chosen.
    func prepareDummyPassword() throws {
        dummyPasswordHash = try password.hash([UInt8].random(count: 24).hex)
    }
}
