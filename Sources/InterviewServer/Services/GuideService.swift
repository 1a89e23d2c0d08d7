import Fluent
import Flowchart
import InterviewCore
import SQLKit
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
        // Unique whatever the case (`PROBE1` beside `probe1` was a second guide of the same name), and
        // starting with a letter or digit (`.hidden` downloaded as a hidden file).
        if errors["slug"] == nil, try await GuideRecord.query(on: db).all().contains(where: { $0.slug.lowercased() == slug.lowercased() }) {
            errors["slug"] = .errSlugTaken
        }
        if errors["slug"] == nil, !slug.utf8.allSatisfy({ isSlugByte($0) }) || !(slug.utf8.first.map(isSlugStart) ?? false) {
            errors["slug"] = .errSlugCharacters
        }
        let text = markdown(from: input.markdown, file: input.file, errors: &errors)
        if errors["markdown"] != nil {}
        else if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["markdown"] = .errRequired }
        else if text.utf8.count > 1_000_000 { errors.tooLong("markdown", .megabytes(1)) }
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
    ///
    /// `basedOn`: the version the author started from (the editor sends it; the API may). When another
    /// save has made a newer one current since, nothing is saved and `ChangedMeanwhile` says which: two
    /// authors (or two tabs) saving at once had the second silently replace the first's edit.
    @discardableResult
    static func saveEdit(_ markdown: String?, to guide: GuideRecord, by user: User, allowErrors: Bool = false,
                         basedOn: UUID? = nil, locks: KeyedLocks? = nil, on db: any Database) async throws -> Saved {
        guard Access.canEdit(guide, user) else { throw Abort(.forbidden) }
        var errors = FieldErrors()
        let text = (markdown ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var imported: ImportedGuide?
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors["markdown"] = .errRequired }
        else if text.utf8.count > 1_000_000 { errors.tooLong("markdown", .megabytes(1)) }
        else {
            imported = GuideImporter.importMarkdown(text, path: guide.slug + ".md")
            if hasErrors(imported!), !allowErrors { errors["markdown"] = .errGuideVersionHasErrors }
        }
        try errors.check()
        let guideID = try guide.requireID()
        let author = try user.requireID()
        let checked = imported
        return try await (locks ?? KeyedLocks()).withLock(guideID) {
            try await db.transaction { db in
                let before = try await currentVersionID(guideID, on: db)
                if let basedOn, before != basedOn { throw ChangedMeanwhile(current: before) }
                guide.$current.id = before
                let version = try await GuideLibrary.save(markdown: text, imported: checked, to: guide, author: author, on: db)
                return Saved(trail: checked.map(hasErrors) == true ? savedWithErrors : "", created: version.id != before)
            }
        }
    }

    /// Refused: the guide's current version is no longer the one the edit started from.
    struct ChangedMeanwhile: AbortError {
        var current: UUID?
        var status: HTTPResponseStatus { .conflict }
        var reason: String {
            "Another version of this guide was saved after this edit began; nothing was saved. Read the current version and save again."
        }
    }

    /// The guide's current version as the database has it now, the row held until the transaction ends on
    /// PostgreSQL (another instance may be saving); on SQLite this instance's lock orders the saves.
    private static func currentVersionID(_ guideID: UUID, on db: any Database) async throws -> UUID? {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            let row = try await sql.raw("""
                SELECT current_version_id FROM \(ident: GuideRecord.schema) WHERE id = \(bind: guideID) FOR UPDATE
                """).first()
            return try row?.decode(column: "current_version_id", as: UUID?.self)
        }
        return try await GuideRecord.find(guideID, on: db)?.$current.id
    }

    /// The security trail's note of a version saved past its errors, the one new interviews run. (A fixed
    /// text, which the audit page shows in the reader's language: `AuditText`.)
    static let savedWithErrors = "saved with lint errors"

    static func hasErrors(_ imported: ImportedGuide) -> Bool {
        imported.diagnostics.contains { $0.diagnostic.severity == .error }
    }

    /// A short name is what the CLI, lists and links name the guide by: letters, digits, '-', '_', '.'.
    static func isSlugStart(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    static func isSlugByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// An uploaded file wins over the text area; browsers send CRLF from text areas, guides use LF. A
    /// file must be text: UTF-8, or UTF-16 with its byte-order mark (what Windows' "Unicode" saves). A
    /// GBK file (Notepad's "ANSI" on Chinese Windows) was stored as "����" without a word, and a binary
    /// one as an empty guide.
    static func markdown(from text: String?, file: File?, errors: inout FieldErrors) -> String {
        if let file, file.data.readableBytes > 0 {
            let bytes = Array(file.data.readableBytesView)
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
                if let decoded = String(data: Data(bytes.dropFirst(2)), encoding: encoding) { return LineEndings.unix(decoded) }
                errors["markdown"] = .errNotText
                return ""
            }
            if bytes.contains(0) {
                errors["markdown"] = .errNotText
                return ""
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                errors["markdown"] = .errNotUTF8
                return ""
            }
            return decoded
        }
        return (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }
}
