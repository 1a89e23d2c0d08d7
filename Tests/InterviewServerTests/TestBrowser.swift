import Foundation
import Testing
@testable import InterviewServer
import Vapor
import VaporTesting

/// A person using the site: keeps the session cookie (and, before signing in, the CSRF cookie) between
/// requests and sends the CSRF token the last page carried, the way a browser submitting the page's forms
/// would.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    /// A visitor's CSRF cookie, set by pages shown without a session.
    var csrfCookie: String?
    var csrf: String?
    var language = "en"
    /// The time-zone cookies (`tz`, `tz_fixed`) as zone.js or the account page left them.
    var zoneCookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(.GET, path, headers: withCookie(headers))
        remember(response)
        return response
    }

    /// Posts a URL-encoded form; `csrf: false` leaves the token out.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf sendToken: Bool = true, referer: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        if sendToken, let csrf { fields["csrf"] = csrf }
        var headers = withCookie([:])
        if let referer { headers.add(name: .referer, value: referer) }
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Sends a raw body (multipart or JSON) with the CSRF header when `csrfHeader` is true.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer, contentType: HTTPMediaType,
              csrfHeader: Bool = true) async throws -> TestingHTTPResponse {
        var headers = withCookie([:])
        headers.contentType = contentType
        if csrfHeader, let csrf { headers.add(name: "X-CSRF-Token", value: csrf) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        remember(response)
        return response
    }

    func logIn(_ email: String, password: String = TestData.password) async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", ["email": email, "password": password])
    }

    /// A client signed in over the API: the CSRF token fetched, then the credentials posted with it.
    static func apiSignedIn(_ app: Application, _ email: String) async throws -> TestBrowser {
        let browser = TestBrowser(app)
        try await browser.get("/api/v1/session")
        let body = try JSONEncoder().encode(["email": email, "password": TestData.password])
        let response = try await browser.send(.POST, "/api/v1/session", body: ByteBuffer(data: body), contentType: .json)
        #expect(response.status == .ok)
        return browser
    }

    private func withCookie(_ headers: HTTPHeaders) -> HTTPHeaders {
        var headers = headers
        var cookies = ["lang=\(language)"]
        if let cookie { cookies.append("interviewflow-session=\(cookie)") }
        if let csrfCookie { cookies.append("\(CSRF.cookieName)=\(csrfCookie)") }
        cookies += zoneCookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        headers.replaceOrAdd(name: .cookie, value: cookies.joined(separator: "; "))
        return headers
    }

    private func remember(_ response: TestingHTTPResponse) {
        if let value = response.headers.setCookie?["interviewflow-session"]?.string { cookie = value }
        if let value = response.headers.setCookie?[CSRF.cookieName]?.string { csrfCookie = value }
        for name in [DisplayZone.cookieName, DisplayZone.fixedCookieName] {
            guard let set = response.headers.setCookie?[name] else { continue }
            zoneCookies[name] = set.maxAge == 0 ? nil : set.string
        }
        let body = response.body.string
        if let range = body.range(of: #"name="csrf" value="([0-9a-f]+)""#, options: .regularExpression) {
            csrf = String(body[range].split(separator: "\"")[3])
        }
        if let range = body.range(of: #""csrf":"([0-9a-f]+)""#, options: .regularExpression) {
            csrf = String(body[range].split(separator: "\"")[2])
        }
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
