import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 13, least privilege: docs/security.md's role matrix, one row per action, tried over the JSON
/// API and the HTML forms for every kind of person. 404 where the thing is not visible to them (its
/// existence is not revealed), 403 where it is visible but the action is not theirs.
@Suite("Role matrix")
struct AccessMatrixTests {
    /// The people of the matrix, all members of one position except where the name says otherwise.
    enum Person: String, CaseIterable {
        case admin = "root@example.com"
        case owner = "olga@example.com"            // hiring manager who opened the position and owns the guide
        case manager = "mia@example.com"           // hiring manager, member, not the owner
        case otherManager = "hank@example.com"     // hiring manager, not a member
        case panelist = "ivan@example.com"         // interviewer on the interview's panel
        case member = "iris@example.com"           // interviewer, member, not on the panel
        case stranger = "oscar@example.com"        // interviewer, not a member
        case outsider = ""                         // not signed in
    }

    struct World {
        let app: Application
        let position: Position
        let candidate: Candidate
        let interview: Interview
        let guide: GuideRecord
        let users: [Person: User]
        var browsers: [Person: TestBrowser] = [:]

        func call(_ person: Person, _ method: HTTPMethod, _ path: String, json: [String: Any]? = nil,
                  form: [String: String]? = nil) async throws -> HTTPStatus {
            let browser = browsers[person]!
            if let form { return try await browser.post(path, form).status }
            if method == .GET { return try await browser.get(path).status }
            let body = try JSONSerialization.data(withJSONObject: json ?? [:])
            return try await browser.send(method, path, body: ByteBuffer(data: body), contentType: .json).status
        }
    }

