import Foundation
import Testing
@testable import Flowchart

/// The whole output (graph, diagnostics, positions, fixes, both languages) for each chart of the Mermaid
/// corpus in Fixtures/mermaid, compared with the `.golden` file beside it, in the format of ParserGoldenTests.
/// To record after an intended change: `MERMAID_GOLDEN_WRITE=1 swift test --filter MermaidGolden`.
@Suite("Mermaid corpus parses as recorded") struct MermaidGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mermaid")

    static func corpus() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mmd") }.sorted()
        return try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func corpusHasThirtyCharts() throws {
        #expect(try Self.corpus().count >= 30)
    }

    @Test func everyChartParsesAsRecorded() throws {
        for (name, text) in try Self.corpus() {
            // act
            let dump = GoldenDump.text(MermaidParser.parse(text))
            // verify
            let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".mmd", with: ".golden"))
            if ProcessInfo.processInfo.environment["MERMAID_GOLDEN_WRITE"] != nil {
                try dump.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try String(contentsOf: golden, encoding: .utf8)
            #expect(dump == recorded, "\(name)")
        }
    }

    @Test func corpusChartsWithoutDeliberateMistakesHaveNoErrors() throws {
        // setup: the charts that exist to show findings
        let withMistakes: Set = ["24-gate-problems.mmd", "26-too-many.mmd", "27-errors.mmd", "28-docs-decision.mmd"]
        for (name, text) in try Self.corpus() where !withMistakes.contains(name) {
            // act
            let parsed = MermaidParser.parse(text)
            // verify
            #expect(parsed.errors.isEmpty, "\(name): \(parsed.errors)")
        }
    }
}
