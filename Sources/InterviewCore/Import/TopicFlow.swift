import Flowchart

/// Reads a topic's flowchart as an interview: questions (operation and input/output nodes),
/// gates (conditions), instructions (subroutines), the walk between them, and each question's level.
struct TopicFlow {
    var start: String?
    var steps: [Step] = []
    var questions: [Question] = []
    var gates: [Gate] = []
    var instructions: [Instruction] = []
    /// Question nodes the start cannot reach: asked only from a pick list.
    var unreachableQuestions: [Question] = []

    init(_ graph: FlowGraph) {
        // A chart whose only line ties a note starts, in flowchart.js's rule, at the note: the walk
        // starts at what the note is about (converted, a one-question chart asked nothing).
        start = graph.start.flatMap { id in graph.node(id)?.isNote == true ? graph.edge(from: id, branch: .next)?.to : id }
        let reachable = graph.reachability()
        let kinds = graph.nodes.map(Self.kind)
        let gateKinds = Self.gateKinds(graph, kinds)
        let levels = Self.levels(graph, gateKinds)
        // The ids on any line, found once: asked node by node, it scanned every edge for each (a security
        // probe's 10,000-node chart took seconds of the editor's every page view).
        var linkedIDs: Set<String>?
        func isLinked(_ i: Int) -> Bool {
            if linkedIDs == nil { linkedIDs = Set(graph.edges.flatMap { [$0.from, $0.to] }) }
            return linkedIDs!.contains(graph.nodes[i].id)
        }
        let notes = Self.notes(graph)
        for (i, node) in graph.nodes.enumerated() where !node.isNote {
            let next = graph.edge(from: node.id, branch: .next)?.to ?? graph.edge(from: node.id, branch: .path1)?.to
            let paths = [Branch.path2, .path3].compactMap { graph.edge(from: node.id, branch: $0)?.to }
            let step = Step(id: node.id, kind: kinds[i], next: next,
                            yes: graph.edge(from: node.id, branch: .yes)?.to,
                            no: graph.edge(from: node.id, branch: .no)?.to, paths: paths,
                            note: notes[node.id]?.joined(separator: "\n"))
            steps.append(step)
            switch kinds[i] {
            case .question:
                let (text, hint) = ReferenceAnswer.split(node.text)
                let question = Question(id: node.id, text: text, reference: hint, hint: hint,
                                        weight: Double(levels[i]), level: levels[i])
                if reachable[i] { questions.append(question) } else { unreachableQuestions.append(question) }
            case .gate where reachable[i]:
                gates.append(Gate(id: node.id, text: Self.flat(node.text),
                                  yes: step.yes, no: step.no, kind: gateKinds[i] ?? .depth, level: levels[i]))
            case .instruction where reachable[i] || graph.start == nil || !isLinked(i):
                instructions.append(Instruction(id: node.id, text: Self.flat(node.text)))
            default:
                break
            }
        }
    }

    /// Each note's text by the node it is tied to (Mermaid's comment shapes, `Node.isNote`), in the
    /// order written; a note tied to nothing is lint's finding and shown nowhere.
    static func notes(_ graph: FlowGraph) -> [String: [String]] {
        var notes: [String: [String]] = [:]
        for node in graph.nodes where node.isNote {
            // Not beside the start or the end, which the interview never shows (lint says so; `guide show`
            // still printed such a note, tied to no row: a probe).
            if let about = graph.edge(from: node.id, branch: .next)?.to, let type = graph.node(about)?.type, type != .start, type != .end {
                notes[about, default: []].append(flat(node.text))
            }
        }
        return notes
    }

    static func kind(_ node: Node) -> Step.Kind {
        if node.isAskedFork { return .question }
        return switch node.type {
        case .start: .start
        case .end: .end
        case .condition: .gate
        case .subroutine, .parallel: .instruction
        case .operation, .inputoutput, .input, .output: .question
        }
    }

    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// A gate is about depth when "no" only skips what "yes" would ask: the "no" answer ends the
    /// topic or rejoins the "yes" path. Otherwise the two answers choose between different paths.
    static func gateKinds(_ graph: FlowGraph, _ kinds: [Step.Kind]) -> [Gate.Kind?] {
        // One search per gate, over indices, stopping at the gate's "no": by id and to the end of the
        // chart each time, a chain of 5,000 gates took minutes to lint (a probe).
        let successors = graph.successors()
        var visitedBy = [Int](repeating: -1, count: graph.nodes.count)
        return graph.nodes.enumerated().map { i, node in
            guard kinds[i] == .gate else { return nil }
            guard let no = graph.edge(from: node.id, branch: .no)?.to,
                  let noIndex = graph.index(of: no), kinds[noIndex] != .end,
                  let yes = graph.edge(from: node.id, branch: .yes)?.to, let yesIndex = graph.index(of: yes) else { return .depth }
            return reaches(noIndex, from: yesIndex, successors, visitedBy: &visitedBy, search: i) ? .depth : .path
        }
    }

    /// Whether `target` can be reached from `origin` (itself included): breadth first, since a depth gate's
    /// "no" is usually a step or two past its "yes" (depth first ran down the rest of the chart before
    /// looking there). `visitedBy` marks a node with the search that saw it, so one array serves every
    /// search without being cleared.
    static func reaches(_ target: Int, from origin: Int, _ successors: [[Int]], visitedBy: inout [Int], search: Int) -> Bool {
        if origin == target { return true }
        var queue = [origin], head = 0
        visitedBy[origin] = search
        while head < queue.count {
            let n = queue[head]
            head += 1
            for m in successors[n] where visitedBy[m] != search {
                if m == target { return true }
                visitedBy[m] = search
                queue.append(m)
            }
        }
        return false
    }

    /// Level = 1 + the fewest go-deeper gates passed on "yes" to reach the node (a 0-1 shortest path),
    /// so a question that can also be reached without going deeper stays at the basic level.
    static func levels(_ graph: FlowGraph, _ gateKinds: [Gate.Kind?]) -> [Int] {
        var level = [Int](repeating: Int.max, count: graph.nodes.count)
        guard let start = graph.start, let s = graph.index(of: start) else {
            return [Int](repeating: 1, count: graph.nodes.count)
        }
        level[s] = 1
        var deque = [s]
        var head = 0
        while head < deque.count {
            let n = deque[head]
            head += 1
            for edge in graph.outgoing(graph.nodes[n].id) {
                guard let m = graph.index(of: edge.to) else { continue }
                let cost = (edge.branch == .yes && gateKinds[n] == .depth) ? 1 : 0
                if level[n] + cost < level[m] {
                    level[m] = level[n] + cost
                    // Zero-cost steps are explored first by putting them back at the head.
                    if cost == 0 && head > 0 { head -= 1; deque[head] = m } else { deque.append(m) }
                }
            }
        }
        return level.map { $0 == Int.max ? 1 : $0 }
    }
}

extension Node {
    /// A question that forks into parallel paths: Mermaid's `Q[question] --> A & B`. The graph holds it
    /// as a parallel node marked `ask=yes`, which flowchart.js writes as `q(ask=yes)=>parallel: …`, so
    /// the question survives conversion either way and is asked before its paths are walked.
    public var isAskedFork: Bool { type == .parallel && parameters["ask"] == "yes" }
}
