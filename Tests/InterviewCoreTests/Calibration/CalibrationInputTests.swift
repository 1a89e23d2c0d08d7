import Foundation
import Testing
@testable import InterviewCore

/// What calibration reads: scorecards (weighted so raw = the score of record), CSV tables, replayed sessions.
struct CalibrationInputTests {
    static let guide = BundledGuides.guide(id: BundledGuides.seniorPythonID, language: "en")!.guide

    static func simulated(seed: UInt64, ability: Double, severity: Double) throws -> [SessionEvent] {
        var random = SimulationRandom(seed: seed)
        return try InterviewSimulator.interview(
            guide, candidate: .init(id: "c\(seed)", logit: ability), interviewer: .init(id: "olga", logit: severity),
            difficulty: { _ in 0 }, rating: .evenlySpaced(maximum: guide.scale.maximum),
            start: Date(timeIntervalSince1970: 1_800_000_000), random: &random)
    }

    @Test func weightedRatingsGiveTheScoreOfRecordAsTheirRawScore() throws {
        for seed in 1...5 as ClosedRange<UInt64> {
            // setup: a whole interview of the bundled guide, walked through the engine
            let events = try Self.simulated(seed: seed, ability: Double(seed) - 3, severity: 0)
            let card = try Scoring.score(Self.guide, events: events)
            // act
            let lines = ScorecardRatings(candidate: "c", interviewer: "olga", card: card, scale: Self.guide.scale.levels)
            let possible = lines.weighted.reduce(0) { $0 + $1.weight } * Double(Self.guide.scale.maximum)
            let earned = lines.weighted.reduce(0) { $0 + $1.weight * Double($1.rating) }
            // verify: the same number as the scorecard's overall, and only rated questions go to the model
            let overall = try #require(card.overall)
            #expect(abs(100 * earned / possible - overall) < 1e-9)
            let rated = card.topics.flatMap(\.questions).filter { $0.status == .rated }.count
            #expect(lines.ratings.count == rated)
            #expect(lines.weighted.filter { !$0.adjustable }.allSatisfy { $0.rating == 0 })
        }
    }

    @Test func aTableIsReadWithQuotingAndLineEndingsOfSpreadsheets() throws {
        // setup: a byte-order mark, CRLF, a quoted name with a comma and a quote, a blank line
        let text = "\u{FEFF}candidate,interviewer,topic,question,rating\r\n\"Wang, \"\"Lei\"\"\",Olga,3.1,q1,3\r\n\r\nC-2,奥尔加,3.1,q2,0\r\n"
        // act
        let cards = try RatingTable.read(text, scale: 0...4).get()
        // verify
        #expect(cards.map(\.candidate) == ["Wang, \"Lei\"", "C-2"])
        #expect(cards[1].interviewer == "奥尔加")
        #expect(cards[0].ratings == [CalibrationRating(candidate: "Wang, \"Lei\"", interviewer: "Olga", question: "3.1/q1", rating: 3)])
        #expect(cards.flatMap(\.weighted).allSatisfy { $0.weight == 1 && $0.adjustable })
    }

    @Test(arguments: [
        ("name,rater,topic,question,score\n", 1, "expected the header"),
        ("candidate,interviewer,topic,question,rating\nc,o,t,q\n", 2, "expected 5 fields"),
        ("candidate,interviewer,topic,question,rating\nc,o,t,q,1\nc,o,t,q2,5\n", 3, "rating '5' is not a whole number from 0 to 4"),
        ("candidate,interviewer,topic,question,rating\n\"multi\nline\",o,t,q,1\nc,,t,q,1\n", 4, "the interviewer is empty"),
        ("candidate,interviewer,topic,question,rating\n\"open,o,t,q,1\n", 2, "a quoted field is never closed"),
        ("", 1, "the file is empty"),
        ("candidate,interviewer,topic,question,rating\nc,o,t,q,3\nc,o,t,q2,1\nc,o,t,q,0\n", 4, "o rated question 'q' of topic 't' for c on line 2 already"),
    ])
    func aBadTableNamesTheLine(text: String, line: Int, message: String) {
        // act
        let result = RatingTable.read(text, scale: 0...4)
        // verify
        guard case .failure(let problem) = result else { Issue.record("read \(text.debugDescription)"); return }
        #expect(problem.line == line)
        #expect(problem.message.en.contains(message))
        #expect(!problem.message.zh.isEmpty && problem.message.zh != problem.message.en)
    }

