import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// A replacement for an interviewer who left mid-week goes on the panel, not through cancelling and
/// scheduling again (an account probe: a leaver's seat could only be removed, the last not even that).
@Suite("Putting an interviewer on a panel")
struct PanelistAdditionTests {
    @Test func aManagerPutsAMemberOnTheOpenPanelAndTheNewcomerScoresOnTheirOwnCard() async throws {
        try await withApp { app in
            // setup: Olga on the panel and deactivated; Ivan, a member of the position, replaces her
            let fixture = try await ConsoleFixture.make(app, interviewers: ["olga@example.com"])
            let maria = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan")
            let outsider = try await TestData.user(app, "zed@example.com", role: .interviewer)
            try await fixture.position.$members.attach([maria, ivan], on: app.db)
            let olga = try #require(try await User.query(on: app.db).filter(\.$email == "olga@example.com").first())
            olga.deactivatedAt = Date()
            try await olga.save(on: app.db)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("maria@example.com")
            let listing = try await manager.get("/interviews").body.string
            // act
            let added = try await manager.post("/interviews/\(fixture.id)/panel/add", ["interviewer": try ivan.requireID().uuidString])
            let again = try await manager.send(.PUT, "/api/v1/interviews/\(fixture.id)/interviewers/\(try ivan.requireID())", body: ByteBuffer(), contentType: .json)
            let notMember = try await manager.send(.PUT, "/api/v1/interviews/\(fixture.id)/interviewers/\(try outsider.requireID())", body: ByteBuffer(), contentType: .json)
            let removedOlga = try await manager.post("/interviews/\(fixture.id)/panel/\(try olga.requireID())/remove")
            let ivansConsole = try await fixture.browser("ivan@example.com")
            let opened = try await ivansConsole.get("/interviews/\(fixture.id)/console")
            // verify: offered on the page (Ivan, not the outsider nor Olga), on the panel once, in the trail
            #expect(listing.contains("/interviews/\(fixture.id)/panel/add") && listing.contains(">Ivan</option>"))
            #expect(!listing.contains("zed@example.com</option>"))
            #expect(added.status == .seeOther && again.status == .noContent)
            #expect(notMember.status == .unprocessableEntity)
            #expect(try await InterviewInterviewer.query(on: app.db).filter(\.$interview.$id == fixture.id).filter(\.$user.$id == ivan.requireID()).count() == 1)
            #expect(removedOlga.status == .seeOther)
            #expect(opened.status == .ok)
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .panelistAdded).all()
            #expect(trail.map(\.detail) == ["user:\(try ivan.requireID().uuidString)"])
        }
    }

    @Test func onlyManagersAddAndNotToAClosedInterview() async throws {
        try await withApp { app in
            // setup: a cancelled interview; Olga, an interviewer on it, tries to bring Ivan in
            let fixture = try await ConsoleFixture.make(app, interviewers: ["olga@example.com"])
            let maria = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            try await fixture.position.$members.attach([maria, ivan], on: app.db)
            let olga = try await fixture.browser("olga@example.com")
            let byInterviewer = try await olga.send(.PUT, "/api/v1/interviews/\(fixture.id)/interviewers/\(try ivan.requireID())", body: ByteBuffer(), contentType: .json)
            fixture.interview.status = .cancelled
            try await fixture.interview.save(on: app.db)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("maria@example.com")
            // act
            let listing = try await manager.get("/interviews").body.string
            let closed = try await manager.send(.PUT, "/api/v1/interviews/\(fixture.id)/interviewers/\(try ivan.requireID())", body: ByteBuffer(), contentType: .json)
            let closedForm = try await manager.post("/interviews/\(fixture.id)/panel/add", ["interviewer": try ivan.requireID().uuidString])
            fixture.interview.status = .scheduled
            try await fixture.interview.save(on: app.db)
            let nobodyForm = try await manager.post("/interviews/\(fixture.id)/panel/add", ["interviewer": UUID().uuidString])
            let emptyForm = try await manager.post("/interviews/\(fixture.id)/panel/add", [:])
            // verify: the page's form says why (it was a 500 for someone not eligible, a recheck)
            #expect(closedForm.status == .conflict && closedForm.body.string.contains("A completed or cancelled interview takes no new interviewer."))
            #expect(nobodyForm.status == .unprocessableEntity && nobodyForm.body.string.contains(Text.errUnknownUser.in(.en)))
            #expect(emptyForm.status == .unprocessableEntity)
            #expect(byInterviewer.status == .forbidden || byInterviewer.status == .notFound)
            #expect(closed.status == .conflict)
            #expect(!listing.contains("/interviews/\(fixture.id)/panel/add"))
            #expect(try await InterviewInterviewer.query(on: app.db).filter(\.$user.$id == ivan.requireID()).count() == 0)
        }
    }
}
