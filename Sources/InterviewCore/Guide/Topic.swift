import Flowchart

/// A technical topic: guidance and one flowchart of questions, gates and instructions.
public struct Topic: Hashable, Sendable, Codable {
    public var number: String?
    public var title: String
    /// Heading depth below the stage (1 = directly under it).
    public var depth: Int
    /// The group heading it sits under, if any.
    public var group: String?
    public var guidance: String
    /// The flowchart as text, written canonically in the language the author used (so a repaired seed
    /// diagram reads clean, and a guide kept in Mermaid exports in Mermaid). Its first statement tells
    /// which language it is (`DiagramSyntax.of`).
    public var flowchart: String
    /// The node the interview starts from.
    public var start: String?
    public var steps: [Step]
    public var questions: [Question]
    public var gates: [Gate]
    public var instructions: [Instruction]
    public var weight: Double
    /// When set, a score under this threshold on this topic means no hire, whatever the total.
    public var knockout: Double?
    /// Open questions picked as the moment fits rather than walked in order.
    public var isPickList: Bool

    /// How annotations and jumps name the topic: its number, or its title when it has none
    /// (or number and title, when two sections share a number, as the seed's two 3.6 do).
    public var key: String

    /// How pages and the terminal name the topic: number and title ("3.6 一些开放式技术问题"). Two
    /// topics that share a number are told apart by their titles; the key, which for the second one
    /// already holds the title, is for typing and linking, not for reading beside the title.
    /// A second unnumbered topic of one title is named by its key ("Basics (2)"): by number and title both
    /// read "Basics", in `guide show`, the runner and the reports alike (a recheck).
    public var heading: String {
        number == nil && key != title ? Topic.heading(key: key, title: title) : [number, title].compactMap { $0 }.joined(separator: " ")
    }

    /// The same name from a key and a title (reports and score cards keep those two, not the number).
    /// A second unnumbered topic of one title is keyed "Basics (2)" (`GuideBuilder.finish`): the key alone.
    public static func heading(key: String, title: String) -> String {
        key == title || key.hasSuffix(" " + title) || key.hasPrefix(title + " (") ? key : key + " " + title
    }

    /// The instructions the walk passes on its way to question `id` (`Hand the candidate a whiteboard
    /// marker`, a fork's `Now ask both halves`), nearest last: passed through without a stop, they were
    /// never shown to the interviewer (a probe). Calls into other topics are offered on their own, and a
    /// junction with no text of its own says nothing.
    public func instructions(before id: String) -> [Instruction] {
        instructionsBefore(id, InstructionLeads(self))
    }

    /// `instructions(before:)` for every question, the chart read once (the console's guide holds them all).
    public func instructionsBeforeQuestions() -> [String: [Instruction]] {
        let leads = InstructionLeads(self)
        return Dictionary(questions.map { ($0.id, instructionsBefore($0.id, leads)) }, uniquingKeysWith: { first, _ in first })
    }

    private func instructionsBefore(_ id: String, _ leads: InstructionLeads) -> [Instruction] {
        var found: [Instruction] = [], targets = [id], seen = Set([id])
        while let target = targets.popLast() {
            for step in leads.into[target] ?? [] where seen.insert(step).inserted {
                targets.append(step)
                if let instruction = leads.byID[step], instruction.calls == nil, !instruction.saysNothing {
                    found.insert(instruction, at: 0)
                }
            }
        }
        return found
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
    public func gate(_ id: String) -> Gate? { gates.first { $0.id == id } }
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    public init(number: String?, title: String, key: String? = nil, depth: Int = 1, group: String? = nil, guidance: String = "", flowchart: String = "", start: String? = nil, steps: [Step] = [], questions: [Question] = [], gates: [Gate] = [], instructions: [Instruction] = [], weight: Double = 1, knockout: Double? = nil, isPickList: Bool = false) {
        self.number = number
        self.title = title
        self.key = key ?? number ?? title
        self.depth = depth
        self.group = group
        self.guidance = guidance
        self.flowchart = flowchart
        self.start = start
        self.steps = steps
        self.questions = questions
        self.gates = gates
        self.instructions = instructions
        self.weight = weight
        self.knockout = knockout
        self.isPickList = isPickList
    }
}

/// A node of the topic's flowchart and where each answer leads: what the engine walks.
public struct Step: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case start, end, question, gate, instruction
    }

    public var id: String
    public var kind: Kind
    public var next: String?
    public var yes: String?
    public var no: String?
    /// A parallel node's further paths (path2, path3): walked one after another once the path from
    /// `next` (path1) has run out, so every question on them is asked. Nil when there are none, which
    /// also keeps guides exported as JSON before paths were read loadable.
    public var paths: [String]?
    /// The author's note for the interviewer beside this step (Mermaid's comment shapes tied to it; one
    /// line per note), shown with the question or gate and never asked or scored.
    public var note: String?

    public init(id: String, kind: Kind, next: String? = nil, yes: String? = nil, no: String? = nil, paths: [String] = [], note: String? = nil) {
        self.id = id
        self.kind = kind
        self.next = next
        self.yes = yes
        self.no = no
        self.paths = paths.isEmpty ? nil : paths
        self.note = note
    }
}

