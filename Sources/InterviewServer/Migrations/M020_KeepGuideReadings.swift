import Fluent
import InterviewCore

/// Each guide version keeps the guide as it was read when saved (its canonical JSON, whose SHA-256 is
/// the version's content hash), so a later InterviewFlow that reads Markdown or Mermaid differently (a
/// gate label, a note, a start box) does not change what interviews recorded on it were walking: their
/// events replayed against a new reading failed ("not where the flowchart leads") and their pages
/// answered 500 (a review). Versions saved before this keep today's reading where it is still the one
/// they were saved with (the hashes agree); the others have no earlier reading to keep.
struct M020_KeepGuideReadings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuideVersion.schema).field("guide_json", .string).update()
        try await Self.keepReadings(on: database)
    }

    /// Keeps today's reading of each version without one where it is the reading it was saved with;
    /// returns how many were kept.
    @discardableResult
    static func keepReadings(on database: any Database) async throws -> Int {
        var kept = 0
        for version in try await GuideVersion.query(on: database).filter(\.$guideJSON == nil).all() {
            let guide = GuideImporter.importMarkdown(version.markdown, path: "guide.md").guide
            guard guide.contentHash == version.contentHash else { continue }
            version.guideJSON = String(decoding: guide.canonicalJSON(), as: UTF8.self)
            try await version.save(on: database)
            kept += 1
        }
        return kept
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuideVersion.schema).deleteField("guide_json").update()
    }
}
