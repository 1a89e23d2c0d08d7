import Testing
@testable import Flowchart

/// Random and truncated text never crashes or hangs the parser, and whatever graph comes out can be
/// laid out and drawn with the layout invariants intact.
@Suite("Parser robustness on generated input", .timeLimit(.minutes(2)))
struct RobustnessTests {
    static let fragments = ["st", "op1", "op2", "cond", "e", "=>", "->", "@>", "start", "end", "operation",
                            "condition", "parallel", "subroutine", ": ", ":", "(", ")", "yes", "no", "path1",
                            "right", "left", ",", "@", "|", ":>", ":$", "[", "]", "{", "}", "\"", "\\", "\n",
                            "\r\n", " ", "\t", "#", "//", "中文", "问题", "（", "）", "→", "—", "-", ">", "=",
                            "\u{3000}", "\u{FEFF}", "é", "🙂", "\"stroke\"", "\"red\""]

    @Test func randomTokenSoupNeverCrashes() {
        var rng = TestRandom(seed: 0xF10C)
        for _ in 0..<2_000 {
            // setup
            let count = rng.int(in: 0...60)
            let text = (0..<count).map { _ in Self.fragments[rng.int(in: 0...(Self.fragments.count - 1))] }.joined()
            // act
            let parsed = FlowchartParser.parse(text)
            // verify: positions are inside the text, and every edge joins defined nodes.
            let lineCount = text.utf8.filter { $0 == 10 }.count + 1
            for d in parsed.diagnostics {
                #expect(d.position.line >= 1 && d.position.line <= lineCount, "\(d) in \(text.debugDescription)")
                #expect(d.position.column >= 1)
            }
            for edge in parsed.graph.edges {
                #expect(parsed.graph.node(edge.from) != nil && parsed.graph.node(edge.to) != nil)
            }
        }
    }

    @Test func everyPrefixOfTheSampleParsesAndDraws() throws {
        // setup
        let sample = try Fixture.text("sample.flow")
        let scalars = Array(sample.unicodeScalars)
        // act + verify: truncation at every character, as an editor shows it while typing.
        for cut in 0...scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<cut])
            let parsed = FlowchartParser.parse(String(view))
            let layout = FlowchartLayout.layout(parsed.graph)
            #expect(layout.nodes.count == parsed.graph.nodes.count)
            _ = SVGRenderer.render(parsed.graph, layout: layout)
        }
    }

    @Test func randomByteMutationsOfTheSampleNeverCrash() throws {
        var rng = TestRandom(seed: 42)
        let sample = Array(try Fixture.text("sample.flow").utf8)
        for _ in 0..<500 {
            var bytes = sample
            for _ in 0..<rng.int(in: 1...8) {
                let i = rng.int(in: 0...(bytes.count - 1))
                switch rng.int(in: 0...2) {
                case 0: bytes[i] = UInt8(rng.int(in: 0...255))
                case 1: bytes.remove(at: i)
                default: bytes.insert(UInt8(rng.int(in: 0...255)), at: i)
                }
            }
            let parsed = FlowchartParser.parse(String(decoding: bytes, as: UTF8.self))
            let layout = FlowchartLayout.layout(parsed.graph)
            #expect(layout.nodes.count == parsed.graph.nodes.count)
        }
    }

    /// Each position along one long line counts on from the one before (counted from the line's start
    /// each time, 30,000 links on one line took 29 s); the columns are the same as counted from the start,
    /// in Unicode scalars, and a position back along the line still counts right.
    @Test func positionsAlongOneLongLineAreCountedOnAndRight() throws {
        let n = 3_000
        let keys = (0..<n).map { "问\($0)" }
        let text = keys.map { "\($0)=>operation: 题" }.joined(separator: "\n") + "\n" + keys.joined(separator: "->") + "->没有->" + keys[0]
        // act
        let parsed = FlowchartParser.parse(text)
        // verify: each edge at its source piece's column, as counted over the characters before it
        var column = 1
        var expected: [String: Int] = [:]
        for key in keys {
            expected[key] = column
            column += key.unicodeScalars.count + 2
        }
        let line = n + 1
        for edge in parsed.graph.edges where edge.from != keys[n - 1] {
            #expect(edge.position == SourcePosition(line: line, column: expected[edge.from]!), "\(edge.from)")
        }
        // the undefined piece near the end, and the edge back to the first node after it
        let undefined = try #require(parsed.diagnostics.first { $0.message.contains("没有") })
        #expect(undefined.position == SourcePosition(line: line, column: column))
        #expect(parsed.graph.edge(from: keys[n - 1], branch: .next)?.position == SourcePosition(line: line, column: expected[keys[n - 1]]!))
    }

    @Test func deepChainDoesNotOverflowTheStack() {
        let n = 20_000
        let text = (0..<n).map { "n\($0)=>operation: \($0)" }.joined(separator: "\n") + "\n"
            + (0..<n).map { "n\($0)" }.joined(separator: "->")
        let parsed = FlowchartParser.parse(text)
        #expect(parsed.graph.edges.count == n - 1)
        #expect(parsed.diagnostics.isEmpty)
    }
}

/// SplitMix64: a tiny seeded generator, so every run tries the same inputs.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
