import Foundation
@testable import InterviewCore
import Testing

@Suite("Scoring: question status, knockouts, bands")
struct ScoringStatusTests {
    /// A topic whose gate chooses between two stacks: a path, not a depth.
    private func pathGuide() -> Guide {
        let chart = SessionTestChart(nodes: [("st", "start", "Start"), ("op1", "operation", "项目用的数据库"),
                                             ("cond1", "condition", "关系型数据库?"), ("op2", "operation", "索引设计"),
                                             ("op3", "operation", "文档建模"), ("op4", "operation", "备份"), ("e", "end", "")],
                                     links: ["st->op1->cond1", "cond1(yes)->op2->op4", "cond1(no)->op3->op4", "op4->e"],
                                     pathGates: ["cond1"])
        return Guide(id: "path", title: "路径", stages: [Stage(number: "3", title: "技术", topics: [chart.topic("3.1", "存储")])])
    }

    @Test func theBranchNotTakenAtAPathGateIsNotApplicable() throws {
        // setup
        let guide = pathGuide()
        var script = try SessionTestScript(guide: guide)
        // act
        try script.run("3", "n", "2", "4")
        // verify: op2 belongs to the other stack; it neither counts nor lowers coverage
        let topic = try #require(Scoring.score(guide, script.state).topic("3.1"))
        #expect(topic.questions.map(\.status) == [.rated, .notApplicable, .rated, .rated])
        #expect(topic.coverage == 100)
        #expect(topic.scoreDerivation.formula() == "100 × (3×1 + 2×1 + 4×1) / (4×1 + 4×1 + 4×1) = 100 × 9 / 12 = 75.0")
    }

    @Test func aFormulaWritesNoStepThatChangesNothing() {
        // setup: one counted question of weight 1.5 (coverage), and one rated 3 of 4 at weight 1
        let share = Derivation(kind: .weightShare, terms: [.init(label: "op1", value: 1, weight: 1.5)])
        let points = Derivation(kind: .points, terms: [.init(label: "op1", value: 3, weight: 1, maximum: 4)])
        // act / verify
        #expect(share.formula() == "100 × 1.5 / 1.5 = 100.0")
        // one product bracketed as a sum is: "100 × 3×1 / 4×1" read as something else (a probe)
        #expect(points.formula() == "100 × (3×1) / (4×1) = 100 × 3 / 4 = 75.0")
        // nothing to divide by (a topic without deeper questions): a dash, not "100 × 0 / 0 = –" (a probe)
        #expect(Derivation(kind: .weightShare, terms: []).formula() == "–")
        #expect(Derivation(kind: .weightShare, terms: []).formula(showWeights: false) == "–")
    }

    /// The terms as written add up to the sum written after them (257.77, not the exact sum's 257.76), and
    /// the result is still the score itself (a probe).
    @Test func anOverallsSumIsTheSumOfItsTermsAsWritten() {
        // setup: five topic scores whose two-decimal forms add to 0.01 more than their exact sum
        let values = [75, 71.428571, 19.230769, 50, 42.105263]
        let overall = Derivation(kind: .weightedMean, terms: values.enumerated().map { .init(label: "t\($0.offset)", value: $0.element, weight: 1) })
        // act
        let formula = overall.formula()
        // verify
        #expect(formula == "(75×1 + 71.43×1 + 19.23×1 + 50×1 + 42.11×1) / (1 + 1 + 1 + 1 + 1) = 257.77 / 5 = 51.6", "\(formula)")
    }

