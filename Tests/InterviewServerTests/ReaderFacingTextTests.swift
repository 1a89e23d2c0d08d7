import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// What a reviewer of the pages found (an audit in both languages, three roles): codes where words
/// belong, a report in the guide's language inside a Chinese page, a refusal worded for a form, names
/// run together. Each is checked here as the reader sees it.
@Suite("Pages speak the reader's language, in words")
struct ReaderFacingTextTests {
    /// The page as a reader who switched to Chinese sees it (the `lang` cookie).
    private func inChinese(_ browser: TestBrowser, _ path: String) async throws -> TestingHTTPResponse {
        browser.language = "zh"
        defer { browser.language = "en" }
        return try await browser.get(path)
    }

    /// Ivan rates 3.1's op1 and op2 and skips op3, Olga rates all three; both submit. Maria (hiring
    /// manager, member) reads.
    private func panel(_ app: Application) async throws -> (ConsoleFixture, TestBrowser) {
        let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
        try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
        for (email, ratings) in [("ivan@example.com", [4, 3, nil]), ("olga@example.com", [2, 3, 1])] {
            let browser = try await fixture.browser(email)
            _ = try await browser.walkToFirstQuestion(fixture)
            for (index, rating) in ratings.enumerated() {
                if let rating {
                    _ = try await browser.rate(fixture, "3.1", "op\(index + 1)", rating)
                } else {
                    _ = try await browser.act(fixture, ["type": "skip", "topic": "3.1", "question": "op\(index + 1)", "reason": "time"])
                }
            }
            _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
            _ = try await browser.act(fixture, ["type": "submit", "recommendation": "hire", "summary": "From \(email)"])
        }
        return (fixture, try await fixture.browser("maria@example.com"))
    }

    @Test func theDebriefNamesUnratedCellsInWords() async throws {
        try await withApp { app in
            // setup
            let (fixture, maria) = try await panel(app)
            let id = try fixture.candidate.requireID()
            // act
            let english = try await maria.get("/candidates/\(id)/debrief").body.string
            let zh = try await inChinese(maria, "/candidates/\(id)/debrief").body.string
            // verify: Ivan's skipped op3 in words; the code stays only as the cell's class
            #expect(english.contains("<span class=\"muted\">skipped</span>"))
            #expect(zh.contains("<span class=\"muted\">已跳过</span>"))
            for page in [english, zh] {
                #expect(!page.contains(">notAsked<") && !page.contains(">notDemonstrated<"))
                #expect(page.contains("class=\"cell skipped\""))
            }
        }
    }

    @Test func theReportIsInTheReadersLanguageAndSaysWhoseCardItIs() async throws {
        try await withApp { app in
            // setup: the English guide's interview, read by a hiring manager who reads Chinese
            let (fixture, maria) = try await panel(app)
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let zh = try await inChinese(maria, "/interviews/\(fixture.id)/report").body.string
            let english = try await maria.get("/interviews/\(fixture.id)/report").body.string
            let own = try await ivan.get("/interviews/\(fixture.id)/report").body.string
            let candidateVersion = try await inChinese(maria, "/interviews/\(fixture.id)/report/candidate.html").body.string
            // verify
            #expect(zh.contains("<html lang=\"zh\">") && zh.contains("面试报告") && !zh.contains(">Summary<"))
            #expect(zh.contains("下方报告来自这位面试官的评分卡：") && english.contains("The report below is the scorecard of"))
            // and so does the report itself, printed without the page around it; the candidate's copy does not
            #expect(own.contains("<dt>Interviewer</dt><dd>ivan</dd>") && zh.contains("<dt>面试官</dt><dd>"))
            #expect(!candidateVersion.contains("<dd>ivan</dd>") && !candidateVersion.contains("<dd>olga</dd>") && !candidateVersion.contains("<dt>面试官</dt>"))
            // times as people read them, not ISO stamps
            #expect(english.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"#, options: .regularExpression) != nil)
            #expect(english.range(of: #"<dd>\d{4}-\d{2}-\d{2}T"#, options: .regularExpression) == nil)
            // the console is only offered to the panel
            #expect(!english.contains("/console\">Open console") && own.contains("/console\">Open console"))
            // the language switch comes back to this report and card
            let link = try #require(english.components(separatedBy: "<a href=\"/language?").dropFirst().first?.components(separatedBy: "\"").first)
            let switched = try await maria.get("/language?" + link.replacingOccurrences(of: "&amp;", with: "&"))
            let location = try #require(switched.headers.first(name: .location))
            #expect(location.hasPrefix("/interviews/\(fixture.id)/report?card="))
            // the candidate's version keeps the language the interview was held in
            #expect(candidateVersion.contains("<html lang=\"en\">"))
        }
    }

    @Test func aPageRefusedForTheRoleSaysSoAndNamesNoForm() async throws {
        try await withApp { app in
            // setup
            _ = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let ivan = TestBrowser(app)
            _ = try await ivan.logIn("ivan@example.com")
            // act
            let page = try await ivan.get("/questions")
            let zh = try await inChinese(ivan, "/questions")
            // verify
            #expect(page.status == .forbidden)
            #expect(page.body.string.contains("Your role does not give access to this page."))
            #expect(!page.body.string.contains("If you sent a form"))
            #expect(zh.body.string.contains("你的角色无权访问此页面。"))
        }
    }

