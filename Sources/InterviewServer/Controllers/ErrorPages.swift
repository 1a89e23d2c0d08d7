import Vapor

/// Errors on pages become a page in the user's language; the API keeps Vapor's JSON errors. The page
/// never shows the error's own text, which may carry internals.
struct ErrorPages: Middleware {
    struct ErrorPage: Encodable {
        var status: Int
        var message: String
        /// The status in words beside its number: a heading list read "404" alone.
        var heading = ""

        static func words(_ status: UInt, _ language: Language) -> String {
            let zh = language == .zh
            return switch status {
            case 404: zh ? "找不到页面" : "Not found"
            case 401, 403: zh ? "无权访问" : "Not allowed"
            case 413: zh ? "内容过大" : "Too large"
            case 429: zh ? "尝试次数过多" : "Too many attempts"
            case 503: zh ? "暂不可用" : "Unavailable"
            case 400..<500: zh ? "无法完成" : "Cannot be done"
            default: zh ? "出错了" : "Something went wrong"
            }
        }
        var back = SiteURL.positions.path
    }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapError { error in
            guard !req.url.path.hasPrefix("/api/") else { return req.eventLoop.makeFailedFuture(error) }
            return req.eventLoop.makeFutureWithTask { try await Self.page(for: error, req) }
        }
    }

    private static func page(for error: any Error, _ req: Request) async throws -> Response {
        let trouble = StorageTrouble(error)
        let abort = StorageTrouble.abort(for: error)
        let status = abort?.status ?? .internalServerError
        if let trouble {
            trouble.report(req, status: status, error: error)
        } else if status == .internalServerError {
            // The path and the error's type only: its description can quote input (see `QuietErrors`).
            req.logger.error("\(req.method.rawValue) \(req.url.path) 500 \(String(reflecting: type(of: error)))")
        }
        let message: Text = switch (trouble, status.code) {
        case (.unavailable?, _): .pageUnavailable
        case (.diskFull?, _): .pageDiskFull
        case (nil, 404): .pageNotFound
        // A page opened (GET) was refused for the reader's role; a form sent, for its token or its action.
        case (nil, 401), (nil, 403): req.method == .GET ? .pageNotAllowed : .pageForbidden
        // A form whose file is over the body limit never reaches its field check ("a PDF of at most 5 MB").
        case (nil, 413): req.auth.has(User.self) ? .pageTooLarge : .pageTooLargeSignedOut
        case (nil, 400..<500): .pageBadRequest
        default: .pageFailed
        }
        // A form's own refusal says why (the time given does not exist, say), in the reader's language;
        // any other error says only what kind it was.
        let said = (error as? FormRefusal)?.reason ?? req.text(message)
        let response = try await req.page("error", ErrorPage(status: Int(status.code), message: said,
                                                             heading: ErrorPage.words(status.code, req.language)))
            .encodeResponse(for: req)
        response.status = status
        if trouble != nil, let retry = abort?.headers.first(name: .retryAfter) { response.headers.replaceOrAdd(name: .retryAfter, value: retry) }
        return response
    }
}

/// A refusal whose reason is ours and already in the reader's language, where no page of its own can say
/// it: a form sent without the page that holds it (a row's inline form), or a download refused (the
/// candidate's version of a card not submitted). The error page shows the reason. The 422 page said only
/// "cannot be done" to a manager whose new interview time did not exist on her clock.
struct FormRefusal: AbortError {
    var status: HTTPResponseStatus
    var reason: String
}
