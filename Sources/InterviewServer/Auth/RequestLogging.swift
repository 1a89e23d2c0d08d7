import Vapor

/// Logs each request by method and path only. Vapor's default logger prints the query string too, which
/// would put the one-time setup token (and search terms naming candidates) into the log.
///
/// The middleware that every request passes through are written with futures, not `async`: an async
/// middleware moves the request onto a task and back, a thread hop per middleware per request, which
/// under load cost more than the console's own work.
struct RequestLogging: Middleware {
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        req.logger.info("\(req.method) \(req.url.path)")
        return next.respond(to: req)
    }
}

extension Application {
    /// The server's own middleware stack, replacing Vapor's defaults (see `RequestLogging`, `QuietErrors`);
    /// the security headers go outermost so that error answers carry them too.
    func useBaseMiddleware() {
        middleware = Middlewares()
        middleware.use(SecurityHeaders())
        middleware.use(RequestLogging())
        middleware.use(QuietErrors())
    }
}
