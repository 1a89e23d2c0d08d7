import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 13: the security trail records sign-ins and their failures, account changes, guide and
/// retention edits, exports, erasures and status changes — filterable, paged, exported as JSON, and
/// never with a password, a token or a note's text in it.
@Suite("Security audit trail")
struct SecurityAuditTests {
    private struct Page: Decodable {
        struct Line: Decodable { var kind: String; var actor: String?; var subject: String; var detail: String }
        var entries: [Line]
        var page: Int
        var per: Int
        var total: Int
        var pages: Int
    }

    @Test func signInsAndAccountChangesAreRecordedWithoutSecrets() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = TestBrowser(app)
            _ = try await TestBrowser(app).logIn("ivan@example.com", password: "SECRET-guess-1")
            _ = try await TestBrowser(app).logIn("ghost@example.com", password: "SECRET-guess-2")
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            _ = try await admin.post("/users/\(ivan.id!)/role", ["role": "hiring_manager"])
            _ = try await admin.post("/users/\(ivan.id!)/active", ["active": "false"])
            try await admin.get("/account")
            _ = try await admin.post("/account/password", ["current": TestData.password, "new": "SECRET-new-password",
                                                           "confirmation": "SECRET-new-password"])
            // act
            try await admin.get("/api/v1/session")
            let all = try await admin.get("/api/v1/audit/security?per=100")
            let failures = try await admin.get("/api/v1/audit/security?kind=login.failed")
            let page = try await admin.get("/audit?log=security")
            let export = try await admin.get("/audit/export.json?log=security")
            // verify
            let lines = try JSONDecoder().decode(Page.self, from: Data(buffer: all.body)).entries
            let kinds = Set(lines.map(\.kind))
            #expect(kinds.isSuperset(of: ["login.failed", "login.succeeded", "role.changed", "user.deactivated", "password.changed"]))
            #expect(lines.first { $0.kind == "role.changed" }?.actor == "root@example.com")
            #expect(lines.first { $0.kind == "role.changed" }?.detail == "interviewer -> hiring_manager")
            let failed = try JSONDecoder().decode(Page.self, from: Data(buffer: failures.body))
            #expect(failed.total == 2 && failed.entries.allSatisfy { $0.kind == "login.failed" })
            #expect(failed.entries.contains { $0.actor == "ivan@example.com" })
            for text in [all.body.string, page.body.string, export.body.string] {
                #expect(!text.contains("SECRET"))
                #expect(!text.contains("ghost@example.com"))
            }
            #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            // the page names kinds in words, the code kept as a hint; the export keeps the codes
            #expect(page.body.string.contains("<td title=\"role.changed\">role changed</td>"))
            #expect(export.body.string.contains("\"role.changed\""))
            // people by name and email on the page, by their stable id in the export
            #expect(page.body.string.contains("&lt;ivan@example.com&gt;") && !page.body.string.contains("user:\(ivan.id!.uuidString)"))
            #expect(export.body.string.contains("user:\(ivan.id!.uuidString)"))
        }
    }

    @Test func theChineseAuditPageSaysEachDetailInChineseAndNamesWhatItActedOn() async throws {
        try await withApp { app in
            // setup: a role change, a retention change on a position, a sign-out everywhere
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "平台工程师", members: [])
            let admin = TestBrowser(app)
            admin.language = "zh"
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            _ = try await admin.post("/users/\(ivan.id!)/role", ["role": "hiring_manager"])
            try await admin.get("/positions/\(position.id!)")
            _ = try await admin.post("/positions/\(position.id!)", ["title": "平台工程师", "retentionDays": "30"])
            // act
            let page = try await admin.get("/audit?log=security").body.string
            // verify: the words of the Users and Positions pages, and the position by its title
            #expect(page.contains("面试官 → 招聘经理"), "role change in words")
            #expect(page.contains("不限期保留 → 30 天"), "retention change in words")
            #expect(page.contains(">平台工程师<") && !page.contains("position:\(position.id!.uuidString)"))
            #expect(AuditText.detail("sessions ended", .zh) == "会话已结束")
            #expect(AuditText.detail("scheduled -> cancelled", .en) == "\(Text.statusScheduled.in(.en)) → \(Text.statusCancelled.in(.en))")
        }
    }

    @Test func everyKindOfEventHasWordsInBothLanguages() {
        let codes = SecurityEvent.Kind.allCases.map(\.rawValue) + AuditEntry.Action.allCases.map(\.rawValue)
        for code in codes {
            #expect(AuditText.kind(code, .en) != code || !code.contains("."), "\(code) has no English words")
            #expect(AuditText.kind(code, .zh) != code, "\(code) has no Chinese words")
            #expect(AuditText.kind(code, .zh).unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
        #expect(AuditText.detail("interview report", .zh) == "面试报告")
        // A change reads in the page's words for what changed; a text the server does not know stays as it is.
        #expect(AuditText.detail("interviewer -> admin", .zh) == "面试官 → 管理员")
        #expect(AuditText.detail("something else -> other", .en) == "something else → other")
        #expect(AuditText.detail("user:1234", .zh) == "user:1234")
    }

    @Test func theTrailIsPagedNotCutOff() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            for _ in 0..<7 {
                try await SecurityEvent(kind: .logout, actorID: nil, actorEmail: "x@example.com", address: "127.0.0.1",
                                        subject: "", detail: "").save(on: app.db)
            }
            // act
            let first = try await admin.get("/api/v1/audit/security?kind=logout&per=3")
            let last = try await admin.get("/api/v1/audit/security?kind=logout&per=3&page=3")
            let byActor = try await admin.get("/api/v1/audit/security?actor=X@example.com&per=100")
            // verify
            let one = try JSONDecoder().decode(Page.self, from: Data(buffer: first.body))
            let three = try JSONDecoder().decode(Page.self, from: Data(buffer: last.body))
            #expect(one.entries.count == 3 && one.total == 7 && one.pages == 3)
            #expect(three.entries.count == 1 && three.page == 3)
            #expect(try JSONDecoder().decode(Page.self, from: Data(buffer: byActor.body)).total == 7)
        }
    }

    @Test func theAuditPageOffersBothTrailsAndAFilter() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            // act
            let security = try await admin.get("/audit")
            let candidates = try await admin.get("/audit?log=candidates")
            // verify
            #expect(security.status == .ok && security.body.string.contains("login.succeeded"))
            #expect(security.body.string.contains("Security events") && security.body.string.contains("Candidate data"))
            #expect(candidates.status == .ok)
        }
    }
}
