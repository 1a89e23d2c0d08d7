import Foundation
import InterviewCore
import Testing

/// The debrief's order of questions and topics, most disagreement first.
@Suite("Statistics: disagreement order")
struct DisagreementTests {
    /// Raters A, B, C. Each line: spread, standard deviation, rater pairs whose statuses differ. Not
    /// demonstrated (behind a "no") counts 0, as in the score.
    static let panel: [PanelQuestion] = [
        // T1
        PanelQuestion(key: "r1", topic: "T1", entries: ["A": .rated(3), "B": .rated(3), "C": .rated(3)]),     // 0, 0, 0
        PanelQuestion(key: "r2", topic: "T1", entries: ["A": .rated(4), "B": .rated(1), "C": .rated(2)]),     // 3, √(14/9) ≈ 1.25, 0
        PanelQuestion(key: "r3", topic: "T1", entries: ["A": .rated(3), "B": .notDemonstrated, "C": .notDemonstrated]), // 3, √2, 2
        // T2
        PanelQuestion(key: "m1", topic: "T2", entries: ["A": .rated(4), "B": .rated(1), "C": .rated(1)]),     // 3, √2 ≈ 1.41, 0
        PanelQuestion(key: "m2", topic: "T2", entries: ["A": .rated(2), "B": .rated(2)]),                     // 0, 0, 2 (C not asked)
        PanelQuestion(key: "m3", topic: "T2", entries: ["A": .rated(1), "B": .rated(3), "C": .rated(2)]),     // 2, √(6/9) ≈ .82, 0
        // T3
        PanelQuestion(key: "x1", topic: "T3", entries: ["A": .rated(0), "B": .rated(2), "C": .skipped]),      // 2, 1, 2
        PanelQuestion(key: "x2", topic: "T3", entries: ["A": .rated(2), "B": .rated(0), "C": .rated(1)]),     // 2, ≈ .82, 0
        PanelQuestion(key: "x3", topic: "T3", entries: ["A": .rated(3), "B": .notAsked, "C": .notDemonstrated]), // 3, 1.5, 3
        // T4: full agreement; T5: nobody asked
        PanelQuestion(key: "y1", topic: "T4", entries: ["A": .rated(1), "B": .rated(1), "C": .rated(1)]),     // 0, 0, 0
        PanelQuestion(key: "z1", topic: "T5", entries: [:]),                                                  // –, 0, 0
    ]

    @Test func questionsMostDisagreementFirst() {
        // act
        let order = DisagreementOrder(Self.panel)
        // verify:
        //   spread 3: x3 (sd 1.5); r3 and m1 (sd √2 both) with r3's 2 status differences first; r2 (sd ≈ 1.25)
        //   — a rater who went deeper and rated 3 against two who answered "no" is a spread of 3, as the score has it
        //   spread 2: x1 (sd 1), then m3 and x2 (equal sd, no status differences) in guide order
        //   no spread: m2 (2 status differences), then r1, y1, z1 (guide order)
        #expect(order.questions.map(\.key) == ["x3", "r3", "m1", "r2", "x1", "m3", "x2", "m2", "r1", "y1", "z1"])
    }

    @Test func statusDifferencesAreVisible() throws {
        // act
        let order = DisagreementOrder(Self.panel)
        let byKey = Dictionary(uniqueKeysWithValues: order.questions.map { ($0.key, $0) })
        // verify: r3 — A went deeper, B and C did not
        let r3 = try #require(byKey["r3"])
        #expect(r3.spread == 3)
        #expect(r3.statusDiffers && r3.depthDiffers)
        #expect(r3.ratersByStatus == [.rated: ["A"], .notDemonstrated: ["B", "C"]])
        // m2 — C never asked it (absent from the entries)
        let m2 = try #require(byKey["m2"])
        #expect(m2.ratersByStatus == [.rated: ["A", "B"], .notAsked: ["C"]])
        #expect(m2.statusDiffers && !m2.depthDiffers)
        // x3 — three statuses, every pair differs
        #expect(byKey["x3"]?.statusDifferences == 3)
        // m1 — all rated: disagreement in ratings only
        #expect(byKey["m1"]?.spread == 3 && byKey["m1"]?.statusDiffers == false)
        #expect(abs(byKey["m1"]!.standardDeviation - 2.0.squareRoot()) < 1e-12)
    }

    @Test func topicsByLargestThenMeanSpread() throws {
        // act
        let order = DisagreementOrder(Self.panel)
        // verify: T1, T2 and T3 all reach 3; by mean spread T3 (2 + 2 + 3)/3 ≈ 2.33, T1 (0 + 3 + 3)/3 = 2,
        // T2 (3 + 0 + 2)/3 ≈ 1.67. T4 and T5 reach 0 with mean 0: guide order.
        #expect(order.topics.map(\.topic) == ["T3", "T1", "T2", "T4", "T5"])
        let t2 = try #require(order.topics.first { $0.topic == "T2" })
        #expect(t2.largestSpread == 3)
        #expect(abs(t2.meanSpread - 5.0 / 3.0) < 1e-12)
        #expect(t2.questions.map(\.key) == ["m1", "m3", "m2"])
        #expect(order.topics[1].meanSpread == 2)
    }

    @Test func aPanelRaterAbsentEverywhereDidNotAskAnything() {
        // setup: D sat on the panel but recorded nothing for these questions
        let questions = Array(Self.panel.prefix(2))
        // act
        let order = DisagreementOrder(questions, raters: ["A", "B", "C", "D"])
        // verify: r1 now differs in status (three rated, D not asked: 3 pairs) but r2's spread still leads
        #expect(order.questions.map(\.key) == ["r2", "r1"])
        #expect(order.questions[1].statusDifferences == 3)
        #expect(order.questions[1].ratersByStatus[.notAsked] == ["D"])
    }

    @Test func theOrderIsDeterministic() {
        // act: the same panel given with every question's entries rebuilt, twice
        let once = DisagreementOrder(Self.panel)
        let again = DisagreementOrder(Self.panel.map { PanelQuestion(key: $0.key, topic: $0.topic, entries: Dictionary(uniqueKeysWithValues: $0.entries.reversed())) })
        // verify
        #expect(once == again)
    }
}
