import Foundation
import InterviewCore

/// The simulated team `interview demo` writes: who they are and the hidden truths their scorecards are
/// drawn from (abilities, difficulties, leniencies), all from one seed so a data folder is reproduced
/// exactly. The truths never reach the database: the product has to find them, as it would in real use.
struct DemoTeam {
    struct Interviewer { var name: String; var email: String; var severity: Double }

    static let interviewerNames = ["Olga Petrova", "Ben Carter", "Li Wei", "Mei Lin", "Ivan Sokolov", "Sara Haddad",
                                   "Tom Becker", "Yuki Tanaka", "Omar Farouk", "Ana Souza", "Chen Jie", "Priya Nair"]

    var interviewers: [Interviewer]
    /// Per guide id, per question key (`QuestionKey`): difficulty in logits. Deeper questions are harder.
    var difficulties: [String: [String: Double]] = [:]
    var random: SimulationRandom

    init(seed: UInt64) {
        random = SimulationRandom(seed: seed)
        var r = random
        // Severity SD 0.6 logits: a realistic spread (a harsh and a lenient colleague differ by about a point).
        interviewers = Self.interviewerNames.map { name in
            let handle = name.lowercased().split(separator: " ").joined(separator: ".")
            return Interviewer(name: name, email: "\(handle)@demo.example", severity: r.normal(0.6))
        }
        random = r
    }

    /// The difficulty of each of the guide's questions, drawn the first time the guide is met.
    mutating func difficulty(_ guide: Guide) -> [String: Double] {
        let id = guide.id ?? guide.title
        if let known = difficulties[id] { return known }
        var table: [String: Double] = [:]
        for stage in guide.stages {
            for topic in stage.topics {
                for question in topic.questions {
                    table[QuestionKey.of(topic: topic.key, question: question.id)] = 0.5 * Double(question.level - 1) + random.normal(0.75)
                }
            }
        }
        difficulties[id] = table
        return table
    }
}
