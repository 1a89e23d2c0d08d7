import InterviewCore
import Testing

/// product.md's three properties, on a few hundred generated sessions over the seed-like guide.
@Suite("Scoring properties on generated sessions")
struct ScoringPropertyTests {
    static let seeds = Array(UInt64(1)...UInt64(300))
    private let guide = SessionTestGuide.guide(knockout: 40)

    /// Every score of `after` is at least the same score of `before` (1e-9 for float noise).
    private func expectNoScoreLower(_ before: Scorecard, _ after: Scorecard, _ seed: UInt64) {
        func atLeast(_ a: Double?, _ b: Double?) -> Bool { b.map { b in a.map { $0 >= b - 1e-9 } ?? false } ?? true }
        for (b, a) in zip(before.topics, after.topics) {
            #expect(atLeast(a.score, b.score), "seed \(seed): topic \(a.key) score fell")
            #expect(atLeast(a.accuracy, b.accuracy), "seed \(seed): topic \(a.key) accuracy fell")
        }
        for (b, a) in zip(before.dimensions, after.dimensions) {
            #expect(atLeast(a.score, b.score), "seed \(seed): dimension \(a.name) fell")
        }
        #expect(atLeast(after.overall, before.overall), "seed \(seed): overall fell")
        #expect((after.band?.minimum ?? 0) >= (before.band?.minimum ?? 0), "seed \(seed): band fell")
    }

    @Test(arguments: seeds)
    func raisingARatingNeverLowersAnyScore(seed: UInt64) throws {
        // setup
        var rng = ScoringTestRandom(seed: seed)
        let plan = ScoringTestPlan.random(guide, &rng)
        let before = Scoring.score(guide, try plan.run(guide))
        let raisable = plan.ratings.filter { $0.value < guide.scale.maximum }.keys.sorted()
        guard let key = raisable.randomElement(using: &rng) else { return }
        var raised = plan
        raised.ratings[key]! += Int.random(in: 1...(guide.scale.maximum - plan.ratings[key]!), using: &rng)
        // act
        let after = Scoring.score(guide, try raised.run(guide))
        // verify
        expectNoScoreLower(before, after, seed)
    }

    @Test(arguments: seeds)
    func goingDeeperWithRatingsAboveZeroNeverLowersTheTopicScore(seed: UInt64) throws {
        // setup: the same interview, with one depth gate answered "no", then "yes" and the deeper
        // questions rated 1–4
        var rng = ScoringTestRandom(seed: seed)
        var shallow = ScoringTestPlan.random(guide, &rng)
        let topic = guide.topics.filter { !$0.gates.isEmpty }.randomElement(using: &rng)!
        shallow.gates["\(topic.key)/\(topic.gates[0].id)"] = false
        shallow.endAt = nil
        var deep = shallow
        deep.gates["\(topic.key)/\(topic.gates[0].id)"] = true
        for q in topic.questions where q.level > 1 {
            // "Rated above 0 there": every deeper question is rated, none left or skipped.
            let key = "\(topic.key)/\(q.id)"
            deep.ratings[key] = Int.random(in: 1...guide.scale.maximum, using: &rng)
            deep.leaveAt.remove(key)
            deep.skips.remove(key)
        }
        // act
        let a = Scoring.score(guide, try shallow.run(guide)).topic(topic.key)!
        let b = Scoring.score(guide, try deep.run(guide)).topic(topic.key)!
        // verify
        #expect((b.score ?? 0) >= (a.score ?? 0) - 1e-9, "seed \(seed): going deeper in \(topic.key) lowered \(a.score ?? -1) to \(b.score ?? -1)")
    }

    @Test(arguments: seeds)
    func skippedQuestionsCountNeitherWay(seed: UInt64) throws {
        // setup: a question the interview reached and rated is skipped instead; it must score as if
        // the guide never had it. (A question the walk never reaches cannot be skipped: behind a "no"
        // it stays not demonstrated.)
        var rng = ScoringTestRandom(seed: seed)
        var plan = ScoringTestPlan.random(guide, &rng)
        let first = try plan.run(guide)
        let reached = guide.topics.filter { !$0.isPickList }.flatMap { t in
            (first.topics[t.key]?.ratings.keys.sorted() ?? []).map { (t.key, $0) }
        }
        guard let (topic, question) = reached.randomElement(using: &rng) else { return }
        plan.skips.insert("\(topic)/\(question)")
        let without = ScoringTestGuides.removing(question, from: topic, in: guide)
        // act
        let skipped = Scoring.score(guide, try plan.run(guide))
        let absent = Scoring.score(without, try plan.run(without))
        // verify
        #expect(skipped.topic(topic)?.questions.first { $0.id == question }?.status == .skipped, "seed \(seed)")
        #expect(ScoringTestGuides.rounded(skipped.topic(topic)?.score) == ScoringTestGuides.rounded(absent.topic(topic)?.score), "seed \(seed)")
        #expect(ScoringTestGuides.rounded(skipped.overall) == ScoringTestGuides.rounded(absent.overall), "seed \(seed)")
    }

