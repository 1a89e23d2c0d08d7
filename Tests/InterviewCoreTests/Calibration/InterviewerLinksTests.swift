import Foundation
@testable import InterviewCore
import Testing

/// A severity is a comparison with colleagues through candidates both rated: an interviewer who rates
/// alone, or a group that shares no candidate with the rest, is said and not used (a calibration probe
/// found such severities printed with narrow intervals, far from the planted truth).
@Suite("Calibration: interviewers joined by shared candidates")
struct InterviewerLinksTests {
    /// Six questions per candidate, ratings varied by candidate and question so the fit has something to do.
    static func interview(_ candidate: String, by interviewers: [String], level: Int) -> [CalibrationRating] {
        interviewers.flatMap { who in
            (0..<6).map { q in CalibrationRating(candidate: candidate, interviewer: who, question: "q\(q)", rating: min(4, max(0, level + q % 3 - 1))) }
        }
    }

    /// ana, ben and cai share twelve candidates in pairs; xu rates ten candidates alone and one with ana.
    static func teamWithALoneInterviewer() -> [CalibrationRating] {
        var ratings: [CalibrationRating] = []
        for c in 0..<12 { ratings += interview("p\(c)", by: [["ana", "ben"], ["ben", "cai"], ["cai", "ana"]][c % 3], level: c % 4 + 1) }
        for c in 0..<10 { ratings += interview("x\(c)", by: ["xu"], level: c % 3 + 1) }
        return ratings + interview("bridge", by: ["ana", "xu"], level: 2)
    }

    static func severity(_ fit: RaterCalibration, _ name: String) throws -> InterviewerSeverity {
        try #require(fit.interviewers.first { $0.interviewer == name })
    }

    @Test func sharedCandidatesAndTheTeamAreCounted() throws {
        // setup: ana, ben and cai share candidates in pairs; xu rates ten candidates alone and one with ana
        let ratings = Self.teamWithALoneInterviewer()
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify
        let ana = try Self.severity(fit, "ana"), xu = try Self.severity(fit, "xu")
        #expect(ana.sharedCandidates == 9 && ana.candidateCount == 9 && ana.inTeam)
        #expect(xu.sharedCandidates == 1 && xu.candidateCount == 11 && xu.inTeam)
        let minimum = SeverityAdjustedScore.MinimumData.standard
        #expect(minimum.shortfall(of: ana) == nil)
        #expect(minimum.shortfall(of: xu) == .interviewerNotLinked("xu", shared: 1, of: 11, inTeam: true))
    }

    @Test func aGroupThatSharesNoCandidateWithTheTeamIsNotInIt() throws {
        // setup: ana and ben share twelve candidates; cai and dan share six others and none with them
        var ratings: [CalibrationRating] = []
        for c in 0..<12 { ratings += Self.interview("a\(c)", by: ["ana", "ben"], level: c % 4 + 1) }
        for c in 0..<6 { ratings += Self.interview("b\(c)", by: ["cai", "dan"], level: c % 4 + 1) }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify: cai shares six candidates, but only with dan, outside the team
        let cai = try Self.severity(fit, "cai")
        #expect(cai.sharedCandidates == 6 && !cai.inTeam)
        #expect(try Self.severity(fit, "ana").inTeam)
        #expect(SeverityAdjustedScore.MinimumData.standard.shortfall(of: cai) == .interviewerNotLinked("cai", shared: 6, of: 6, inTeam: false))
    }

