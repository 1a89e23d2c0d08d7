import Foundation
import Testing
@testable import Flowchart

/// The parser's whole output — graph, diagnostics, positions, fixes, both languages — on thousands of
/// generated inputs, compared digest by digest with what it produced before the speed work of issue 2.
/// Any change in behaviour shows up here with the input that reveals it.
/// To record new digests after an intended change: `FLOWCHART_GOLDEN_WRITE=1 swift test --filter ParserGolden`.
@Suite("Parser output unchanged on generated input", .timeLimit(.minutes(2)))
struct ParserGoldenTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parser-golden.txt")

    @Test func everyGeneratedInputParsesAsRecorded() throws {
        // setup
        let inputs = try GoldenInputs.all()
        // act
        let digests = inputs.map { GoldenDump.digest(FlowchartParser.parse($0)) }
        // verify
        let lines = digests.map { String($0, radix: 16) }
        if ProcessInfo.processInfo.environment["FLOWCHART_GOLDEN_WRITE"] != nil {
            try (lines.joined(separator: "\n") + "\n").write(to: Self.fixture, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(recorded.count == lines.count)
        for (i, (now, then)) in zip(lines, recorded).enumerated() where now != then {
            Issue.record("input \(i) parses differently: \(inputs[i].debugDescription)\n\(GoldenDump.text(FlowchartParser.parse(inputs[i])))")
            return
        }
    }
}

/// Inputs that reach every path of the parser: token soup, byte mutations of the sample, and
/// line-shaped text (definitions, links, styles) with random labels, suffixes and specs.
enum GoldenInputs {
    static func all() throws -> [String] {
        let sample = try Fixture.text("sample.flow")
        return soup(count: 1_500) + mutations(of: sample, count: 500) + shaped(count: 1_500)
            + [sample, GoldenShapes.generatedDiagram]
    }

    static func soup(count: Int) -> [String] {
        var rng = TestRandom(seed: 0x601D)
        let fragments = RobustnessTests.fragments + ["=>operation: ", "->op1", "(no, right)", "(yes@是)", "\r", ":>http://x[blank]"]
        return (0..<count).map { _ in
            (0..<rng.int(in: 0...60)).map { _ in fragments[rng.int(in: 0...(fragments.count - 1))] }.joined()
        }
    }

    static func mutations(of sample: String, count: Int) -> [String] {
        var rng = TestRandom(seed: 0x601E)
        let bytes = Array(sample.utf8)
        return (0..<count).map { _ in
            var mutated = bytes
            for _ in 0..<rng.int(in: 1...6) {
                let i = rng.int(in: 0...(mutated.count - 1))
                switch rng.int(in: 0...2) {
                case 0: mutated[i] = UInt8(rng.int(in: 0...255))
                case 1: mutated.remove(at: i)
                default: mutated.insert(UInt8(rng.int(in: 0...127)), at: i)
                }
            }
            return String(decoding: mutated, as: UTF8.self)
        }
    }

    static func shaped(count: Int) -> [String] {
        var rng = TestRandom(seed: 0x601F)
        return (0..<count).map { _ in
            (0..<rng.int(in: 1...14)).map { _ in GoldenShapes.line(&rng) }.joined(separator: rng.int(in: 0...6) == 0 ? "\r\n" : "\n")
        }
    }
}

/// Pieces of well-formed and nearly well-formed flowchart.js lines.
enum GoldenShapes {
    static let keys = ["st", "e", "op1", "op2", "op3", "cond1", "cond2", "para", "sub", "Op1", "operation1", "op 1", ""]
    static let types = ["start", "end", "operation", "condition", "parallel", "subroutine", "inputoutput", "input",
                        "output", "opration", "process", "", "operation:x", "condition:$f", "end:>http://e"]
    static let labels = ["", "问题：解释 topic 的底层实现(参考答案 answer)", "plain text", "a|past", "a|b c", "x:>http://u[blank]",
                         "x:>http://u", "call:$fn", "a: b: c", "multi\\\nline", "with\rcr", "has => arrow", "bar|", "|", "é🙂\u{3000}",
                         "a:$f|current", "tail \t", "（全角）"]
    static let specs = ["", "(yes)", "(no)", "(no, right)", "(yes@深入, right)", "(path1, bottom)", "(path2)", "(right)",
                        "(rihgt)", "(true)", "(y)", "(yes, left, top)", "(", "(no) x", "(path9)", "(@l)", "(ok, bottm)"]
    static let arrows = ["->", "->", "->", " -> ", "-", "→", "—>", ">"]

    static func pick(_ list: [String], _ rng: inout TestRandom) -> String {
        list[rng.int(in: 0...(list.count - 1))]
    }

    static func line(_ rng: inout TestRandom) -> String {
        switch rng.int(in: 0...9) {
        case 0...4:
            let params = rng.int(in: 0...5) == 0 ? "(align-next=no,k=v)" : ""
            let arrow = rng.int(in: 0...8) == 0 ? " => " : "=>"
            let colon = rng.int(in: 0...8) == 0 ? ":" : ": "
            return pick(keys, &rng) + params + arrow + pick(types, &rng) + colon + pick(labels, &rng)
        case 5...7:
            return (0..<rng.int(in: 1...5)).map { i in
                (i > 0 ? pick(arrows, &rng) : "") + pick(keys, &rng) + pick(specs, &rng)
            }.joined()
        case 8:
            return pick(keys, &rng) + "@>" + pick(keys, &rng) + pick(["({\"stroke\":\"red\"})", "({bad})", "", "({\"stroke-width\":2})"], &rng)
        default:
            return pick(["", "# note", "// note", "just words", "  ", "\\"], &rng)
        }
    }

    /// The benchmark's shape, small: chains of questions with a gate every fifth node.
    static let generatedDiagram: String = {
        var lines = ["st=>start: 开始"]
        for i in 1...40 {
            lines.append(i % 5 == 0 ? "cond\(i)=>condition: 是否深入第\(i)题? Go deeper?"
                                    : "op\(i)=>operation: 问题\(i)：解释 topic \(i) 的底层实现(参考答案 answer \(i))")
        }
        lines.append("e=>end: 结束")
        let ids = ["st"] + (1...40).map { $0 % 5 == 0 ? "cond\($0)" : "op\($0)" } + ["e"]
        for (i, id) in ids.enumerated().dropLast() {
            lines.append(id.hasPrefix("cond") ? "\(id)(yes)->\(ids[i + 1])\n\(id)(no, right)->\(ids[min(i + 2, ids.count - 1)])"
                                              : "\(id)->\(ids[i + 1])")
        }
        return lines.joined(separator: "\n")
    }()
}

/// Everything public the parser produces, written out in a fixed order (dictionaries sorted).
enum GoldenDump {
    static func text(_ parsed: ParsedFlowchart) -> String {
        var out = "start \(parsed.graph.start ?? "-")\n"
        for n in parsed.graph.nodes {
            out += "node \(n.id)|\(n.type)|\(n.text)|\(n.flowstate ?? "-")|\(n.url ?? "-")|\(n.urlTarget ?? "-")|"
                + "\(n.function ?? "-")|\(sorted(n.parameters))|\(place(n.position))\n"
        }
        for e in parsed.graph.edges {
            out += "edge \(e.from)|\(e.to)|\(e.branch)|\(e.label ?? "-")|\(e.direction.map { "\($0)" } ?? "-")|"
                + "\(sorted(e.style))|\(place(e.position))\n"
        }
        for d in parsed.diagnostics {
            let fix = d.fix.map { "\(place($0.start))-\(place($0.end))=\($0.replacement)" } ?? "-"
            out += "diag \(d.severity)|\(d.code)|\(place(d.position))|\(d.text.en)|\(d.text.zh)|\(fix)\n"
        }
        return out
    }

    /// FNV-1a of the dump, stable across runs (unlike `hashValue`).
    static func digest(_ parsed: ParsedFlowchart) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text(parsed).utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    private static func place(_ p: SourcePosition) -> String { "\(p.line):\(p.column)" }

    private static func sorted(_ d: [String: String]) -> String {
        d.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
