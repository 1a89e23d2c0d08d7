import Fluent
import Foundation
import InterviewCore
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 14: the debrief sets the submitted cards side by side, the question the raters disagree on
/// most first, with agreement figures; the hiring manager records a decision and changes it, each
/// change kept in the history and the trails.
@Suite("Debrief and decision")
struct DebriefTests {
    private struct Debrief: Decodable {
        struct Doc: Decodable {
            struct Rater: Decodable { var name: String; var recommendation: String; var summary: String }
            struct Topic: Decodable {
                struct Row: Decodable { var question: String; var spread: Int?; var depthDiffers: Bool }
                var topic: String
                var rows: [Row]
            }
            struct Agreement: Decodable {
                struct Pair: Decodable { struct Figure: Decodable { var value: Double?; var reason: String?; var questions: Int }; var kappa: Figure }
                var pairs: [Pair]
            }
            var raters: [Rater]
            var topics: [Topic]
            var agreement: Agreement
        }
        struct Decision: Decodable { var outcome: String; var rationale: String }
        var debrief: Doc
        var decisions: [Decision]
    }

    private func submittedPanel(_ app: Application) async throws -> (ConsoleFixture, TestBrowser) {
        let fixture = try await panel(app, ["ivan@example.com", "olga@example.com"])
        return (fixture, try await submittedPanel(app, fixture: fixture))
    }

    /// A panel of `interviewers` on a position Maria manages too.
    private func panel(_ app: Application, _ interviewers: [String]) async throws -> ConsoleFixture {
        let fixture = try await ConsoleFixture.make(app, interviewers: interviewers)
        try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
        return fixture
    }

    /// Ivan's and Olga's cards on `fixture` submitted; Maria's browser.
    private func submittedPanel(_ app: Application, fixture: ConsoleFixture) async throws -> TestBrowser {
        // Ivan and Olga agree on 3.1's op1 and op2, and disagree by three points on op3.
        for (email, ratings, recommendation) in [("ivan@example.com", [4, 3, 4], "hire"), ("olga@example.com", [4, 3, 1], "lean-no")] {
            let browser = try await fixture.browser(email)
            _ = try await browser.walkToFirstQuestion(fixture)
            for (index, rating) in ratings.enumerated() { _ = try await browser.rate(fixture, "3.1", "op\(index + 1)", rating) }
            _ = try await browser.act(fixture, ["type": "note", "text": "\(email) on op3"])
            _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
            _ = try await browser.act(fixture, ["type": "submit", "recommendation": recommendation, "summary": "From \(email)"])
        }
        return try await fixture.browser("maria@example.com")
    }

    @Test func theMostDisputedQuestionComesFirst() async throws {
        try await withApp { app in
            // setup
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            // act
            let api = try await maria.get("/api/v1/candidates/\(id)/debrief")
            let page = try await maria.get("/candidates/\(id)/debrief")
            let markdown = try await maria.get("/candidates/\(id)/debrief.md")
            // verify
            #expect(api.status == .ok)
            let debrief = try JSONDecoder().decode(Debrief.self, from: Data(buffer: api.body)).debrief
            #expect(Set(debrief.raters.map(\.name)) == ["ivan", "olga"])
            #expect(Set(debrief.raters.map(\.recommendation)) == ["hire", "lean-no"])
            let first = try #require(debrief.topics.first?.rows.first)
            #expect(debrief.topics.first?.topic == "3.1" && first.question == "op3" && first.spread == 3)
            // Three questions in common: below the minimum of five, so kappa is withheld with the reason.
            let kappa = try #require(debrief.agreement.pairs.first?.kappa)
            #expect(kappa.value == nil && kappa.questions == 3 && (kappa.reason ?? "").contains("at least 5"))
            #expect(page.status == .ok && page.body.string.contains("From olga@example.com") && page.body.string.contains("olga@example.com on op3"))
            // each topic under its number and title (the page dropped the number: a probe)
            #expect(page.body.string.contains("<h3>3.1 <span lang=\"en\">"), "\(page.body.string)")
            #expect(markdown.headers.first(name: .contentDisposition)?.contains("debrief.md") == true)
            #expect(markdown.body.string.contains("## "))
        }
    }

