import Vapor

/// Someone who is not signed in can send only small bodies: a login, the first admin's form. Checked
/// before anything reads the body, from `Content-Length` when it is given and while the body streams
/// in otherwise, so a stranger cannot make the server read and keep megabytes (the signed-in limit is
/// 6 MB, for resumes). Runs after the session is read, when it is known whether someone is signed in.
struct AnonymousBodyLimit: Middleware {
    static let limit = 64 * 1024

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard req.method != .GET, req.method != .HEAD, !req.auth.has(User.self) else { return next.respond(to: req) }
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > Self.limit {
            return req.eventLoop.makeFailedFuture(Self.tooLarge)
        }
        guard req.body.data == nil else { return next.respond(to: req) }
        // Streaming (chunked, or not yet read): collect at most the limit; more fails with 413.
        return req.body.collect(max: Self.limit).flatMap { _ in next.respond(to: req) }
    }

    /// The connection is closed after the answer: the rest of the body is never read.
    private static let tooLarge = Abort(.payloadTooLarge, headers: ["Connection": "close"],
                                        reason: "Sign in first: bodies from callers who are not signed in are limited to 64 KB.")
}
