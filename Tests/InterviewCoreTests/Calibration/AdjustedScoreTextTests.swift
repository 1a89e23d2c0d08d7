import Foundation
import Testing
@testable import InterviewCore

/// The adjusted score as a report words it: the figure with its interval and what it rests on.
struct AdjustedScoreTextTests {
    static let simulation = CalibrationSimulation(seed: 21, candidates: 80, questions: 12, interviewers: 4, severitySD: 1)
    static let fit = try! RaterCalibration.fit(simulation.ratings).get()

    @Test func anAdjustedScoreIsShownWithItsIntervalAndEveryInterviewersSeverity() throws {
        // setup
        let ratings = Self.simulation.ratings.filter { $0.candidate == "c3" }
            .map { WeightedRating(question: $0.question, interviewer: $0.interviewer, rating: $0.rating) }
        let score = Self.fit.adjustedScore(candidate: "c3", ratings: ratings)
        let names = Dictionary(uniqueKeysWithValues: Self.fit.interviewers.map { ($0.interviewer, "Name-\($0.interviewer)") })
        // act
        let en = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .en)
        let zh = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .zh)
        // verify
        let adjusted = try #require(score.adjusted), interval = try #require(score.interval)
        #expect(en.headline.contains(String(format: "%.1f (%.1f–%.1f)", adjusted, interval.lowerBound, interval.upperBound)))
        #expect(en.headline.hasPrefix(String(format: "Raw %.1f; adjusted for the interviewers' severity:", try #require(score.raw))))
        #expect(en.headline.contains("the raw score stays the score of record"))
        // The bracket is the severity correction's own uncertainty, and says so (read as the candidate's true score).
        #expect(en.headline.contains("the 95% interval of the severity correction alone, not of the candidate's own ratings"))
        #expect(zh.headline.contains("不含候选人自身评分的波动"))
        #expect(en.lines.count == Set(ratings.map(\.interviewer)).count)
        let firstID = try #require(Set(ratings.map(\.interviewer)).sorted().first)
        let first = try #require(Self.fit.interviewer(firstID))
        let expected = String(format: "interviewer Name-%@: %.2f points more %@ than the team (standard error %.2f), %d interviews", first.interviewer,
                              abs(first.points), first.points > 0 ? "severe" : "lenient", first.pointsStandardError, first.candidateCount)
        #expect(en.lines.contains(expected))
        #expect(zh.headline.contains("去除面试官严格度后的校准分"))
    }

    @Test func anInterviewerReadingItSeesOnlyTheirOwnSeverity() throws {
        // setup: c3's interviewers, one of them reading
        let ratings = Self.simulation.ratings.filter { $0.candidate == "c3" }
            .map { WeightedRating(question: $0.question, interviewer: $0.interviewer, rating: $0.rating) }
        let score = Self.fit.adjustedScore(candidate: "c3", ratings: ratings)
        let names = Dictionary(uniqueKeysWithValues: Self.fit.interviewers.map { ($0.interviewer, "Name-\($0.interviewer)") })
        let reader = try #require(Set(ratings.map(\.interviewer)).sorted().last)
        // act
        let all = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .en)
        let own = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .en, onlyInterviewer: reader)
        // verify: the figure is the same; the colleagues' severities are not in it
        #expect(all.lines.count > 1 && own.lines.count == 1)
        #expect(own.lines.first?.hasPrefix("interviewer Name-\(reader):") == true)
        #expect(own.headline == all.headline)
    }

    /// A team of one interviewer has no team to differ from: no severity line under "not calibrated".
    @Test func theTeamsOnlyInterviewerGetsNoSeverityLine() throws {
        // setup: one interviewer's ratings of many candidates
        let alone = Self.simulation.ratings.filter { $0.interviewer == Self.fit.interviewers[0].interviewer }
        let fit = try RaterCalibration.fit(alone).get()
        let candidate = try #require(alone.first?.candidate)
        let ratings = alone.filter { $0.candidate == candidate }
            .map { WeightedRating(question: $0.question, interviewer: $0.interviewer, rating: $0.rating) }
        // act
        let text = AdjustedScoreText.make(fit.adjustedScore(candidate: candidate, ratings: ratings), fit: fit, names: [:], language: .zh)
        // verify
        #expect(fit.interviewers.count == 1)
        #expect(text.lines.isEmpty)
    }

    @Test func belowTheMinimumTheRawScoreStandsAloneWithTheReason() {
        // setup: a newcomer with one rating
        let ratings = [WeightedRating(question: "q1", interviewer: "new", rating: 3)]
        let score = Self.fit.adjustedScore(candidate: "c9", ratings: ratings)
        // act
        let en = AdjustedScoreText.make(score, fit: Self.fit, names: ["new": "Olga"], language: .en)
        let zh = AdjustedScoreText.make(score, fit: Self.fit, names: ["new": "Olga"], language: .zh)
        // verify
        #expect(en.adjusted == nil && en.raw == 75)
        #expect(en.headline == "Not adjusted, the raw score stands alone: Olga has 0 ratings of 0 candidates (at least 30 ratings of 5 candidates are needed)")
        #expect(zh.headline == "未校准，仅显示原始分：Olga 只有 0 个评分、0 位候选人（至少需要 30 个评分、5 位候选人）")
        #expect(en.lines.isEmpty)
    }

    @Test func anInterviewerBelowTheMinimumLearnsNoColleaguesCounts() {
        // setup: two newcomers on one panel, one of them reading
        let ratings = [WeightedRating(question: "q1", interviewer: "new", rating: 3),
                       WeightedRating(question: "q1", interviewer: "newer", rating: 2)]
        let score = Self.fit.adjustedScore(candidate: "c9", ratings: ratings)
        let names = ["new": "Olga", "newer": "Ivan"]
        // act
        let manager = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .en)
        let olga = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .en, onlyInterviewer: "new")
        let olgaZh = AdjustedScoreText.make(score, fit: Self.fit, names: names, language: .zh, onlyInterviewer: "new")
        // verify
        #expect(manager.headline.contains("Ivan has 0 ratings"))
        #expect(olga.headline.contains("Olga has 0 ratings"))
        #expect(!olga.headline.contains("Ivan"))
        #expect(olga.headline.contains("a colleague has too few ratings to calibrate yet"))
        #expect(!olgaZh.headline.contains("Ivan") && olgaZh.headline.contains("另一位面试官的评分还不够校准"))
    }

    @Test func severalColleaguesBelowTheMinimumAreOneLineNotACount() {
        // setup: three newcomers; Olga reads
        let ratings = ["new", "newer", "newest"].map { WeightedRating(question: "q1", interviewer: $0, rating: 3) }
        let score = Self.fit.adjustedScore(candidate: "c9", ratings: ratings)
        // act
        let olga = AdjustedScoreText.make(score, fit: Self.fit, names: ["new": "Olga", "newer": "Ivan", "newest": "Nina"],
                                          language: .en, onlyInterviewer: "new")
        // verify
        #expect(olga.headline.components(separatedBy: "a colleague has too few ratings").count == 2)
    }
}
