import PostgresNIO
import Vapor

/// The running server, for `interview serve`: bootstrap logging, make the app, configure it, serve until
/// stopped, shut down.
public enum WebServer {
    public static func run(hostname: String, port: Int, settings: ServerSettings) async throws {
        // Vapor's own command line is not used: `interview serve` has parsed the options already.
        let environment = Environment(name: "production", arguments: ["interview"])
        let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
        let format = settings.logFormat
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == .json ? JSONLogHandler(label: label, level: level)
                                                          : StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return DependencyQuietLogHandler(handler)
        }
        let app = try await Application.make(environment)
        if let asked = Environment.get("LOG_LEVEL"), Logger.Level(rawValue: asked) == nil {
            app.logger.warning("LOG_LEVEL '\(asked)' is not a level (trace, debug, info, notice, warning, error, critical); logging at info")
        }
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        app.http.server.configuration.idleTimeout = .milliseconds(Int64(settings.connectionIdleTimeout * 1000))
        do {
            if case .postgres(let url, _) = settings.storage {
                try await DatabaseStartup.waitForPostgres(url: url, on: app.eventLoopGroup.any(), logger: app.logger)
            }
            try await configure(app, settings: settings)
            app.lifecycle.use(RetentionLifecycle())
            app.lifecycle.use(CalibrationWarmup())
            app.logger.info("data: \(settings.storageDescription)")
            try await app.execute()
            await drain(app)
        } catch let error as PSQLError {
            // Said in words (the error's own text is a generic line, on purpose): which server, and what.
            try? await app.asyncShutdown()
            if case .postgres(let url, _) = settings.storage { throw DatabaseStartup.explain(error, place: DatabaseStartup.place(url)).problem }
            throw error
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Vapor's `execute` returns as soon as SIGTERM arrives, and its shutdown then closes what the app
    /// keeps (the database among it) in no set order: a request still being answered reached a closed
    /// database, and the process crashed on every stop under load (an operator's probe, 4 of 4 runs).
    /// So first the console's sockets are closed (a socket is never done, so the drain would wait its
    /// whole timeout for them), then the server stops taking connections and finishes the requests it
    /// holds (up to its 10 s), and only then does the rest shut down.
    static func drain(_ app: Application) async {
        await app.openConsoleSockets.closeAll()
        await app.http.server.shared.shutdown()
    }
}