    @Test func askedButNeverRatedCountsAsNoEvidence() throws {
        // setup: op1 rated, op2 asked, then the interview ends
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "e", "y")
        // act
        let redis = try #require(Scoring.score(script.driver.guide, script.state).topic("3.2.1"))
        // verify
        #expect(redis.questions.prefix(3).map(\.status) == [.rated, .askedNotRated, .notAsked])
        #expect(redis.score == 75)
    }

    @Test func openQuestionsNotPickedAreNotApplicable() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j 3.6", "p op3", "4")
        // act
        let open = try #require(Scoring.score(script.driver.guide, script.state).topic("3.6"))
        // verify
        #expect(open.questions.map(\.status) == [.notApplicable, .notApplicable, .rated, .notApplicable])
        #expect(open.score == 100)
        #expect(open.coverage == 100)
    }

    @Test func aKnockoutTopicUnderItsThresholdPutsTheSessionInTheLowestBand() throws {
        // setup: MySQL is a knockout topic at 40; Redis goes well, MySQL does not
        let guide = SessionTestGuide.guide(knockout: 40)
        var script = try SessionTestScript(guide: guide)
        // act
        try script.run("f", "f", "f", "4", "4", "4", "y", "4", "4", "4", "4", "1", "1", "2", "1", "1", "n", "e", "y")
        let card = Scoring.score(guide, script.state)
        // verify
        #expect(card.topic("3.2.1")?.score == 100)
        #expect(card.topic("3.2.2")?.isKnockedOut == true)
        #expect(card.knockouts == ["3.2.2"])
        #expect(card.band?.id == "no-hire")
    }

    @Test func aKnockoutComparesTheScoreAsPrinted() throws {
        // setup: MySQL's basics rated 2, 2, 1, 1, 1 and "no" at its gate: 100 × 7 / 52 = 13.46, printed 13.5
        let script = ["f", "f", "f", "4", "4", "4", "y", "4", "4", "4", "4", "2", "2", "1", "1", "1", "n", "e", "y"]
        var first = try SessionTestScript(guide: SessionTestGuide.guide(knockout: 40))
        for line in script { _ = try first.run(line) }
        let exact = try #require(Scoring.score(first.driver.guide, first.state).topic("3.2.2")?.score)
        let printed = ScoreFormat.shown(exact)
        #expect(exact < printed && ScoreFormat.score(exact) == "13.5")
        // act: the knockout at the printed score, then a hair above it
        func knockedOut(at threshold: Double) throws -> Bool {
            let guide = SessionTestGuide.guide(knockout: threshold)
            var session = try SessionTestScript(guide: guide)
            for line in script { _ = try session.run(line) }
            return try #require(Scoring.score(guide, session.state).topic("3.2.2")).isKnockedOut
        }
        // verify: printed 13.5 meets a knockout of 13.5, as a reader of the report would judge it
        #expect(try knockedOut(at: printed) == false)
        #expect(try knockedOut(at: printed + 0.01) == true)
    }

    @Test(arguments: [(56.25, "56.3"), (56.24, "56.2"), (0.05, "0.1"), (99.95, "100.0"), (84.96, "85.0")])
    func scoresArePrintedWithAHalfRoundedUp(value: Double, printed: String) {
        // setup + act + verify: as a reader rounds by hand and as the console prints (printf's "%.1f" gave 56.2)
        #expect(ScoreFormat.score(value) == printed)
    }

    @Test(arguments: [(62.5, "63"), (87.5, "88"), (62.49, "62"), (0.5, "1"), (100, "100")])
    func wholePercentagesRoundAHalfUpToo(value: Double, printed: String) {
        // "%.0f" rounds a half to even: 62.5 showed as 62 beside 87.5 as 88 on the same page (a probe)
        #expect(ScoreFormat.whole(value) == printed)
    }

    @Test(arguments: [(84.96, "strong-hire"), (84.94, "hire"), (70.0, "hire"), (49.94, "no-hire"), (0, "no-hire")])
    func bandsFollowTheScoreAsPrinted(overall: Double, band: String) {
        // setup: a score printed as 85.0 must not land in the band below 85
        let bands = RecommendationBand.defaults
        // act
        let found = Recommendation.band(bands, overall: overall, knockedOut: false)
        // verify
        #expect(found?.id == band)
    }

    @Test func noEvidenceMeansNoScoreAndNoBand() {
        // setup + act: a session with no events
        let card = Scoring.score(SessionTestGuide.guide(), SessionState())
        // verify
        #expect(card.overall == nil)
        #expect(card.band == nil)
        #expect(card.topics.allSatisfy { $0.score == nil && !$0.entered })
    }
}
