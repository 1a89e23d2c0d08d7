import Foundation
@testable import InterviewCore
import Testing

/// Degenerate inputs: the fit must return finite numbers (or say why not), never trap or print NaN.
@Suite("Calibration: degenerate inputs")
struct RaterCalibrationDegenerateTests {
    static func allFinite(_ fit: RaterCalibration) -> Bool {
        let numbers = fit.interviewers.flatMap { [$0.severity, $0.standardError, $0.points, $0.pointsStandardError, $0.infit, $0.outfit] }
            + fit.candidates.flatMap { [$0.ability, $0.standardError] }
            + fit.questions.flatMap { [$0.difficulty, $0.standardError, $0.infit, $0.outfit] }
            + fit.thresholds + [fit.meanAbility]
        return numbers.allSatisfy(\.isFinite)
    }

    static func rating(_ c: String, _ i: String, _ q: String, _ x: Int) -> CalibrationRating {
        CalibrationRating(candidate: c, interviewer: i, question: q, rating: x)
    }

    @Test func emptyInputIsAnEmptyCalibration() throws {
        // act
        let fit = try RaterCalibration.fit([]).get()
        // verify
        #expect(fit.interviewers.isEmpty && fit.candidates.isEmpty && fit.questions.isEmpty)
        #expect(fit.thresholds.isEmpty)
        #expect(fit.converged && fit.iterations == 0)
        #expect(fit.expectedRating(ability: 0, difficulty: 0, severity: 0) == 0)
    }

    @Test func oneRating() throws {
        // act
        let fit = try RaterCalibration.fit([Self.rating("c", "olga", "q", 3)]).get()
        // verify: one interviewer is the team: severity 0 by the constraint
        #expect(Self.allFinite(fit))
        #expect(fit.interviewers[0].severity == 0)
        #expect(fit.interviewers[0].ratingCount == 1)
    }

    @Test func oneInterviewerOneCandidateAllEqual() throws {
        // setup: everything rated 2
        let ratings = (0..<10).map { Self.rating("c", "olga", "q\($0)", 2) }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify
        #expect(Self.allFinite(fit))
        #expect(fit.converged)
        #expect(fit.candidates[0].extreme == false)
        #expect(abs(fit.expectedRating(ability: fit.candidates[0].ability, difficulty: 0, severity: 0) - 2) < 0.5)
    }

    @Test func allMaximumAndAllMinimumCandidatesStayFinite() throws {
        // setup: two interviewers, three candidates: one all 4s, one all 0s, one mixed
        var ratings: [CalibrationRating] = []
        for q in 0..<6 {
            ratings.append(Self.rating("top", q < 3 ? "a" : "b", "q\(q)", 4))
            ratings.append(Self.rating("bottom", q < 3 ? "b" : "a", "q\(q)", 0))
            ratings.append(Self.rating("mid", q % 2 == 0 ? "a" : "b", "q\(q)", q % 5))
        }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify
        #expect(Self.allFinite(fit))
        let top = try #require(fit.candidate("top")), bottom = try #require(fit.candidate("bottom"))
        #expect(top.extreme && bottom.extreme)
        #expect(top.ability > fit.candidate("mid")!.ability && fit.candidate("mid")!.ability > bottom.ability)
        #expect(top.standardError < 3 && top.standardError > 0)
    }

    @Test func everyRatingTheMaximum() throws {
        // setup: the whole team gives 4s: only the priors hold the parameters
        let ratings = (0..<20).map { Self.rating("c\($0 % 4)", "i\($0 % 3)", "q\($0 % 5)", 4) }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify
        #expect(Self.allFinite(fit))
        #expect(fit.candidates.allSatisfy { $0.extreme })
    }

    @Test func scaleProblemsAreReportedNotTrapped() {
        // verify
        #expect(throws: RaterCalibration.Undefined.singleLevelScale) { try RaterCalibration.fit([], scale: 2...2).get() }
        #expect(throws: RaterCalibration.Undefined.scaleTooWide(11)) { try RaterCalibration.fit([], scale: 0...11).get() }
        let bad = Self.rating("c", "i", "q", 5)
        #expect(throws: RaterCalibration.Undefined.ratingOutsideScale(bad)) { try RaterCalibration.fit([bad]).get() }
    }

    @Test func aScaleNotStartingAtZero() throws {
        // setup: a 1–5 scale, the same data shifted up by one
        let base = CalibrationSimulation(seed: 3, candidates: 40, questions: 10, interviewers: 4).ratings
        let shifted = base.map { Self.rating($0.candidate, $0.interviewer, $0.question, $0.rating + 1) }
        // act
        let a = try RaterCalibration.fit(base).get(), b = try RaterCalibration.fit(shifted, scale: 1...5).get()
        // verify: same logits; expected ratings one point up
        #expect(a.interviewers.map(\.severity) == b.interviewers.map(\.severity))
        #expect(abs(b.expectedRating(ability: 0, difficulty: 0, severity: 0) - a.expectedRating(ability: 0, difficulty: 0, severity: 0) - 1) < 1e-12)
    }
}
