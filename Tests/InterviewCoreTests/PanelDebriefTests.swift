import Foundation
@testable import InterviewCore
import Testing

/// Issue 14: the debrief's grid puts the most disputed question first, shows where one interviewer
/// went deeper and another did not, and carries the panel's agreement with its reading or its reason.
@Suite("Panel debrief")
struct PanelDebriefTests {
    /// A submitted card from script lines (`SessionTestScript`), finishing and submitting at the end.
    private func card(_ rater: String, _ lines: [String], recommendation: String) throws -> PanelDebrief.Card {
        PanelDebrief.Card(rater: rater, state: try submitted(lines, recommendation: recommendation, summary: "by \(rater)").state)
    }

    /// The script's lines run, the interview finished and the card submitted.
    private func submitted(_ lines: [String], recommendation: String, summary: String) throws -> SessionTestScript {
        var script = try SessionTestScript()
        for line in lines { try script.run(line) }
        let untouched = SessionTestGuide.guide().stages.filter { $0.requirement == .required && script.state.stages[$0.key] == nil }.map(\.key)
        if !script.state.isFinished { _ = try script.driver.record(.interviewFinished(confirmedIncomplete: untouched)) }
        _ = try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: recommendation, summary: summary)))
        return script
    }

    @Test func theMostDisputedQuestionAndTheDepthDifferenceComeFirst() throws {
        // setup: both rate Redis op1–op3; Ivan goes deeper, Olga does not; they differ by 3 on op2
        let ivan = try card("ivan", ["j 3.2.1", "4", "4", "3", "y", "3"], recommendation: "hire")
        let olga = try card("olga", ["j 3.2.1", "4", "1", "3", "n"], recommendation: "lean-no")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        // verify
        let redis = try #require(debrief.topics.first)
        #expect(redis.topic == "3.2.1")
        // op4, behind Olga's "no", counts 0 for her as in the score: a spread of 3 like op2's, and first for
        // the status difference (a gate one took and the other did not sorted last, spread "–": a panel probe)
        #expect(redis.rows.prefix(2).map(\.question) == ["op4", "op2"] && redis.rows.prefix(2).map(\.spread) == [3, 3])
        let op4 = try #require(redis.rows.first { $0.question == "op4" })
        #expect(op4.depthDiffers)
        #expect(op4.cells.map(\.status) == [.rated, .notDemonstrated])
        #expect(debrief.raters.map(\.recommendation) == ["hire", "lean-no"])
        #expect(debrief.raters.map(\.summary) == ["by ivan", "by olga"])
        let range = try #require(debrief.scoreRange)
        #expect(range.low <= range.mean && range.mean <= range.high)
    }

    @Test func oneInterviewersTwoRoundsKeepTheirOwnRatingsAndAreNoPairOfTheAgreement() throws {
        // setup: Olga scored round one and round two differently; Ivan only round one. The caller labels
        // her cards apart; a label given twice (the command line's file names) is numbered here.
        let ivan = try card("ivan", ["j 3.2.1", "4", "4", "3"], recommendation: "hire")
        var first = try card("olga", ["j 3.2.1", "4", "1", "3"], recommendation: "lean-no")
        var second = try card("olga", ["j 3.2.1", "2", "2", "2"], recommendation: "hire")
        first.person = "olga"
        second.person = "olga"
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, first, second])
        // verify: three columns, each with its own card's ratings
        #expect(debrief.raters.map(\.name) == ["ivan", "olga", "olga (2)"])
        let op2 = try #require(debrief.topics.first?.rows.first { $0.question == "op2" })
        #expect(op2.cells.map(\.rating) == [4, 1, 2])
        #expect(op2.cells.map(\.rater) == ["ivan", "olga", "olga (2)"])
        // Ivan with each of Olga's cards; never Olga with herself.
        #expect(debrief.agreement.pairs.map { [$0.first, $0.second] } == [["ivan", "olga"], ["ivan", "olga (2)"]])
    }

    @Test func notesTakenOutsideTheRatedTopicsReachTheDebrief() throws {
        // setup: Ivan notes something before any topic, then rates Redis
        let ivan = try card("ivan", ["m resume dates add to 6 years, not 8", "j 3.2.1", "4", "4"], recommendation: "hire")
        let olga = try card("olga", ["j 3.2.1", "4", "3"], recommendation: "hire")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let markdown = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify: his note, with where he took it, under its own heading; Olga has none
        let notes = try #require(debrief.otherNotes.first)
        #expect(debrief.otherNotes.count == 1 && notes.rater == "ivan")
        #expect(notes.notes.count == 1 && notes.notes[0].hasSuffix(": resume dates add to 6 years, not 8"))
        #expect(markdown.contains("## Notes outside the questions") && markdown.contains("resume dates add to 6 years, not 8"))
    }

    @Test func aCardRevisedAfterSubmittingSaysSo() throws {
        // setup: Olga's card changed after she submitted it, with a reason
        let ivan = try card("ivan", ["j 3.2.1", "4", "4"], recommendation: "hire")
        var olga = try card("olga", ["j 3.2.1", "4", "1"], recommendation: "lean-no")
        var state = olga.state
        state.revisions.append(SessionState.Revision(at: Date(timeIntervalSince1970: 1_800_000_000), reason: "misread op2"))
        olga = PanelDebrief.Card(rater: "olga", state: state)
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let markdown = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify
        #expect(debrief.raters.map(\.revisions) == [0, 1])
        #expect(debrief.raters.last?.lastRevisedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(markdown.contains("| olga (revised 1× after submitting) |") && !markdown.contains("ivan (revised"))
    }

    @Test func aCellARevisionChangedShowsWhatTheCardFirstSaid() throws {
        // setup: Olga submits op2 = 1, then revises it to 3 and re-submits; op1 stays 4
        var script = try submitted(["j 3.2.1", "4", "1"], recommendation: "lean-no", summary: "first")
        _ = try script.driver.record(.revisionStarted(reason: "reread my notes on op2"))
        _ = try script.driver.record(.rated(QuestionRef(topic: "3.2.1", question: "op2"), rating: 3))
        _ = try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "lean-no", summary: "second")))
        let olga = PanelDebrief.Card(rater: "olga", state: script.state)
        let ivan = try card("ivan", ["j 3.2.1", "4", "4"], recommendation: "hire")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let zh = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .zh), candidate: nil)
        let en = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify: only Olga's op2 carries what it was; the spread is of the ratings now (4 − 3)
        let rows = try #require(debrief.topics.first?.rows)
        let op2 = try #require(rows.first { $0.question == "op2" })
        #expect(op2.cells.map(\.rating) == [4, 3])
        #expect(op2.cells.map(\.asSubmitted) == [nil, PanelDebrief.Submitted(status: .rated, rating: 1)])
        #expect(op2.spread == 1)
        #expect(rows.filter { $0.question != "op2" }.allSatisfy { $0.cells.allSatisfy { $0.asSubmitted == nil } })
        #expect(en.contains(" 3 (was 1) |") && zh.contains(" 3（原为 1） |"))
        #expect(en.contains("| Spread |") && en.contains("(revised 1× after submitting)"))
    }

    /// A verdict changed after reading the colleagues' cards showed as if given blind: "4 (was 3)" for a
    /// rating, but a plain "Hire" for what was first "Strong hire", and the first summary on no page (a panel probe).
    @Test func aRecommendationARevisionChangedShowsWhatTheCardFirstSaid() throws {
        // setup: Olga submits lean-no with "first", then revises to hire with "second"
        var script = try submitted(["j 3.2.1", "4", "1"], recommendation: "lean-no", summary: "first")
        _ = try script.driver.record(.revisionStarted(reason: "read Ivan's card"))
        _ = try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "second")))
        let olga = PanelDebrief.Card(rater: "olga", state: script.state)
        let ivan = try card("ivan", ["j 3.2.1", "4", "4"], recommendation: "hire")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let en = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify
        let labels = SessionTestGuide.guide().bands
        #expect(debrief.raters.last?.recommendationAsSubmitted == labels.first { $0.id == "lean-no" }?.label)
        #expect(debrief.raters.last?.summaryAsSubmitted == "first")
        #expect(debrief.raters.first?.recommendationAsSubmitted == nil && debrief.raters.first?.summaryAsSubmitted == nil)
        #expect(en.contains("(was \(labels.first { $0.id == "lean-no" }?.label ?? "?"))") && en.contains("second (first submitted: first)"))
    }

    @Test func aQuestionAskedButNotRatedIsNamedSoNotNotAsked() throws {
        // setup: Olga asked op2 and moved on without rating it; Ivan rated it
        var script = try SessionTestScript()
        for line in ["j 3.2.1", "4"] { try script.run(line) }
        let untouched = SessionTestGuide.guide().stages.filter { $0.requirement == .required && script.state.stages[$0.key] == nil }.map(\.key)
        _ = try script.driver.record(.interviewFinished(confirmedIncomplete: untouched))
        _ = try script.driver.record(.scorecardSubmitted(ScorecardSubmission(recommendation: "lean-no", summary: "")))
        let olga = PanelDebrief.Card(rater: "olga", state: script.state)
        let ivan = try card("ivan", ["j 3.2.1", "4", "4"], recommendation: "hire")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let en = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify: the grid's status stays "not asked" (what disagreement compares); the words are the card's
        let op2 = try #require(debrief.topics.first?.rows.first { $0.question == "op2" })
        #expect(op2.cells.map(\.status) == [.rated, .notAsked] && op2.cells.map(\.detail) == [nil, .askedNotRated])
        #expect(en.contains("| 4 | asked, not rated |"))
    }

    @Test func aSkipShowsItsReasonInTheGrid() throws {
        // setup: Olga skipped Redis op2 saying why, Ivan rated it
        let ivan = try card("ivan", ["j 3.2.1", "4", "4"], recommendation: "hire")
        let olga = try card("olga", ["j 3.2.1", "4", "s no time left"], recommendation: "lean-no")
        // act
        let debrief = PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga])
        let markdown = PanelDebriefMarkdown.render(PanelDebriefDocument(debrief, language: .en), candidate: nil)
        // verify
        let op2 = try #require(debrief.topics.first?.rows.first { $0.question == "op2" })
        #expect(op2.cells.map(\.skipReason) == [nil, "no time left"])
        #expect(markdown.contains("(no time left)"))
    }

    @Test func noDecisionIsNamedInTheGuidesLanguage() throws {
        // setup: a card that recommends neither way, on the test guide in Chinese and in English
        let undecided = try card("ivan", ["j 3.2.1", "3"], recommendation: ScorecardSubmission.noDecision)
        var english = SessionTestGuide.guide()
        english.language = "en"
        var chinese = english
        chinese.language = "zh"
        // act
        let labels = [chinese, english].map { PanelDebrief.make(guide: $0, cards: [undecided]).raters.first?.recommendationLabel }
        // verify: one language each, as the guide's own bands are (it was "不作推荐 No decision" in both)
        #expect(labels == ["不作推荐", "No decision"])
    }

    @Test func agreementIsWithheldBelowTheMinimumAndSaysWhy() throws {
        // setup: three common questions, below the default minimum of five
        let ivan = try card("ivan", ["j 3.2.1", "4", "4", "3"], recommendation: "hire")
        let olga = try card("olga", ["j 3.2.1", "4", "1", "3"], recommendation: "lean-no")
        // act
        let doc = PanelDebriefDocument(PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga]), language: .en)
        let markdown = PanelDebriefMarkdown.render(doc, candidate: "Sun [Ba](javascript:x)")
        // verify
        let kappa = try #require(doc.agreement.pairs.first?.kappa)
        #expect(kappa.value == nil && kappa.questions == 3)
        #expect(kappa.reason == "not shown: only 3 questions rated by both, at least 5 needed")
        #expect(markdown.contains("Sun \\[Ba\\]\\(javascript:x\\)"))
        #expect(!markdown.contains("[Ba](javascript"))
    }

    @Test func withEnoughCommonQuestionsKappaAndICCAreShownWithAReading() throws {
        // setup: five common questions (Redis op1–op3 and MySQL op1–op2), close ratings
        let ivan = try card("ivan", ["j 3.2.1", "4", "3", "2", "n", "j 3.2.2", "3", "2"], recommendation: "hire")
        let olga = try card("olga", ["j 3.2.1", "4", "3", "1", "n", "j 3.2.2", "3", "1"], recommendation: "hire")
        // act
        let doc = PanelDebriefDocument(PanelDebrief.make(guide: SessionTestGuide.guide(), cards: [ivan, olga]), language: .zh)
        // verify
        let kappa = try #require(doc.agreement.pairs.first?.kappa)
        #expect(kappa.questions == 5 && kappa.value != nil && kappa.reading != nil)
        #expect(doc.agreement.singleRater.value != nil && doc.agreement.panelMean.value != nil)
        #expect(doc.agreement.explanation.allSatisfy { !$0.isEmpty })
    }
}
