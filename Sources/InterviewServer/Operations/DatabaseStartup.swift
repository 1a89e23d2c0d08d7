import Foundation
import NIOCore
import PostgresKit
import PostgresNIO
import Vapor

/// What an operator is told when the server cannot start on its database, and the wait for a
/// PostgreSQL that is not up yet. From an operator's probe: a mistyped `DATABASE_URL` was printed whole,
/// password and all; every PostgreSQL failure read "PSQLError – Generic description…", a wrong password
/// like a missing database like a refused connection; and an instance started while PostgreSQL was down
/// exited in 50 ms, so after a power cut the service manager gave up on it before the database was back.
enum DatabaseStartup {
    /// How long a start waits for PostgreSQL to take connections (it may be booting or recovering).
    static let patience: TimeInterval = 120

    enum Problem: Error, CustomStringConvertible {
        case unreadableURL(masked: String)
        case refused(place: String, en: String, zh: String)

        var description: String {
            switch self {
            case .unreadableURL(let masked):
                "DATABASE_URL is not a PostgreSQL address InterviewFlow can read (\(masked)); it takes "
                    + "postgres://USER:PASSWORD@HOST:PORT/DATABASE, and @ / : ? # in the password are written "
                    + "percent-encoded (%40 %2F %3A %3F %23).\n"
                    + "DATABASE_URL 不是 InterviewFlow 能读取的 PostgreSQL 地址（\(masked)）；格式为 "
                    + "postgres://用户:密码@主机:端口/数据库，密码中的 @ / : ? # 须按百分号编码书写（%40 %2F %3A %3F %23）。"
            case .refused(let place, let en, let zh):
                "PostgreSQL at \(place): \(en)\nPostgreSQL（\(place)）：\(zh)"
            }
        }
    }

    /// The URL with its password replaced, whatever shape it is in: what may be printed of it. The query
    /// is left out too (`?password=` is another place for one, and `sslmode` says nothing worth a secret).
    static func masked(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "…" }
        var rest = url[scheme.upperBound...]
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = "?…"
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else { return String(url[..<scheme.upperBound]) + rest + query }
        let userInfo = rest[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        let shown = userInfo.contains(":") ? user + ":***" : user
        return String(url[..<scheme.upperBound]) + shown + String(rest[at...]) + query
    }

    static func configuration(url: String) throws -> SQLPostgresConfiguration {
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"),
              let configuration = try? SQLPostgresConfiguration(url: url) else {
            throw Problem.unreadableURL(masked: masked(url))
        }
        return configuration
    }

    /// "host:port/database", never the user or the password: what follows the last "@" (a password may
    /// hold an "@" or a "/" a URL parser misreads), without the query.
    static func place(_ url: String) -> String {
        let shown = masked(url)
        guard let scheme = shown.range(of: "://") else { return shown }
        var rest = shown[scheme.upperBound...]
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let mark = rest.firstIndex(of: "?") { rest = rest[..<mark] }
        return String(rest)
    }

    /// Connects once and closes, until PostgreSQL takes connections or `patience` runs out; a failure
    /// that waiting cannot mend (a wrong password, a missing database) is thrown at once, said plainly.
    static func waitForPostgres(url: String, on eventLoop: any EventLoop, logger: Logger,
                                patience: TimeInterval = DatabaseStartup.patience) async throws {
        let configuration = try Self.configuration(url: url).coreConfiguration
        let place = place(url)
        let deadline = Date().addingTimeInterval(patience)
        var delay: TimeInterval = 0.5
        var said = false
        while true {
            do {
                let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 0, logger: logger).get()
                try? await connection.close().get()
                if said { logger.notice("PostgreSQL at \(place) takes connections now") }
                return
            } catch {
                let problem = explain(error, place: place)
                guard problem.wait, Date() < deadline else { throw problem.problem }
                if !said {
                    // Once: the operator learns what is happening, and the journal is not flooded.
                    logger.warning("waiting for PostgreSQL at \(place) (\(problem.en)); trying again for up to \(Int(patience)) s")
                    said = true
                }
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                delay = min(delay * 2, 5)
            }
        }
    }

    /// A failed connection in words, and whether waiting may mend it.
    static func explain(_ error: any Error, place: String) -> (problem: Problem, en: String, wait: Bool) {
        func said(_ en: String, _ zh: String, wait: Bool) -> (problem: Problem, en: String, wait: Bool) {
            (.refused(place: place, en: en, zh: zh), en, wait)
        }
        if let psql = error as? PSQLError {
            if psql.code == .server {
                let state = psql.serverInfo?[.sqlState] ?? ""
                switch state {
                case "28P01", "28000":
                    return said("the user name or password is wrong (the server refused to sign in)",
                                "用户名或密码错误（服务器拒绝登录）", wait: false)
                case "3D000":
                    return said("the database does not exist; create it (createdb -O USER DATABASE) or correct DATABASE_URL",
                                "数据库不存在；请创建它（createdb -O 用户 数据库）或更正 DATABASE_URL", wait: false)
                case "57P03":
                    return said("the server is starting up", "服务器正在启动", wait: true)
                default:
                    return said("the server refused the connection (SQLSTATE \(state))",
                                "服务器拒绝了连接（SQLSTATE \(state)）", wait: state.hasPrefix("08") || state.hasPrefix("57"))
                }
            }
            if let underlying = psql.underlying { return explain(underlying, place: place) }
            return said("the connection failed (\(psql.code))", "连接失败（\(psql.code)）", wait: true)
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            return said("nothing is listening there (connection refused)", "该地址没有服务在监听（连接被拒绝）", wait: true)
        }
        if case ChannelError.connectTimeout = error {
            return said("no answer (the connection timed out)", "没有应答（连接超时）", wait: true)
        }
        if let connect = error as? NIOConnectionError {
            if let first = connect.connectionErrors.first?.error { return explain(first, place: place) }
            if connect.dnsAAAAError != nil || connect.dnsAError != nil {
                return said("the host name cannot be resolved", "无法解析主机名", wait: true)
            }
        }
        return said("the connection failed (\(String(describing: type(of: error))))",
                    "连接失败（\(String(describing: type(of: error)))）", wait: true)
    }
}
