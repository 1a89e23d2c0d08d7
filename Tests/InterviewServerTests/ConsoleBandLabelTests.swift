import Foundation
import InterviewCore
@testable import InterviewServer
import Testing

@Suite("Console: the score's band as readers of the API see it")
struct ConsoleBandLabelTests {
    /// A guide without bands of its own gets the defaults, whose stored labels hold both languages
    /// ("待定 Lean no"); the API said that to an English guide's reader (a probe found it) while every
    /// page said "Lean no".
    @Test func theDefaultBandIsSaidInTheGuidesLanguage() throws {
        // setup: the short English guide (no bands of its own), walked by a simulated interview
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interviewTests/Fixtures/run-short-guide.md")
        let version = GuideVersion(guideID: UUID(), contentHash: "h", markdown: try String(contentsOf: url, encoding: .utf8), guideJSON: nil, authorID: nil)
        let loaded = LoadedGuide(version)
        var random = SimulationRandom(seed: 3)
        let events = try InterviewSimulator.interview(loaded.guide, candidate: .init(id: "c", logit: 0), interviewer: .init(id: "i", logit: 0),
                                                      difficulty: { _ in 0 }, rating: .evenlySpaced(maximum: loaded.guide.scale.maximum),
                                                      start: Date(timeIntervalSince1970: 0), random: &random)
        let record = ScorecardRecord(interviewID: UUID(), interviewerID: UUID())
        record.id = UUID()
        // act
        let view = ConsoleView(loaded, engine: try SessionEngine(guide: loaded.guide, replaying: events), card: CardState(record))
        // verify
        let band = try #require(view.summary.band)
        #expect(RecommendationBand.defaults.contains { $0.id == view.summary.bandID })
        #expect(!band.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }
}