    private func world(_ app: Application) async throws -> World {
        var users: [Person: User] = [:]
        let roles: [Person: Role] = [.admin: .admin, .owner: .hiringManager, .manager: .hiringManager, .otherManager: .hiringManager,
                                     .panelist: .interviewer, .member: .interviewer, .stranger: .interviewer]
        for (person, role) in roles { users[person] = try await TestData.user(app, person.rawValue, role: role) }
        let position = try await TestData.position(app, "Backend engineer", members: [users[.owner]!, users[.manager]!, users[.panelist]!, users[.member]!])
        position.$owner.id = users[.owner]!.id
        try await position.save(on: app.db)
        let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
        let (_, version) = try await TestData.anyGuideVersion(app)
        let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: Date())
        try await interview.save(on: app.db)
        try await interview.$interviewers.attach([users[.panelist]!], on: app.db)
        let guide = GuideRecord(slug: "olgas-guide", title: "Olga's guide", language: "en")
        guide.$owner.id = users[.owner]!.id
        try await guide.save(on: app.db)
        try await GuideLibrary.save(markdown: "# Guide\n\nHello.\n", to: guide, author: users[.owner]!.requireID(), on: app.db)
        var world = World(app: app, position: position, candidate: candidate, interview: interview, guide: guide, users: users)
        for person in Person.allCases {
            let browser = TestBrowser(app)
            if person != .outsider { _ = try await browser.logIn(person.rawValue) }
            try await browser.get("/api/v1/session")
            world.browsers[person] = browser
        }
        return world
    }

    /// Runs every person through one action and compares the statuses with the row.
    private func check(_ world: World, _ action: String, _ expected: [Person: HTTPStatus],
                       _ attempt: (Person) async throws -> HTTPStatus) async throws {
        for person in Person.allCases {
            guard let want = expected[person] else { continue }
            let got = try await attempt(person)
            #expect(got == want, "\(action) by \(person): \(got.code), the matrix says \(want.code)")
        }
    }

    @Test func interviewStatusIsForTheHiringManagersOfThePositionAndAdmins() async throws {
        try await withApp { app in
            let w = try await world(app)
            let id = try w.interview.requireID()
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound,
                                             .member: .forbidden, .panelist: .forbidden, .manager: .noContent, .owner: .noContent, .admin: .noContent]
            try await check(w, "API status", row) { try await w.call($0, .POST, "/api/v1/interviews/\(id)/status", json: ["status": "cancelled"]) }
            var html = row.mapValues { $0 == .noContent ? HTTPStatus.seeOther : $0 }
            html[.outsider] = .seeOther // to the login page
            try await check(w, "form status", html) { try await w.call($0, .POST, "/interviews/\(id)/status", form: ["status": "scheduled"]) }
            let audited = try await SecurityEvent.query(on: app.db).filter(\.$kind == .interviewStatus).count()
            #expect(audited > 0)
        }
    }

    @Test func movingAnInterviewIsForTheHiringManagersOfThePositionAndAdmins() async throws {
        try await withApp { app in
            let w = try await world(app)
            let id = try w.interview.requireID()
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound,
                                             .member: .forbidden, .panelist: .forbidden, .manager: .ok, .owner: .ok, .admin: .ok]
            try await check(w, "API reschedule", row) { try await w.call($0, .POST, "/api/v1/interviews/\(id)/reschedule", json: ["scheduledAt": "2027-01-05T09:00:00Z"]) }
            var html = row.mapValues { $0 == .ok ? HTTPStatus.seeOther : $0 }
            html[.outsider] = .seeOther // to the login page
            try await check(w, "form reschedule", html) { try await w.call($0, .POST, "/interviews/\(id)/reschedule", form: ["scheduledAt": "2027-01-06T10:00"]) }
            #expect(try await SecurityEvent.query(on: app.db).filter(\.$kind == .interviewRescheduled).count() == 2)
        }
    }

    @Test func candidateEditsSchedulingAndAddingAreForManagers() async throws {
        try await withApp { app in
            let w = try await world(app)
            let candidate = try w.candidate.requireID(), position = try w.position.requireID()
            let managers: (HTTPStatus) -> [Person: HTTPStatus] = { ok in
                [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound, .member: .forbidden,
                 .panelist: .forbidden, .manager: ok, .owner: ok, .admin: ok]
            }
            try await check(w, "edit candidate", managers(.ok)) {
                try await w.call($0, .PATCH, "/api/v1/candidates/\(candidate)", json: ["contact": "sun@example.com"])
            }
            try await check(w, "schedule", managers(.created)) {
                try await w.call($0, .POST, "/api/v1/interviews", json: ["candidateID": candidate.uuidString, "scheduledAt": "2026-12-24T10:00",
                                                                          "interviewerIDs": [w.users[.panelist]!.id!.uuidString]])
            }
            var form = managers(.seeOther)
            form[.outsider] = .seeOther
            try await check(w, "edit candidate form", form) { try await w.call($0, .POST, "/candidates/\(candidate)", form: ["contact": "x@example.com"]) }
            try await check(w, "add candidate", managers(.created)) {
                try await w.call($0, .POST, "/api/v1/candidates", json: ["positionID": position.uuidString, "name": "New", "contact": "n@example.com"])
            }
            try await check(w, "add member", managers(.ok)) {
                try await w.call($0, .POST, "/api/v1/positions/\(position)/members", json: ["email": Person.member.rawValue])
            }
            // Taking a member off: the refused cells first, then the manager does it, and adds them back.
            let member = try w.users[.member]!.requireID()
            try await check(w, "take a member off", managers(.ok).filter { $0.value != .ok }) {
                try await w.call($0, .DELETE, "/api/v1/positions/\(position)/members/\(member)")
            }
            try await check(w, "take a member off", [.manager: .ok]) {
                try await w.call($0, .DELETE, "/api/v1/positions/\(position)/members/\(member)")
            }
            #expect(try await w.call(.manager, .POST, "/api/v1/positions/\(position)/members", json: ["email": Person.member.rawValue]) == .ok)
            try await check(w, "export", managers(.ok)) { try await w.call($0, .GET, "/api/v1/candidates/\(candidate)/export") }
            // Erasing last: the allowed cells change the candidate for good.
            try await check(w, "erase", managers(.ok).filter { $0.value != .ok }) {
                try await w.call($0, .POST, "/api/v1/candidates/\(candidate)/erase")
            }
            try await check(w, "erase", [.manager: .ok]) { try await w.call($0, .POST, "/api/v1/candidates/\(candidate)/erase") }
        }
    }

    @Test func everyMemberReadsThePositionsCandidatesAndNobodyElse() async throws {
        try await withApp { app in
            let w = try await world(app)
            let candidate = try w.candidate.requireID()
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound,
                                             .member: .ok, .panelist: .ok, .manager: .ok, .owner: .ok, .admin: .ok]
            try await check(w, "read candidate", row) { try await w.call($0, .GET, "/api/v1/candidates/\(candidate)") }
        }
    }

    @Test func theRetentionPeriodIsForThePositionsOwnerAndAdmins() async throws {
        try await withApp { app in
            let w = try await world(app)
            let position = try w.position.requireID()
            var days = 30
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound,
                                             .member: .forbidden, .panelist: .forbidden, .manager: .forbidden, .owner: .ok, .admin: .ok]
            try await check(w, "retention", row) {
                days += 1
                return try await w.call($0, .PATCH, "/api/v1/positions/\(position)", json: ["title": "Backend engineer", "retentionDays": String(days)])
            }
            // Renaming alone stays with every hiring manager of the position.
            let current = try await Position.find(position, on: app.db)!.retentionDays.map(String.init) ?? ""
            let rename = try await w.call(.manager, .PATCH, "/api/v1/positions/\(position)", json: ["title": "Backend", "retentionDays": current])
            #expect(rename == .ok)
            let changes = try await SecurityEvent.query(on: app.db).filter(\.$kind == .retentionChanged).count()
            #expect(changes == 2)
        }
    }

    @Test func aGuideIsEditedByItsOwnerAndAdminsOnly() async throws {
        try await withApp { app in
            let w = try await world(app)
            let guide = try w.guide.requireID()
            var n = 0
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .forbidden, .otherManager: .forbidden,
                                             .member: .forbidden, .panelist: .forbidden, .manager: .forbidden, .owner: .ok, .admin: .ok]
            try await check(w, "guide edit", row) {
                n += 1
                return try await w.call($0, .POST, "/api/v1/guides/\(guide)/versions", json: ["markdown": "# Guide\n\n## 1. Warm-up\n\n- Question \(n)?\n"])
            }
            var form = row.mapValues { $0 == .ok ? HTTPStatus.seeOther : $0 }
            form[.outsider] = .seeOther
            try await check(w, "guide edit form", form) {
                n += 1
                return try await w.call($0, .POST, "/guides/\(guide)/edit", form: ["markdown": "# Guide\n\n## 1. Warm-up\n\n- Question \(n)?\n"])
            }
            let edits = try await SecurityEvent.query(on: app.db).filter(\.$kind == .guideEdited).count()
            #expect(edits == 4)
        }
    }

    @Test func accountsAndTheAuditTrailsAreForAdmins() async throws {
        try await withApp { app in
            let w = try await world(app)
            let row: [Person: HTTPStatus] = [.outsider: .unauthorized, .stranger: .notFound, .otherManager: .notFound,
                                             .member: .notFound, .panelist: .notFound, .manager: .notFound, .owner: .notFound, .admin: .ok]
            for path in ["/api/v1/users", "/api/v1/audit", "/api/v1/audit/security"] {
                try await check(w, path, row) { try await w.call($0, .GET, path) }
            }
            try await check(w, "lift an address's lockout", row) { try await w.call($0, .DELETE, "/api/v1/lockouts/203.0.113.9") }
            let positions: [Person: HTTPStatus] = [.member: .forbidden, .panelist: .forbidden, .manager: .created, .admin: .created]
            let guides = try await TestData.anyGuideVersion(app).0.requireID()
            try await check(w, "create position", positions) {
                try await w.call($0, .POST, "/api/v1/positions", json: ["title": "P \($0)", "guideID": guides.uuidString])
            }
        }
    }
}
