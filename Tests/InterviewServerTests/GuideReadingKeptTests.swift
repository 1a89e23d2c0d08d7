import Fluent
import Foundation
import InterviewCore
@testable import InterviewServer
import Testing
import VaporTesting

/// A guide version is the guide as read when it was saved: an InterviewFlow that reads the same Markdown
/// differently later (a gate label, a note, a start box — this stop changed all three) must not change
/// what recorded interviews walk, or their events no longer replay and their pages answer 500 (a review).
@Suite("Guide versions keep the reading they were saved with")
struct GuideReadingKeptTests {
    @Test func theConsoleReadsTheKeptGuideNotTheTextReadAgain() async throws {
        try await withApp { app in
            // setup: a saved version, whose text is then read differently (stood in for by new text)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let saved = try #require(try await GuideVersion.find(version.id, on: app.db))
            #expect(saved.guideJSON != nil)
            saved.markdown = "# Another guide\n\n## 1. Only stage\n"
            try await saved.save(on: app.db)
            // act
            let loaded = LoadedGuide(saved)
            // verify: the guide the hash names, not what the text reads as now
            #expect(loaded.guide.contentHash == saved.contentHash)
            #expect(loaded.guide.title != "Another guide")
        }
    }

    @Test func versionsSavedBeforeKeepTodaysReadingOnlyWhereItIsTheirs() async throws {
        try await withApp { app in
            // setup: two versions as an earlier InterviewFlow left them (no reading kept); the second's
            // text now reads to another guide than its hash names
            let (_, first) = try await TestData.anyGuideVersion(app)
            let same = try #require(try await GuideVersion.find(first.id, on: app.db))
            same.guideJSON = nil
            try await same.save(on: app.db)
            let drifted = GuideVersion(guideID: same.$guide.id, contentHash: "0" + String(same.contentHash.dropFirst()),
                                       markdown: same.markdown, guideJSON: nil, authorID: nil)
            try await drifted.save(on: app.db)
            // act
            let kept = try await M020_KeepGuideReadings.keepReadings(on: app.db)
            // verify
            #expect(kept == 1)
            let after = try #require(try await GuideVersion.find(same.id, on: app.db))
            let json = try #require(after.guideJSON)
            #expect(try JSONDecoder().decode(Guide.self, from: Data(json.utf8)).contentHash == after.contentHash)
            #expect(try await GuideVersion.find(drifted.id, on: app.db)?.guideJSON == nil)
        }
    }
}