    @Test func withAGuideATableIsWeightedAsTheGuideWeighsAndChecked() throws {
        // setup: two questions of one topic of the bundled guide, and a question it does not have
        let topic = try #require(Self.guide.stages.flatMap(\.topics).first { $0.questions.count >= 2 })
        let (a, b) = (topic.questions[0], topic.questions[1])
        let good = "candidate,interviewer,topic,question,rating\nc,o,\(topic.key),\(a.id),4\nc,o,\(topic.key),\(b.id),0\n"
        let bad = "candidate,interviewer,topic,question,rating\nc,o,\(topic.key),nope,4\n"
        // act
        let cards = try RatingTable.read(good, scale: 0...4, guide: Self.guide).get()
        let failure = RatingTable.read(bad, scale: 0...4, guide: Self.guide)
        // verify: weights W_t · w_q / S_t, so the raw score is the topic's score
        let w = cards[0].weighted.map(\.weight)
        #expect(abs(w[0] - topic.weight * a.weight / (a.weight + b.weight)) < 1e-12)
        #expect(abs(w[1] - topic.weight * b.weight / (a.weight + b.weight)) < 1e-12)
        guard case .failure(let problem) = failure else { Issue.record("accepted an unknown question"); return }
        #expect(problem.line == 2 && problem.message.en.contains("has no question 'nope'"))
    }

    @Test func aReplayedSessionGivesEveryEnteredQuestionItsOutcomeAndTime() throws {
        // setup
        let events = try Self.simulated(seed: 11, ability: 0.5, severity: 0)
        // act
        let analytics = try SessionAnalytics.read(events, guide: Self.guide, interview: "s1")
        // verify: one occurrence per question of each entered topic; rated ones timed; gates as answered
        let card = try Scoring.score(Self.guide, events: events)
        let entered = card.topics.filter(\.entered).flatMap(\.questions).filter { $0.status != .notApplicable }
        #expect(analytics.questions.count == entered.count)
        let rated = analytics.questions.filter { if case .rated = $0.outcome { true } else { false } }
        #expect(!rated.isEmpty && rated.allSatisfy { ($0.seconds ?? 0) > 0 })
        let answered = events.filter { if case .gateAnswered = $0.kind { true } else { false } }.count
        #expect(analytics.gates.count == answered && answered > 0)
        // The simulated interviewer follows every suggestion the engine makes.
        #expect(analytics.gates.allSatisfy { $0.suggestion == nil || $0.suggestion == $0.answer })
    }

