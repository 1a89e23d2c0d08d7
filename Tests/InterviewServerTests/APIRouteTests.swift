import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("JSON API: the remaining routes")
struct APIRouteTests {
    private func json(_ value: [String: String]) throws -> ByteBuffer { ByteBuffer(data: try JSONEncoder().encode(value)) }

    @Test func candidateRoutesReadChangeExportAndErase() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let candidate = try await TestData.candidate(app, "Ma Li", in: position)
            candidate.resumePDF = Multipart.smallPDF
            try await candidate.save(on: app.db)
            let path = "/api/v1/candidates/\(try candidate.requireID())"
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            // act
            let list = try await browser.get("/api/v1/candidates?q=ma")
            let read = try await browser.get(path)
            let patched = try await browser.send(.PATCH, path, body: try json(["contact": "ma@example.com"]), contentType: .json)
            // A field left out stays (it wiped the resume text); sent empty, it is cleared.
            let kept = try await Candidate.find(candidate.id, on: app.db)?.resumeText
            let cleared = try await browser.send(.PATCH, path, body: try json(["resumeText": ""]), contentType: .json)
            let afterClearing = try await Candidate.find(candidate.id, on: app.db)
            let pdf = try await browser.get(path + "/resume.pdf")
            let export = try await browser.get(path + "/export")
            let erased = try await browser.send(.POST, path + "/erase", body: ByteBuffer(), contentType: .json)
            // verify
            #expect(list.body.string.contains("Ma Li"))
            #expect(read.status == .ok && read.body.string.contains("\"hasResumePDF\":true"))
            #expect(patched.status == .ok && patched.body.string.contains("ma@example.com"))
            #expect(kept == "Built things.")
            #expect(cleared.status == .ok && afterClearing?.resumeText == nil && afterClearing?.contact == "ma@example.com")
            #expect(Data(buffer: pdf.body) == Multipart.smallPDF)
            #expect(export.status == .ok && export.body.string.contains("\"resumePDF\""))
            #expect(erased.status == .ok && !erased.body.string.contains("Ma Li"))
            let actions = try await AuditEntry.query(on: app.db).sort(\.$at).all().map(\.action)
            #expect(Set(actions) == [.read, .update, .export, .erase])
        }
    }

    @Test func positionDetailMembersAndInterviewStatus() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            position.$owner.id = mia.id   // she opened it, so she sets its retention period
            try await position.save(on: app.db)
            let candidate = try await TestData.candidate(app, "Du Fu", in: position)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                      scheduledAt: Date())
            try await interview.save(on: app.db)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            let path = "/api/v1/positions/\(try position.requireID())"
            // act
            let added = try await browser.send(.POST, path + "/members", body: try json(["email": "ivan@example.com"]), contentType: .json)
            let renamed = try await browser.send(.PATCH, path, body: try json(["title": "Backend (Go)", "retentionDays": "30"]),
                                                 contentType: .json)
            let detail = try await browser.get(path)
            let status = try await browser.send(.POST, "/api/v1/interviews/\(try interview.requireID())/status",
                                                body: try json(["status": "cancelled"]), contentType: .json)
            // verify
            #expect(added.status == .ok)
            #expect(renamed.status == .ok)
            #expect(detail.body.string.contains("ivan@example.com") && detail.body.string.contains("Backend (Go)"))
            #expect(status.status == .noContent)
            #expect(try await Interview.find(interview.id, on: app.db)?.status == .cancelled)
        }
    }

    @Test func aRenameOverTheAPIKeepsTheRetentionPeriodAndTheOverdueHours() async throws {
        try await withApp { app in
            // setup: Mia's position keeps data 30 days; Max, another manager on it, only renames
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let max = try await TestData.user(app, "max@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia, max], retentionDays: 30)
            position.$owner.id = mia.id
            position.overdueHours = 48
            try await position.save(on: app.db)
            let path = "/api/v1/positions/\(try position.requireID())"
            // act
            let byOwner = try await TestBrowser.apiSignedIn(app, "mia@example.com").send(.PATCH, path, body: try json(["title": "Backend (Go)"]), contentType: .json)
            let byMember = try await TestBrowser.apiSignedIn(app, "max@example.com").send(.PATCH, path, body: try json(["title": "Backend (Rust)"]), contentType: .json)
            let cleared = try await TestBrowser.apiSignedIn(app, "mia@example.com").send(.PATCH, path, body: try json(["title": "Backend", "retentionDays": ""]), contentType: .json)
            // verify: omitted is unchanged (it was "kept until erased by hand", and refused to Max); empty clears
            #expect(byOwner.status == .ok && byMember.status == .ok)
            #expect(byMember.body.string.contains("\"retentionDays\":30"), "\(byMember.body.string)")
            #expect(cleared.status == .ok)
            let saved = try #require(try await Position.find(position.id, on: app.db))
            #expect(saved.retentionDays == nil && saved.overdueHours == 48 && saved.title == "Backend")
            let changes = try await SecurityEvent.query(on: app.db).filter(\.$kind == .retentionChanged).all().map(\.detail)
            #expect(changes == ["30 days -> kept"])
        }
    }

    @Test func guideRoutesListShowAndSaveVersions() async throws {
        try await withApp { app in
            // setup
            // The bundled guides belong to no one (admins edit them): an admin saves the new version.
            try await TestData.user(app, "root@example.com", role: .admin)
            let (guide, version) = try await TestData.anyGuideVersion(app)
            let browser = try await TestBrowser.apiSignedIn(app, "root@example.com")
            let path = "/api/v1/guides/\(try guide.requireID())"
            // act
            let list = try await browser.get("/api/v1/guides")
            let shown = try await browser.get(path)
            let saved = try await browser.send(.POST, path + "/versions",
                                               body: try json(["markdown": version.markdown + "\nAfterword.\n"]), contentType: .json)
            // verify
            #expect(list.body.string.contains("python-backend-senior.en"))
            #expect(shown.body.string.contains(version.contentHash))
            #expect(saved.status == .ok)
            #expect(try await GuideVersion.query(on: app.db).filter(\.$guide.$id == guide.requireID()).count() == 2)
        }
    }

    @Test func adminRoutesAndLogout() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "root@example.com", role: .admin)
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = try await TestBrowser.apiSignedIn(app, "root@example.com")
            let interviewer = try await TestBrowser.apiSignedIn(app, "ivan@example.com")
            // act
            let created = try await admin.send(.POST, "/api/v1/users", body: try json(
                ["name": "Mia", "email": "mia@example.com", "password": "twelve chars ok", "role": "hiring_manager"]), contentType: .json)
            let users = try await admin.get("/api/v1/users")
            let audit = try await admin.get("/api/v1/audit")
            let refused = try await interviewer.get("/api/v1/users")
            let logout = try await admin.send(.DELETE, "/api/v1/session", body: ByteBuffer(), contentType: .json)
            let afterLogout = try await admin.get("/api/v1/users")
            // verify
            #expect(created.status == .created)
            #expect(users.body.string.contains("mia@example.com"))
            #expect(audit.status == .ok)
            #expect(refused.status == .notFound)
            #expect(logout.status == .noContent)
            #expect(afterLogout.status == .unauthorized)
        }
    }
}
