/// How each interviewer's ratings connect to the rest of the team's: a severity is a comparison with
/// colleagues, and it can only be made through candidates they both rated. An interviewer who rates
/// alone has candidates whose ability and the interviewer's severity explain the same ratings, so the
/// fit's answer there is the prior's, however many ratings there are (a calibration probe: a rater
/// planted at +1.2 logits who saw 10 candidates alone came out at +0.33 ± 0.18, and two groups of
/// interviewers who shared no candidate came out level though 2 logits apart). Said, not fitted around.
struct InterviewerLinks {
    /// Per interviewer: distinct candidates they rated whom another interviewer rated too.
    var sharedCandidates: [Int]
    /// Per interviewer: whether they are in the team's largest group of interviewers joined by shared
    /// candidates (by ratings), the one their severities are measured against.
    var inTeam: [Bool]

    /// - Parameters: `start[c]..<start[c + 1]` are candidate c's ratings and `interviewer[i]` rating i's
    ///   interviewer index, as the estimator holds them; `ratingCount` is per interviewer.
    init(interviewerCount: Int, start: [Int], interviewer: [Int32], ratingCount: [Int]) {
        sharedCandidates = [Int](repeating: 0, count: interviewerCount)
        var group = Array(0..<interviewerCount)
        func root(_ r: Int) -> Int {
            var r = r
            while group[r] != r { group[r] = group[group[r]]; r = group[r] }
            return r
        }
        var raters: [Int] = []
        for c in 0..<max(start.count - 1, 0) {
            raters.removeAll(keepingCapacity: true)
            for i in start[c]..<start[c + 1] where !raters.contains(Int(interviewer[i])) { raters.append(Int(interviewer[i])) }
            guard raters.count > 1 else { continue }
            for r in raters {
                sharedCandidates[r] += 1
                group[root(r)] = root(raters[0])
            }
        }
        var weight = [Int](repeating: 0, count: interviewerCount)
        for r in 0..<interviewerCount { weight[root(r)] += ratingCount[r] }
        // The team's group holds the most ratings; two groups alike leave no team to compare with (two
        // groups sharing no candidate are each centred on nothing but the model's average).
        let most = weight.max() ?? 0
        let team = weight.filter { $0 == most }.count == 1 ? weight.firstIndex(of: most) : nil
        inTeam = (0..<interviewerCount).map { root($0) == team }
    }
}
