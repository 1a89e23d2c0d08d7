import Flowchart
import Crypto
import Fluent
import Vapor

/// There is no default password. While no admin exists, a start prints a one-time link whose token
/// lets exactly one person create the first admin.
enum FirstAdminSetup {
    static func needsAdmin(on db: any Database) async throws -> Bool {
        try await User.query(on: db).filter(\.$role == .admin).count() == 0
    }

    /// Replaces any unused token with a fresh one and returns it; only its hash is stored.
    static func issueToken(on db: any Database) async throws -> String {
        try await SetupToken.query(on: db).filter(\.$usedAt == nil).delete()
        let token = [UInt8].random(count: 32).hex
        try await SetupToken(tokenHash: hash(token)).save(on: db)
        return token
    }

    static func announceIfNeeded(_ app: Application) async throws {
        guard try await needsAdmin(on: app.db) else { return }
        let token = try await issueToken(on: app.db)
        guard app.serverSettings.announceSetup else { return }
        // The one secret ever printed: it is useless once the first admin exists.
        let link = app.serverSettings.publicURL + SiteURL.setup.path + "?token=" + token
        // Written straight to the file descriptor, so it shows at once even when stdout is a file or a
        // pipe and no log line follows to flush a buffer.
        let text: String
        switch app.serverSettings.logFormat {
        case .text:
            // The operator reads this on the terminal that started the server: in its language (LANG).
            text = app.serverSettings.operatorLanguage == .zh
                ? "还没有管理员账号。请在这里创建第一个管理员：\n  \(link)\n（此链接只能使用一次）\n"
                : "No admin account yet. Create the first admin at:\n  \(link)\n(this link works once)\n"
        case .json:
            // One JSON line like every other, so a log collector keeps it; the link is its own field.
            text = JSONLogHandler.line([
                ("time", JSONLogHandler.timestamp(Date())), ("level", "notice"),
                ("message", "No admin account yet. Create the first admin at the link (it works once)."), ("setup-link", link),
            ]) + "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The stored, unused token matching `token`, if any.
    static func validToken(_ token: String, on db: any Database) async throws -> SetupToken? {
        guard !token.isEmpty else { return nil }
        return try await SetupToken.query(on: db)
            .filter(\.$tokenHash == hash(token))
            .filter(\.$usedAt == nil)
            .first()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}