    @Test func interviewersAreListedApart() async throws {
        try await withApp { app in
            // setup
            let (_, maria) = try await panel(app)
            // act
            let page = try await maria.get("/interviews").body.string
            // verify
            // each with the comma after it kept on its line (it began the next line at 1,280 px: a probe)
            let listed = { (a: String, b: String) in page.contains("<span class=\"panelist\">\(a),</span> <span class=\"panelist\">\(b)</span>") }
            #expect(listed("ivan", "olga") || listed("olga", "ivan"))
        }
    }

    /// The candidate's version of a panel is one feedback, every number the cards' mean; one card's own
    /// version stays a click away for the manager who wants it (a panel probe sent one card's to a
    /// candidate the panel rejected on its mean).
    @Test func thePanelsCandidateVersionIsOneFeedbackFromEveryCard() async throws {
        try await withApp { app in
            // setup: Ivan rated op1 4 and op2 3 and skipped op3; Olga rated 2, 3 and 1
            let (fixture, maria) = try await panel(app)
            // act
            let page = try await maria.get("/interviews/\(fixture.id)/report").body.string
            let combined = try await maria.get("/interviews/\(fixture.id)/report/candidate.html").body.string
            let zh = try await inChinese(maria, "/interviews/\(fixture.id)/report/candidate.html").body.string
            let cardLink = try #require(page.firstMatch(of: #/report/candidate\.html\?card=([0-9A-Fa-f-]{36})/#))
            let oneCardResponse = try await maria.get("/interviews/\(fixture.id)/report/candidate.html?card=\(cardLink.1)")
            let oneCard = oneCardResponse.body.string
            let combinedResponse = try await maria.get("/interviews/\(fixture.id)/report/candidate.html")
            // verify: both versions are offered, the panel's first
            #expect(page.contains("/report/candidate.html\">Candidate version of the panel (HTML)</a>"))
            #expect(page.contains("Candidate version of this card (HTML)"))
            // the panel's: two cards combined, op1's two ratings in turn, op3 left out by one and discussed by the other
            #expect(combined.contains("<dt>Interviewers&#39; scorecards combined</dt><dd>2</dd>"))
            #expect(combined.contains("<span class=\"answer\"><b>4</b>/4</span> · <span class=\"answer\"><b>2</b>/4</span>"))
            #expect(combined.contains("<td>discussed · left out</td>"))
            #expect(combined.contains("<dt>As of</dt><dd>"))
            #expect(combined.contains("<title>Interview feedback of the panel — ") && combined.contains("<h1>Interview feedback of the panel — "))
            #expect(combined.contains("mean of 2 scorecards: ("))
            #expect(!combined.contains("ivan") && !combined.contains("olga") && !combined.contains("From ivan"))
            // the guide is English: the candidate's copy is in the guide's language, whoever reads it
            #expect(zh.contains("Interviewers&#39; scorecards combined"))
            // one card's own version has no mean
            #expect(!oneCard.contains("scorecards combined") && !oneCard.contains("mean of 2 scorecards"))
            // and says it is one of the panel's, under a file name of its own
            #expect(oneCard.contains("<dt>Based on</dt><dd>one interviewer&#39;s scorecard; the panel has 2</dd>"))
            #expect(oneCard.contains("<title>Interview feedback of one interviewer — "))
            #expect(oneCardResponse.headers.first(name: .contentDisposition)?.contains("interview-feedback-one-interviewer.html") == true)
            #expect(combinedResponse.headers.first(name: .contentDisposition)?.contains("interview-feedback-panel.html") == true)
        }
    }

    /// A panel with one card of two submitted: the one card's version, which says so; the panel's link
    /// is not offered, and the combined feedback, once both are in, says how many it combines.
    @Test func aPanelWithOneCardInIsSaidToBeOneCard() async throws {
        try await withApp { app in
            // setup: Ivan submitted, Olga has rated a question and not submitted; Maria (manager) reads
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let ivan = try await fixture.browser("ivan@example.com"), olga = try await fixture.browser("olga@example.com")
            try await ivan.submitOneRating(fixture, 3, "hire", "Fine")
            _ = try await olga.walkToFirstQuestion(fixture)
            _ = try await olga.rate(fixture, "3.1", "op1", 1)
            let maria = try await fixture.browser("maria@example.com")
            // act
            let page = try await maria.get("/interviews/\(fixture.id)/report").body.string
            let version = try await maria.get("/interviews/\(fixture.id)/report/candidate.html").body.string
            // verify
            #expect(!page.contains("Candidate version of the panel"))
            #expect(version.contains("<dt>Based on</dt><dd>one interviewer&#39;s scorecard; the panel has 2</dd>"))
            #expect(!version.contains("scorecards combined"))
        }
    }

    /// A card not yet submitted has no candidate's version: what goes to a candidate is what its
    /// interviewer submitted (a recruiter's probe was handed a colleague's draft as one).
    @Test func aDraftHasNoCandidatesVersion() async throws {
        try await withApp { app in
            // setup: Ivan rated a question and has not submitted
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            // act
            let page = try await ivan.get("/interviews/\(fixture.id)/report").body.string
            let version = try await ivan.get("/interviews/\(fixture.id)/report/candidate.html")
            // verify
            #expect(!page.contains("/report/candidate.html"))
            #expect(version.status == .conflict && version.body.string.contains("not submitted yet"))
        }
    }
}
