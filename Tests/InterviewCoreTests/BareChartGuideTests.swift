import Flowchart
import Foundation
import Testing
@testable import InterviewCore

/// A chart file with no Markdown around it, read as a guide: `guide show` printed an empty guide with
/// "1 error, run lint" where lint found none, and `run` had nothing to ask (a probe).
@Suite("A bare chart file as a guide")
struct BareChartGuideTests {
    private func load(_ text: String, named name: String) throws -> ImportedGuide {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try GuideImporter.load(path: path)
    }

    @Test func aMermaidFileIsAGuideOfOneTopic() throws {
        // act
        let imported = try load("flowchart TD\n  st([Start]) --> q1[What is X?]\n  q1 --> e([End])\n", named: "bare.mmd")
        // verify
        #expect(imported.errors.isEmpty, "\(imported.diagnostics)")
        #expect(imported.guide.topics.count == 1)
        #expect(imported.guide.topics.first?.questions.map(\.text) == ["What is X?"])
    }

    @Test func itsFindingsAreAtTheFilesOwnLines() throws {
        // act: line 3 links to a node defined nowhere
        let imported = try load("st=>start: Start\nop1=>operation: Q1\nst->op1->op9\n", named: "chart.flow")
        // verify
        #expect(imported.guide.topics.first?.questions.map(\.id) == ["op1"])
        let lines = imported.diagnostics.map(\.diagnostic.position.line)
        #expect(!lines.isEmpty && lines.allSatisfy { $0 == 3 }, "\(imported.diagnostics.map(\.diagnostic))")
    }
}
