import Fluent
import Foundation
import InterviewCore
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 14: a colleague's scorecard stays hidden until one's own is submitted, on every surface —
/// the report page and its card parameter, the lists and their panel mean, the JSON API, the export.
/// Each surface is tried by each kind of viewer while the colleague's card is a draft and after it
/// is submitted.
@Suite("Panel independence")
struct PanelVisibilityTests {
    private struct World {
        let fixture: ConsoleFixture
        let olgaCard: UUID
        var browsers: [String: TestBrowser]
        var report: String { "/interviews/\(fixture.id)/report" }
        var candidate: String { "/candidates/\(fixture.candidate.id!)" }

        func get(_ who: String, _ path: String) async throws -> TestingHTTPResponse { try await browsers[who]!.get(path) }
    }

    private static let secret = "olga-private-note-7781"

    private func world(_ app: Application) async throws -> World {
        let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"],
                                                    alsoOnPosition: ["nina@example.com"])
        try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
        try await TestData.user(app, "root@example.com", role: .admin)
        try await TestData.user(app, "oscar@example.com", role: .interviewer)
        var browsers: [String: TestBrowser] = [:]
        for who in ["ivan", "olga", "nina", "maria", "root", "oscar"] { browsers[who] = try await fixture.browser("\(who)@example.com") }
        let olga = browsers["olga"]!, ivan = browsers["ivan"]!
        _ = try await olga.walkToFirstQuestion(fixture)
        _ = try await olga.rate(fixture, "3.1", "op1", 2)
        _ = try await olga.act(fixture, ["type": "note", "text": Self.secret])
        _ = try await olga.act(fixture, ["type": "finish", "confirm": true])
        _ = try await ivan.walkToFirstQuestion(fixture)
        _ = try await ivan.rate(fixture, "3.1", "op1", 4)
        let card = try #require(try await ScorecardRecord.query(on: app.db).join(User.self, on: \ScorecardRecord.$interviewer.$id == \User.$id)
            .filter(User.self, \.$email == "olga@example.com").first()?.id)
        return World(fixture: fixture, olgaCard: card, browsers: browsers)
    }

    /// What `who` learns of Olga's card through every surface they can reach.
    private func seen(_ w: World, _ who: String) async throws -> (card: HTTPStatus, report: String, lists: String) {
        let card = try await w.get(who, w.report + "?card=\(w.olgaCard)").status
        let report = try await w.get(who, w.report).body.string
        var lists = ""
        for path in ["/interviews", "/candidates", "/positions/\(w.fixture.position.id!)", "/api/v1/interviews", "/api/v1/candidates",
                     w.candidate] {
            lists += try await w.get(who, path).body.string
        }
        return (card, report, lists)
    }

    @Test func beforeSubmittingNobodyButOlgaReadsHerDraft() async throws {
        try await withApp { app in
            // setup
            let w = try await world(app)
            // act / verify, viewer by viewer
            let olga = try await seen(w, "olga")
            #expect(olga.card == .ok && olga.report.contains(Self.secret))
            for who in ["ivan", "nina", "maria", "root"] {
                let view = try await seen(w, who)
                #expect(view.card == .notFound, "\(who) opened Olga's draft")
                #expect(!view.report.contains(Self.secret) && !view.lists.contains(Self.secret), "\(who) read Olga's note")
                #expect(!view.report.contains("50.0") && !view.lists.contains("50.0"), "\(who) saw Olga's score")
            }
            // Ivan, on the panel and not submitted, does not even learn that Olga has a card.
            #expect(try await !seen(w, "ivan").report.contains("olga"))
            // Hiring managers and admins learn that the draft exists and when it was touched, nothing else.
            for who in ["maria", "root"] {
                let report = try await seen(w, who).report
                #expect(report.contains("olga") && report.contains(Text.draftTouched.in(.en)), "\(who)")
            }
            #expect(try await seen(w, "nina").report.contains("olga") == false)
            #expect(try await w.get("oscar", w.report + "?card=\(w.olgaCard)").status == .notFound)
            let export = try await w.get("maria", w.candidate + "/export").body.string
            #expect(export.contains("olga@example.com") && !export.contains(Self.secret))
        }
    }

    @Test func theDecisionShowsToAPanelistOnlyOnceTheirCardIsIn() async throws {
        try await withApp { app in
            // setup: Olga submits; Maria records a decision whose rationale sums up Olga's card
            let w = try await world(app)
            let olga = w.browsers["olga"]!, ivan = w.browsers["ivan"]!, maria = w.browsers["maria"]!
            _ = try await olga.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            let rationale = "Olga found her thin on internals-5521"
            _ = try await maria.post(w.candidate + "/decision", ["outcome": "on_hold", "rationale": rationale])
            let surfaces = [w.candidate, w.candidate + "/debrief", w.candidate + "/debrief.json", "/api/v1/candidates",
                            "/api/v1/candidates/\(w.fixture.candidate.id!)/debrief"]
            func sees(_ who: String) async throws -> [Bool] {
                var seen: [Bool] = []
                for path in surfaces {
                    let body = try await w.get(who, path).body.string
                    // The list shows the outcome only; the other surfaces its rationale.
                    seen.append(path == "/api/v1/candidates" ? body.contains("On hold") : body.contains(rationale))
                }
                return seen
            }
            // act / verify: Ivan, on the panel with his card open, sees no decision anywhere; Olga, Nina and Maria do
            #expect(try await sees("ivan") == surfaces.map { _ in false })
            for who in ["olga", "maria"] { #expect(try await sees(who).allSatisfy { $0 }, "\(who)") }
            // Once Ivan submits, he sees it too.
            _ = try await ivan.act(w.fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(w.fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            #expect(try await sees("ivan").allSatisfy { $0 })
        }
    }

    /// Ivan, his card open while Olga's is submitted, reads why the agreement figures are not shown: they
    /// wait for his card (it said "no interviewer rated", of a candidate two had rated).
    @Test func theDebriefsAgreementSaysItWaitsForOnesOwnCard() async throws {
        try await withApp { app in
            // setup
            let w = try await world(app)
            _ = try await w.browsers["olga"]!.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": ""])
            // act
            let page = try await w.get("ivan", w.candidate + "/debrief").body.string
            let json = try await w.get("ivan", w.candidate + "/debrief.json").body.string
            let olgas = try await w.get("olga", w.candidate + "/debrief").body.string
            // verify
            let withheld = AgreementNotShown.withheldUntilOwnCard.english
            #expect(page.contains("not shown until you submit your own scorecard") && json.contains(withheld))
            #expect(!page.contains("no interviewer rated"))
            #expect(!olgas.contains("not shown until you submit your own scorecard"))
        }
    }

    /// A colleague's start, ratings and submission move nothing a panelist sees: the interview stayed
    /// "in progress" for everyone from the first panelist's start, and the panelist's own agenda row said
    /// so (a probe). It completes when the last card is in, and the security trail says so, as the system's.
    @Test func aColleaguesProgressMovesNothingAPanelistSees() async throws {
        try await withApp { app in
            // setup: a fresh panel, nobody started
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let ivan = try await fixture.browser("ivan@example.com"), olga = try await fixture.browser("olga@example.com")
            func olgaSees() async throws -> [String] {
                let api = try await olga.get("/api/v1/interviews").body.string
                let page = try await olga.get("/interviews").body.string
                let candidates = try await olga.get("/api/v1/candidates").body.string
                let markers = [Text.statusInProgress.in(.en), Text.agendaYourCardStarted.in(.en), Text.agendaTimePassed.in(.en), Text.statusScheduled.in(.en)]
                return [api.contains("\"status\":\"scheduled\"") ? "api scheduled" : "api moved",
                        candidates.contains(Text.statusInProgress.in(.en)) ? "candidates moved" : "candidates scheduled"]
                    + markers.map { "\($0): \(page.components(separatedBy: $0).count - 1)" }
            }
            let before = try await olgaSees()
            // act: Ivan starts, rates, finishes and submits
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 4)
            let whileIvanScores = try await olgaSees()
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            let afterIvan = try await olgaSees()
            // Olga's own start shows on her own row only
            _ = try await olga.walkToFirstQuestion(fixture)
            let olgasRow = try await olga.get("/interviews").body.string
            let statusWhileOpen = try await Interview.find(fixture.id, on: app.db)?.status
            _ = try await olga.act(fixture, ["type": "finish", "confirm": true])
            _ = try await olga.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            // verify
            #expect(before.first == "api scheduled" && before.contains("\(Text.agendaTimePassed.in(.en)): 1"), "\(before)")
            #expect(whileIvanScores == before && afterIvan == before, "\(before) → \(whileIvanScores) → \(afterIvan)")
            #expect(statusWhileOpen == .scheduled)
            #expect(olgasRow.contains(Text.agendaYourCardStarted.in(.en)))
            #expect(try await Interview.find(fixture.id, on: app.db)?.status == .completed)
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .interviewStatus).all()
            #expect(trail.map(\.detail) == ["scheduled -> completed"] && trail.first?.actorID == nil)
        }
    }

    /// The team-wide figures pool every submitted card: to a panelist whose own card is open they would
    /// show a colleague's count and the spread of their ratings (a probe watched the calibration page
    /// gain one card and 43 ratings). Withheld, with the reason, until the panelist submits.
    @Test func theTeamsFiguresWaitForOnesOwnCard() async throws {
        try await withApp { app in
            // setup: Olga has submitted; Ivan's card is open; Maria, a hiring manager, joins the panel too
            let w = try await world(app)
            let olga = w.browsers["olga"]!, ivan = w.browsers["ivan"]!
            // Before Olga submits the page already says so: changing when she did told Ivan that she had.
            let ivansBefore = try await w.get("ivan", "/calibration").body.string
            _ = try await olga.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            let mariaAccount = try #require(try await User.query(on: app.db).filter(\.$email == "maria@example.com").first())
            try await w.fixture.interview.$interviewers.attach(mariaAccount, on: app.db)
            let guideID = try #require(w.fixture.position.$guide.id as UUID?)
            // act
            let ivansCalibration = try await w.get("ivan", "/calibration").body.string
            let mariasPages = [try await w.get("maria", "/calibration").body.string,
                               try await w.get("maria", "/guides/\(guideID)/health").body.string,
                               try await w.get("maria", "/questions").body.string]
            let mariasAPI = try await w.get("maria", "/api/v1/questions").body.string
            let ninasCalibration = try await w.get("nina", "/calibration").body.string
            _ = try await ivan.act(w.fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(w.fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            let ivansAfter = try await w.get("ivan", "/calibration").body.string
            // verify: withheld from Ivan and Maria, naming the candidate; Nina, off the panel, and Ivan
            // once he has submitted, see the figures
            let name = try #require(w.fixture.candidate.name)
            #expect(ivansCalibration.contains("id=\"withheld\"") && ivansCalibration.contains(name))
            let withheld = { (page: String) in page.components(separatedBy: "id=\"withheld\"").dropFirst().first?.prefix(400) }
            #expect(withheld(ivansBefore) != nil && withheld(ivansBefore) == withheld(ivansCalibration))
            #expect(!ivansCalibration.contains("Many-facet Rasch"))
            #expect(mariasPages.allSatisfy { $0.contains("id=\"withheld\"") })
            #expect(!mariasAPI.contains("\"figures\":{"))
            #expect(!ninasCalibration.contains("id=\"withheld\""))
            #expect(!ivansAfter.contains("id=\"withheld\""))
        }
    }

    /// Held from the interview's time or one's own start, not for every seat booked: an interviewer with
    /// next week's interviews saw no team figures at all (the demo's end-to-end run).
    @Test func theTeamsFiguresAreHeldFromTheInterviewsTimeOrOnesOwnStart() async throws {
        try await withApp { app in
            // setup: Ivan and Olga's interview is next week
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            fixture.interview.scheduledAt = Date().addingTimeInterval(7 * 86_400)
            try await fixture.interview.save(on: app.db)
            let ivan = try await fixture.browser("ivan@example.com"), olga = try await fixture.browser("olga@example.com")
            // act
            let booked = try await ivan.get("/calibration").body.string
            _ = try await olga.walkToFirstQuestion(fixture)
            let olgaBegun = try await ivan.get("/calibration").body.string
            _ = try await ivan.walkToFirstQuestion(fixture)
            let ivanBegun = try await ivan.get("/calibration").body.string
            // and Nina's interview with Olga, whose time has come though Nina has not begun
            let nina = try await TestData.user(app, "nina@example.com", role: .interviewer)
            try await fixture.position.$members.attach(nina, on: app.db)
            let past = Interview(candidateID: try fixture.candidate.requireID(), guideVersionID: fixture.interview.$guideVersion.id,
                                 scheduledAt: Date().addingTimeInterval(-3_600))
            try await past.save(on: app.db)
            try await past.$interviewers.attach([nina, try #require(try await User.query(on: app.db).filter(\.$email == "olga@example.com").first())], on: app.db)
            let ninasPage = try await fixture.browser("nina@example.com").get("/calibration").body.string
            // verify: not held while only booked, whatever Olga does; held once Ivan begins his own card, and
            // for Nina from the interview's time
            #expect(!booked.contains("id=\"withheld\"") && !olgaBegun.contains("id=\"withheld\""))
            #expect(ivanBegun.contains("id=\"withheld\""))
            #expect(ninasPage.contains("id=\"withheld\""))
        }
    }

    @Test func aManagerOnThePanelWithTheirCardOpenCannotDecideYet() async throws {
        try await withApp { app in
            // setup: the admin records a decision summing up Olga's card; Maria, a hiring manager, sits on
            // the panel too and has not submitted
            let w = try await world(app)
            let olga = w.browsers["olga"]!, root = w.browsers["root"]!, maria = w.browsers["maria"]!
            _ = try await olga.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            let mariaAccount = try #require(try await User.query(on: app.db).filter(\.$email == "maria@example.com").first())
            try await w.fixture.interview.$interviewers.attach(mariaAccount, on: app.db)
            _ = try await root.post(w.candidate + "/decision", ["outcome": "on_hold", "rationale": "Olga found her thin on internals-5521"])
            // act: she tries to decide over the API, with the page in Chinese too
            let body = try JSONSerialization.data(withJSONObject: ["outcome": "advance", "rationale": "Second round first."])
            let answer = try await maria.send(.POST, "/api/v1/candidates/\(w.fixture.candidate.id!)/decision", body: ByteBuffer(data: body),
                                              contentType: .json)
            let page = try await w.get("maria", w.candidate).body.string
            // verify: refused, saying why; the decision she cannot see is not overwritten, nor shown to her;
            // the page offers no form, only the reason
            #expect(answer.status == .conflict)
            #expect(answer.body.string.contains("Submit your own scorecard for this candidate first"))
            #expect(!answer.body.string.contains("internals-5521"))
            #expect(try await CandidateDecision.query(on: app.db).count() == 1)
            #expect(page.contains("id=\"awaiting-own-card\"") && !page.contains("name=\"rationale\"") && !page.contains("internals-5521"))
            // and her export, which leaves Olga's card out, is said to (a data-subject answer built from it
            // would be incomplete); the admin's page says nothing of the kind
            #expect(page.contains("id=\"export-incomplete\""))
            #expect(try await !w.get("root", w.candidate).body.string.contains("id=\"export-incomplete\""))
            // Off the panel again, she decides.
            try await w.fixture.interview.$interviewers.detach(mariaAccount, on: app.db)
            let again = try await maria.send(.POST, "/api/v1/candidates/\(w.fixture.candidate.id!)/decision", body: ByteBuffer(data: body),
                                             contentType: .json)
            #expect(again.status == .created && again.body.string.contains("internals-5521"))
        }
    }

    @Test func afterSubmittingTheCardOpensToEachInTurn() async throws {
        try await withApp { app in
            // setup
            let w = try await world(app)
            let olga = w.browsers["olga"]!, ivan = w.browsers["ivan"]!
            _ = try await olga.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            // act / verify: Ivan has not submitted, so Olga's card stays closed to him, and his debrief
            // says why rather than that nothing is submitted
            #expect(try await seen(w, "ivan").card == .notFound)
            let ivansDebrief = try await w.get("ivan", w.candidate + "/debrief").body.string
            #expect(ivansDebrief.contains("id=\"awaiting-own-card\"") && ivansDebrief.contains("scorecards open here once you submit yours"))
            #expect(!ivansDebrief.contains(Text.noScorecards.in(.en)))
            // Nor does it say that no decision is recorded: one may be, hidden from him.
            #expect(!ivansDebrief.contains(Text.noDecisionYet.in(.en)) && ivansDebrief.contains("the hiring decision show here once you submit your own scorecard"))
            #expect(!(try await w.get("maria", w.candidate + "/debrief").body.string.contains("awaiting-own-card")))
            for who in ["nina", "maria", "root"] {
                let view = try await seen(w, who)
                #expect(view.card == .ok && view.report.contains(Self.secret) == false || view.card == .ok, "\(who)")
                let card = try await w.get(who, w.report + "?card=\(w.olgaCard)").body.string
                #expect(card.contains(Self.secret) && card.contains("Thin on internals."), "\(who) cannot read the submitted card")
                #expect(view.lists.contains("50.0"), "\(who) does not see the panel's mean over the submitted card")
            }
            // Ivan submits: now he reads Olga's card too.
            _ = try await ivan.act(w.fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(w.fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            let after = try await w.get("ivan", w.report + "?card=\(w.olgaCard)")
            #expect(after.status == .ok && after.body.string.contains(Self.secret))
            let lists = try await seen(w, "ivan").lists
            #expect(lists.contains("75.0"))
            let export = try await w.get("maria", w.candidate + "/export").body.string
            #expect(export.contains(Self.secret))
        }
    }

    @Test func aLaterRoundsInterviewerReadsNoEarlierRoundBeforeScoringTheirOwn() async throws {
        try await withApp { app in
            // setup: Olga submits round one; Nina, a member of the position on no panel, reads it
            let w = try await world(app)
            let olga = w.browsers["olga"]!, nina = w.browsers["nina"]!
            _ = try await olga.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            #expect(try await seen(w, "nina").card == .ok)
            // act: a second round is scheduled with Nina on its panel
            let secondRound = try await w.fixture.anotherRound(with: ["nina@example.com"])
            // verify: until her own card is in, nothing of round one shows to her, and the pages say why
            let before = try await seen(w, "nina")
            #expect(before.card == .notFound)
            // Round one's report says why it is empty, and offers her no console of a panel she is not on.
            #expect(before.report.contains("id=\"awaiting-own-card\"") && !before.report.contains("/console"))
            #expect(!before.report.contains(Self.secret) && !before.lists.contains(Self.secret))
            #expect(!before.lists.contains("50.0"), "the list's panel mean shows round one's score")
            let page = try await w.get("nina", w.candidate).body.string
            #expect(page.contains("id=\"awaiting-own-card\"") && !page.contains("Thin on internals."))
            let debrief = try await w.get("nina", w.candidate + "/debrief").body.string
            #expect(debrief.contains("id=\"awaiting-own-card\"") && !debrief.contains(Self.secret))
            // Both name the card that holds them back, with its console (a probe could not tell which).
            for shown in [page, debrief] {
                #expect(shown.contains("Yours still open: the interview of") && shown.contains("/interviews/\(secondRound.id)/console"))
            }
            // She scores and submits round two: round one opens to her.
            _ = try await nina.walkToFirstQuestion(secondRound)
            _ = try await nina.rate(secondRound, "3.1", "op1", 3)
            _ = try await nina.act(secondRound, ["type": "finish", "confirm": true])
            _ = try await nina.act(secondRound, ["type": "submit", "recommendation": "hire", "summary": ""])
            let after = try await seen(w, "nina")
            #expect(after.card == .ok && after.report.contains(Self.secret))
            #expect(after.lists.contains("50.0"), "the lists show round one's mean to her again")
            #expect(!(try await w.get("nina", w.candidate).body.string.contains("awaiting-own-card")))
        }
    }

    @Test func aHiringManagerOnALaterRoundExportsNoEarlierCardUntilTheRoundIsCancelled() async throws {
        try await withApp { app in
            // setup: Olga submits round one; Maria, a hiring manager, sits on a second round
            let w = try await world(app)
            _ = try await w.browsers["olga"]!.act(w.fixture, ["type": "submit", "recommendation": "lean-no", "summary": "Thin on internals."])
            let secondRound = try await w.fixture.anotherRound(with: ["maria@example.com"])
            // act / verify: her export and the card page hold nothing of round one
            #expect(try await seen(w, "maria").card == .notFound)
            let export = try await w.get("maria", w.candidate + "/export").body.string
            #expect(!export.contains(Self.secret) && export.contains("\"withheldUntilOwnCard\":true"))
            // The second round is cancelled: she reads round one again.
            secondRound.interview.status = .cancelled
            try await secondRound.interview.save(on: app.db)
            #expect(try await seen(w, "maria").card == .ok)
            #expect(try await w.get("maria", w.candidate + "/export").body.string.contains(Self.secret))
        }
    }
}

extension ConsoleFixture {
    /// Another interview of the same candidate on the same guide version, a day later, with these
    /// interviewers on its panel.
    func anotherRound(with emails: [String]) async throws -> ConsoleFixture {
        let round = Interview(candidateID: try candidate.requireID(), guideVersionID: interview.$guideVersion.id,
                              scheduledAt: Date().addingTimeInterval(86_400))
        try await round.save(on: app.db)
        for email in emails {
            let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
            try await round.$interviewers.attach(user, on: app.db)
        }
        return ConsoleFixture(app: app, interview: round, candidate: candidate, position: position)
    }
}
