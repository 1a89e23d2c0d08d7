import Flowchart
import Testing
@testable import InterviewCore

/// Headings underlined with `===`/`---` were dropped without a word: the guide lost its title and its
/// stages (a probe). Each is said, with the `#` line as its fix.
@Suite("Underlined headings")
struct SetextHeadingTests {
    static let guide = """
    Guide Title
    ===========

    1.Stage one (required)
    ----------------------

    ### 1.1 Topic A
    ```flow
    st=>start: Start
    op1=>operation: What is X?(an x)
    e=>end
    st->op1->e
    ```

    - a list item
    ---

    ```python
    x = 1
    =====
    ```

    | a | b |
    |---|---|
    """

    @Test func eachUnderlinedHeadingIsSaidWithItsFix() throws {
        // act
        let found = GuideImporter.importMarkdown(Self.guide).diagnostics.filter { $0.diagnostic.code == .setextHeading }
        // verify: the title and the stage, nothing under a list item, in code or in a table
        #expect(found.map(\.diagnostic.position.line) == [1, 4])
        let title = try #require(found.first?.diagnostic)
        #expect(title.severity == .warning)
        #expect(title.fix?.replacement == "# Guide Title" && title.fix?.end == SourcePosition(line: 2, column: 12))
        #expect(found[1].diagnostic.fix?.replacement == "## 1.Stage one (required)")
        #expect(title.text.zh.contains("请写成 '# Guide Title'"))
    }

    @Test func theSeedAndTheBundledGuidesHaveNone() {
        var texts = BundledGuides.all.compactMap { BundledGuides.markdown(id: $0.id, language: $0.language) }
        if SeedGuide.isAvailable { texts.append(SeedGuide.text) }
        for text in texts {
            #expect(!GuideImporter.importMarkdown(text).diagnostics.contains { $0.diagnostic.code == .setextHeading })
        }
    }
}