    @Test(arguments: seeds)
    func topicsNeverEnteredCountNeitherWay(seed: UInt64) throws {
        // setup: the overall over the whole guide equals the overall over a guide without the topics
        // the session never entered
        var rng = ScoringTestRandom(seed: seed)
        let plan = ScoringTestPlan.random(guide, &rng)
        let state = try plan.run(guide)
        let untouched = guide.topics.map(\.key).filter { state.topics[$0] == nil }
        let smaller = untouched.reduce(guide) { ScoringTestGuides.removing(topic: $1, from: $0) }
        // act
        let full = Scoring.score(guide, state)
        let reduced = Scoring.score(smaller, try plan.run(smaller))
        // verify
        #expect(ScoringTestGuides.rounded(full.overall) == ScoringTestGuides.rounded(reduced.overall), "seed \(seed): \(untouched)")
    }
}

@Suite("Scoring reuses unchanged topics")
struct IncrementalScoringTests {
    @Test(arguments: [UInt64(7), 42, 1234])
    func scoringStepByStepEqualsScoringFromScratch(seed: UInt64) throws {
        // setup: a generated interview over the seed-like guide, replayed one event at a time
        let guide = SessionTestGuide.guide(knockout: 40)
        var rng = ScoringTestRandom(seed: seed)
        let plan = ScoringTestPlan.random(guide, &rng)
        var script = try SessionTestScript(guide: guide)
        let events = try Self.events(of: plan, guide: guide, script: &script)
        var engine = SessionEngine(guide: guide)
        var earlier: (state: SessionState, card: Scorecard)?
        // act and verify: after every event the reusing score equals the full one
        for (index, event) in events.enumerated() {
            try engine.apply(event)
            let stepwise = Scoring.score(guide, engine.state, reusing: earlier)
            #expect(stepwise == Scoring.score(guide, engine.state), "seed \(seed), after event \(index + 1)")
            earlier = (engine.state, stepwise)
        }
        #expect(events.count > 10)
    }

    @Test(arguments: [UInt64(5), 77])
    func reusingAnyEarlierScoreEqualsScoringFromScratch(seed: UInt64) throws {
        // setup: every state of a generated interview, and scores of states before and after it
        let guide = SessionTestGuide.guide(knockout: 40)
        var rng = ScoringTestRandom(seed: seed)
        var script = try SessionTestScript(guide: guide)
        let events = try Self.events(of: ScoringTestPlan.random(guide, &rng), guide: guide, script: &script)
        var engine = SessionEngine(guide: guide)
        var states: [SessionState] = []
        for event in events {
            try engine.apply(event)
            states.append(engine.state)
        }
        let scored = states.map { (state: $0, card: Scoring.score(guide, $0)) }
        // act and verify: reusing a score from several events back, or from later on, or from another
        // guide, still gives the full score
        for (index, state) in states.enumerated() {
            let full = scored[index].card
            for other in [index - 4, index + 3, 0] where scored.indices.contains(other) {
                #expect(Scoring.score(guide, state, reusing: scored[other]) == full, "seed \(seed), state \(index), reusing \(other)")
            }
        }
        let otherGuide = ScoringTestGuides.removing(topic: try #require(guide.topics.last).key, from: guide)
        let foreign = (state: states.last!, card: Scoring.score(otherGuide, states.last!))
        #expect(Scoring.score(guide, states.last!, reusing: foreign) == scored.last!.card)
    }

    @Test func withoutDimensionsOnlyTheDimensionsAreLeftOut() throws {
        // setup: a generated interview whose guide tags questions with dimensions
        let guide = SessionTestGuide.guide(knockout: 40)
        var rng = ScoringTestRandom(seed: 99)
        var script = try SessionTestScript(guide: guide)
        let events = try Self.events(of: ScoringTestPlan.random(guide, &rng), guide: guide, script: &script)
        let engine = try SessionEngine(guide: guide, replaying: events)
        // act
        let full = Scoring.score(guide, engine.state)
        var live = Scoring.score(guide, engine.state, reusing: nil, dimensions: false)
        // verify
        #expect(!full.dimensions.isEmpty && live.dimensions.isEmpty)
        live.dimensions = full.dimensions
        #expect(live == full)
    }

    /// The plan's events, by running it through the same script driver.
    private static func events(of plan: ScoringTestPlan, guide: Guide, script: inout SessionTestScript) throws -> [SessionEvent] {
        _ = try plan.run(guide, script: &script)
        return script.events
    }
}
