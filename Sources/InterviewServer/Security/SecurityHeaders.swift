import Crypto
import Flowchart
import Foundation
import InterviewCore
import Vapor

/// Headers every answer carries, pages, API, files and errors alike. The Content-Security-Policy is
/// the second line of defence behind escaping: a missed escape must not become running script. No
/// inline script anywhere (the console's boot data is a JSON `<script type="application/json">`, which
/// browsers never run); inline style only for the two fixed stylesheets the server embeds — the
/// flowchart drawing's and the report's — allowed by their hashes, not by `'unsafe-inline'`.
struct SecurityHeaders: Middleware {
    /// Computed once: the hashes depend only on the stylesheets compiled into the binary.
    static let contentSecurityPolicy: String = {
        let styles = [SVGStyleSheet.elementText, HTMLReportStyle.elementText].map {
            "'sha256-" + Data(SHA256.hash(data: Data($0.utf8))).base64EncodedString() + "'"
        }
        return [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' " + styles.joined(separator: " "),
            // Guide authors may show pictures from the web; never data: or script-bearing schemes.
            "img-src 'self' https:",
            "connect-src 'self'",
            "font-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ].joined(separator: "; ")
    }()

    /// Set on every answer; built once so each response copies a few header values and nothing more.
    private static let headers: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ]

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            for (name, value) in Self.headers { response.headers.replaceOrAdd(name: name, value: value) }
            // Pages and API answers carry candidates' data: no shared or back-button cache keeps them (the
            // public files, which come with an ETag, may be cached and revalidated).
            if !response.headers.contains(name: .cacheControl), !response.headers.contains(name: .eTag) {
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            }
            return response
        }
    }
}
