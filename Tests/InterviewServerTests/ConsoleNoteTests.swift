import Foundation
import InterviewCore
@testable import InterviewServer
import Testing

/// A Mermaid note tied to a question or gate reaches the console with that step, so the page shows it
/// beside the question (`appendNote` in console.js), and never as a question of its own.
@Suite("Live console: the guide's notes beside their questions")
struct ConsoleNoteTests {
    @Test func theConsoleGuideCarriesEachNoteByItsStepAndAsksNone() throws {
        // setup
        let markdown = """
        # G
        ### 1.Tech
        #### 1.1 Python
        ```mermaid
        flowchart TD
          s([Start]) --> q1[Explain the GIL]
          q1 --> g{Go deeper?}
          g -->|yes| q2[Threads or processes?]
          g -->|no| e([End])
          q2 --> e
          n1@{ shape: braces, label: "Move to 3.2 if they mention asyncio" } -.- q1
          n2@{ shape: comment, label: "Only if time allows" } -.- g
        ```
        """
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act
        let console = ConsoleGuide(guide, hash: "h")
        let topic = try #require(console.stages.first?.topics.first)
        // verify
        #expect(topic.notes == ["q1": "Move to 3.2 if they mention asyncio", "g": "Only if time allows"])
        #expect(topic.questionOrder == ["q1", "q2"])
        #expect(topic.questions["n1"] == nil && topic.questions["n2"] == nil)
        let json = String(decoding: try JSONEncoder().encode(console), as: UTF8.self)
        #expect(json.contains("\"notes\":{"))
    }
}
