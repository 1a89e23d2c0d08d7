import ArgumentParser
import Foundation
import InterviewServer

extension Interview {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the web application.",
            discussion: """
            Data goes to an SQLite file in the data directory, or to PostgreSQL when DATABASE_URL is set \
            (postgres://user:password@host:5432/database). On the first start without an admin, a one-time \
            link to create the first admin is printed.
            """
        )

        @Option(help: "Address to listen on.")
        var hostname = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        @Option(help: "Directory for the SQLite database (created if missing).")
        var data = "interviewflow-data"

        @Option(help: "The address people open, if not http://HOSTNAME:PORT; https here marks cookies Secure.")
        var publicURL: String?

        @Option(name: .customLong("trusted-proxy"),
                help: "Address of a reverse proxy in front of the server (repeatable); only its X-Forwarded-For is believed.")
        var trustedProxies: [String] = []

        @Option(help: "Sign a session out after it has been unused this long (30s, 15m, 12h, 7d).")
        var sessionIdleTimeout = "12h"

        @Option(help: "Sign a session out this long after login, however often it is used (30s, 15m, 12h, 7d).")
        var sessionLifetime = "7d"

        @Option(name: .customLong("metrics-allow"),
                help: "Address or CIDR block that may read /metrics (repeatable; default: loopback only).")
        var metricsAllow: [String] = []

        @Option(help: "Log lines as text or json (one JSON object per line).")
        var logFormat = "text"

        func validate() throws {
            for range in metricsAllow where AddressRange(range) == nil {
                throw ValidationError(CommandLineLanguage.pick("--metrics-allow takes an address or a CIDR block such as 10.0.0.0/8, not '\(range)'",
                                                                    "--metrics-allow 接受地址或 10.0.0.0/8 这样的 CIDR 网段，而不是 '\(range)'"))
            }
            guard ServerSettings.LogFormat(rawValue: logFormat) != nil else {
                throw ValidationError(CommandLineLanguage.pick("--log-format is text or json, not '\(logFormat)'", "--log-format 只能是 text 或 json，而不是 '\(logFormat)'"))
            }
            guard (1...65535).contains(port) else { throw ValidationError(CommandLineLanguage.pick("--port must be between 1 and 65535", "--port 须在 1 到 65535 之间")) }
            for (flag, text) in [("--session-idle-timeout", sessionIdleTimeout), ("--session-lifetime", sessionLifetime)] {
                guard DurationText.seconds(text) != nil else {
                    throw ValidationError(CommandLineLanguage.pick("\(flag) takes a duration such as 30s, 15m, 12h or 7d, not '\(text)'", "\(flag) 接受 30s、15m、12h 或 7d 这样的时长，而不是 '\(text)'"))
                }
            }
        }

        func run() async throws {
            do {
                try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            } catch {
                UsageError("cannot create \(data): \(error.localizedDescription)", "无法创建 \(data)：\(error.localizedDescription)").report()
            }
            let publicURL = publicURL ?? "http://\(hostname):\(port)"
            var settings = ServerSettings.from(environment: ProcessInfo.processInfo.environment, dataDirectory: data,
                                               publicURL: publicURL)
            settings.trustedProxies = Set(trustedProxies)
            settings.sessionIdleTimeout = DurationText.seconds(sessionIdleTimeout)!
            settings.sessionLifetime = DurationText.seconds(sessionLifetime)!
            if !metricsAllow.isEmpty { settings.metricsAllowed = metricsAllow.compactMap(AddressRange.init) }
            settings.logFormat = ServerSettings.LogFormat(rawValue: logFormat)!
            try await WebServer.run(hostname: hostname, port: port, settings: settings)
        }
    }
}