public struct Question: Hashable, Sendable, Codable {
    /// The flowchart node id.
    public var id: String
    public var text: String
    /// The expected answer: the annotation's full reference, or the label's parenthesised hint.
    public var reference: String?
    /// The label's short parenthesised hint, as the author wrote it in the diagram.
    public var hint: String?
    public var weight: Double
    /// 1 before any go-deeper gate, +1 behind each.
    public var level: Int
    /// What an answer at each rating level contains.
    public var rubric: [Int: String]
    public var dimensions: [String]
    /// The question's identity in the question bank when the author settled it (front matter `id:`), so
    /// edits of any size and other guides keep it; nil lets the bank follow the text (`QuestionBank`).
    public var bankID: String?

    public init(id: String, text: String, reference: String? = nil, hint: String? = nil, weight: Double = 1, level: Int = 1, rubric: [Int: String] = [:], dimensions: [String] = [], bankID: String? = nil) {
        self.id = id
        self.bankID = bankID
        self.text = text
        self.reference = reference
        self.hint = hint
        self.weight = weight
        self.level = level
        self.rubric = rubric
        self.dimensions = dimensions
    }
}

/// A condition node: the interviewer's "go deeper?" decision.
public struct Gate: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// "no" skips questions that "yes" would ask: those count as not demonstrated.
        case depth
        /// The answers lead to different questions: the branch not taken is not applicable.
        case path
    }

    public var id: String
    public var text: String
    public var yes: String?
    public var no: String?
    public var kind: Kind
    public var level: Int

    public init(id: String, text: String, yes: String? = nil, no: String? = nil, kind: Kind = .depth, level: Int = 1) {
        self.id = id
        self.text = text
        self.yes = yes
        self.no = no
        self.kind = kind
        self.level = level
    }
}

/// A subroutine node: a call into another topic when its text names one, else advice to the interviewer.
public struct Instruction: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    /// The key of the topic it calls.
    public var calls: String?

    public init(id: String, text: String, calls: String? = nil) {
        self.id = id
        self.text = text
        self.calls = calls
    }

    /// A fork bar or junction without words of its own: its text is empty, or only its id.
    public var saysNothing: Bool { text == id || text.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// A named score range, such as "hire" from 70 up.
public struct RecommendationBand: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    /// Lowest topic-weighted score (0–100) in the band.
    public var minimum: Double

    public init(id: String, label: String, minimum: Double) {
        self.id = id
        self.label = label
        self.minimum = minimum
    }

    public static let defaults: [RecommendationBand] = [
        RecommendationBand(id: "strong-hire", label: "强烈推荐 Strong hire", minimum: 85),
        RecommendationBand(id: "hire", label: "推荐 Hire", minimum: 70),
        RecommendationBand(id: "lean-no", label: "待定 Lean no", minimum: 50),
        RecommendationBand(id: "no-hire", label: "不推荐 No hire", minimum: 0),
    ]
}

/// Which instruction steps lead straight into each step, read once per chart.
private struct InstructionLeads {
    var into: [String: [String]] = [:]
    var byID: [String: Instruction]

    init(_ topic: Topic) {
        byID = Dictionary(topic.instructions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for step in topic.steps where step.kind == .instruction {
            for target in [step.next].compactMap({ $0 }) + (step.paths ?? []) { into[target, default: []].append(step.id) }
        }
    }
}
