/// Many small charts shaped like pyflowchart's output for Python functions (`start`, `input:` and
/// `output:` boxes, assignments with '=' and '>' in the label, `if`/`for` conditions, loops back with
/// `(left)`, one link per line, numbered keys), generated from a fixed seed so every run and every
/// machine times the same files. No such corpus exists in the repository (Tests/FlowchartTests/Fixtures
/// and Fuzz/corpus hold a few hand-written charts), hence this generator.
enum PyflowchartCorpus {
    static func files(count: Int = 200, seed: UInt64 = 0x5059_464C) -> [(name: String, text: String)] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { index in
            var chart = Chart(rng: rng)
            let text = chart.function(name: "func_\(index)")
            rng = chart.rng
            return ("py-\(String(1000 + index).dropFirst()).flow", text)
        }
    }

    /// Deterministic and the same on every platform, unlike the system generator.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Builds one function's chart: definitions in order of creation, links in order of flow.
    private struct Chart {
        var rng: SplitMix
        var definitions: [String] = []
        var links: [String] = []
        var counter = 1
        let names = ["items", "total", "key", "result", "count", "node", "value", "limit", "index", "buffer"]

        init(rng: SplitMix) { self.rng = rng }

        mutating func function(name: String) -> String {
            let start = node("st", "start", "start \(name)")
            let input = node("io", "inputoutput", "input: \(pick()), \(pick())")
            links.append("\(start)->\(input)")
            let exits = block(depth: 0, after: [input], statements: 3 + rng.next(6))
            let output = node("io", "inputoutput", "output:  \(pick())")
            connect(exits, to: output)
            let end = node("e", "end", "end function return")
            links.append("\(output)->\(end)")
            return (definitions + [""] + links).joined(separator: "\n")
        }

        /// Statements in sequence; returns the (key, branch) pairs whose next link is still open.
        mutating func block(depth: Int, after: [String], statements: Int) -> [String] {
            var open = after
            for _ in 0..<statements {
                switch depth < 2 ? rng.next(6) : rng.next(3) {
                case 0, 1:
                    let op = node("op", "operation", "\(pick()) = \(pick()) + \(rng.next(100))")
                    connect(open, to: op)
                    open = [op]
                case 2:
                    let sub = node("sub", "subroutine", "\(pick()).append(\(pick()))")
                    connect(open, to: sub)
                    open = [sub]
                case 3, 4:
                    let cond = node("cond", "condition", "if \(pick()) > \(pick())[\(rng.next(9))]")
                    connect(open, to: cond)
                    open = block(depth: depth + 1, after: ["\(cond)(yes)"], statements: 1 + rng.next(3)) + ["\(cond)(no)"]
                default:
                    let loop = node("cond", "condition", "for \(pick()) in range(\(pick()))")
                    connect(open, to: loop)
                    let body = block(depth: depth + 1, after: ["\(loop)(yes)"], statements: 1 + rng.next(3))
                    for end in body { links.append("\(withDirection(end, "left"))->\(loop)") }
                    open = ["\(loop)(no)"]
                }
            }
            return open
        }

        mutating func node(_ prefix: String, _ type: String, _ label: String) -> String {
            let key = "\(prefix)\(counter)"
            counter += 2 + rng.next(20)
            definitions.append("\(key)=>\(type): \(label)")
            return key
        }

        mutating func connect(_ from: [String], to key: String) {
            for source in from { links.append("\(source)->\(key)") }
        }

        /// `cond3(yes)` → `cond3(yes, left)`, `op5` → `op5(left)`.
        func withDirection(_ source: String, _ direction: String) -> String {
            source.hasSuffix(")") ? "\(source.dropLast()), \(direction))" : "\(source)(\(direction))"
        }

        mutating func pick() -> String { names[rng.next(names.count)] }
    }
}
