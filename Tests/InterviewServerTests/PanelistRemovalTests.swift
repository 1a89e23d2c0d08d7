import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Someone who will not score an interview after all is taken off its panel by a manager: their draft
/// goes, the panel and the position let them go, and a submitted card or the last interviewer stays
/// (a probe found a deactivated interviewer's draft holding a panel for good).
@Suite("Taking an interviewer off a panel")
struct PanelistRemovalTests {
    @Test func aDeactivatedInterviewersDraftNoLongerHoldsThePanel() async throws {
        try await withApp { app in
            // setup: Ivan and Olga on the panel; Olga rated once and was deactivated; Maria manages the position
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let maria = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            try await fixture.position.$members.attach(maria, on: app.db)
            let olga = try await fixture.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 2)
            let olgaAccount = try #require(try await User.query(on: app.db).filter(\.$email == "olga@example.com").first())
            olgaAccount.deactivatedAt = Date()
            try await olgaAccount.save(on: app.db)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("maria@example.com")
            let candidatePage = try await manager.get("/candidates/\(fixture.candidate.id!)").body.string
            let olgaID = try olgaAccount.requireID()
            // act
            let removed = try await manager.post("/interviews/\(fixture.id)/panel/\(olgaID)/remove")
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            let ivanID = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()?.id)
            let submittedStays = try await manager.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(ivanID)",
                                                        body: ByteBuffer(), contentType: .json)
            let leaves = try await manager.post("/positions/\(fixture.position.id!)/members/\(olgaID)/remove")
            // verify: the page named her deactivated and offered the removal; her seat and draft are gone,
            // the interview completes with Ivan's card, and the position lets her go
            #expect(candidatePage.contains("(deactivated)") && candidatePage.contains("/interviews/\(fixture.id)/panel/\(olgaID)/remove"))
            #expect(removed.status == .seeOther)
            #expect(try await InterviewInterviewer.query(on: app.db).filter(\.$user.$id == olgaID).count() == 0)
            #expect(try await ScorecardRecord.query(on: app.db).filter(\.$interviewer.$id == olgaID).count() == 0)
            #expect(try await Interview.find(fixture.id, on: app.db)?.status == .completed)
            #expect(submittedStays.status == .conflict)
            #expect(leaves.status == .seeOther)
            let trail = try await SecurityEvent.query(on: app.db).all().filter { $0.kind == .panelistRemoved }
            // who, as the page names people, and that her unsubmitted card went with her
            #expect(trail.map(\.detail) == ["user:\(olgaID.uuidString)" + AuditText.draftDiscarded])
        }
    }

    @Test func aManagerOnThePanelWithTheirCardOpenTakesNoColleagueOff() async throws {
        try await withApp { app in
            // setup: Maria, a hiring manager, sits on the panel with Ivan (submitted) and Olga (a draft)
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let maria = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            try await fixture.position.$members.attach(maria, on: app.db)
            try await fixture.interview.$interviewers.attach(maria, on: app.db)
            let ivan = try await fixture.browser("ivan@example.com"), olga = try await fixture.browser("olga@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 2)
            let id = { (email: String) async throws in try #require(try await User.query(on: app.db).filter(\.$email == email).first()?.id) }
            let (ivanID, olgaID, mariaID) = (try await id("ivan@example.com"), try await id("olga@example.com"), try await id("maria@example.com"))
            let manager = try await fixture.browser("maria@example.com")
            // act
            let list = try await manager.get("/api/v1/interviews").body.string
            let page = try await manager.get("/interviews").body.string
            let submitted = try await manager.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(ivanID)", body: ByteBuffer(), contentType: .json)
            let draft = try await manager.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(olgaID)", body: ByteBuffer(), contentType: .json)
            let herself = try await manager.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(mariaID)", body: ByteBuffer(), contentType: .json)
            // verify: no offer and the same refusal for both colleagues, whatever their cards; Olga's draft
            // stays; Maria may leave the panel herself
            #expect(!page.contains("/panel/\(ivanID)/remove") && !page.contains("/panel/\(olgaID)/remove"))
            #expect(page.contains("/panel/\(mariaID)/remove"))
            #expect(list.components(separatedBy: "removeAction").count - 1 == 1, "\(list)")
            #expect(submitted.status == .conflict && draft.status == .conflict)
            // the same reason (JSON keys come in either order, so compared decoded)
            let reason = { (r: TestingHTTPResponse) in (try? JSONSerialization.jsonObject(with: Data(r.body.string.utf8)) as? [String: Any])?["reason"] as? String }
            #expect(reason(submitted) == reason(draft) && reason(draft)?.contains("Submit your own scorecard") == true)
            #expect(try await ScorecardRecord.query(on: app.db).filter(\.$interviewer.$id == olgaID).count() == 1)
            #expect(herself.status == .noContent)
        }
    }

    @Test func theOnlyInterviewerIsNotTakenOffAndInterviewersCannotTakeAnyoneOff() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"], alsoOnPosition: ["nina@example.com"])
            let maria = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            try await fixture.position.$members.attach(maria, on: app.db)
            let ivanID = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()?.id)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("maria@example.com")
            try await manager.get("/interviews")
            let nina = try await fixture.browser("nina@example.com")
            // act
            let last = try await manager.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(ivanID)", body: ByteBuffer(), contentType: .json)
            let byInterviewer = try await nina.send(.DELETE, "/api/v1/interviews/\(fixture.id)/interviewers/\(ivanID)", body: ByteBuffer(), contentType: .json)
            // verify
            #expect(last.status == .conflict && last.body.string.contains("cancel the interview instead"))
            #expect(byInterviewer.status == .forbidden || byInterviewer.status == .notFound)
            #expect(try await InterviewInterviewer.query(on: app.db).count() == 1)
        }
    }
}
