import Foundation
import InterviewCore
import Testing

/// The worked example of docs/scoring.md, event for event. If this test changes, the document must too.
@Suite("Scoring: the worked example in docs/scoring.md")
struct ScoringWorkedExampleTests {
    static func session() throws -> SessionEngine {
        let redis = { (id: String) in QuestionRef(topic: "3.2.1", question: id) }
        let tcp = { (id: String) in QuestionRef(topic: "3.5.1", question: id) }
        let kinds: [SessionEvent.Kind] = [
            SessionTestGuide.started, .stageEntered(stage: "3"), .topicEntered(topic: "3.2.1"),
            .questionAsked(redis("op1")), .rated(redis("op1"), rating: 4),
            .questionAsked(redis("op2")), .rated(redis("op2"), rating: 3),
            .questionAsked(redis("op3")), .rated(redis("op3"), rating: 4),
            .gateAnswered(topic: "3.2.1", gate: "cond1", answer: true),
            .questionAsked(redis("op4")), .rated(redis("op4"), rating: 2),
            .questionSkipped(redis("op5"), reason: "与候选人背景无关"),
            .questionAsked(redis("op6")), .rated(redis("op6"), rating: 1),
            // The interviewer moves on before op7: it is "not asked".
            .topicEntered(topic: "3.5.1"),
            .questionAsked(tcp("op1")), .rated(tcp("op1"), rating: 3),
            .questionAsked(tcp("op2")), .rated(tcp("op2"), rating: 2),
            .gateAnswered(topic: "3.5.1", gate: "cond1", answer: false),
            .questionAsked(tcp("op4")), .rated(tcp("op4"), rating: 3),
        ]
        let events = kinds.enumerated().map { SessionEvent(at: SessionTestGuide.t0 + Double($0.offset) * 60, $0.element) }
        return try SessionEngine(guide: SessionTestGuide.guide(), replaying: events)
    }

    @Test func redisTopicNumbers() throws {
        // setup
        let engine = try Self.session()
        // act
        let redis = try #require(Scoring.score(engine.guide, engine.state).topic("3.2.1"))
        // verify: 17 of 28 points; op5 skipped, op7 not asked
        #expect(redis.scoreDerivation.formula() == "100 × (4×1 + 3×1 + 4×1 + 2×2 + 1×2) / (4×1 + 4×1 + 4×1 + 4×2 + 4×2) = 100 × 17 / 28 = 60.7")
        #expect(redis.accuracy == redis.score)
        #expect(redis.coverageDerivation.formula() == "100 × (1 + 1 + 1 + 2 + 2) / (1 + 1 + 1 + 2 + 2 + 2) = 100 × 7 / 9 = 77.8")
        #expect(redis.depth.reached == 2)
        #expect(ScoreFormat.score(redis.depth.deeperShare!) == "66.7")
        #expect(redis.questions.map(\.status) == [.rated, .rated, .rated, .rated, .skipped, .rated, .notAsked])
    }

    @Test func tcpTopicNumbers() throws {
        // setup
        let engine = try Self.session()
        // act
        let tcp = try #require(Scoring.score(engine.guide, engine.state).topic("3.5.1"))
        // verify: op3 sits behind "no": 0 of 4×2 — not demonstrated
        #expect(tcp.scoreDerivation.formula() == "100 × (3×1 + 2×1 + 0×2 + 3×1) / (4×1 + 4×1 + 4×2 + 4×1) = 100 × 8 / 20 = 40.0")
        #expect(ScoreFormat.score(tcp.accuracy!) == "66.7")
        #expect(tcp.coverage == 60)
        #expect(tcp.questions.map(\.status) == [.rated, .rated, .notDemonstrated, .rated])
    }

    @Test func overallBandAndDimensions() throws {
        // setup
        let engine = try Self.session()
        // act
        let card = Scoring.score(engine.guide, engine.state)
        // verify: MySQL (weight 1.5) and the open questions were never entered and do not count
        #expect(card.overallDerivation.formula() == "(60.71×1 + 40×1) / (1 + 1) = 100.71 / 2 = 50.4")
        #expect(card.band?.id == "lean-no")
        #expect(card.topic("3.2.2")?.entered == false)
        #expect(card.dimensions.map(\.name) == ["缓存", "数据结构"])
        #expect(card.dimensions.map { $0.derivation.formula() } == [
            "100 × (4×1 + 2×2) / (4×1 + 4×2) = 100 × 8 / 12 = 66.7",
            "100 × (2×2) / (4×2) = 100 × 4 / 8 = 50.0",
        ])
    }

    @Test func theProductCaseDeepButStrugglingBeatsNeverTakenDeeper() throws {
        // setup: product.md — basics 4-4-4 then deep 1-1, against basics 3-3-3 never taken deeper
        let guide = SessionTestGuide.guide()
        var deep = ScoringTestPlan(ratings: ["3.2.1/op1": 4, "3.2.1/op2": 4, "3.2.1/op3": 4, "3.2.1/op4": 1, "3.2.1/op5": 1],
                                   gates: ["3.2.1/cond1": true], leaveAt: ["3.2.1/op6"])
        deep.endAt = "3.2.2/op1"
        var shallow = ScoringTestPlan(ratings: ["3.2.1/op1": 3, "3.2.1/op2": 3, "3.2.1/op3": 3], gates: ["3.2.1/cond1": false])
        shallow.endAt = "3.2.2/op1"
        // act
        let a = try #require(Scoring.score(guide, try deep.run(guide)).topic("3.2.1"))
        let b = try #require(Scoring.score(guide, try shallow.run(guide)).topic("3.2.1"))
        // verify: 16/28 = 57.1 against 9/44 = 20.5; accuracy tells the other half of the story
        #expect(ScoreFormat.score(a.score!) == "57.1")
        #expect(ScoreFormat.score(b.score!) == "20.5")
        #expect(ScoreFormat.score(b.accuracy!) == "75.0")
        #expect(ScoreFormat.score(b.coverage!) == "27.3")
    }
}