    @Test func twoGroupsAlikeLeaveNoTeam() throws {
        // setup: two pairs of the same size, sharing nothing across
        var ratings: [CalibrationRating] = []
        for c in 0..<6 { ratings += Self.interview("a\(c)", by: ["ana", "ben"], level: c % 4 + 1) }
        for c in 0..<6 { ratings += Self.interview("b\(c)", by: ["cai", "dan"], level: c % 4 + 1) }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify: neither pair's severities can be put against the other's, and the reason says why
        #expect(fit.interviewers.allSatisfy { !$0.inTeam })
        #expect(AdjustedScoreText.notLinked("ana", shared: 6, of: 6, inTeam: false, minimum: .standard, zh: false)
            .contains("shares candidates only within a group of interviewers who share none with the rest of the team"))
    }

    @Test func anAdjustedScoreWithAnUnlinkedInterviewerIsWithheldAndSaysWhyInBothLanguages() throws {
        // setup: xu (alone on ten candidates, one shared) rated x0
        let ratings = Self.teamWithALoneInterviewer()
        let fit = try RaterCalibration.fit(ratings).get()
        let weighted = ratings.filter { $0.candidate == "x0" }.map {
            WeightedRating(question: $0.question, interviewer: $0.interviewer, rating: $0.rating, weight: 1)
        }
        // act
        let score = fit.adjustedScore(candidate: "x0", ratings: weighted)
        // verify
        #expect(score.adjusted == nil && score.raw != nil)
        #expect(score.notAdjusted == [.interviewerNotLinked("xu", shared: 1, of: 11, inTeam: true)])
        let minimum = SeverityAdjustedScore.MinimumData.standard
        #expect(AdjustedScoreText.notLinked("xu", shared: 1, of: 11, inTeam: true, minimum: minimum, zh: false)
            == "xu shares 1 of 11 candidates with other interviewers (at least 3 are needed): a severity is measured only through candidates colleagues rated too")
        #expect(AdjustedScoreText.notLinked("xu", shared: 1, of: 11, inTeam: true, minimum: minimum, zh: true).contains("11 位候选人中只有 1 位"))
    }
}

/// A rater whose ratings fit the model poorly is said so beside the severity (a calibration probe: one who
/// gave everyone a 2 was called "lenient", unmarked).
@Suite("Calibration: interviewers whose ratings fit poorly")
struct RatingFitTests {
    static func interviewer(infit: Double, ratings: Int) -> InterviewerSeverity {
        InterviewerSeverity(interviewer: "g", severity: -0.45, standardError: 0.15, points: -0.3, pointsStandardError: 0.1,
                            ratingCount: ratings, candidateCount: 10, sharedCandidates: 10, inTeam: true, infit: infit, outfit: infit)
    }

    @Test func tooPredictableAndErraticAreSaidWithTheMinimumData() {
        #expect(RatingFit.of(Self.interviewer(infit: 0.49, ratings: 60)) == .predictable)
        #expect(RatingFit.of(Self.interviewer(infit: 1.45, ratings: 60)) == .erratic)
        #expect(RatingFit.of(Self.interviewer(infit: 1.0, ratings: 60)) == nil)
        // a mean square over a few ratings is noise
        #expect(RatingFit.of(Self.interviewer(infit: 0.49, ratings: 12)) == nil)
        #expect(RatingFit.predictable.text(0.49, .en).contains("more predictably than the model expects (infit 0.49)"))
        #expect(RatingFit.predictable.text(0.49, .zh).contains("infit 0.49"))
    }

    @Test func oneRatingForEveryoneFitsTooWell() throws {
        // setup: ana and ben rate varied answers; cai gives every answer a 2, on the same candidates
        var ratings: [CalibrationRating] = []
        for c in 0..<12 {
            for q in 0..<6 {
                let level = min(4, max(0, c % 5 + q % 3 - 2))
                ratings.append(CalibrationRating(candidate: "c\(c)", interviewer: c % 2 == 0 ? "ana" : "ben", question: "q\(q)", rating: level))
                ratings.append(CalibrationRating(candidate: "c\(c)", interviewer: "cai", question: "q\(q)", rating: 2))
            }
        }
        // act
        let fit = try RaterCalibration.fit(ratings).get()
        // verify
        let cai = try #require(fit.interviewers.first { $0.interviewer == "cai" })
        #expect(RatingFit.of(cai) == .predictable)
    }
}
