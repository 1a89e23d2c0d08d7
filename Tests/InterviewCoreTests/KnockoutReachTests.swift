import Foundation
import InterviewCore
import Testing

/// A knockout threshold above what a topic can score without going deeper fails every candidate the
/// interviewer does not take deeper: lint says so where the threshold is set, and the gate's advice
/// says what a "no" does.
@Suite("Knockouts out of reach without going deeper")
struct KnockoutReachTests {
    /// Three basic questions (weight 1), two deeper ones (weights 3 and 2) behind a go-deeper gate.
    static func guide(knockout: String) -> String {
        """
        ---
        guide: { id: reach, language: en }
        topics:
          "1.1":
            knockout: \(knockout)
            questions:
              op4: { weight: 3 }
              op5: { weight: 2 }
        ---
        # Reach

        ### 1. Technical (required)

        #### 1.1 Python
        ```flow
        st=>start: Start
        op1=>operation: Lists and tuples?
        op2=>operation: What is a generator?
        op3=>operation: What is a decorator?
        cond1=>condition: Go deeper?
        op4=>operation: How does the GIL work?
        op5=>operation: Descriptors?
        e=>end: End
        st->op1->op2->op3->cond1
        cond1(yes)->op4->op5->e
        cond1(no)->e
        ```
        """
    }

    @Test func aKnockoutAboveTheBasicsCeilingIsReportedWhereItIsSet() throws {
        // act
        let high = GuideImporter.importMarkdown(Self.guide(knockout: "40"))
        let low = GuideImporter.importMarkdown(Self.guide(knockout: "30"))
        // verify: 3·4 of 8·4 points without op4 and op5 = 37.5
        let finding = try #require(high.diagnostics.first { $0.diagnostic.code == .knockoutNeedsDepth }?.diagnostic)
        #expect(finding.severity == .warning && finding.position.line == 5)
        #expect(finding.message.contains("knockout 40 is above the best score it reaches without going deeper (37.5)"))
        #expect(finding.text.text(.zh).contains("一票否决线 40 高于不深入时能得到的最高分（37.5）"))
        #expect(!low.diagnostics.contains { $0.diagnostic.code == .knockoutNeedsDepth })
        #expect(KnockoutReach.ceilingWithoutGoingDeeper(topic: "1.1", guide: high.guide) == 37.5)
    }

    @Test func aPathGateIsWalkedBothWaysAndTheBetterPathCounts() throws {
        // setup: "Django or Flask?" chooses a path; only the Flask path has a go-deeper gate, whose "no"
        // leaves op5 undemonstrated (weights all 1)
        let chart = SessionTestChart(nodes: [
            ("st", "start", "Start"), ("op1", "operation", "Your framework?"), ("cond1", "condition", "Django?"),
            ("op2", "operation", "Django ORM?"), ("op3", "operation", "Flask blueprints?"), ("cond2", "condition", "Deeper?"),
            ("op5", "operation", "Flask internals?"), ("e", "end", ""),
        ], links: ["st->op1->cond1", "cond1(yes)->op2->e", "cond1(no)->op3->cond2", "cond2(yes)->op5->e", "cond2(no)->e"],
           pathGates: ["cond1"])
        let weights = ["op1": 1.0, "op2": 1, "op3": 1, "op5": 1]
        var guide = SessionTestGuide.guide()
        guide.stages[3].topics = [chart.topic("3.9", "Frameworks", weights: weights)]
        // act
        let frameworks = KnockoutReach.ceilingWithoutGoingDeeper(topic: "3.9", guide: guide)
        let mysql = KnockoutReach.ceilingWithoutGoingDeeper(topic: "3.2.2", guide: SessionTestGuide.guide())
        // verify: the Django path reaches 100 (the Flask one 2 of 3); MySQL's five basics of 5 + 4·2 points
        #expect(frameworks == 100)
        #expect(mysql.map { abs($0 - 500.0 / 13) < 1e-9 } == true)
    }

    @Test func theGateAdviceSaysThatNoFailsTheKnockout() throws {
        // setup: MySQL a knockout topic at 60; Redis declined, MySQL's five basics rated 4
        var script = try SessionTestScript(guide: SessionTestGuide.guide(knockout: 60))
        try script.run("f", "f", "f", "3", "3", "3", "n", "4", "4", "4", "4", "4")
        // act
        let suggestion = GateSuggestion.make(for: "cond1", in: "3.2.2", state: script.state, guide: script.driver.guide,
                                             now: script.state.lastEventAt!)
        let lenient = GateSuggestion.make(for: "cond1", in: "3.2.2", state: script.state,
                                          guide: SessionTestGuide.guide(knockout: 30), now: script.state.lastEventAt!)
        // verify: the five basics' 5 of 13 weighted points at most without going deeper, 38.5 < 60
        #expect(suggestion.advice == .goDeeper && suggestion.knockout == 60)
        #expect(suggestion.reason(language: "en").hasSuffix(
            ". Note: answering no fails the knockout — without going deeper this topic scores at most 38.5, below its knockout of 60"))
        #expect(suggestion.reason(language: "zh").contains("答“否”即未通过一票否决"))
        #expect(lenient.ceilingIfNo == nil && !lenient.reason(language: "en").contains("knockout"))
    }
}
