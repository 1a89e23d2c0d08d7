import Fluent
import InterviewCore
import Vapor

/// Saving guide text: each save that changes the guide becomes a new version named by its content hash.
enum GuideLibrary {
    /// Adds `markdown` as the guide's current version unless it already is; returns the version in force.
    /// `imported`: the caller's import of this very text, when it had to read it first (to refuse or note
    /// its lint errors), so the guide is not imported twice.
    @discardableResult
    static func save(markdown: String, imported: ImportedGuide? = nil, to guide: GuideRecord, author: UUID?,
                     on db: any Database) async throws -> GuideVersion {
        let imported = imported ?? GuideImporter.importMarkdown(markdown, path: guide.slug + ".md")
        let hash = imported.guide.contentHash
        guide.title = imported.guide.title.isEmpty ? guide.slug : imported.guide.title
        guide.language = imported.guide.language ?? guide.language
        if let currentID = guide.$current.id, let current = try await GuideVersion.find(currentID, on: db),
           current.contentHash == hash, current.markdown == markdown {
            return current
        }
        let guideID = try guide.requireID()
        let version = GuideVersion(guideID: guideID, contentHash: hash, markdown: markdown,
                                   guideJSON: String(decoding: imported.guide.canonicalJSON(), as: UTF8.self), authorID: author)
        try await version.save(on: db)
        guide.$current.id = try version.requireID()
        try await guide.save(on: db)
        return version
    }

    static func currentVersion(of guide: GuideRecord, on db: any Database) async throws -> GuideVersion? {
        guard let id = guide.$current.id else { return nil }
        return try await GuideVersion.find(id, on: db)
    }
}

enum GuideLibrarySeeder {
    /// The bundled guides are in the library from the first start; an existing slug is left alone so
    /// the team's edits are never overwritten by an upgrade.
    static func seedBundledGuides(on db: any Database, logger: Logger) async throws {
        for (id, language) in BundledGuides.all {
            let slug = "\(id).\(language)"
            guard try await GuideRecord.query(on: db).filter(\.$slug == slug).first() == nil,
                  let markdown = BundledGuides.markdown(id: id, language: language) else { continue }
            let record = GuideRecord(slug: slug, title: slug, language: language)
            try await record.save(on: db)
            try await GuideLibrary.save(markdown: markdown, to: record, author: nil, on: db)
            logger.info("guide library: added bundled guide \(slug)")
        }
    }
}
