import Testing
@testable import Flowchart

@Suite("Parser: diagnostics and recovery")
struct DiagnosticTests {
    @Test func unknownTypeSuggestsTheNearestAndRecovers() throws {
        // act
        let g = FlowchartParser.parse("st=>start: S\nop3=>opeartion: 什么是cookie\ne=>end\nst->op3->e")
        // verify
        let d = try #require(g.first(.unknownType))
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(line: 2, column: 6))
        #expect(d.message.contains("did you mean 'operation'?"))
        #expect(d.fix?.replacement == "operation")
        #expect(d.fix?.start == SourcePosition(line: 2, column: 6))
        #expect(d.fix?.end == SourcePosition(line: 2, column: 15))
        #expect(g.graph.node("op3")?.type == .operation)
        #expect(g.edgeList == ["st-next->op3", "op3-next->e"])
    }

    @Test func unknownTypeWithoutAGuessListsTheTypes() {
        let g = FlowchartParser.parse("x=>banana: B")
        #expect(g.first(.unknownType)?.message.contains("start, end, operation") == true)
        #expect(g.first(.unknownType)?.fix == nil)
    }

    @Test func aliasFromOtherToolsIsSuggested() {
        let g = FlowchartParser.parse("x=>decision: ok?")
        #expect(g.first(.unknownType)?.fix?.replacement == "condition")
        #expect(g.graph.node("x")?.type == .condition)
    }

    @Test func missingSpaceAfterColon() throws {
        let g = FlowchartParser.parse("op=>operation:Text\nst=>start\nst->op")
        let d = try #require(g.first(.missingSpaceAfterColon))
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(line: 1, column: 14))
        #expect(d.fix == Fix(start: .init(line: 1, column: 15), end: .init(line: 1, column: 15), replacement: " "))
        #expect(g.graph.node("op")?.type == .operation)
        #expect(g.graph.node("op")?.text == "Text")
        #expect(!g.codes.contains(.unknownType))
    }

    @Test func spacesAroundDefinitionArrow() throws {
        let g = FlowchartParser.parse("st => start: S\ne=>end\nst->e")
        let d = try #require(g.first(.spacesAroundArrow))
        #expect(d.position == SourcePosition(line: 1, column: 3))
        #expect(d.fix?.replacement == "=>")
        #expect(g.graph.node("st")?.type == .start)
        #expect(g.edgeList == ["st-next->e"])
    }

    @Test func spacesAroundLinkArrow() throws {
        let g = FlowchartParser.parse("st=>start: S\ne=>end\nst -> e")
        let d = try #require(g.first(.spacesAroundArrow))
        #expect(d.position == SourcePosition(line: 3, column: 3))
        #expect(d.fix?.replacement == "st->e")
        #expect(g.edgeList == ["st-next->e"])
    }

    @Test func undefinedNodeInTheMiddleIsSkippedSoTheChainStaysLinked() throws {
        let g = FlowchartParser.parse("a=>operation: A\nc=>operation: C\na->b->c")
        let d = try #require(g.first(.undefinedNode))
        #expect(d.position == SourcePosition(line: 3, column: 4))
        #expect(d.message.contains("fails"))
        #expect(g.edgeList == ["a-next->c"])
    }

    @Test func undefinedLastNodeIsSilentlyDroppedByFlowchartJS() {
        let g = FlowchartParser.parse("a=>operation: A\na->zzz")
        #expect(g.first(.undefinedNode)?.message.contains("silently drops") == true)
        #expect(g.graph.edges.isEmpty)
    }

    @Test func nearMissKeyIsSuggested() {
        let g = FlowchartParser.parse("cond1=>condition: ?\na=>operation: A\nb=>operation: B\ncnod1(yes)->a\ncond1(no)->b\ncond1(yes)->b")
        #expect(g.first(.undefinedNode)?.message.contains("did you mean 'cond1'?") == true)
    }

    @Test func forwardReferenceIsReportedAndResolved() throws {
        let g = FlowchartParser.parse("st=>start: S\nst->op\nop=>operation: later")
        let d = try #require(g.first(.forwardReference))
        #expect(d.position == SourcePosition(line: 2, column: 5))
        #expect(d.message.contains("line 3"))
        #expect(g.edgeList == ["st-next->op"])
    }

    @Test func brokenArrowSuggestsTheArrowAndKeepsTheChain() throws {
        let g = FlowchartParser.parse("op6=>operation: six\nop7=>operation: seven\ne=>end\nop6-op7->e")
        let d = try #require(g.first(.brokenArrow))
        #expect(d.message.contains("'op6-op7' is not a node — did you mean 'op6->op7'?"))
        #expect(d.fix == Fix(start: .init(line: 4, column: 4), end: .init(line: 4, column: 5), replacement: "->"))
        #expect(g.edgeList == ["op6-next->op7", "op7-next->e"])
    }

    /// `=>` typed for `->` in a line of links: read as links, with the arrow named and fixed (read as a
    /// definition, the chain was lost behind six findings that never said "->").
    @Test func aDefinitionArrowInALineOfLinksIsABrokenArrow() throws {
        let g = FlowchartParser.parse("st=>start: S\nop1=>operation: One\nop2=>operation: Two\ncond1=>condition: Deeper?\ne=>end\nst->op1->op2=>cond1\ncond1(yes)->e\ncond1(no)->e")
        let d = try #require(g.first(.brokenArrow))
        #expect(d.message.contains("'op2=>cond1' is not a node — did you mean 'op2->cond1'?"))
        #expect(d.fix == Fix(start: .init(line: 6, column: 13), end: .init(line: 6, column: 15), replacement: "->"))
        #expect(g.edgeList.contains("st-next->op1") && g.edgeList.contains("op2-next->cond1"))
        #expect(g.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    /// `operation： text`, a Chinese input method's colon: one error with its fix, and the label kept.
    @Test func aFullWidthColonAfterTheTypeKeepsTheLabel() throws {
        let g = FlowchartParser.parse("st=>start\nop=>operation： 列表和元组的区别（可变性）\nst->op")
        let d = try #require(g.first(.missingSpaceAfterColon))
        #expect(d.position == SourcePosition(line: 2, column: 14))
        #expect(d.fix == Fix(start: .init(line: 2, column: 14), end: .init(line: 2, column: 16), replacement: ": "))
        #expect(g.graph.node("op")?.type == .operation && g.graph.node("op")?.text == "列表和元组的区别（可变性）")
        #expect(!g.codes.contains(.unknownType))
    }

    @Test func unicodeArrowIsABrokenArrowToo() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\nst=>start\nst->a→b")
        #expect(g.first(.brokenArrow)?.fix?.replacement == "->")
        #expect(g.edgeList == ["st-next->a", "a-next->b"])
    }

    @Test func fullWidthParenthesesAreReadAsMeantWithAFix() throws {
        // setup: what a Chinese input method types: both full-width, or one of each
        let head = "st=>start\ncond1=>condition: 深入?\nop=>operation: 问题\ne=>end\nst->cond1\ncond1(yes)->op->e\n"
        for (written, meant) in [("cond1（no）->e", "cond1(no)"), ("cond1（no)->e", "cond1(no)"), ("cond1(no）->e", "cond1(no)")] {
            // act
            let g = FlowchartParser.parse(head + written)
            // verify: one finding with the fix, and the gate has its no branch (no "no 'no' branch" warning)
            let d = try #require(g.first(.fullWidthSyntax), "\(written)")
            #expect(d.severity == .error)
            #expect(d.fix?.replacement == meant, "\(written)")
            #expect(d.text.zh.contains("全角括号"))
            #expect(!g.codes.contains(.undefinedNode) && !g.codes.contains(.unknownBranch), "\(written): \(g.codes)")
            #expect(g.edgeList.contains("cond1-no->e"), "\(written): \(g.edgeList)")
        }
    }

    @Test func emptyLinkPiece() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\na->->b\na->")
        #expect(g.codes.filter { $0 == .emptyLink }.count == 2)
        #expect(g.edgeList == ["a-next->b"])
    }

    @Test func duplicateKeyLastDefinitionWins() throws {
        let g = FlowchartParser.parse("a=>operation: first\na=>operation: second\nst=>start\nst->a")
        let d = try #require(g.first(.duplicateKey))
        #expect(d.position == SourcePosition(line: 2, column: 1))
        #expect(d.message.contains("line 1"))
        #expect(g.graph.node("a")?.text == "second")
        #expect(g.graph.nodes.count == 2)
    }

    @Test func conditionMissingABranch() throws {
        let g = FlowchartParser.parse("st=>start\nc=>condition: ?\ne=>end\nst->c\nc(yes)->e")
        let d = try #require(g.first(.conditionMissingBranch))
        #expect(d.severity == .warning)
        #expect(d.message.contains("'no'"))
    }

    @Test func nodeDefinedButNeverLinked() throws {
        let g = FlowchartParser.parse("st=>start\nop9=>operation: lonely\ne=>end\nst->e")
        let d = try #require(g.first(.unlinkedNode))
        #expect(d.position == SourcePosition(line: 2, column: 1))
        #expect(d.message.contains("'op9'"))
        #expect(!g.codes.contains(.unreachableNode))
    }

    @Test func nodeLinkedButUnreachable() throws {
        let g = FlowchartParser.parse("st=>start\na=>operation: A\nb=>operation: B\ne=>end\nst->e\na->b")
        #expect(g.diagnostics.filter { $0.code == .unreachableNode }.map(\.message).count == 2)
        #expect(!g.codes.contains(.unlinkedNode))
    }

    @Test func invalidStyleJSONPointsAtTheMistake() throws {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\na->b\na@>b({stroke:\"red\"})")
        let d = try #require(g.first(.invalidStyle))
        #expect(d.position == SourcePosition(line: 4, column: 7))
        #expect(d.message.contains("quoted key"))
    }

    @Test func styleOnALineThatDoesNotExist() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\nst=>start\nst->a\nst->b\na@>b({\"stroke\":\"red\"})")
        #expect(g.codes.contains(.styleWithoutLine))
    }

    @Test func pipeInsideALabelIsCut() throws {
        let g = FlowchartParser.parse("st=>start\nop=>operation: read a | write b\nst->op")
        let d = try #require(g.first(.pipeInLabel))
        #expect(d.position == SourcePosition(line: 2, column: 23))
        #expect(d.fix?.replacement == "｜")
        // Same graph as flowchart.js: the label is cut.
        #expect(g.graph.node("op")?.text == "read a ")
        #expect(g.graph.node("op")?.flowstate == "write b")
    }

    @Test func secondDefinitionArrowLosesText() throws {
        let g = FlowchartParser.parse("st=>start\nop=>operation: map a=>b\nst->op")
        let d = try #require(g.first(.arrowInLabel))
        #expect(d.position == SourcePosition(line: 2, column: 21))
        #expect(g.graph.node("op")?.text == "map a")
    }

    @Test func commentGluedIntoALabel() throws {
        let g = FlowchartParser.parse("st=>start\nop=>operation: A\n# not a comment in flowchart.js\ne=>end\nst->op->e")
        let d = try #require(g.first(.commentLine))
        #expect(d.severity == .warning)
        #expect(d.position == SourcePosition(line: 3, column: 1))
        #expect(g.graph.node("op")?.text == "A")
    }

    @Test func commentAfterALinkBreaksItInFlowchartJS() throws {
        let g = FlowchartParser.parse("st=>start\ne=>end\nst->e\n// done")
        let d = try #require(g.first(.commentLine))
        #expect(d.severity == .error)
        #expect(d.message.contains("line 3"))
        #expect(g.edgeList == ["st-next->e"])
    }

    @Test func strayTextAfterALinkLine() {
        let g = FlowchartParser.parse("st=>start\ne=>end\nst->e\noops")
        #expect(g.first(.ignoredLine)?.severity == .error)
        #expect(g.edgeList == ["st-next->e"])
    }

    @Test func firstLineThatIsNothingIsDropped() {
        let g = FlowchartParser.parse("hello\nst=>start\ne=>end\nst->e")
        #expect(g.first(.ignoredLine)?.position == SourcePosition(line: 1, column: 1))
        #expect(g.graph.nodes.count == 2)
    }

    @Test func branchNamesAreExact() throws {
        let g = FlowchartParser.parse("c=>condition: ?\na=>operation: A\nb=>operation: B\nc(Yes)->a\nc(no , right)->b")
        let messages = g.diagnostics.filter { $0.code == .unknownBranch }
        #expect(messages.count == 2)
        #expect(g.edgeList == ["c-yes->a", "c-no->b"])
    }

    @Test func trueWithADirectionIsNotYes() {
        let g = FlowchartParser.parse("c=>condition: ?\na=>operation: A\nb=>operation: B\nc(true, right)->a\nc(no)->b")
        #expect(g.first(.unknownBranch)?.fix?.replacement == "yes")
    }

    @Test func unknownDirection() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\na(rigth)->b")
        #expect(g.first(.unknownDirection)?.message.contains("did you mean 'right'?") == true)
        #expect(g.graph.edge(from: "a", branch: .next)?.direction == .right)
    }

    @Test func yesOnAnOperationIsIgnoredByFlowchartJS() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B\na(yes)->b")
        #expect(g.first(.branchOnWrongType) != nil)
        #expect(g.edgeList == ["a-next->b"])
    }

    @Test func plainLinkFromAConditionTakesTheFreeBranch() {
        let g = FlowchartParser.parse("c=>condition: ?\na=>operation: A\nb=>operation: B\nc(yes)->a\nc->b")
        #expect(g.first(.branchOnWrongType)?.message.contains("c(no)") == true)
        #expect(g.edgeList == ["c-yes->a", "c-no->b"])
    }

    @Test func noLinksMeansNothingIsDrawn() {
        let g = FlowchartParser.parse("a=>operation: A\nb=>operation: B")
        #expect(g.codes == [.noLinks])
    }

    @Test func emptyKey() {
        let g = FlowchartParser.parse("=>operation: A")
        #expect(g.codes == [.emptyKey])
        #expect(g.graph.nodes.isEmpty)
    }

    @Test func errorsDoNotStopTheRestOfTheChart() {
        // Every line has a different mistake; every good node and link still comes out.
        let text = """
        st=>start: S
        a=>opertion: A
        b=>operation:B
        c=>condition: C?
        d=>operation: D
        e=>end
        st->a->b->c
        c(yes)->d-e
        c(nope)->e
        """
        let g = FlowchartParser.parse(text)
        #expect(g.errors.count >= 4)
        #expect(g.graph.nodes.count == 6)
        #expect(g.edgeList.contains("c-yes->d"))
        #expect(g.edgeList.contains("d-next->e"))
        #expect(g.graph.start == "st")
    }
}
