import Vapor

/// Vapor's `ErrorMiddleware`, minus what it logs: Vapor's logs the full URL of every failed request,
/// query string included — search terms are candidates' names, and `/setup?token=…` carries a secret.
/// This one logs the method, the path without its query, the status and, for failures of the server
/// itself, the error's type; never its description, which can quote input.
struct QuietErrors: Middleware {
    private struct Body: Content {
        var error = true
        var reason: String
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in
            let status: HTTPResponseStatus, reason: String, headers: HTTPHeaders
            let trouble = StorageTrouble(error)
            let language = Language.preferred(by: request)
            if let abort = StorageTrouble.abort(for: error) as? DecodingErrorText.Refusal {
                (status, reason, headers) = (abort.status, abort.text.text(language == .zh ? .zh : .en), abort.headers)
            } else if let abort = StorageTrouble.abort(for: error) {
                (status, reason, headers) = (abort.status, abort.reason, abort.headers)
            } else {
                (status, reason, headers) = (.internalServerError, "Something went wrong.", [:])
            }
            let line: Logger.Message = "\(request.method.rawValue) \(request.url.path) \(status.code)"
            if let trouble {
                trouble.report(request, status: status, error: error)
            } else if status.code >= 500 {
                request.logger.error("\(line) \(String(reflecting: type(of: error)))")
            } else {
                request.logger.debug(line)
            }
            let response = Response(status: status, headers: headers)
            if let trouble, Self.wantsPage(request) {
                // A page request that failed before `ErrorPages` could help (reading the session needs the
                // database too): a fixed page in both languages, since the language setting is unreadable.
                response.headers.contentType = .html
                response.body = .init(string: StorageTroublePage.html(trouble))
            } else {
                try response.content.encode(Body(reason: ErrorReasons.localized(reason, status: status, language: language)), as: .json)
            }
            return response
        }
    }

    private static func wantsPage(_ request: Request) -> Bool {
        !request.url.path.hasPrefix("/api/") && (request.headers.first(name: .accept)?.contains("text/html") ?? false)
    }
}
