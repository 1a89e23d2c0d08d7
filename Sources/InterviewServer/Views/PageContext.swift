import InterviewCore
import Vapor

/// What every page shows around its content: strings in the user's language, the CSRF token for its
/// forms, who is logged in, the navigation and the language switch.
struct PageContext<Content: Encodable>: Encodable {
    struct Link: Encodable {
        var label: String
        var href: String
        /// The section the page belongs to (`aria-current` in the header's navigation).
        var current = false
    }

    var t: [String: String]
    var lang: String
    var csrf: String
    var userName: String?
    var nav: [Link]
    var switchLanguage: Link
    /// The switch names the other language in that language, so it is marked as such (WCAG 3.1.2).
    var otherLang: String
    var logout: String
    var account = SiteURL.account.path
    /// The zone times on the page are in ("Asia/Shanghai (UTC+08:00)"), said in the footer and beside
    /// the schedule field.
    var zone: String
    /// Demo data (`interview demo`): a banner on every page.
    var demo = false
    var content: Content

    init(_ req: Request, content: Content) {
        let language = req.language
        self.t = Text.table(language)
        self.lang = language.rawValue
        self.csrf = CSRF.token(for: req)
        self.zone = DisplayZone.label(DisplayZone.preferred(by: req))
        let user = req.auth.get(User.self)
        self.userName = user?.name
        var nav: [Link] = []
        if let user {
            nav = [(Text.positions, SiteURL.positions), (.candidates, .candidates), (.interviews, .interviews), (.guides, .guides),
                   (.calibration, .calibration)]
                .map { Link(label: $0.0.in(language), href: $0.1.path) }
            if user.role.managesPositions {
                nav.append(Link(label: Text.questionBank.in(language), href: SiteURL.questions.path))
            }
            if user.isAdmin {
                nav += [Link(label: Text.users.in(language), href: SiteURL.users.path),
                        Link(label: Text.audit.in(language), href: SiteURL.audit.path)]
            }
        }
        // The section whose path starts the page's: /candidates/… is under Candidates.
        let path = req.url.path
        if let index = nav.indices.filter({ path == nav[$0].href || path.hasPrefix(nav[$0].href + "/") })
            .max(by: { nav[$0].href.count < nav[$1].href.count }) {
            nav[index].current = true
        }
        self.nav = nav
        self.demo = req.application.serverSettings.isDemo
        // Back to the same page with its query: the first-admin page's token is in it (switching language
        // there sent the admin to "this link has expired"), as are a list's search and filters. A page
        // answering a form (a refused decision, a wrong current password) is at an address that only takes
        // posts: back to the page the form was on, as the browser's Referer names it (same-origin policy).
        let back = req.method == .GET ? req.url.path + (req.url.query.map { "?" + $0 } ?? "")
            : req.headers.first(name: .referer).flatMap(URLComponents.init(string:)).map { $0.percentEncodedPath + ($0.percentEncodedQuery.map { "?" + $0 } ?? "") }
                ?? SiteURL.home.path
        self.switchLanguage = Link(label: language.other.ownName, href: SiteURL.switchLanguage(to: language.other, back: back))
        self.otherLang = language.other.rawValue
        self.logout = SiteURL.logout.path
        self.content = content
    }
}

extension Request {
    func page<Content: Encodable>(_ template: String, _ content: Content) async throws -> View {
        let page = try await view.render(template, PageContext(self, content: content))
        // Not the guide pages: a guide's own text is the author's, and the editor would save it changed.
        guard !template.hasPrefix("guide") else { return page }
        return View(data: CandidateErasure.shown(page.data, in: language))
    }
}

/// Dates as pages show them: to the minute, in the reader's time zone (`DisplayZone`).
enum DisplayDate {
    /// Bound around each page and API handler (`DisplayZoneResponder`); UTC outside one. The console's
    /// actions, answered on the event loop without a task, pass the zone instead.
    @TaskLocal static var zone: TimeZone = TimeZone(identifier: "UTC")!

    /// "2026-11-26 17:30"; see `SessionTimestamp.minute` for why not a format style.
    static func string(_ date: Date?, in zone: TimeZone = DisplayDate.zone) -> String {
        guard let date else { return "" }
        return SessionTimestamp.minute(date, in: zone)
    }

    /// The same minute as an HTML datetime-local field shows it ("2026-11-26T17:30").
    static func fieldValue(_ date: Date) -> String {
        string(date).replacingOccurrences(of: " ", with: "T")
    }

    /// A wall-clock time in `zone` ("2026-12-01T14:30", as a datetime-local field sends it) as the
    /// moment it names; nil for a day the month does not have (Feb 31 is not quietly March 3), and for a
    /// time the zone's clocks skip (`skippedByClock` tells that apart). A time they repeat is its first.
    static func date(wallClock text: String, in zone: TimeZone) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard parts.count == 5 || parts.count == 6, parts.allSatisfy({ $0 != nil }) else { return nil }
        let n = parts.map { $0! }
        guard (1...12).contains(n[1]), (1...31).contains(n[2]), n[3] < 24, n[4] < 60, n.count == 5 || n[5] < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4], second: n.count == 6 ? n[5] : 0)
        guard let date = calendar.date(from: components),
              calendar.component(.month, from: date) == n[1], calendar.component(.day, from: date) == n[2] else { return nil }
        // 02:30 on the night the clocks go forward does not exist there: Foundation moved it to 03:30 and
        // the interview was saved an hour off, unsaid (a probe). Refused instead (`skippedByClock`).
        guard calendar.component(.hour, from: date) == n[3], calendar.component(.minute, from: date) == n[4] else { return nil }
        return date
    }

    /// Whether `text` is a well-formed time that `zone`'s clocks skip (the hour they go forward).
    static func skippedByClock(wallClock text: String, in zone: TimeZone) -> Bool {
        guard date(wallClock: text, in: zone) == nil, let utc = date(wallClock: text, in: .gmt) else { return false }
        // Well formed (it exists in UTC) and missing in the zone: an offset change within a day of it.
        return zone.secondsFromGMT(for: utc.addingTimeInterval(-86_400)) != zone.secondsFromGMT(for: utc.addingTimeInterval(86_400))
    }
}
