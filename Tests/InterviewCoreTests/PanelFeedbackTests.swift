import Foundation
import InterviewCore
import Testing

/// A panel's candidate version is one feedback from every card: each number the cards' mean, said as
/// such, and a question the interviewers saw differently shows each one's answer in turn (a panel probe
/// sent one interviewer's version to a candidate the panel rejected on its mean).
@Suite("Panel feedback for the candidate")
struct PanelFeedbackTests {
    /// TCP/IP (3.5.1): op1, op2, then "go deeper?": yes asks op3 then op4, no goes to op4.
    /// Card A goes no (op3 not gone into) with a shared and a private note; card B goes deeper.
    private func cards(language: String) throws -> (guide: Guide, a: SessionState, b: SessionState) {
        var guide = SessionTestGuide.guide()
        guide.language = language
        var a = try SessionTestScript(guide: guide)
        try a.run("f", "f", "f", "j tcp", "3", "3", "M 分层讲得很清楚", "n", "4", "m 私下：语速快")
        var b = try SessionTestScript(guide: guide)
        try b.run("f", "f", "f", "j tcp", "3", "1", "y", "4", "2")
        return (guide, a.state, b.state)
    }

    @Test(arguments: ["zh", "en"]) func everyNumberIsTheCardsMeanSaidAsSuch(language: String) throws {
        // setup
        let (guide, a, b) = try cards(language: language)
        let one = InterviewReport.make(guide: guide, state: a, audience: .candidate)
        let other = InterviewReport.make(guide: guide, state: b, audience: .candidate)
        // act
        let panel = try #require(InterviewReport.panelFeedback(guide: guide, states: [a, b]))
        // verify
        let words = language == "zh" ? "2 份评分卡的平均：" : "mean of 2 scorecards: "
        let overall = (try #require(one.overall) + (try #require(other.overall))) / 2
        let panelOverall = try #require(panel.overall)
        #expect(abs(panelOverall - overall) < 1e-9)
        #expect(panel.overallFormula.hasPrefix(words + "(") && panel.overallFormula.hasSuffix(" = " + ScoreFormat.score(overall)))
        let tcp = try #require(panel.topic("3.5.1"))
        let scores = [one.topic("3.5.1")?.score, other.topic("3.5.1")?.score].compactMap { $0 }
        let tcpScore = try #require(tcp.score)
        #expect(scores.count == 2 && abs(tcpScore - (scores[0] + scores[1]) / 2) < 1e-9)
        #expect(tcp.formulas.accuracy.hasPrefix(words))
        #expect(tcp.depthReached == 2)
        #expect(panel.panelSize == 2)
        // the topics either entered (3.2.1 is where both started); the feedback is worded from the mean
        #expect(panel.topics.filter(\.entered).map(\.key) == ["3.2.1", "3.5.1"])
        // A's accuracy 83.3 (3, 3 and 4 of 4), B's 70.0 (its op3 a level deeper weighs more): a mean of 76.7,
        // strong, where B alone read as solid
        let accuracy = try #require(tcp.accuracy)
        #expect(abs(accuracy - 230.0 / 3) < 1e-9)
        let labels = ReportLabels.labels(panel.language)
        let sentence = try #require(panel.feedback.first { $0.hasPrefix("3.5.1") }).lowercased()
        // B went deeper and A did not: said so, with what the not-asked advanced questions count
        #expect(sentence.contains(labels.strong.lowercased()) && sentence.contains(labels.partlyDeeper.lowercased()))
        #expect(panel.feedback.last == labels.disclaimer)
    }

    @Test func aQuestionSeenDifferentlyShowsEachAnswerInTurn() throws {
        // setup
        let (guide, a, b) = try cards(language: "zh")
        // act
        let panel = try #require(InterviewReport.panelFeedback(guide: guide, states: [a, b]))
        // verify
        let questions = Dictionary(uniqueKeysWithValues: try #require(panel.topic("3.5.1")).questions.map { ($0.id, $0) })
        let labels = ReportLabels.labels(.zh)
        let discussed = labels.statusLabel(.rated, .candidate)
        // both rated op1 3: one answer
        #expect(questions["op1"]?.rating == 3 && questions["op1"]?.panel == nil && questions["op1"]?.statusLabel == discussed)
        // op2: 3 and 1, the highest first; one status, said once
        #expect(questions["op2"]?.rating == nil && questions["op2"]?.statusLabel == discussed)
        #expect(questions["op2"]?.panel == [PanelAnswer(statusLabel: discussed, rating: 3), PanelAnswer(statusLabel: discussed, rating: 1)])
        // op3: not gone into on the first card, rated 4 on the second: the rating first, whoever gave it
        #expect(questions["op3"]?.status == .rated)
        #expect(questions["op3"]?.statusLabel == discussed + " · " + labels.statusLabel(.notDemonstrated, .candidate))
        #expect(questions["op3"]?.panel?.map(\.rating) == [4, nil])
        // the gate the two answered differently has no one answer
        #expect(panel.topic("3.5.1")?.gates.first?.answer == nil)
        let markdown = MarkdownReport.render(panel)
        #expect(markdown.contains("| 3/\(panel.scaleMaximum) · 1/\(panel.scaleMaximum) |"))
        #expect(markdown.contains("- \(labels.panelCards)\(labels.colon)2") && markdown.contains(labels.panelMethod))
        let html = HTMLReport.render(panel, guide: guide)
        #expect(html.contains("<span class=\"answer\"><b>3</b>/\(panel.scaleMaximum)</span> · <span class=\"answer\"><b>1</b>/\(panel.scaleMaximum)</span>"))
        #expect(html.contains("<dt>\(labels.panelCards)</dt><dd>2</dd>"))
    }

    @Test func privateNotesStayOutAndOneCardIsItsOwnVersion() throws {
        // setup
        let (guide, a, b) = try cards(language: "zh")
        // act
        let panel = try #require(InterviewReport.panelFeedback(guide: guide, states: [a, b]))
        let alone = InterviewReport.panelFeedback(guide: guide, states: [a])
        // verify
        let markdown = MarkdownReport.render(panel)
        #expect(markdown.contains("分层讲得很清楚") && !markdown.contains("语速快"))
        #expect(alone == InterviewReport.make(guide: guide, state: a, audience: .candidate))
        #expect(alone?.panelSize == nil)
        #expect(InterviewReport.panelFeedback(guide: guide, states: []) == nil)
        // the interviewers stay unnamed, the recommendation out
        #expect(panel.interviewer == nil && panel.band == nil)
    }

    @Test func aTopicOnlyOneCardEnteredIsThatCardsNumberSaidAsSuch() throws {
        // setup: both rate TCP/IP's first question; only the second goes on to MySQL (3.2.2)
        let guide = SessionTestGuide.guide()
        var a = try SessionTestScript(guide: guide)
        try a.run("f", "f", "f", "j tcp", "3")
        var b = try SessionTestScript(guide: guide)
        try b.run("f", "f", "f", "j tcp", "2", "j 3.2.2", "4")
        let alone = try #require(InterviewReport.make(guide: guide, state: b.state, audience: .candidate).topic("3.2.2")?.score)
        // act
        let panel = try #require(InterviewReport.panelFeedback(guide: guide, states: [a.state, b.state]))
        // verify: not "a mean of 1"
        let mysql = try #require(panel.topic("3.2.2"))
        #expect(mysql.entered && mysql.score == alone)
        #expect(mysql.formulas.score == "仅来自给出它的一份评分卡：" + ScoreFormat.score(alone))
        #expect(panel.topic("3.5.1")?.formulas.score.hasPrefix("2 份评分卡的平均：(") == true)
    }

    /// The order of answers and sums follows the values, not the cards (whose order followed the
    /// interviewers' names: a candidate who knew the panel could tell who scored them low).
    @Test func nothingFollowsTheOrderOfTheCards() throws {
        // setup
        let (guide, a, b) = try cards(language: "en")
        // act
        let one = try #require(InterviewReport.panelFeedback(guide: guide, states: [a, b]))
        let other = try #require(InterviewReport.panelFeedback(guide: guide, states: [b, a]))
        // verify: the same document either way, sums from lowest to highest
        #expect(MarkdownReport.render(one) == MarkdownReport.render(other))
        let values = one.overallFormula.split(separator: "(")[1].split(separator: ")")[0].split(separator: "+")
            .map { Double($0.trimmingCharacters(in: .whitespaces)) ?? -1 }
        #expect(values.count == 2 && values == values.sorted())
    }

    @Test func aCardThatAskedNothingInATopicIsLeftOutOfItsNumbers() throws {
        // setup: both rate TCP/IP; only the second comes to Redis (3.2.1) and rates its first question
        let guide = SessionTestGuide.guide()
        var a = try SessionTestScript(guide: guide)
        try a.run("f", "f", "j tcp", "3")
        var b = try SessionTestScript(guide: guide)
        try b.run("f", "f", "f", "4", "j tcp", "2")
        let alone = try #require(InterviewReport.make(guide: guide, state: b.state, audience: .candidate).topic("3.2.1"))
        // act
        let panel = try #require(InterviewReport.panelFeedback(guide: guide, states: [a.state, b.state]))
        // verify: Redis's coverage is the second card's, not a mean with the first's 0; its question one answer
        let redis = try #require(panel.topic("3.2.1"))
        #expect(redis.coverage == alone.coverage && redis.formulas.coverage.hasPrefix("仅来自给出它的一份评分卡"))
        #expect(redis.questions.first?.rating == 4 && redis.questions.first?.panel == nil)
    }
}
