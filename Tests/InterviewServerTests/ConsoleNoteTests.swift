import Foundation
import InterviewCore
@testable import InterviewServer
import Testing

/// A Mermaid note tied to a question or gate reaches the console with that step, so the page shows it
/// beside the question (`appendNote` in console.js), and never as a question of its own.
@Suite("Live console: the guide's notes beside their questions")
struct ConsoleNoteTests {
    @Test func theConsoleGuideCarriesEachNoteByItsStepAndAsksNone() throws {
        // setup: the engine's own guide with notes
        let markdown = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InterviewCoreTests/Fixtures/notes.md"), encoding: .utf8)
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act
        let console = ConsoleGuide(guide, hash: "h")
        let topic = try #require(console.stages.first?.topics.first)
        // verify
        #expect(topic.notes == ["q1": "Move to 3.2 if they mention asyncio\nNot a question either", "g": "Only if time allows"])
        #expect(topic.questionOrder == ["q1", "q2"])
        #expect(topic.questions["n1"] == nil && topic.questions["n2"] == nil && topic.questions["n3"] == nil)
        let json = String(decoding: try JSONEncoder().encode(console), as: UTF8.self)
        #expect(json.contains("\"notes\":{"))
    }
}
