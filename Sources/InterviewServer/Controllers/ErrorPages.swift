import Vapor

/// Errors on pages become a page in the user's language; the API keeps Vapor's JSON errors. The page
/// never shows the error's own text, which may carry internals.
struct ErrorPages: Middleware {
    struct ErrorPage: Encodable {
        var status: Int
        var message: String
        var back = SiteURL.positions.path
    }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapError { error in
            guard !req.url.path.hasPrefix("/api/") else { return req.eventLoop.makeFailedFuture(error) }
            return req.eventLoop.makeFutureWithTask { try await Self.page(for: error, req) }
        }
    }

    private static func page(for error: any Error, _ req: Request) async throws -> Response {
        let status = (error as? any AbortError)?.status ?? .internalServerError
        if status == .internalServerError {
            // The path and the error's type only: its description can quote input (see `QuietErrors`).
            req.logger.error("\(req.method.rawValue) \(req.url.path) 500 \(String(reflecting: type(of: error)))")
        }
        let message: Text = switch status.code {
        case 404: .pageNotFound
        case 401, 403: .pageForbidden
        case 400..<500: .pageBadRequest
        default: .pageFailed
        }
        let response = try await req.page("error", ErrorPage(status: Int(status.code), message: req.text(message)))
            .encodeResponse(for: req)
        response.status = status
        return response
    }
}