    @Test func pointsThatAreNoRatingStayAsTheyAreInTheAdjustedScore() throws {
        // setup: a team where Olga is harsh; one of her candidates also has a gate answered "no"
        let sim = CalibrationSimulation(seed: 5, candidates: 60, questions: 12, interviewers: 4)
        let fit = try RaterCalibration.fit(sim.ratings).get()
        let mine = sim.ratings.filter { $0.candidate == "c0" }.map { WeightedRating(question: $0.question, interviewer: $0.interviewer, rating: $0.rating) }
        let behindNo = WeightedRating(question: "not-in-the-model", interviewer: mine[0].interviewer, rating: 0, weight: 2, adjustable: false)
        // act
        let without = fit.adjustedScore(candidate: "c0", ratings: mine)
        let with = fit.adjustedScore(candidate: "c0", ratings: mine + [behindNo])
        // verify: the line adds 0 of 2 × 4 possible points to both scores and needs no calibration
        let n = Double(mine.count)
        #expect(with.notAdjusted.isEmpty)
        let (raw, rawBefore) = (try #require(with.raw), try #require(without.raw))
        let (adjusted, adjustedBefore) = (try #require(with.adjusted), try #require(without.adjusted))
        #expect(abs(raw - rawBefore * n / (n + 2)) < 1e-9)
        #expect(abs(adjusted - adjustedBefore * n / (n + 2)) < 1e-9)
    }

    @Test func aCandidatePoolsEveryScorecardAndAnInterviewerBelowTheMinimumLeavesTheRawScore() throws {
        // setup: a calibrated team, plus a newcomer with one rating of candidate c1
        let sim = CalibrationSimulation(seed: 9, candidates: 40, questions: 10, interviewers: 4)
        var cards: [String: ScorecardRatings] = [:]
        for r in sim.ratings {
            let key = r.candidate + "|" + r.interviewer
            cards[key, default: ScorecardRatings(candidate: r.candidate, interviewer: r.interviewer, ratings: [], weighted: [])].ratings.append(r)
            cards[key]!.weighted.append(WeightedRating(question: r.question, interviewer: r.interviewer, rating: r.rating))
        }
        let newcomer = CalibrationRating(candidate: "c1", interviewer: "new", question: "q0", rating: 4)
        let all = Array(cards.values) + [ScorecardRatings(candidate: "c1", interviewer: "new", ratings: [newcomer],
                                                         weighted: [WeightedRating(question: "q0", interviewer: "new", rating: 4)])]
        // act
        let team = try TeamCalibration.make(all, scale: 0...4).get()
        // verify
        let c0 = try #require(team.candidates.first { $0.candidate == "c0" })
        let c1 = try #require(team.candidates.first { $0.candidate == "c1" })
        #expect(c0.raters.count == 3 && c0.score.adjusted != nil)
        #expect(c1.raters.contains("new") && c1.score.adjusted == nil)
        #expect(c1.score.notAdjusted.contains(.interviewerBelowMinimum("new", ratings: 1, candidates: 1)))
    }

    @Test func spearmanMatchesAHandComputedValueWithTies() {
        // y's ranks are 1, 2, 3.5, 5, 3.5; r = 8 / √(10 · 9.5)
        #expect(abs((RankCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) ?? 0) - 8 / (95.0).squareRoot()) < 1e-12)
        #expect(RankCorrelation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }
}

/// Demo data (`interview demo`) walks its interviews at a realistic pace; the calibration simulation
/// keeps the fixed 40 s a clock reading it was measured with.
@Suite("Simulated time")
struct SimulatedPaceTests {
    private func walk(_ pace: SimulationPace, seed: UInt64) throws -> [SessionEvent] {
        var random = SimulationRandom(seed: seed)
        return try InterviewSimulator.interview(
            CalibrationInputTests.guide, candidate: .init(id: "c", logit: 0.5), interviewer: .init(id: "olga", logit: 0),
            difficulty: { _ in 0 }, rating: .evenlySpaced(maximum: CalibrationInputTests.guide.scale.maximum),
            start: Date(timeIntervalSince1970: 1_800_000_000), pace: pace, random: &random)
    }

    @Test func answersTakeTheirOwnTimeAndTalkStagesFitTheirBudget() throws {
        // setup
        let guide = CalibrationInputTests.guide
        let events = try walk(.realistic, seed: 7)
        // act
        let times = try SessionAnalytics.read(events, guide: guide, interview: "i").questions.compactMap(\.seconds)
        let state = try SessionEngine(guide: guide, replaying: events).state
        let end = try #require(state.finishedAt)
        // verify: answer times vary, most between a quarter of a minute and a few minutes
        #expect(times.count >= 10)
        #expect(Set(times.map { Int($0) }).count >= times.count / 2)
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        #expect(median > 20 && median < 180)
        // questions differ from one another, the same in every interview
        let medians = InterviewSimulator.answerMedians(guide)
        #expect(Set(medians.values.map { Int($0) }).count > medians.count / 2)
        #expect(medians == InterviewSimulator.answerMedians(guide))
        // a stage of questions takes about its budget, not twice it
        for stage in guide.stages where !stage.topics.isEmpty {
            guard let budget = stage.minutes, state.stages[stage.key] != nil else { continue }
            let used = state.elapsed(stage: stage.key, at: end)
            #expect(used >= 0.4 * Double(budget) * 60 && used <= 1.5 * Double(budget) * 60, "\(stage.key): \(used) s of \(budget) min")
        }
        // a stage of talk takes most of its budget and not more
        for stage in guide.stages where stage.topics.isEmpty {
            guard let budget = stage.minutes, state.stages[stage.key] != nil else { continue }
            let used = state.elapsed(stage: stage.key, at: end)
            #expect(used >= 0.6 * Double(budget) * 60 && used <= Double(budget) * 60 + 30, "\(stage.key): \(used) s of \(budget) min")
        }
    }

    @Test func theFixedPaceIsFortySecondsAReading() throws {
        let events = try walk(.fixed, seed: 7)
        let steps = zip(events, events.dropFirst()).map { $1.at.timeIntervalSince($0.at) }
        #expect(!steps.isEmpty && steps.allSatisfy { $0.truncatingRemainder(dividingBy: 40) == 0 })
    }
}
