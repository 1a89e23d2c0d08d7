@testable import Flowchart

/// Mermaid text made from a seeded walk: questions, gates with yes/no (or 是/否) lines, forks of two or
/// three, start and end stadiums, optional subgraphs and a direction — graphs the mapping rules read back
/// exactly, for round trips and layout checks.
enum MermaidChartGenerator {
    static let directions = ["TD", "LR", "BT", "RL", "TB"]
    static let questions = ["解释 TCP 三次握手(SYN, SYN-ACK, ACK)", "What is a B+ tree?", "redis的常用数据类型(string/hash)",
                            "Say \"hello\" #1", "多行<br>标签", "GC: mark & sweep", "问题 | 竖线", "x > y?", "Line\\n"]

    /// A question written as Mermaid needs it inside quotes.
    static func question(_ rng: inout TestRandom) -> String {
        MermaidLabel.quotedEscaping(questions[rng.int(in: 0...(questions.count - 1))])
    }

    static func chart(_ rng: inout TestRandom, nodes count: Int) -> String {
        let n = max(count, 2)
        var lines = ["flowchart \(directions[rng.int(in: 0...4)])", "    n0([开始])"]
        var gates = Set<Int>(), forks = Set<Int>()
        for i in 1..<(n - 1) {
            switch rng.int(in: 0...9) {
            case 0, 1: gates.insert(i); lines.append("    n\(i){\"\(question(&rng)) 深入?\"}")
            case 2: forks.insert(i); lines.append("    n\(i)[\"Pick one \(i)\"]")
            case 3: lines.append("    n\(i)[[\"Instruction \(i)\"]]")
            case 4: lines.append("    n\(i)[/\"Input \(i)\"/]")
            default: lines.append("    n\(i)[\"\(question(&rng)) \(i)\"]")
            }
        }
        lines.append("    n\(n - 1)([结束])")
        let last = n - 1
        func later(_ i: Int) -> Int { min(last, i + 1 + rng.int(in: 0...3)) }
        lines.append("    n0 --> n1")
        for i in 1..<last {
            if gates.contains(i) {
                let words = rng.int(in: 0...1) == 0 ? ("yes", "no") : ("是", "否")
                let yesTarget = i + 1, noTarget = rng.int(in: 0...4) == 0 ? max(1, i - 1 - rng.int(in: 0...2)) : later(i)
                lines.append("    n\(i) -->|\(words.0)| n\(yesTarget)")
                if noTarget != yesTarget { lines.append("    n\(i) -->|\(words.1)| n\(noTarget)") }
            } else if forks.contains(i) {
                var targets: [Int] = []
                for _ in 0..<rng.int(in: 2...3) { let t = later(i); if !targets.contains(t) { targets.append(t) } }
                if !targets.contains(i + 1) { targets.insert(i + 1, at: 0) }
                lines.append("    n\(i) --> " + targets.prefix(3).map { "n\($0)" }.joined(separator: " & "))
            } else {
                lines.append("    n\(i) \(["-->", "-.->", "==>", "---->"][rng.int(in: 0...3)]) n\(i + 1)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What the round trip keeps: ids, types and texts of nodes, edges by ends and branch, and the start.
struct GraphShape: Equatable, CustomStringConvertible {
    var nodes: [String]
    var edges: [String]
    var start: String?

    init(_ graph: FlowGraph) {
        nodes = graph.nodes.map { "\($0.id)|\($0.type)|\($0.text)" }
        edges = graph.edges.map { "\($0.from)-\($0.branch.rawValue)->\($0.to)" }.sorted()
        start = graph.start
    }

    var description: String { "start \(start ?? "-")\n" + nodes.joined(separator: "\n") + "\n" + edges.joined(separator: "\n") }
}
