import Foundation
import Vapor

/// Every page's address, used both to register routes and to build links, so a link cannot point at a
/// route that does not exist.
enum SiteURL {
    case home, setup, login, logout, language
    case positions, position(UUID), positionMembers(UUID), positionMemberRemove(UUID, UUID)
    case candidates, candidate(UUID), candidateResume(UUID), candidateExport(UUID), candidateErase(UUID)
    case candidateDecision(UUID), candidateDebrief(UUID), candidateDebriefMarkdown(UUID), candidateDebriefJSON(UUID)
    case interviews, interviewStatus(UUID), interviewReschedule(UUID), interviewPanelistRemove(UUID, UUID), interviewPanelistAdd(UUID), interviewConsole(UUID), interviewReport(UUID), interviewCandidateReport(UUID)
    case guides, guide(UUID), guideEdit(UUID), guideConvert(UUID), guideCompare(UUID), guideMarkdown(UUID)
    case users, usersLockout, userRole(UUID), userActive(UUID), userPassword(UUID), userDetails(UUID), account, accountPassword, accountName, accountSignOutEverywhere, accountTimeZone, audit, auditExport
    case calibration, guideHealth(UUID), questions

    /// Where someone lands after signing in: an interviewer on the interviews page, whose first part is
    /// their own agenda (`InterviewAgenda`); managers and admins, who run positions, on the positions list.
    static func landing(for user: User) -> SiteURL {
        user.role == .interviewer ? .interviews : .positions
    }

    var path: String {
        switch self {
        case .home: "/"
        case .setup: "/setup"
        case .login: "/login"
        case .logout: "/logout"
        case .language: "/language"
        case .positions: "/positions"
        case .position(let id): "/positions/\(id)"
        case .positionMembers(let id): "/positions/\(id)/members"
        case .positionMemberRemove(let id, let user): "/positions/\(id)/members/\(user)/remove"
        case .candidates: "/candidates"
        case .candidate(let id): "/candidates/\(id)"
        case .candidateResume(let id): "/candidates/\(id)/resume.pdf"
        case .candidateExport(let id): "/candidates/\(id)/export"
        case .candidateErase(let id): "/candidates/\(id)/erase"
        case .candidateDecision(let id): "/candidates/\(id)/decision"
        case .candidateDebrief(let id): "/candidates/\(id)/debrief"
        case .candidateDebriefMarkdown(let id): "/candidates/\(id)/debrief.md"
        case .candidateDebriefJSON(let id): "/candidates/\(id)/debrief.json"
        case .interviews: "/interviews"
        case .interviewStatus(let id): "/interviews/\(id)/status"
        case .interviewReschedule(let id): "/interviews/\(id)/reschedule"
        case .interviewPanelistRemove(let id, let user): "/interviews/\(id)/panel/\(user)/remove"
        case .interviewPanelistAdd(let id): "/interviews/\(id)/panel/add"
        case .interviewConsole(let id): "/interviews/\(id)/console"
        case .interviewReport(let id): "/interviews/\(id)/report"
        case .interviewCandidateReport(let id): "/interviews/\(id)/report/candidate.html"
        case .guides: "/guides"
        case .guide(let id): "/guides/\(id)"
        case .guideEdit(let id): "/guides/\(id)/edit"
        case .guideConvert(let id): "/guides/\(id)/convert"
        case .guideCompare(let id): "/guides/\(id)/compare"
        case .guideMarkdown(let id): "/guides/\(id)/guide.md"
        case .users: "/users"
        case .usersLockout: "/users/lockout"
        case .userRole(let id): "/users/\(id)/role"
        case .userActive(let id): "/users/\(id)/active"
        case .userPassword(let id): "/users/\(id)/password"
        case .userDetails(let id): "/users/\(id)/details"
        case .accountName: "/account/name"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountSignOutEverywhere: "/account/sign-out-everywhere"
        case .accountTimeZone: "/account/time-zone"
        case .audit: "/audit"
        case .auditExport: "/audit/export.json"
        case .calibration: "/calibration"
        case .guideHealth(let id): "/guides/\(id)/health"
        case .questions: "/questions"
        }
    }

    /// The header's language switch: to `language`, then back to `back` (a path, with its query), which
    /// travels as one query value. The one place that writes this link: every page and the report use it.
    static func switchLanguage(to language: Language, back: String) -> String {
        let value = back.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+", "#"])) ?? "/"
        return SiteURL.language.path + "?to=\(language.rawValue)&back=\(value)"
    }

    /// The route pattern: the same path with `:id` where an id goes.
    static func pattern(_ make: (UUID) -> SiteURL) -> [PathComponent] {
        let anyID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
        return make(anyID).path.split(separator: "/").map {
            $0 == anyID.uuidString ? ":id" : PathComponent(stringLiteral: String($0))
        }
    }

    /// The route for a page with two ids (`positionMemberRemove`): the first is `:id`, the second `:user`.
    static func pattern(_ make: (UUID, UUID) -> SiteURL) -> [PathComponent] {
        let first = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
        let second = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
        return make(first, second).path.split(separator: "/").map {
            $0 == first.uuidString ? ":id" : $0 == second.uuidString ? ":user" : PathComponent(stringLiteral: String($0))
        }
    }

    var components: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}
