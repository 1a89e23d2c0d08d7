import InterviewCore

/// Who interviews whom, and how far apart the interviewers are.
///
/// A panel is what `PanelDebrief` combines: each member walks the whole guide on their own card (rather
/// than half the topics each), so every question both walks reach is rated twice. The panel's raw score
/// is `TeamCalibration`'s: the points ratio pooled over both cards, close to the mean of their overalls.
///
/// Assignment rule: a panel's two interviewers are distinct and drawn uniformly from the team
/// (`SimulationRandom.distinct`); a panel links its two, and hundreds of random panels over a team of
/// twenty join every interviewer (checked per seed: "connected"). One interviewer per candidate links
/// nobody: the fit would see each interviewer's candidates as a separate group whose mean ability and
/// severity only the priors can tell apart. Real teams calibrate on everything they have rated, so in the
/// single designs a share of candidates (`linkingShare`) also meets a second interviewer in a second
/// round; that round enters the fit but not the candidate's score, which stays the first round's card.
/// Every interviewer takes such second rounds in turn — the n-th two-round candidate meets interviewer
/// n (mod team size) and one other drawn uniformly — so once there are as many as interviewers, nobody is
/// left unlinked; the other candidates' one interviewer is drawn uniformly. (A plain ring, n and n + 1,
/// links everyone too, but through long chains only, and gave less accurate severities in a trial run.)
struct PanelDesign: Sendable {
    var label: String
    var name: String
    /// Interviewers whose cards make the candidate's score: 1 or 2.
    var panelSize: Int
    /// σ of interviewer severity, logits.
    var severitySD: Double
    /// Single designs only: the share of candidates with a second, calibration-only round.
    var linkingShare: Double

    /// Design (a)–(d) of the benchmark: single interviewers and panels of two, at the spread the
    /// calibration's prior expects (σ = 0.5) and at twice that.
    static func standard(linkingShare: Double) -> [PanelDesign] {
        [PanelDesign(label: "a", name: "single interviewer, σ 0.5", panelSize: 1, severitySD: 0.5, linkingShare: linkingShare),
         PanelDesign(label: "b", name: "panel of two, σ 0.5", panelSize: 2, severitySD: 0.5, linkingShare: 0),
         PanelDesign(label: "c", name: "single interviewer, σ 1.0", panelSize: 1, severitySD: 1.0, linkingShare: linkingShare),
         PanelDesign(label: "d", name: "panel of two, σ 1.0", panelSize: 2, severitySD: 1.0, linkingShare: 0)]
    }

    /// The interviewers candidate by candidate; the first `panelSize` of each make the score.
    func assign(candidates: Int, interviewers: Int, _ random: inout SimulationRandom) -> [[Int]] {
        var rotation = 0
        return (0..<candidates).map { _ in
            guard panelSize == 1, random.uniform() < linkingShare else { return random.distinct(panelSize, below: interviewers) }
            defer { rotation += 1 }
            let first = rotation % interviewers, other = random.index(interviewers - 1)
            return [first, other < first ? other : other + 1]
        }
    }

    /// Whether every interviewer who interviewed anyone is linked to every other through shared
    /// candidates: the condition for severities to be estimable from the data rather than the priors.
    static func isConnected(_ assignment: [[Int]], interviewers: Int) -> Bool {
        var parent = Array(0..<interviewers)
        func root(_ r: Int) -> Int {
            var r = r
            while parent[r] != r { parent[r] = parent[parent[r]]; r = parent[r] }
            return r
        }
        for panel in assignment {
            for other in panel.dropFirst() { parent[root(other)] = root(panel[0]) }
        }
        let active = Set(assignment.flatMap { $0 })
        return Set(active.map(root)).count <= 1
    }
}
