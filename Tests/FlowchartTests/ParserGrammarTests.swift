import Testing
@testable import Flowchart

@Suite("Parser: the flowchart.js grammar")
struct ParserGrammarTests {
    @Test func everyNodeTypeIsDefined() {
        // setup
        let types = NodeType.allCases.map(\.rawValue)
        let text = types.enumerated().map { "n\($0.offset)=>\($0.element): label \($0.offset)" }.joined(separator: "\n")
            + "\nn0->n1"
        // act
        let parsed = FlowchartParser.parse(text)
        // verify
        #expect(parsed.graph.nodes.map(\.type.rawValue) == types)
        #expect(parsed.graph.nodes[2].text == "label 2")
        #expect(!parsed.codes.contains(.unknownType))
    }

    @Test func startAndEndDefaultTheirText() {
        let parsed = FlowchartParser.parse("st=>start\ne=>end\nst->e")
        #expect(parsed.graph.node("st")?.text == "Start")
        #expect(parsed.graph.node("e")?.text == "End")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func parametersFlowstateURLAndFunction() {
        // setup
        let text = """
        st=>start: Go:>http://example.com/a[blank]
        cond(align-next=no)=>condition: Ready?|approved
        op=>operation: Do it|past:>http://example.com/b
        sub=>subroutine: Call:$onClick
        e=>end:>http://example.com/end
        st->cond
        cond(yes)->op->sub->e
        cond(no)->e
        """
        // act
        let g = FlowchartParser.parse(text)
        // verify
        #expect(g.diagnostics.isEmpty)
        #expect(g.graph.node("st")?.url == "http://example.com/a")
        #expect(g.graph.node("st")?.urlTarget == "blank")
        #expect(g.graph.node("st")?.text == "Go")
        #expect(g.graph.node("cond")?.parameters == ["align-next": "no"])
        #expect(g.graph.node("cond")?.flowstate == "approved")
        #expect(g.graph.node("cond")?.text == "Ready?")
        #expect(g.graph.node("op")?.flowstate == "past")
        #expect(g.graph.node("op")?.url == "http://example.com/b")
        #expect(g.graph.node("sub")?.function == "onClick")
        #expect(g.graph.node("e")?.url == "http://example.com/end")
        #expect(g.graph.node("e")?.text == "End")
    }

    @Test func chainsBranchesLabelsAndDirections() {
        // setup
        let text = """
        st=>start: S
        c=>condition: C?
        p=>parallel: P
        a=>operation: A
        b=>operation: B
        d=>operation: D
        e=>end
        st(right)->c
        c(yes@Sure, right)->p
        c(no@Nope)->e
        p(path1, bottom)->a->e
        p(path2, right)->b->e
        p(path3)->d(left)->e
        """
        // act
        let g = FlowchartParser.parse(text)
        // verify
        #expect(g.diagnostics.isEmpty)
        #expect(g.graph.start == "st")
        #expect(g.edgeList == ["st-next->c", "c-yes->p", "c-no->e", "p-path1->a", "a-next->e", "p-path2->b", "b-next->e", "p-path3->d", "d-next->e"])
        #expect(g.graph.edge(from: "st", branch: .next)?.direction == .right)
        #expect(g.graph.edge(from: "c", branch: .yes)?.label == "Sure")
        #expect(g.graph.edge(from: "c", branch: .yes)?.direction == .right)
        #expect(g.graph.edge(from: "c", branch: .no)?.label == "Nope")
        #expect(g.graph.edge(from: "p", branch: .path1)?.direction == .bottom)
        #expect(g.graph.edge(from: "d", branch: .next)?.direction == .left)
    }

    @Test func trueAndFalseMeanYesAndNoWhenAlone() {
        let g = FlowchartParser.parse("c=>condition: ?\na=>operation: a\nb=>operation: b\nc(true)->a\nc(false)->b")
        #expect(g.edgeList == ["c-yes->a", "c-no->b"])
        #expect(g.diagnostics.isEmpty)
    }

    @Test func startIsTheFirstNodeOfTheFirstLinkLine() {
        let g = FlowchartParser.parse("st=>start: S\nop=>operation: O\ne=>end\nop->e\nst->op")
        #expect(g.graph.start == "op")
    }

    @Test func lineStylesSetTheStyleOfExistingLines() {
        // setup
        let text = "st=>start: S\nop=>operation: O\ne=>end\nst->op->e\nst@>op({\"stroke\":\"Red\",\"stroke-width\":3})@>e({\"stroke\":\"#00f\"})"
        // act
        let g = FlowchartParser.parse(text)
        // verify
        #expect(g.diagnostics.isEmpty)
        #expect(g.graph.edge(from: "st", branch: .next)?.style == ["stroke": "Red", "stroke-width": "3"])
        #expect(g.graph.edge(from: "op", branch: .next)?.style == ["stroke": "#00f"])
    }

    @Test func continuationLinesJoinTheLabel() {
        // setup: the second and third lines have no arrow, so they continue the label.
        let text = "st=>start: S\nop=>operation: first line\nsecond line\n\nthird\ne=>end\nst->op->e"
        // act
        let g = FlowchartParser.parse(text)
        // verify
        #expect(g.graph.node("op")?.text == "first line\nsecond line\n\nthird")
        #expect(g.diagnostics.isEmpty)
    }

    @Test func backslashNewlineIsANewlineInsideTheLabel() {
        let g = FlowchartParser.parse("st=>start: S\nop=>operation: one\\\ntwo->x\ne=>end\nst->op->e")
        // The backslash keeps `two->x` inside the label instead of making it a link line.
        #expect(g.graph.node("op")?.text == "one\ntwo->x")
        #expect(g.edgeList == ["st-next->op", "op-next->e"])
    }

    @Test func crlfLineEndingsReadLikeLF() {
        let g = FlowchartParser.parse("st=>start: S\r\nop=>operation: O\r\nmore\r\ne=>end\r\nst->op->e\r\n")
        #expect(g.graph.node("st")?.text == "S")
        #expect(g.graph.node("op")?.text == "O\nmore")
        #expect(g.edgeList == ["st-next->op", "op-next->e"])
        #expect(g.diagnostics.isEmpty)
    }

    @Test func lastAssignmentToABranchWins() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\nc=>operation: C\na->b\na->c")
        #expect(g.edgeList == ["a-next->c"])
        #expect(g.first(.branchReassigned)?.position == SourcePosition(line: 5, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() {
        let g = FlowchartParser.parse("问题=>operation: 中文\n问题->缺失")
        let d = g.first(.undefinedNode)
        #expect(d?.position == SourcePosition(line: 2, column: 5))
    }

    @Test func firstLineOffsetsPositions() {
        let g = FlowchartParser.parse("\n\nst=>start: S\nst->nowhere", firstLine: 20)
        #expect(g.first(.undefinedNode)?.position == SourcePosition(line: 23, column: 5))
        #expect(g.graph.node("st")?.position == SourcePosition(line: 22, column: 1))
    }

    @Test func aTextAfterColonWithoutSpaceInURLTypeIsNotAMissingSpace() {
        let g = FlowchartParser.parse("e=>end:>http://x.org[_top]\nst=>start\nst->e")
        #expect(g.diagnostics.isEmpty)
        #expect(g.graph.node("e")?.urlTarget == "_top")
    }
}
