import Fluent
import Foundation
import InterviewCore
import Vapor

/// A guide in the library. Its text lives in versions; `current` is the one new interviews pin.
final class GuideRecord: Model, @unchecked Sendable {
    static let schema = "guides"

    @ID(key: .id) var id: UUID?
    /// The bundled id and language ("python-backend-senior.en") or a name chosen at upload.
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @OptionalField(key: "language") var language: String?
    @OptionalParent(key: "current_version_id") var current: GuideVersion?
    /// Who may edit it besides admins; nil for the bundled guides, which only admins edit.
    @OptionalParent(key: "owner_id") var owner: User?
    @Children(for: \.$guide) var versions: [GuideVersion]

    init() {}

    init(slug: String, title: String, language: String?) {
        self.slug = slug
        self.title = title
        self.language = language
    }
}

/// One saved text of a guide, identified by the content hash of what it imports to. Never changed
/// once written: interviews point at it.
final class GuideVersion: Model, @unchecked Sendable {
    static let schema = "guide_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "guide_id") var guide: GuideRecord
    @Field(key: "content_hash") var contentHash: String
    @Field(key: "markdown") var markdown: String
    /// The guide as read when saved (`Guide.canonicalJSON`); nil for a version saved before readings were
    /// kept whose reading has changed since (`M020_KeepGuideReadings`).
    @OptionalField(key: "guide_json") var guideJSON: String?
    @OptionalParent(key: "author_id") var author: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(guideID: UUID, contentHash: String, markdown: String, guideJSON: String?, authorID: UUID?) {
        self.$guide.id = guideID
        self.contentHash = contentHash
        self.markdown = markdown
        self.guideJSON = guideJSON
        self.$author.id = authorID
    }

    /// The guide this version is: as kept when saved, or, for a version from before that, as read now.
    var reading: Guide {
        if let guideJSON, let kept = try? JSONDecoder().decode(Guide.self, from: Data(guideJSON.utf8)) { return kept }
        return GuideImporter.importMarkdown(markdown, path: "guide.md").guide
    }
}
