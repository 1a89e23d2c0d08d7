import InterviewCore

/// Builds a `Topic` by hand from flowchart.js-like definitions and links, the way the importer will,
/// so engine and scoring tests need no importer. Levels follow product.md: 1 before any go-deeper
/// gate, +1 behind each; weights default to the level ("deeper questions weigh more").
struct SessionTestChart {
    var nodes: [(id: String, type: String, text: String)]
    var links: [String]
    var pathGates: Set<String> = []
    var calls: [String: String] = [:]

    /// `"st->op1->cond1"`, `"cond1(yes)->op2->e"`: each arrow sets one branch.
    var edges: [(from: String, branch: String, to: String)] {
        links.flatMap { line -> [(String, String, String)] in
            let parts = line.components(separatedBy: "->")
            return zip(parts, parts.dropFirst()).map { from, to in
                guard let open = from.firstIndex(of: "(") else { return (from, "next", to) }
                return (String(from[..<open]), String(from[from.index(after: open)...].dropLast()), to)
            }
        }
    }

    func topic(_ number: String, _ title: String, weight: Double = 1, knockout: Double? = nil, pickList: Bool = false,
               weights: [String: Double] = [:], dimensions: [String: [String]] = [:]) -> Topic {
        let links = edges
        let target = { (id: String, branch: String) in links.first { $0.from == id && $0.branch == branch }?.to }
        let levels = levels(links)
        var topic = Topic(number: number, title: title, flowchart: flowchartText, start: nodes.first?.id,
                          weight: weight, knockout: knockout, isPickList: pickList)
        for node in nodes {
            let kind: Step.Kind = switch node.type {
            case "start": .start
            case "end": .end
            case "condition": .gate
            case "subroutine": .instruction
            default: .question
            }
            topic.steps.append(Step(id: node.id, kind: kind, next: target(node.id, "next"),
                                    yes: target(node.id, "yes"), no: target(node.id, "no")))
            let level = levels[node.id] ?? 1
            switch kind {
            case .question:
                let (text, hint) = Self.split(node.text)
                topic.questions.append(Question(id: node.id, text: text, reference: hint, hint: hint,
                                                weight: weights[node.id] ?? Double(level), level: level,
                                                dimensions: dimensions[node.id] ?? []))
            case .gate:
                topic.gates.append(Gate(id: node.id, text: node.text, yes: target(node.id, "yes"), no: target(node.id, "no"),
                                        kind: pathGates.contains(node.id) ? .path : .depth, level: level))
            case .instruction:
                topic.instructions.append(Instruction(id: node.id, text: node.text, calls: calls[node.id]))
            default: break
            }
        }
        return topic
    }

    var flowchartText: String {
        let definitions = nodes.map { "\($0.id)=>\($0.type)\($0.text.isEmpty ? "" : ": " + $0.text)" }
        return (definitions + links).joined(separator: "\n")
    }

    /// Fewest go-deeper "yes" branches from the start, plus one; repeated relaxation is plenty for a chart.
    private func levels(_ links: [(from: String, branch: String, to: String)]) -> [String: Int] {
        guard let start = nodes.first?.id else { return [:] }
        var level = [start: 1]
        var changed = true
        while changed {
            changed = false
            for link in links {
                guard let from = level[link.from] else { continue }
                let cost = link.branch == "yes" && !pathGates.contains(link.from) ? 1 : 0
                if from + cost < level[link.to] ?? .max {
                    level[link.to] = from + cost
                    changed = true
                }
            }
        }
        return level
    }

    /// "redis的有序集合的底层实现(跳表skiplist)" → text and the parenthesised expected answer.
    static func split(_ label: String) -> (String, String?) {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return (label, nil) }
        return (String(label[..<open]), String(label[label.index(after: open)...].dropLast()))
    }
}
