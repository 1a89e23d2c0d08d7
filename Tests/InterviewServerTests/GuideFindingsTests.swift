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
        #expect(source.lines[6].findings.first?.severity == "error")
    }

    @Test func findingsAreInChineseOnChinesePages() {
        let source = GuidePresentation.annotatedSource(markdown, language: .zh)
        let messages = source.lines.flatMap(\.findings).map(\.message)
        #expect(messages == ["7:6 错误: 未知的节点类型 'opeartion'——是不是想写 'operation'？ [unknown-type] [位于 3.1 Python]"])
        // The class the page styles by stays the same word in both languages.
        #expect(source.lines[6].findings.first?.severity == "error")
    }
}