    @Test func aRatingChangedAfterSubmittingShowsWhatTheCardFirstSaid() async throws {
        try await withApp { app in
            // setup: both cards submitted (op3: Ivan 4, Olga 1)
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            let olga = try await fixture.browser("olga@example.com")
            // act: Olga moves op3 to 3 in a revision, having read Ivan's card
            let (revised, _) = try await olga.act(fixture, ["type": "rate", "topic": "3.1", "question": "op3", "rating": 3,
                                                           "revisionReason": "Reread my notes."])
            let page = try await maria.get("/candidates/\(id)/debrief").body.string
            let markdown = try await maria.get("/candidates/\(id)/debrief.md").body.string
            // verify: the cell says what it was at submission, the spread column is of today's ratings (4 − 3)
            #expect(revised == .ok)
            #expect(page.contains("revised-cell") && page.contains("(was 1)"))
            #expect(page.contains(Text.spread.in(.en)) && page.contains(#"<td class="num spread">1</td>"#))
            #expect(markdown.contains(" 3 (was 1)"))
        }
    }

    @Test func aCardRevisedAfterTheDecisionIsFlaggedBesideIt() async throws {
        try await withApp { app in
            // setup: Maria decides on both cards; then Olga revises hers
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            _ = try await maria.post("/candidates/\(id)/decision", ["outcome": "reject", "rationale": "Panel mean below the bar."])
            let before = try await maria.get("/candidates/\(id)").body.string
            try await Task.sleep(for: .milliseconds(20))
            let olga = try await fixture.browser("olga@example.com")
            _ = try await olga.act(fixture, ["type": "rate", "topic": "3.1", "question": "op3", "rating": 4, "revisionReason": "Reread my notes."])
            // act
            let candidate = try await maria.get("/candidates/\(id)").body.string
            let debrief = try await maria.get("/candidates/\(id)/debrief").body.string
            // verify: nothing before the revision; after it, both pages say the decision rests on other evidence
            #expect(!before.contains("changed-since-decision"))
            #expect(candidate.contains("olga&#39;s scorecard was revised after this decision") || candidate.contains("olga's scorecard was revised after this decision"))
            #expect(debrief.contains("changed-since-decision") && !debrief.contains("ivan's scorecard was revised") && !debrief.contains("ivan&#39;s scorecard"))
        }
    }

    @Test func aCancelledInterviewsCardsAreLeftOutOfTheDebriefAsEverywhereAndThePageSaysSo() async throws {
        try await withApp { app in
            // setup: both cards submitted, then the interview is cancelled
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            _ = try await maria.post("/interviews/\(fixture.id)/status", ["status": "cancelled"])
            // act
            let api = try await maria.get("/api/v1/candidates/\(id)/debrief")
            let page = try await maria.get("/candidates/\(id)/debrief").body.string
            let candidate = try await maria.get("/candidates/\(id)").body.string
            // verify: the lists said "–, 0 cards" while the debrief still gave the mean of both
            let debrief = try JSONDecoder().decode(Debrief.self, from: Data(buffer: api.body)).debrief
            #expect(debrief.raters.isEmpty)
            #expect(page.contains("2 scorecards of a cancelled interview are left out.") && !page.contains("From olga@example.com"))
            #expect(candidate.contains("2 scorecards of a cancelled interview are left out.") && !candidate.contains("From olga@example.com"))
        }
    }

