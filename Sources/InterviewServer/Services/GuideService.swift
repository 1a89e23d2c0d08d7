import Fluent
import InterviewCore
import Vapor

/// Uploading and editing guides. Saving keeps every earlier version: interviews point at them.
enum GuideService {
    struct UploadInput: Content {
        var slug: String?
        var markdown: String?
        var file: File?
    }

    /// Admins and hiring managers add guides; interviewers read them. Editing one is for its owner
    /// and admins (`Access.canEdit`).
    static func canUpload(_ user: User) -> Bool { user.role.managesPositions }

    /// A new guide is saved with its lint errors, if it has any: it is usually a document the team already
    /// uses (the seed has three), which the guide page then shows beside its findings; no interview runs it
    /// until someone schedules one. Returns the guide and the security trail's detail (`savedWithErrors`
    /// when it has errors), as an edit does.
    static func upload(_ input: UploadInput, by user: User, on db: any Database) async throws -> (guide: GuideRecord, trail: String) {
        guard canUpload(user) else { throw Abort(.forbidden) }
        var errors = FieldErrors()
        let slug = errors.require(input.slug, "slug", max: 100)
        if errors["slug"] == nil, try await GuideRecord.query(on: db).filter(\.$slug == slug).first() != nil {
            errors["slug"] = .errSlugTaken
        }
        let text = markdown(from: input.markdown, file: input.file)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["markdown"] = .errRequired }
        else if text.utf8.count > 1_000_000 { errors["markdown"] = .errTooLong }
        try errors.check()
        let guide = GuideRecord(slug: slug, title: slug, language: nil)
        guide.$owner.id = try user.requireID()
        let imported = GuideImporter.importMarkdown(text, path: slug + ".md")
        try await db.transaction { db in
            try await guide.save(on: db)
            try await GuideLibrary.save(markdown: text, imported: imported, to: guide, author: user.requireID(), on: db)
        }
        return (guide, hasErrors(imported) ? savedWithErrors : "")
    }

    /// What a save did: the security trail's note (`savedWithErrors` when it went past its errors, else
    /// empty), and whether it made a new version (saving the current text again makes none).
    struct Saved {
        var trail: String
        var created: Bool
    }

    /// A version with lint errors is saved only when the author says so (`allowErrors`): it becomes the
    /// guide's current version, which every interview scheduled from then on runs, and an error usually
    /// loses questions (a misspelt type drops its node, a stray arrow its line and all below it).
    @discardableResult
    static func saveEdit(_ markdown: String?, to guide: GuideRecord, by user: User, allowErrors: Bool = false,
                         on db: any Database) async throws -> Saved {
        guard Access.canEdit(guide, user) else { throw Abort(.forbidden) }
        var errors = FieldErrors()
        let text = (markdown ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var imported: ImportedGuide?
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["markdown"] = .errRequired }
        else if text.utf8.count > 1_000_000 { errors["markdown"] = .errTooLong }
        else {
            imported = GuideImporter.importMarkdown(text, path: guide.slug + ".md")
            if hasErrors(imported!), !allowErrors { errors["markdown"] = .errGuideVersionHasErrors }
        }
        try errors.check()
        let before = guide.$current.id
        let version = try await GuideLibrary.save(markdown: text, imported: imported, to: guide, author: user.requireID(), on: db)
        return Saved(trail: imported.map(hasErrors) == true ? savedWithErrors : "", created: version.id != before)
    }

    /// The security trail's note of a version saved past its errors, the one new interviews run. (A fixed
    /// text, which the audit page shows in the reader's language: `AuditText`.)
    static let savedWithErrors = "saved with lint errors"

    static func hasErrors(_ imported: ImportedGuide) -> Bool {
        imported.diagnostics.contains { $0.diagnostic.severity == .error }
    }

    /// An uploaded file wins over the text area; browsers send CRLF from text areas, guides use LF.
    static func markdown(from text: String?, file: File?) -> String {
        if let file, file.data.readableBytes > 0 { return String(buffer: file.data) }
        return (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }
}
