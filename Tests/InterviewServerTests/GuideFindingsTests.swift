@testable import InterviewServer
import Testing

@Suite("The guide editor's findings, in the page's language")
struct GuideFindingsTests {
    private let markdown = """
    # 面试指南

    ## 3.1 Python

    ```flow
    st=>start: 开始
    op1=>opeartion: 解释 GIL
    e=>end: 结束
    st->op1->e
    ```
    """

    @Test func findingsAreInEnglishOnEnglishPages() {
        let source = GuidePresentation.annotatedSource(markdown, language: .en)
        let messages = source.lines.flatMap(\.findings).map(\.message)
        #expect(source.count == 1)
        #expect(messages == ["7:6 error: unknown node type 'opeartion' — did you mean 'operation'? [unknown-type] [in 3.1 Python]"])
        // Only the flagged line and the one before it, with the lines above left out
        #expect(source.lines.map(\.number) == [6, 7] && source.lines[0].gap && !source.lines[1].gap)
        #expect(source.lines[1].findings.first?.severity == "error")
    }

    /// A guide with thousands of findings shows the first 200 with their lines, not every line of it.
    @Test func aLargeGuideShowsItsFirstFindingsNotEveryLine() {
        // setup: 1,000 misspelt node types, each on a line of its own among 2,000 lines
        let nodes = (1...1000).map { "op\($0)=>opeartion: Q\($0)\nop\($0)b=>operation: R\($0)" }.joined(separator: "\n")
        let guide = "# G\n\n### 1. S\n\n#### 1.1 T\n\n```flow\nst=>start: S\n" + nodes + "\ne=>end: E\nst->e\n```\n"
        // act
        let source = GuidePresentation.annotatedSource(guide, language: .en)
        // verify
        #expect(source.count > 1000 && source.shown == GuidePresentation.shownLimit)
        #expect(source.lines.flatMap(\.findings).count == GuidePresentation.shownLimit)
        #expect(source.lines.count <= 2 * GuidePresentation.shownLimit)
    }

    @Test func findingsAreInChineseOnChinesePages() {
        let source = GuidePresentation.annotatedSource(markdown, language: .zh)
        let messages = source.lines.flatMap(\.findings).map(\.message)
        #expect(messages == ["7:6 错误：未知的节点类型 'opeartion'——是不是想写 'operation'？ [unknown-type] [位于 3.1 Python]"])
        // The class the page styles by stays the same word in both languages.
        #expect(source.lines[1].findings.first?.severity == "error")
    }
}
