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
    /// Demo data (`interview demo`): a banner on every page.
    var demo = false
    var content: Content

    init(_ req: Request, content: Content) {
        let language = req.language
        self.t = Text.table(language)
        self.lang = language.rawValue
        self.csrf = CSRF.token(for: req)
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
        self.switchLanguage = Link(label: language.other.ownName, href: SiteURL.switchLanguage(to: language.other, back: req.url.path))
        self.otherLang = language.other.rawValue
        self.logout = SiteURL.logout.path
        self.content = content
    }
}

extension Request {
    func page<Content: Encodable>(_ template: String, _ content: Content) async throws -> View {
        try await view.render(template, PageContext(self, content: content))
    }
}

/// Dates as pages and exports show them: ISO 8601 in UTC, to the minute.
enum DisplayDate {
    /// UTC to the minute ("2026-11-26 09:30"); see `SessionTimestamp.minute` for why not a format style.
    static func string(_ date: Date?) -> String {
        guard let date else { return "" }
        return SessionTimestamp.minute(date)
    }
}
