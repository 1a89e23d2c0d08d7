import Testing
@testable import Flowchart

/// The plain definition path reads labels sixteen bytes at a time with an overlapping last load, and
/// makes their Strings without validating again, trusting its own ASCII check (issue 2). A wrong ASCII
/// flag would show in `count` and comparisons; a missed marker in the label's tail would change the node.
@Suite("Parser: plain labels of every length")
struct PlainLabelTests {
    @Test(arguments: [1, 7, 15, 16, 17, 24, 31, 32, 33, 47])
    func labelsKeepTheirTextAndCharacters(length: Int) {
        for nonASCIIAt in [nil, 0, length / 2, length - 1] as [Int?] {
            // setup
            var label = String(repeating: "a", count: length)
            if let at = nonASCIIAt {
                label = String(label.prefix(at)) + "题" + String(label.dropFirst(at + 1))
            }
            // act
            let node = FlowchartParser.parse("op=>operation: \(label)\ne=>end\nop->e").graph.node("op")
            // verify
            #expect(node?.text == label)
            #expect(node?.text.count == label.count)
            #expect(node?.text.utf8.count == label.utf8.count)
            #expect(node?.text.hashValue == label.hashValue)
        }
    }

    @Test(arguments: [1, 15, 16, 17, 31, 33])
    func aBarInTheLastBytesStillMakesAFlowstate(length: Int) {
        // setup
        let text = String(repeating: "b", count: length)
        // act
        let node = FlowchartParser.parse("op=>operation: \(text)|past\ne=>end\nop->e").graph.node("op")
        // verify
        #expect(node?.text == text)
        #expect(node?.flowstate == "past")
    }
}

/// Labels with ':' and '=' stay on the plain path unless one starts a marker (issue 16); either way the
/// node is the one the general reading makes.
@Suite("Parser: ':' and '=' in plain labels")
struct PlainLabelMarkerTests {
    @Test(arguments: [0, 1, 14, 15, 16, 17, 30])
    func aColonOrEqualsSignAloneIsText(at offset: Int) {
        for mark in [":", "=", ": ", " = ", "::", "==", ":=", "=:"] {
            // setup
            let label = String(repeating: "a", count: offset) + mark + "题b"
            // act
            let parsed = FlowchartParser.parse("op=>operation: \(label)\ne=>end\nop->e")
            // verify
            let node = parsed.graph.node("op")
            #expect(node?.text == label)
            #expect(node?.text.count == label.count)
            #expect(node?.function == nil && node?.url == nil)
            #expect(parsed.diagnostics.isEmpty)
        }
    }

    @Test(arguments: [0, 1, 14, 15, 16, 17, 30])
    func aMarkerStillEndsTheLabel(at offset: Int) {
        // setup
        let head = String(repeating: "a", count: offset) + "x=1"
        // act
        let function = FlowchartParser.parse("op=>operation: \(head):$fn\ne=>end\nop->e").graph.node("op")
        let url = FlowchartParser.parse("op=>operation: \(head):>http://u\ne=>end\nop->e").graph.node("op")
        let arrow = FlowchartParser.parse("op=>operation: \(head)=>x\ne=>end\nop->e")
        // verify
        #expect(function?.text == head && function?.function == "fn")
        #expect(url?.text == head && url?.url == "http://u")
        #expect(arrow.graph.node("op")?.text == head)
        #expect(arrow.diagnostics.map(\.code) == [.arrowInLabel])
    }

    @Test func aMarkByteLastInTheLabelIsText() {
        for label in ["a:", "a=", String(repeating: "b", count: 20) + ":"] {
            // act
            let node = FlowchartParser.parse("op=>operation: \(label)\ne=>end\nop->e").graph.node("op")
            // verify
            #expect(node?.text == label)
        }
    }
}
