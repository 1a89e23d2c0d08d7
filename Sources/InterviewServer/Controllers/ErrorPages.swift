import Vapor

/// Errors on pages become a page in the user's language; the API keeps Vapor's JSON errors. The page
/// never shows the error's own text, which may carry internals.
struct ErrorPages: AsyncMiddleware {
    struct ErrorPage: Encodable {
        var status: Int
        var message: String
        var back = SiteURL.positions.path
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            guard !req.url.path.hasPrefix("/api/") else { throw error }
            let status = (error as? any AbortError)?.status ?? .internalServerError
            if status == .internalServerError { req.logger.report(error: error) }
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
}
