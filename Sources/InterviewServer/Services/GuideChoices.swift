import Fluent
import Vapor

/// The guides a position can use, for select boxes.
struct GuideChoice: Content {
    var id: UUID
    var title: String
    var selected: Bool
    /// The guide's language, for `lang` on its title in a page of the other one (WCAG 3.1.2).
    var language = ""

    /// Each guide, its current version's lint errors named: an upload is saved with its errors (it is
    /// usually a document already in use), and it was offered here like any other (a probe), though
    /// an error usually loses questions in every interview scheduled on it.
    static func all(selected: UUID?, req: Request) async throws -> [GuideChoice] {
        let rendered = req.application.renderedGuides
        return try await GuideRecord.query(on: req.db).with(\.$current).sort(\.$slug).all().map { guide in
            let id = try guide.requireID()
            let errors = guide.current.map { rendered.errorCount(of: $0, path: guide.slug + ".md") } ?? 0
            let words = errors == 1 && req.language == .en ? "lint error" : Text.guideLintErrors.in(req.language)
            let warning = errors == 0 ? "" : " — ⚠ \(errors) \(words)"
            return GuideChoice(id: id, title: "\(guide.title) (\(guide.slug))" + warning, selected: id == selected, language: guide.language ?? "")
        }
    }
}
