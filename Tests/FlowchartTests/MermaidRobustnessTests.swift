import Testing
@testable import Flowchart

/// The Mermaid parser is total: any text gives a graph and findings, never a crash or a hang.
@Suite("Mermaid parser robustness", .timeLimit(.minutes(2))) struct MermaidRobustnessTests {
    static let fragments = ["flowchart", "graph", " TD", "\n", ";", " ", "A", "B", "问题", "-->", "---", "-.->", "==>", "~~~",
                            "--o", "<-->", "-- ", " -->", "|", "|yes|", "\"", "`", "[", "]", "(", ")", "{", "}", "[[", "]]",
                            "((", "))", ">", "[/", "/]", "[\\", "\\]", "@{", "shape:", "label:", ",", "&", ":::", "%%",
                            "subgraph", "end", "direction", "LR", "classDef", "class", "style", "click", "linkStyle", "0",
                            "accDescr", "{", "#quot;", "#35;", "<br>", "e1@", "o", "x", "\r\n", "\t", "🙂", "\u{3000}",
                            "【", "】", "（", "(-", "-)", "call", "f-circ", "braces", "text", "#0;", "没问题", "Start"]

    @Test func oddInputs() {
        let inputs = ["", "graph", "flowchart", "graph TD", "graph TD\n[", "graph TD\nA[", "graph TD\nA[\"", "graph TD\n-->",
                      "graph TD\nA--", "graph TD\nA@{", "graph TD\n(((", "graph TD\nA-->|", "graph TD\nsubgraph",
                      "graph TD\nend\nend", "graph TD\nA[#99999999999;]", "graph TD\nA e1@", "graph TD\naccDescr {",
                      "graph TD\nclick", "graph TD\nlinkStyle x", "graph TD\nA:::", "%%", "---\n", "graph TD\nA[\"`x"]
        for input in inputs {
            // act
            let parsed = MermaidParser.parse(input)
            // verify: read, with positions inside the text
            for d in parsed.diagnostics { #expect(d.position.line >= 1 && d.position.column >= 1, "\(input.debugDescription)") }
        }
    }

    @Test func anUnclosedSlantedLabelKeepsItsLastCharacterWhole() throws {
        // Found by fuzzing: `[\` with no closer on its line lost the line's last byte, which split `🙂`
        // (and made a malformed String that trapped when measured for drawing).
        for opener in ["[\\", "[/"] {
            let parsed = MermaidParser.parse("flowchart TD\n  j\(opener)lean 问题🙂\n  j --> k\n")
            let j = try #require(parsed.graph.nodes.first { $0.id == "j" })
            #expect(j.text == "lean 问题🙂", "\(opener)")
            #expect(parsed.diagnostics.contains { $0.code == .unclosedBracket })
            #expect(TextMetrics.wrap(j.text, maxWidth: 150, fontSize: 14) == ["lean 问题🙂"])
        }
    }

    @Test func tenThousandAmpersands() {
        // setup
        let text = "graph TD\nA" + String(repeating: " & A", count: 10_000) + " --> B" + String(repeating: " & B", count: 10_000)
        // act
        let parsed = MermaidParser.parse(text)
        // verify
        #expect(parsed.edgeList == ["A-next->B"])
    }

    @Test func tenThousandWayFork() {
        // setup
        let text = "graph TD\nA --> " + (0..<10_000).map { "n\($0)" }.joined(separator: " & ")
        // act
        let parsed = MermaidParser.parse(text)
        // verify
        #expect(parsed.graph.outgoing("A").count == 3)
        #expect(parsed.codes.contains(.tooManyBranches))
    }

    /// Forty groups of 300 chained by `&` stayed under a per-statement limit and made 3.5 million links from
    /// 113 KB (a security probe): the links `&` makes are bounded per chart.
    @Test func aChainOfLargeGroupsIsBoundedPerChart() {
        // setup
        // Eight groups of 150 (22,500 links a pair): past the budget at the first pair, and light enough to run
        // beside the server suites (forty of 300 made the test itself a load).
        let groups = (0..<8).map { g in (0..<150).map { "G\(g)N\($0)" }.joined(separator: " & ") }
        let text = "graph TD\nst([Start]) --> G0N0\n" + groups.joined(separator: " --> ")
        // act
        let parsed = MermaidParser.parse(text)
        // verify: the first pair of groups (22,500 links) is past the budget; nothing of the chain is built
        #expect(parsed.graph.edges.count <= MermaidReader.maxGroupLinksPerChart + 1)
        #expect(parsed.codes.contains(.tooManyBranches))
        #expect(parsed.diagnostics.contains { $0.text.en.contains("past 10000") })
    }

    @Test func deepSubgraphNesting() {
        // setup
        let depth = 5_000
        let text = "graph TD\n" + String(repeating: "subgraph s\n", count: depth) + "A --> B\n" + String(repeating: "end\n", count: depth) + "s --> C"
        // act
        let parsed = MermaidParser.parse(text)
        // verify
        #expect(parsed.errors.isEmpty)
        #expect(parsed.graph.edge(from: "B", branch: .next)?.to == "C")
    }

    /// Written back (every guide read stores its charts as text), each nested line was padded to its depth:
    /// 10,000 levels wrote 200 MB and took seconds (a probe). Padding stops at `deepestIndent` levels.
    @Test func deepNestingIsWrittenInLinearSpace() {
        // setup
        // 3,000 levels: padded to its depth, this wrote 18 MB; bounded, a few hundred KB.
        let depth = 3_000
        let text = "flowchart TD\nst([Start]) --> q0[Q0]\n" + (0..<depth).map { "subgraph s\($0)\n" }.joined()
            + "q1[Q1]\n" + String(repeating: "end\n", count: depth) + "q0 --> q1\n"
        let graph = MermaidParser.parse(text).graph
        // act
        let written = MermaidWriter.write(graph)
        // verify: no longer than the source with its widest padding, and the same groups back
        #expect(written.utf8.count < text.utf8.count + depth * 2 * MermaidWriter.deepestIndent * 4 + 1_000)
        #expect(MermaidParser.parse(written).graph.groups.count == depth)
    }

    @Test func randomTokenSoupNeverCrashes() {
        var rng = TestRandom(seed: 0x3E3)
        for _ in 0..<2_000 {
            // setup
            let text = (0..<rng.int(in: 0...50)).map { _ in Self.fragments[rng.int(in: 0...(Self.fragments.count - 1))] }.joined()
            // act
            let parsed = MermaidParser.parse(text)
            // verify: every edge joins nodes of the graph
            for edge in parsed.graph.edges {
                #expect(parsed.graph.node(edge.from) != nil && parsed.graph.node(edge.to) != nil, "\(text.debugDescription)")
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = TestRandom(seed: 0xB17E5)
        for _ in 0..<1_000 {
            // setup
            let bytes = (0..<rng.int(in: 0...200)).map { _ in UInt8(rng.int(in: 0...255)) }
            // act
            let parsed = MermaidParser.parse("graph LR\n" + String(decoding: bytes, as: UTF8.self))
            // verify
            #expect(parsed.graph.nodes.count <= bytes.count + 1)
        }
    }

    @Test(.timeLimit(.minutes(1))) func fiftyThousandUnclosedSubgraphs() {
        // Each one's finding looked for the end of the text from its own line: 50,000 took minutes.
        // setup
        let text = "graph TD\n" + String(repeating: "subgraph s\n", count: 50_000) + "A --> B\n"
        // act
        let parsed = MermaidParser.parse(text)
        // verify: each reported where it opens, with an `end` to append at the end of the text
        #expect(parsed.codes.filter { $0 == .unclosedSubgraph }.count == 50_000)
        #expect(parsed.first(.unclosedSubgraph)?.fix?.start == SourcePosition(line: 50_003, column: 1))
        #expect(parsed.edgeList == ["A-next->B"])
    }
}
