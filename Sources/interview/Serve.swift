import ArgumentParser
import Foundation
import InterviewServer

extension Interview {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Run the web application.", "运行 Web 应用。"),
            discussion: CommandLineLanguage.pick("""
            Data goes to an SQLite file in the data directory, or to PostgreSQL when DATABASE_URL is set \
            (postgres://user:password@host:5432/database). On the first start without an admin, a one-time \
            link to create the first admin is printed.
            """, """
            数据存放在数据文件夹中的 SQLite 文件里；设置了 DATABASE_URL
            （postgres://user:password@host:5432/database）时则存入 PostgreSQL。首
            次启动且还没有管理员时，会打印一个一次性链接，用来创建第一个管理员。
            """)
        )

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Address to listen on.", "监听的地址。")))
        var hostname = "127.0.0.1"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Port to listen on.", "监听的端口。")))
        var port = 8080

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Directory for the SQLite database (created if missing).", "存放 SQLite 数据库的文件夹（不存在则创建）。")))
        var data = "interviewflow-data"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The address people open, if not http://HOSTNAME:PORT; https here marks cookies Secure.", "用户访问的地址（如果不是 http://HOSTNAME:PORT）；这里用 https 时，cookie 会标记为 Secure。")))
        var publicURL: String?

        @Option(name: .customLong("trusted-proxy"),
                help: ArgumentHelp(CommandLineLanguage.pick("Address of a reverse proxy in front of the server (repeatable); only its X-Forwarded-For is believed.", "服务器前面的反向代理的地址（可重复）；只采信它给出的 X-Forwarded-For。")))
        var trustedProxies: [String] = []

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Sign a session out after it has been unused this long (30s, 15m, 12h, 7d).", "会话闲置超过此时长即退出登录（30s、15m、12h、7d）。")))
        var sessionIdleTimeout = "12h"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Sign a session out this long after login, however often it is used (30s, 15m, 12h, 7d).", "会话自登录起超过此时长即退出登录，无论期间是否频繁使用（30s、15m、12h、7d）。")))
        var sessionLifetime = "7d"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Close a connection that has sent and received nothing this long (10s, 75s, 5m); a live console's socket is pinged well within it.",
                                                            "连接在此时长内既未收到也未发送任何数据即关闭（10s、75s、5m）；正在进行的控制台 socket 会在此时长内定时 ping，不会被关闭。")))
        var connectionIdleTimeout = "75s"

        @Option(name: .customLong("metrics-allow"),
                help: ArgumentHelp(CommandLineLanguage.pick("Address or CIDR block that may read /metrics (repeatable; default: loopback only).", "允许读取 /metrics 的地址或 CIDR 网段（可重复；默认：仅本机回环地址）。")))
        var metricsAllow: [String] = []

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Log lines as text or json (one JSON object per line).", "日志格式：text 或 json（每行一个 JSON 对象）。")))
        var logFormat = "text"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Time zone for pages until a browser says its own (an IANA name such as Asia/Shanghai); the API's times are always UTC.",
                                                            "在浏览器告知其时区之前页面使用的时区（IANA 名称，例如 Asia/Shanghai）；API 中的时间始终为 UTC。")))
        var timeZone = "UTC"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Keep candidates' personal data at most this many days (1–3650): no position may keep it longer or until erased by hand, and positions that did are held to it from now on. Give every instance the same.",
                                                            "候选人个人数据最多保留的天数（1–3650）：任何职位都不能保留更久或保留到手动删除，已经这样设置的职位从现在起也按此上限删除。每个实例须设置相同的值。")))
        var maxRetentionDays: Int?

        func validate() throws {
            // Both were taken as given, and a mistyped one silently did nothing: a proxy that never
            // matches leaves every client behind it with the proxy's address (one rate limit for all).
            for proxy in trustedProxies where proxy.contains("/") || AddressRange(proxy) == nil {
                throw ValidationError(CommandLineLanguage.pick("--trusted-proxy takes the proxy's IP address, such as 10.0.0.5, not '\(proxy)'",
                                                                    "--trusted-proxy 接受代理的 IP 地址，例如 10.0.0.5，而不是 '\(proxy)'"))
            }
            if let publicURL {
                let url = URL(string: publicURL)
                guard let url, ["http", "https"].contains(url.scheme?.lowercased() ?? ""), !(url.host ?? "").isEmpty else {
                    throw ValidationError(CommandLineLanguage.pick("--public-url takes the address people open, such as https://interviews.example.com, not '\(publicURL)'",
                                                                        "--public-url 接受用户访问的地址，例如 https://interviews.example.com，而不是 '\(publicURL)'"))
                }
                // Pages link from the root ("/setup", "/positions"): a path would be a site that does not work.
                guard url.path.isEmpty || url.path == "/", url.query == nil else {
                    throw ValidationError(CommandLineLanguage.pick("--public-url takes an address without a path ('\(url.path)'): InterviewFlow is served from the root of its own host name, such as https://interviews.example.com",
                                                                        "--public-url 不能带路径（'\(url.path)'）：InterviewFlow 须在自己主机名的根路径下提供服务，例如 https://interviews.example.com"))
                }
            }
            for range in metricsAllow where AddressRange(range) == nil {
                throw ValidationError(CommandLineLanguage.pick("--metrics-allow takes an address or a CIDR block such as 10.0.0.0/8, not '\(range)'",
                                                                    "--metrics-allow 接受地址或 10.0.0.0/8 这样的 CIDR 网段，而不是 '\(range)'"))
            }
            guard ServerSettings.LogFormat(rawValue: logFormat) != nil else {
                throw ValidationError(CommandLineLanguage.pick("--log-format is text or json, not '\(logFormat)'", "--log-format 只能是 text 或 json，而不是 '\(logFormat)'"))
            }
            guard ServerSettings.timeZone(named: timeZone) != nil else {
                throw ValidationError(CommandLineLanguage.pick("--time-zone takes an IANA time zone such as Asia/Shanghai or Europe/Berlin, not '\(timeZone)'",
                                                                    "--time-zone 接受 Asia/Shanghai、Europe/Berlin 这样的 IANA 时区名，而不是 '\(timeZone)'"))
            }
            // A second at least (under it no request gets through), a day at most (a huge one overflowed
            // the timer's nanoseconds and the server crashed at start).
            if let idle = DurationText.seconds(connectionIdleTimeout), !(1...86_400).contains(idle) {
                throw ValidationError(CommandLineLanguage.pick("--connection-idle-timeout takes 1s to 1d, not '\(connectionIdleTimeout)'",
                                                                    "--connection-idle-timeout 须在 1s 到 1d 之间，而不是 '\(connectionIdleTimeout)'"))
            }
            if let maxRetentionDays, !(1...3650).contains(maxRetentionDays) {
                throw ValidationError(CommandLineLanguage.pick("--max-retention-days takes 1 to 3650 days, not \(maxRetentionDays)",
                                                                    "--max-retention-days 须在 1 到 3650 天之间，而不是 \(maxRetentionDays)"))
            }
            guard (1...65535).contains(port) else { throw ValidationError(CommandLineLanguage.pick("--port must be between 1 and 65535", "--port 须在 1 到 65535 之间")) }
            for (flag, text) in [("--session-idle-timeout", sessionIdleTimeout), ("--session-lifetime", sessionLifetime),
                                 ("--connection-idle-timeout", connectionIdleTimeout)] {
                guard DurationText.seconds(text) != nil else {
                    throw ValidationError(CommandLineLanguage.pick("\(flag) takes a duration such as 30s, 15m, 12h or 7d, not '\(text)'", "\(flag) 接受 30s、15m、12h 或 7d 这样的时长，而不是 '\(text)'"))
                }
            }
        }

        func run() async throws {
            switch PortCheck.problem(host: hostname, port: port) {
            case .inUse?:
                UsageError("port \(port) on \(hostname) is already in use (another server, or another InterviewFlow?); choose another with --port",
                           "\(hostname) 上的端口 \(port) 已被占用（另一个服务器，或另一个 InterviewFlow？）；请用 --port 换一个").report()
            case .notThisMachine?:
                UsageError("\(hostname) is not an address of this machine; --hostname takes one of its own addresses, such as 127.0.0.1 or 0.0.0.0",
                           "\(hostname) 不是本机的地址；--hostname 须是本机自己的地址，例如 127.0.0.1 或 0.0.0.0").report()
            case .other?, nil:
                break
            }
            DataFolderPrivacy.ownerOnlyFromNowOn()
            do {
                try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            } catch {
                let why = FileErrorText.reason(error, path: data)
                UsageError("cannot create \(data): \(why.en)", "无法创建 \(data)：\(why.zh)").report()
            }
            DataFolderPrivacy.tighten(dataFolder: data)
            // "https://example.com/" is "https://example.com": the setup link read "…com//setup".
            let publicURL = (publicURL ?? "http://\(hostname):\(port)").trimmingTrailingSlashes
            var settings = ServerSettings.from(environment: ProcessInfo.processInfo.environment, dataDirectory: data,
                                               publicURL: publicURL)
            settings.trustedProxies = trustedProxies.compactMap(AddressRange.init)
            settings.sessionIdleTimeout = DurationText.seconds(sessionIdleTimeout)!
            settings.sessionLifetime = DurationText.seconds(sessionLifetime)!
            settings.connectionIdleTimeout = DurationText.seconds(connectionIdleTimeout)!
            if !metricsAllow.isEmpty { settings.metricsAllowed = metricsAllow.compactMap(AddressRange.init) }
            settings.logFormat = ServerSettings.LogFormat(rawValue: logFormat)!
            settings.timeZone = ServerSettings.timeZone(named: timeZone)!
            settings.maxRetentionDays = maxRetentionDays
            try await WebServer.run(hostname: hostname, port: port, settings: settings)
        }
    }
}

private extension String {
    var trimmingTrailingSlashes: String {
        var text = self
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
