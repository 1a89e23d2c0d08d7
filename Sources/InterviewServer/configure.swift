import Fluent
import Leaf
import LeafKit
import Vapor

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = ServerSettings }

    var serverSettings: ServerSettings {
        get { storage[SettingsKey.self] ?? ServerSettings(storage: .sqliteMemory, publicURL: "http://127.0.0.1:8080") }
        set { storage[SettingsKey.self] = newValue }
    }
}

/// Sets up the whole application; `interview serve` and the tests call this same function.
public func configure(_ app: Application, settings: ServerSettings) async throws {
    app.serverSettings = settings
    ServerMetrics.bootstrap()
    PlainTextRefused.install()
    if case .sqliteFile(let path) = settings.storage {
        let lock = try DataFolderLock(databasePath: path, language: settings.operatorLanguage)
        app.dataFolderLock = lock
        app.erasureLedger = ErasureLedger(dataFolder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        app.lifecycle.use(DataFolderLockRelease(lock: lock))
    }
    app.singleWriterCaches = SingleWriterCaches(enabled: settings.isSingleWriter)
    try DatabaseSetup.use(settings.storage, on: app)
    app.databases.middleware.use(UserCacheInvalidation(caches: app.singleWriterCaches))
    app.prepareScorecardCache()
    app.prepareCalibrationCache()
    app.prepareQuestionBankCache()
    app.prepareConsoleSockets()
    let scorecards = app.scorecardCache
    app.databases.middleware.use(ScorecardCacheInvalidation(cache: { scorecards }))
    try await DatabaseSetup.createSchemaIfNeeded(app)
    app.registerMigrations()
    try await SchemaCheck.refuseNewer(app)
    try await app.autoMigrate()
    try await DatabaseSetup.tuneSQLite(app)
    try await ErasureLedger.reapply(app)

    try app.prepareDummyPassword()
    app.useBaseMiddleware()
    configureViews(app)
    configureSessions(app, secure: settings.secureCookies, lifetime: settings.sessionLifetime)
    // Resumes go up to 5 MB; leave room for the form around them.
    app.routes.defaultMaxBodySize = "6mb"

    try await GuideLibrarySeeder.seedBundledGuides(on: app.db, logger: app.logger)
    try await FirstAdminSetup.announceIfNeeded(app)
    try routes(app)
}

private func configureViews(_ app: Application) {
    // The bundle root, not `resourceURL`: Foundation on Linux takes a `Resources` folder inside as that.
    let resources = Bundle.module.bundleURL
    app.views.use(.leaf)
    let views = resources.appendingPathComponent("Resources/Views").path + "/"
    app.leaf.configuration.rootDirectory = views
    // The bundle sits under `.build` in development; Leaf's default limits refuse hidden directories.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: views, viewDirectory: views))
    app.middleware.use(PublicFiles())
}

private func configureSessions(_ app: Application, secure: Bool, lifetime: TimeInterval) {
    // At most the 400 days browsers keep a cookie anyway: `--session-lifetime 1e15d` passed validation and
    // then trapped converting to Int at the first sign-in (the review).
    let cookieAge = Int(max(1, min(lifetime, 400 * 24 * 3600)).rounded(.up))
    let caches = app.singleWriterCaches
    app.sessions.use { _ in QuietSessions(base: HashedSessions(), caches: caches) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "interviewflow-session") { id in
        // A session not stored (`QuietSessions`): the browser's unknown cookie is cleared.
        if id == QuietSessions.unstored {
            return HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                                     isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
        // Max-Age rather than Expires: the session's lifetime (`--session-lifetime`; the browser kept a dead
        // cookie for a week under a shorter one), without formatting a date on every response (Vapor
        // builds a DateFormatter for each Expires it writes, a real cost under load).
        return HTTPCookies.Value(string: id.string, expires: nil,
                                 maxAge: cookieAge, domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    app.middleware.use(ProbesWithoutSession(app.sessions.middleware))
    app.middleware.use(ProbesWithoutSession(CSRFCookie(secure: secure)))
    app.middleware.use(ProbesWithoutSession(CachedUserSessionAuthenticator()))
    app.middleware.use(ErrorPages())
    app.middleware.use(AnonymousBodyLimit())
}
