import Foundation
import Vapor

/// The time zone pages show times in and the schedule form is read in. Times are stored in UTC, but an
/// interview at 14:00 in Shanghai shown as "06:00" was misread by the team it was for: people read
/// their own clock. Chosen per browser, like the language: `zone.js` keeps the `tz` cookie at the
/// browser's zone unless the account page fixed one (`tz_fixed`); without a cookie (the very first
/// page, API clients) it is the server's `--time-zone`, UTC by default.
enum DisplayZone {
    static let cookieName = "tz"
    static let fixedCookieName = "tz_fixed"

    /// The zones the account page lists.
    static let known: [String] = (TimeZone.knownTimeZoneIdentifiers + ["UTC"]).sorted()
    private static let knownSet = Set(known)

    /// IANA names only ("Area/Place"): the cookie is the client's to write, and Foundation would take
    /// "GMT+0800" or an abbreviation as well. A name outside the list is still taken when Foundation
    /// knows it: browsers say "Asia/Kolkata" where the list has only "Asia/Calcutta", and the reverse.
    static func zone(named name: String?) -> TimeZone? {
        guard let name, name.utf8.count <= 64 else { return nil }
        if knownSet.contains(name) { return TimeZone(identifier: name) }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0.isASCIILetterOrDigit || "_-+".utf8.contains($0) } })
        else { return nil }
        return TimeZone(identifier: name)
    }

    static func preferred(by req: Request) -> TimeZone {
        zone(named: req.cookies[cookieName]?.string) ?? req.application.serverSettings.timeZone
    }

    /// Whether the account page fixed the zone, rather than following the browser.
    static func isFixed(by req: Request) -> Bool { req.cookies[fixedCookieName]?.string == "1" }

    /// "Asia/Shanghai (UTC+08:00)", the offset as it is at `date` (summer time moves it).
    static func label(_ zone: TimeZone, at date: Date = Date()) -> String {
        let seconds = zone.secondsFromGMT(for: date)
        let minutes = abs(seconds) / 60
        let offset = (seconds < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
        return zone.identifier == "UTC" || zone.identifier == "GMT" ? "UTC" : "\(zone.identifier) (UTC\(offset))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool { (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}

/// Binds the request's zone for `DisplayDate` around each route's own handler. Not a middleware: the
/// future-based ones in front (sessions, the CSRF check that collects a form's body) continue outside
/// any task, so a task-local bound before them is gone by the time the handler runs. Wrapped here, the
/// binding is the innermost layer, and costs no extra hop: it runs the route's async handler in the one
/// task Vapor would have started for it anyway.
struct DisplayZoneResponder: AsyncResponder {
    let base: any Responder

    func respond(to request: Request) async throws -> Response {
        try await DisplayDate.$zone.withValue(DisplayZone.preferred(by: request)) {
            if let handler = base as? any AsyncResponder { return try await handler.respond(to: request) }
            // A route behind a group middleware of its own (the admin pages' RequireAdmin): that
            // middleware starts its task while this one runs, so the task inherits the binding.
            return try await base.respond(to: request).get()
        }
    }
}

/// Routes registered through this have their times shown in the reader's zone (`DisplayZoneResponder`).
private final class ZonedRoutes: RoutesBuilder {
    let root: any RoutesBuilder

    init(_ root: any RoutesBuilder) { self.root = root }

    /// Every route but a future-based handler's (the console's actions), which stays on its event loop
    /// where a task around it would leave it; those pass the zone themselves.
    func add(_ route: Route) {
        if !(route.responder is BasicResponder) { route.responder = DisplayZoneResponder(base: route.responder) }
        root.add(route)
    }
}

extension RoutesBuilder {
    /// The same routes, with `DisplayDate` in the reader's zone while each one answers.
    func zoned() -> any RoutesBuilder { ZonedRoutes(self) }
}
