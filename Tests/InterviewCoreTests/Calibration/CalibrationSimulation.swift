import Foundation
@testable import InterviewCore

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so simulated data is the same on
/// every machine and every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Box–Muller.
    mutating func normal(_ sd: Double = 1) -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return sd * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// Ratings drawn from the rating-scale model with known parameters: each candidate meets a loop of
/// `interviewersPerCandidate` distinct interviewers, each asking `questionsPerInterviewer` distinct
/// questions — the design that lets severity be told apart from ability (interviewers share candidates).
struct CalibrationSimulation {
    var abilities: [Double], difficulties: [Double], severities: [Double]
    var thresholds = [-1.5, -0.5, 0.5, 1.5]
    var ratings: [CalibrationRating] = []

    init(seed: UInt64, candidates: Int, questions: Int, interviewers: Int, severitySD: Double = 0.5,
         interviewersPerCandidate: Int = 3, questionsPerInterviewer: Int = 8) {
        var g = SplitMix64(state: seed)
        abilities = (0..<candidates).map { _ in g.normal() }
        difficulties = (0..<questions).map { _ in g.normal() }
        severities = (0..<interviewers).map { _ in g.normal(severitySD) }
        for (c, theta) in abilities.enumerated() {
            var loop: [Int] = []
            while loop.count < interviewersPerCandidate { let r = g.below(interviewers); if !loop.contains(r) { loop.append(r) } }
            var asked: Set<Int> = []
            for r in loop {
                for _ in 0..<questionsPerInterviewer {
                    var q = g.below(questions)
                    while asked.contains(q) { q = g.below(questions) }
                    asked.insert(q)
                    let x = Self.draw(eta: theta - difficulties[q] - severities[r], thresholds, &g)
                    ratings.append(CalibrationRating(candidate: "c\(c)", interviewer: "i\(r)", question: "q\(q)", rating: x))
                }
            }
        }
    }

    static func draw(eta: Double, _ thresholds: [Double], _ g: inout SplitMix64) -> Int {
        var weights = [1.0], cumulative = 0.0
        for (k, t) in thresholds.enumerated() { cumulative += t; weights.append(exp(Double(k + 1) * eta - cumulative)) }
        var u = g.uniform() * weights.reduce(0, +)
        for (k, w) in weights.enumerated() { u -= w; if u <= 0 { return k } }
        return weights.count - 1
    }
}

/// Spearman's rank correlation (average ranks for ties), for recovery checks.
func spearman(_ x: [Double], _ y: [Double]) -> Double {
    func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var r = [Double](repeating: 0, count: v.count), i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return r
    }
    return QuestionFigures.pearson(ranks(x), ranks(y)) ?? 0
}
