import Vapor

/// The language switch: a plain link, so it works without JavaScript; remembered in a cookie.
struct LanguageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.language.components, use: Self.switchLanguage)
    }

    @Sendable static func switchLanguage(req: Request) async throws -> Response {
        let language = (try? req.query.get(String.self, at: "to")).flatMap(Language.init(rawValue:)) ?? .en
        // Only paths on this site: never redirect elsewhere.
        let target = SafeRedirect.path(try? req.query.get(String.self, at: "back"), fallback: SiteURL.home.path)
        let response = req.redirect(to: target)
        response.cookies[Language.cookieName] = HTTPCookies.Value(
            string: language.rawValue, expires: Date().addingTimeInterval(60 * 60 * 24 * 365),
            path: "/", isSecure: req.application.serverSettings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
