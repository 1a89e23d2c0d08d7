import Vapor

/// `/healthz`, `/readyz` and `/metrics` answer without reading a session: a probe that sends a cookie
/// (a monitoring user signed in, a load balancer replaying cookies) had its session read from the
/// database, and during a PostgreSQL outage `/healthz` — "the process is up", no database — answered 503,
/// which could have a supervisor restart healthy instances (an operator's probe).
struct ProbesWithoutSession: Middleware {
    static let paths: Set<String> = ["/healthz", "/readyz", "/metrics"]
    let base: any Middleware

    init(_ base: any Middleware) { self.base = base }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if Self.paths.contains(request.url.path) { return next.respond(to: request) }
        return base.respond(to: request, chainingTo: next)
    }
}
