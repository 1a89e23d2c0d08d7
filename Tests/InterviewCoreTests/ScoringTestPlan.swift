import InterviewCore

/// SplitMix64: a tiny seeded generator, so every generated session can be reproduced from its seed.
struct ScoringTestRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What an interviewer will do, decided in advance: a rating per question, an answer per gate, the
/// questions to skip, where to leave a topic, where to end. Running it gives a session; changing one
/// decision and running again gives the session to compare against.
struct ScoringTestPlan {
    var ratings: [String: Int] = [:]
    var gates: [String: Bool] = [:]
    var skips: Set<String> = []
    /// Leave the topic when this question comes up (it stays asked, not rated).
    var leaveAt: Set<String> = []
    /// End the interview when this question comes up: later topics are never entered.
    var endAt: String?

    static func random(_ guide: Guide, _ rng: inout ScoringTestRandom) -> ScoringTestPlan {
        var plan = ScoringTestPlan()
        for topic in guide.topics {
            for q in topic.questions {
                let key = "\(topic.key)/\(q.id)"
                // Pick lists: about half the open questions get picked (a rating means "pick it").
                if topic.isPickList && Bool.random(using: &rng) { continue }
                plan.ratings[key] = Int.random(in: guide.scale.levels, using: &rng)
                if Int.random(in: 0..<10, using: &rng) == 0 { plan.skips.insert(key) }
                if Int.random(in: 0..<12, using: &rng) == 0 { plan.leaveAt.insert(key) }
            }
            for gate in topic.gates { plan.gates["\(topic.key)/\(gate.id)"] = Bool.random(using: &rng) }
        }
        if Bool.random(using: &rng), let last = guide.topics.dropFirst().randomElement(using: &rng)?.questions.first {
            plan.endAt = "\(guide.topics.first { $0.questions.contains(last) }!.key)/\(last.id)"
        }
        return plan
    }

    /// Runs the plan through the runner's commands: through the talk stages, every topic of stage 3,
    /// then to the end.
    func run(_ guide: Guide) throws -> SessionState {
        var script = try SessionTestScript(guide: guide)
        return try run(guide, script: &script)
    }

    /// Runs the plan on a given script, so the caller can read the events it recorded.
    func run(_ guide: Guide, script: inout SessionTestScript) throws -> SessionState {
        for _ in 0..<500 {
            switch script.agenda {
            case .finished:
                return script.state
            case .rate(let ref):
                let key = ref.description
                if key == endAt { try script.run("e", "y") }
                else if leaveAt.contains(key) { try script.run("f") }
                else if skips.contains(key) { try script.run("s plan") }
                else { try script.run(String(ratings[key] ?? 0)) }
            case .gate(let topic, let gate):
                try script.run(gates["\(topic)/\(gate)"] == true ? "y" : "n")
            case .pick(let topic, let remaining):
                let next = remaining.first { ratings["\(topic)/\($0)"] != nil }
                try script.run(next.map { "p \($0)" } ?? "f")
            case .offerJump:
                try script.run("n")
            case .finishInterview:
                // After a last topic's gate the interview waits to be ended (its answer can still change).
                try script.run("e")
                if script.driver.confirming != nil { try script.run("y") }
            default:
                try script.run("f")
            }
        }
        throw CommandError("the plan did not finish", "计划没有完成")
    }
}
