import Flowchart
import Foundation

/// What `configure` needs to know about where it runs; the CLI builds it from flags and the
/// environment, tests build it directly.
public struct ServerSettings: Sendable {
    public enum Storage: Sendable, Equatable {
        /// An SQLite file: the embedded default.
        case sqliteFile(path: String)
        /// A private in-memory SQLite database, for tests.
        case sqliteMemory
        /// `postgres://user:password@host:port/database`; with a schema, everything lives in that schema
        /// (created if missing), which lets test runs share one database without seeing each other.
        case postgres(url: String, schema: String? = nil)
    }

    public var storage: Storage
    /// The address people open, used in the setup link; https here makes cookies Secure.
    public var publicURL: String
    /// Whether the first-start setup link is printed (tests read the token themselves).
    public var announceSetup: Bool
    /// Addresses of the reverse proxies in front of the server: only connections from these may name
    /// the client in `X-Forwarded-For` (see `Request.clientAddress`).
    /// Parsed once here, compared as addresses on every request (`FD00::5` is `fd00::5`, and an IPv4 proxy
    /// may be seen as `::ffff:10.0.0.5` on a dual-stack listener).
    public var trustedProxies: [AddressRange] = []
    /// Who may read `/metrics` (by `Request.clientAddress`): loopback unless `--metrics-allow` says otherwise.
    public var metricsAllowed: [AddressRange] = AddressRange.loopback
    /// Log lines as text (Vapor's) or one JSON object per line, for log collectors.
    public var logFormat: LogFormat = .text
    /// A session unused this long signs nobody in any more.
    public var sessionIdleTimeout: TimeInterval = 12 * 60 * 60
    /// A session older than this signs nobody in, however often it is used.
    public var sessionLifetime: TimeInterval = 7 * 24 * 60 * 60
    /// A connection that neither sends nor receives anything this long is closed, so idle sockets
    /// (opened and left, or a client gone without closing) cannot pile up until the server runs out of
    /// file descriptors. Above the console socket's 30 s ping, which keeps a live interview's open.
    public var connectionIdleTimeout: TimeInterval = 75
    /// The data folder was filled by `interview demo`: every page says so, so nobody mistakes simulated
    /// candidates and scores for real ones.
    public var isDemo = false
    /// The language of whoever started the server (LANG), for what it prints on their terminal (the
    /// first-admin link, a locked data folder); pages follow each reader's own.
    public var operatorLanguage: Flowchart.Language = .en
    /// The zone pages show times in for a browser that has not said its own (the first page, no
    /// JavaScript) and for API clients; `--time-zone`, UTC by default.
    public var timeZone = TimeZone(identifier: "UTC")!
    /// The longest any position keeps a candidate's personal data (`--max-retention-days`), or nil for no
    /// ceiling: no position may keep data longer or until erased by hand, one created without a period
    /// gets this one, and the retention sweep holds positions that kept data longer to it. A data-protection
    /// officer could not stop any hiring manager choosing "keep forever" (an operations probe).
    public var maxRetentionDays: Int?

    /// A zone pages can name: an IANA identifier, or UTC.
    public static func timeZone(named name: String) -> TimeZone? { DisplayZone.zone(named: name) }

    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public init(storage: Storage, publicURL: String, announceSetup: Bool = true) {
        self.storage = storage
        self.publicURL = publicURL
        self.announceSetup = announceSetup
    }

    /// SQLite belongs to one process: every write goes through this server, so what it keeps in memory
    /// (sessions, users, scorecard engines) cannot go stale behind its back. PostgreSQL is shared by
    /// several instances, so there every request reads the database.
    var isSingleWriter: Bool {
        if case .postgres = storage { return false }
        return true
    }

    /// Cookies carry `Secure` when people reach the server over TLS (directly or through a proxy).
    var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }

    /// PostgreSQL when `DATABASE_URL` is set, else an SQLite file in the data directory.
    public static func from(environment: [String: String], dataDirectory: String, publicURL: String) -> ServerSettings {
        let language = Flowchart.Language.preferred(from: environment)
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            var settings = ServerSettings(storage: .postgres(url: url), publicURL: publicURL)
            settings.operatorLanguage = language
            return settings
        }
        let folder = URL(fileURLWithPath: dataDirectory)
        var settings = ServerSettings(storage: .sqliteFile(path: folder.appendingPathComponent("interviewflow.sqlite").path), publicURL: publicURL)
        settings.isDemo = FileManager.default.fileExists(atPath: folder.appendingPathComponent(DemoData.markerFile).path)
        settings.operatorLanguage = language
        return settings
    }
}

extension ServerSettings {
    /// Where the data lives, for the log; a PostgreSQL URL is shown without its credentials.
    var storageDescription: String {
        switch storage {
        case .sqliteFile(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url, _):
            "PostgreSQL " + (URL(string: url).map { "\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")\($0.path)" } ?? "")
        }
    }
}
