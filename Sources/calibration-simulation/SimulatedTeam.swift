import InterviewCore

/// The truth of one seed: every candidate's ability, every guide question's difficulty and every
/// interviewer's severity, in logits. Drawn from the seed alone, so the designs of one seed meet the same
/// candidates, questions and interviewers (only the severity spread differs) and their figures compare
/// like with like.
struct SimulatedTeam {
    /// θ ~ N(0, 1): a cohort of candidates for one role.
    static let abilitySD = 1.0
    /// δ = `levelStep` × (level − 1) + N(0, `difficultySD`): questions behind a go-deeper gate are harder,
    /// as the guides intend, and questions of one level still differ.
    static let levelStep = 0.5
    static let difficultySD = 0.75
    /// The rating-scale model's thresholds on the 0–4 scale: τ = −1.5, −0.5, 0.5, 1.5.
    static let rating = SimulatedRating.evenlySpaced(maximum: 4)

    var abilities: [Double]
    /// Keyed by `QuestionRef.description` ("3.2.1/op4"), the key the fit is given.
    var difficulties: [String: Double]
    /// Standard normal draws; an interviewer's severity is the design's σ times its draw, so the same
    /// interviewers are twice as far apart under σ = 1.0 as under σ = 0.5. Positive = harsh.
    var severityDraws: [Double]

    init(seed: UInt64, guide: Guide, candidates: Int, interviewers: Int) {
        var random = SimulationRandom(seed: seed)
        abilities = (0..<candidates).map { _ in random.normal(Self.abilitySD) }
        severityDraws = (0..<interviewers).map { _ in random.normal() }
        var difficulties: [String: Double] = [:]
        for topic in guide.topics {
            for question in topic.questions {
                let key = QuestionRef(topic: topic.key, question: question.id).description
                difficulties[key] = Self.levelStep * Double(question.level - 1) + random.normal(Self.difficultySD)
            }
        }
        self.difficulties = difficulties
    }

    func severities(sd: Double) -> [Double] { severityDraws.map { $0 * sd } }

    static func candidateID(_ c: Int) -> String { "c\(c)" }
    static func interviewerID(_ r: Int) -> String { "i\(r)" }
}
