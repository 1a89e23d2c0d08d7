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
