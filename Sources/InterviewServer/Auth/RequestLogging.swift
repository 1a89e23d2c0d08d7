import Vapor

/// Logs each request by method and path only. Vapor's default logger prints the query string too, which
/// would put the one-time setup token (and search terms naming candidates) into the log.
struct RequestLogging: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        req.logger.info("\(req.method) \(req.url.path)")
        return try await next.respond(to: req)
    }
}

extension Application {
    /// The server's own middleware stack, replacing Vapor's defaults (see `RequestLogging`).
    func useBaseMiddleware() {
        middleware = Middlewares()
        middleware.use(RequestLogging())
        middleware.use(ErrorMiddleware.default(environment: environment))
    }
}