    @Test func theDecisionSaysWhoOnThePanelHasNotSubmitted() async throws {
        try await withApp { app in
            // setup: three on the panel; Ivan submits, Olga has a draft, Ben has not opened the console
            let fixture = try await panel(app, ["ivan@example.com", "olga@example.com", "ben@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            try await ivan.submitOneRating(fixture, 4, "hire", "From Ivan")
            let olga = try await fixture.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(fixture)
            let maria = try await fixture.browser("maria@example.com")
            let id = try fixture.candidate.requireID()
            // act
            let candidate = try await maria.get("/candidates/\(id)").body.string
            let debrief = try await maria.get("/candidates/\(id)/debrief").body.string
            let ivanSees = try await ivan.get("/candidates/\(id)").body.string
            // verify: a hiring manager recorded "Hire" on one card of three with no word of the others (a probe)
            let names = { (page: String) in try #require(page.components(separatedBy: "id=\"outstanding-cards\">").dropFirst().first?.components(separatedBy: "</p>").first) }
            let onCandidate = try names(candidate)
            #expect(onCandidate.contains("Not every panelist has submitted a scorecard"))
            #expect(onCandidate.contains("(not started)") && onCandidate.contains("(draft)"), "\(onCandidate)")
            #expect(!onCandidate.contains("Ivan"))
            #expect(try names(debrief) == onCandidate)
            // an interviewer, who may not know of colleagues' drafts, is not told
            #expect(!ivanSees.contains("outstanding-cards"))
        }
    }

    /// Cancelled with Olga's card open, then reopened: while cancelled she could read Ivan's card, and went on
    /// with the same card with nothing to show for it (a panel probe). The debrief says so, from the trail.
    @Test func aCardThatWentOnAfterItsInterviewWasCancelledAndReopenedIsSaid() async throws {
        try await withApp { app in
            // setup: Ivan submits; Olga rates one question; Maria cancels and reopens; Olga finishes
            let fixture = try await panel(app, ["ivan@example.com", "olga@example.com"])
            try await fixture.browser("ivan@example.com").submitOneRating(fixture, 4, "hire", "From Ivan")
            let maria = try await fixture.browser("maria@example.com")
            let id = try fixture.candidate.requireID()
            let before = try await maria.get("/candidates/\(id)/debrief").body.string
            let olga = try await fixture.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 1)
            try await maria.get("/candidates/\(id)")
            let cancelled = try await maria.post("/interviews/\(fixture.id)/status", ["status": "cancelled"])
            let reopened = try await maria.post("/interviews/\(fixture.id)/status", ["status": "scheduled"])
            _ = try await olga.act(fixture, ["type": "finish", "confirm": true])
            _ = try await olga.act(fixture, ["type": "submit", "recommendation": "lean-no", "summary": "From Olga"])
            // act
            let after = try await maria.get("/candidates/\(id)/debrief").body.string
            // verify: said of Olga's card, not of Ivan's (his was in before the cancellation)
            #expect(cancelled.status == .seeOther && reopened.status == .seeOther)
            #expect(!before.contains("open-while-cancelled"))
            let said = try #require(after.components(separatedBy: "id=\"open-while-cancelled\">").dropFirst().first?.components(separatedBy: "</ul>").first)
            #expect(said.contains("olga&#39;s scorecard was not yet submitted when its interview was cancelled"), "\(said)")
            #expect(!said.contains("ivan"))
        }
    }

    /// Opening the console makes the card's record; a look alone showed the manager a "draft" and the
    /// interviewer's agenda "in progress" (a panel probe). Begun means something recorded or typed.
    @Test func aConsoleOnlyOpenedIsNoDraft() async throws {
        try await withApp { app in
            // setup: Ben opens the console (page and API) and records nothing
            let fixture = try await panel(app, ["ivan@example.com", "ben@example.com"])
            let ben = try await fixture.browser("ben@example.com")
            try await ben.get("/interviews/\(fixture.id)/console")
            let look = try await ben.get(fixture.api)
            let maria = try await fixture.browser("maria@example.com")
            let id = try fixture.candidate.requireID()
            // act
            let before = try await maria.get("/candidates/\(id)").body.string
            let benUser = try #require(try await User.query(on: app.db).filter(\.$email == "ben@example.com").first())
            let agenda = try await InterviewAgenda.items(for: benUser, now: Date().addingTimeInterval(7200), zone: TimeZone(identifier: "UTC")!, language: .en, on: app.db)
            _ = try await ben.act(fixture, ["type": "start"])
            let after = try await maria.get("/candidates/\(id)").body.string
            // verify: not started until something is recorded; then a draft
            #expect(look.status == .ok)
            let names = { (page: String) in try #require(page.components(separatedBy: "id=\"outstanding-cards\">").dropFirst().first?.components(separatedBy: "</p>").first) }
            let (outstandingBefore, outstandingAfter) = (try names(before), try names(after))
            #expect(outstandingBefore.contains("ben (not started)"), "\(outstandingBefore)")
            #expect(outstandingAfter.contains("ben (draft)"), "\(outstandingAfter)")
            #expect(agenda.first?.due == "Scheduled time passed, not started")
        }
    }

    @Test func anExportedLogNamesItsCandidateByIdAndItsInterviewer() async throws {
        try await withApp { app in
            // setup
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            // act
            let body = try await maria.get("/api/v1/candidates/\(id)/export").body
            // verify: the started event of each log says whom (by id; the name stays out) and who
            let export = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
            let cards = (export["interviews"] as? [[String: Any]] ?? []).flatMap { $0["scorecards"] as? [[String: Any]] ?? [] }
            let logs = cards.compactMap { $0["events"] as? String }.filter { !$0.isEmpty }
            #expect(logs.count == 2)
            for log in logs {
                let started = try #require(log.split(separator: "\n").first.map(String.init))
                #expect(started.contains(#""candidate":"\#(id.uuidString)""#), "\(started)")
                #expect(started.contains(#""interviewer":"ivan""#) || started.contains(#""interviewer":"olga""#))
                #expect(!started.contains("Sun Ba"))
            }
        }
    }

    @Test func anInterviewerOnTwoRoundsHasTwoColumnsEachWithItsOwnRatings() async throws {
        try await withApp { app in
            // setup: round one submitted by Ivan and Olga; Olga scores round two differently and submits
            let (fixture, maria) = try await submittedPanel(app)
            let secondRound = try await fixture.anotherRound(with: ["olga@example.com"])
            let olga = try await secondRound.browser("olga@example.com")
            _ = try await olga.walkToFirstQuestion(secondRound)
            for (index, rating) in [2, 2, 2].enumerated() { _ = try await olga.rate(secondRound, "3.1", "op\(index + 1)", rating) }
            _ = try await olga.act(secondRound, ["type": "finish", "confirm": true])
            _ = try await olga.act(secondRound, ["type": "submit", "recommendation": "hire", "summary": "Round two"])
            // act
            let api = try await maria.get("/api/v1/candidates/\(try fixture.candidate.requireID())/debrief")
            // verify: a column per card, labelled by round, and no pair of Olga with herself
            let debrief = try JSONDecoder().decode(Debrief.self, from: Data(buffer: api.body)).debrief
            #expect(debrief.raters.map(\.name).sorted() == ["ivan · round 1", "olga · round 1", "olga · round 2"])
            #expect(debrief.raters.first { $0.name == "olga · round 2" }?.summary == "Round two")
            #expect(debrief.agreement.pairs.count == 2)
            let page = try await maria.get("/candidates/\(try fixture.candidate.requireID())/debrief").body.string
            #expect(page.contains("olga · round 2"))
            // each row is named by its header cell (the rater, the question), for screen readers
            #expect(page.contains("<th scope=\"row\">olga · round 2") && page.contains("<th scope=\"row\"><code>"))
        }
    }

    @Test func theExportCarriesEachInterviewersOwnRecommendationAndTheDecisions() async throws {
        try await withApp { app in
            // setup: Ivan recommended hire, Olga lean-no; Maria records a decision
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            _ = try await maria.post("/candidates/\(id)/decision", ["outcome": "advance", "rationale": "Second round on Redis."])
            // act
            let response = try await maria.get("/candidates/\(id)/export")
            // verify: each card's recommendation is the interviewer's own (the score's band apart), with the
            // summary; the decision is there; nothing is withheld from her
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let export = try decoder.decode(CandidateExport.self, from: Data(buffer: response.body))
            let cards = export.interviews.flatMap(\.scorecards)
            #expect(Set(cards.map { "\($0.interviewer) \($0.recommendation ?? "-") \($0.summary ?? "-")" })
                    == ["ivan@example.com hire From ivan@example.com", "olga@example.com lean-no From olga@example.com"])
            #expect(cards.allSatisfy { $0.scoreBand != nil })
            // in one language, not the default bands' stored "待定 Lean no" (a probe)
            #expect(cards.allSatisfy { !RecommendationBand.defaults.map(\.label).contains($0.scoreBand ?? "") }, "\(cards.map(\.scoreBand))")
            #expect(export.decisions.map(\.rationale) == ["Second round on Redis."] && !export.withheldUntilOwnCard)
        }
    }

    @Test func aPanelistWhoHasNotSubmittedSeesOnlyTheirOwnCardInTheDebrief() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let olga = try await fixture.browser("olga@example.com"), ivan = try await fixture.browser("ivan@example.com")
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 1)
            _ = try await olga.act(fixture, ["type": "finish", "confirm": true])
            _ = try await olga.act(fixture, ["type": "submit", "recommendation": "lean-no", "summary": "olga-summary"])
            _ = try await ivan.walkToFirstQuestion(fixture)
            // act
            let debrief = try await ivan.get("/api/v1/candidates/\(try fixture.candidate.requireID())/debrief")
            // verify
            #expect(debrief.status == .ok)
            #expect(!debrief.body.string.contains("olga"))
        }
    }

    /// Two managers deciding from pages opened before either decided: the second is told, nothing of
    /// theirs is saved, and a second send from the page that now shows the first decision replaces it.
    @Test func aDecisionFromAStalePageDoesNotSilentlyReplaceANewerOne() async throws {
        try await withApp { app in
            // setup: Maria and the admin both open the candidate's page before anyone decides
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            try await TestData.user(app, "root@example.com", role: .admin)
            let root = TestBrowser(app)
            _ = try await root.logIn("root@example.com")
            let opened = try await root.get("/candidates/\(id)").body.string
            try await maria.get("/candidates/\(id)")
            let basedOn = try #require(opened.firstMatch(of: /name="basedOn" value="([^"]*)"/)).output.1
            // act
            let hire = try await maria.post("/candidates/\(id)/decision", ["outcome": "hire", "rationale": "Strong panel.", "basedOn": String(basedOn)])
            let stale = try await root.post("/candidates/\(id)/decision", ["outcome": "reject", "rationale": "Budget freeze.", "basedOn": String(basedOn)])
            let fresh = try #require(stale.body.string.firstMatch(of: /name="basedOn" value="([^"]*)"/)).output.1
            let knowing = try await root.post("/candidates/\(id)/decision", ["outcome": "reject", "rationale": "Budget freeze.", "basedOn": String(fresh)])
            // verify
            #expect(basedOn.isEmpty && hire.status == .seeOther)
            #expect(stale.status == .unprocessableEntity && stale.body.string.contains("Another decision was recorded after this page was opened"))
            #expect(stale.body.string.contains("Strong panel.") && stale.body.string.contains(">Budget freeze.</textarea>"))
            #expect(!fresh.isEmpty && knowing.status == .seeOther)
            let outcomes = try await CandidateDecision.query(on: app.db).sort(\.$at).all().map(\.outcome)
            #expect(outcomes == [.hire, .reject])
        }
    }

    @Test func theDecisionIsRecordedChangedAndKept() async throws {
        try await withApp { app in
            // setup
            let (fixture, maria) = try await submittedPanel(app)
            let id = try fixture.candidate.requireID()
            let ivan = try await fixture.browser("ivan@example.com")
            try await maria.get("/candidates/\(id)")
            // act
            let first = try await maria.post("/candidates/\(id)/decision", ["outcome": "advance", "rationale": "Strong on the web stack."])
            let missing = try await maria.post("/candidates/\(id)/decision", ["outcome": "hire", "rationale": " "])
            let halfTyped = try await maria.post("/candidates/\(id)/decision", ["outcome": "", "rationale": "Hire if references hold."])
            let body = try JSONSerialization.data(withJSONObject: ["outcome": "reject", "rationale": "References did not hold up."])
            let second = try await maria.send(.POST, "/api/v1/candidates/\(id)/decision", body: ByteBuffer(data: body), contentType: .json)
            let refused = try await ivan.send(.POST, "/api/v1/candidates/\(id)/decision", body: ByteBuffer(data: body), contentType: .json)
            let page = try await maria.get("/candidates/\(id)")
            let list = try await maria.get("/candidates")
            let api = try await maria.get("/api/v1/candidates/\(id)/debrief")
            // verify
            #expect(first.status == .seeOther && missing.status == .unprocessableEntity)
            // A refused form comes back as it was sent: the outcome chosen, the rationale typed.
            #expect(missing.body.string.contains("<option value=\"hire\" selected>"))
            #expect(halfTyped.status == .unprocessableEntity && halfTyped.body.string.contains(">Hire if references hold.</textarea>"))
            #expect(second.status == .created && refused.status == .forbidden)
            #expect(page.body.string.contains("References did not hold up.") && page.body.string.contains("Strong on the web stack."))
            #expect(list.body.string.contains(Text.outcomeReject.in(.en)))
            let decisions = try JSONDecoder().decode(Debrief.self, from: Data(buffer: api.body)).decisions
            #expect(decisions.map(\.outcome) == ["reject", "advance"])
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .decisionRecorded).all().map(\.detail)
            #expect(trail.sorted() == ["advance", "reject"])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$detail == "decision").count() == 2)
        }
    }

    @Test func thePooledFiguresFollowCardsSubmittedAfterAPageWasShown() async throws {
        try await withApp { app in
            // setup: the position page is shown (and its figures cached) before any card is submitted
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let maria = try await fixture.browser("maria@example.com")
            let path = "/positions/\(try fixture.position.requireID())"
            let before = try await maria.get(path)
            // act
            _ = try await submittedPanel(app, fixture: fixture)
            let after = try await maria.get(path)
            // verify
            #expect(!before.body.string.contains("id=\"pooled-agreement\""))
            #expect(after.body.string.contains("1 panels, 1 pairs"))
        }
    }

    @Test func positionsAndGuidesPoolTheAgreementOfAllTheirPanelsForManagers() async throws {
        try await withApp { app in
            // setup
            let (fixture, maria) = try await submittedPanel(app)
            let ivan = try await fixture.browser("ivan@example.com")
            let (guide, _) = try await TestData.anyGuideVersion(app)
            // act
            let position = try await maria.get("/positions/\(try fixture.position.requireID())")
            let guidePage = try await maria.get("/guides/\(try guide.requireID())")
            let asInterviewer = try await ivan.get("/positions/\(try fixture.position.requireID())")
            // verify: one panel, one pair, three common questions — below five, so withheld with the reason
            #expect(position.body.string.contains("id=\"pooled-agreement\"") && position.body.string.contains("1 panels, 1 pairs"))
            #expect(position.body.string.contains("at least 5 needed"))
            #expect(guidePage.body.string.contains("id=\"pooled-agreement\""))
            #expect(!asInterviewer.body.string.contains("pooled-agreement"))
        }
    }
}
