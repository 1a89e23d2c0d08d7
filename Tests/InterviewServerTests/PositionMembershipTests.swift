import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Taking someone off a position ends what membership gave them — the position, its candidates and its
/// interviews — without deactivating their account; it is refused where it would strand a scorecard.
@Suite("Position membership")
struct PositionMembershipTests {
    private struct Team {
        let fixture: ConsoleFixture
        let maria: TestBrowser
        let nina: TestBrowser
        var position: String { "/positions/\(fixture.position.id!)" }

        func id(_ email: String) async throws -> UUID {
            try #require(try await User.query(on: fixture.app.db).filter(\.$email == email).first()?.id)
        }
    }

    /// Ivan and Olga on an interview's panel, Nina a member on no panel, Maria the hiring manager.
    private func team(_ app: Application) async throws -> Team {
        let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"],
                                                    alsoOnPosition: ["nina@example.com"])
        try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
        return Team(fixture: fixture, maria: try await fixture.browser("maria@example.com"), nina: try await fixture.browser("nina@example.com"))
    }

    @Test func aManagerTakesAMemberOffAndTheirAccessEnds() async throws {
        try await withApp { app in
            // setup
            let team = try await team(app)
            #expect(try await team.nina.get(team.position).status == .ok)
            let candidate = "/candidates/\(team.fixture.candidate.id!)"
            // act
            let nina = try await team.id("nina@example.com"), maria = try await team.id("maria@example.com")
            let page = try await team.maria.get(team.position).body.string
            let answer = try await team.maria.post(team.position + "/members/\(nina)/remove")
            // verify: the page offered it; she no longer sees the position or its candidate; in the trail
            #expect(page.contains("/members/\(nina)/remove"))
            #expect(!page.contains("/members/\(maria)/remove"), "no button to take oneself off")
            #expect(answer.status == .seeOther)
            let back = try await team.maria.get(try #require(answer.headers.first(name: .location))).body.string
            #expect(back.contains("id=\"change-notice\">") && back.contains("is no longer a member of this position."))
            #expect(try await team.nina.get(team.position).status == .notFound)
            #expect(try await team.nina.get(candidate).status == .notFound)
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .memberRemoved).all()
            #expect(trail.count == 1 && trail.first?.detail == "user:\(nina)")
        }
    }

    @Test func nobodyWithACardToSubmitIsTakenOffNorOneselfNorByAnInterviewer() async throws {
        try await withApp { app in
            // setup
            let team = try await team(app)
            let ivan = try await team.id("ivan@example.com"), maria = try await team.id("maria@example.com")
            let api = "/api/v1\(team.position)/members/"
            // act
            let onPanel = try await team.maria.send(.DELETE, api + ivan.uuidString, body: ByteBuffer(), contentType: .json)
            let oneself = try await team.maria.send(.DELETE, api + maria.uuidString, body: ByteBuffer(), contentType: .json)
            let byInterviewer = try await team.nina.send(.DELETE, api + ivan.uuidString, body: ByteBuffer(), contentType: .json)
            let page = try await team.maria.post(team.position + "/members/\(ivan)/remove")
            // verify: each refused, saying why; nobody taken off
            #expect(onPanel.status == .unprocessableEntity && onPanel.body.string.contains("scorecard is not submitted yet"))
            #expect(oneself.status == .unprocessableEntity && oneself.body.string.contains("cannot take yourself off"))
            #expect(byInterviewer.status == .forbidden)
            #expect(page.status == .unprocessableEntity && page.body.string.contains("id=\"member-error\""))
            #expect(try await team.fixture.position.$members.query(on: app.db).count() == 4)
            // Once the interview is cancelled, Ivan can be taken off; the answer lists who is left.
            team.fixture.interview.status = .cancelled
            try await team.fixture.interview.save(on: app.db)
            let after = try await team.maria.send(.DELETE, api + ivan.uuidString, body: ByteBuffer(), contentType: .json)
            #expect(after.status == .ok && !after.body.string.contains("ivan@example.com"))
        }
    }

    @Test func someoneTakenOffNoLongerReadsOrRevisesTheirCardNorSitsOnACancelledPanel() async throws {
        try await withApp { app in
            // setup: Olga submitted her card; Ivan never started his; his interview is cancelled
            let team = try await team(app)
            let olga = try await team.fixture.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(team.fixture)
            _ = try await olga.rate(team.fixture, "3.1", "op1", 4)
            _ = try await olga.act(team.fixture, ["type": "finish", "confirm": true])
            _ = try await olga.act(team.fixture, ["type": "submit", "recommendation": "hire", "summary": "Fine"])
            #expect(try await olga.get(team.fixture.api).status == .ok)
            team.fixture.interview.status = .cancelled
            try await team.fixture.interview.save(on: app.db)
            let olgaID = try await team.id("olga@example.com"), ivanID = try await team.id("ivan@example.com")
            // act: both taken off
            let first = try await team.maria.post(team.position + "/members/\(olgaID)/remove")
            let second = try await team.maria.post(team.position + "/members/\(ivanID)/remove")
            // verify: Olga's console answers as for anything she may not see, reading and writing alike
            #expect(first.status == .seeOther && second.status == .seeOther)
            #expect(try await olga.get(team.fixture.api).status == .notFound)
            let (revise, _) = try await olga.act(team.fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 1,
                                                                "revisionReason": "after leaving"])
            #expect(revise == .notFound)
            // Ivan's seat on the cancelled interview is gone (reopening it would seat a non-member); Olga's,
            // with her submitted card, stays as the card's author.
            let panel = try await InterviewInterviewer.query(on: app.db).filter(\.$interview.$id == team.fixture.id).all().map(\.$user.id)
            #expect(Set(panel) == [olgaID])
        }
    }

    @Test func addingSomeoneWithoutAnAccountSaysSo() async throws {
        try await withApp { app in
            // setup
            let team = try await team(app)
            // act
            let answer = try await team.maria.post(team.position + "/members", ["email": "nobody@example.com"])
            // verify: not "choose from the list", which this form has none of
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains(Text.errNoAccountWithEmail.in(.en).replacingOccurrences(of: "\u{201C}", with: "")
                .components(separatedBy: ";")[0]))
            #expect(!answer.body.string.contains(Text.errUnknownUser.in(.en)))
        }
    }
}
