import Vapor

/// A guide drawn: its prose and flowcharts, the versions saved so far, and which one is shown.
struct GuideShow: Encodable {
    struct VersionRow: Encodable {
        /// "v3": its place among the guide's versions, oldest first, which people say; the hash beside it.
        var label: String
        var hash: String
        var saved: String
        var author: String
        var href: String
        var isCurrent: Bool
        var isShown: Bool
        /// What this version changed from the one before it (nil for the first).
        var changesHref: String? = nil
        /// Its Markdown as the author saved it, to download.
        var markdownHref: String = ""
        /// The editor holding this version's text, to save it as the current one again (editors, not the
        /// current version).
        var restoreHref: String? = nil
    }

    /// The shown version's findings in the editor (its editors, when it has errors).
    var findingsHref: String? = nil
    var title: String
    /// The guide's own language (`lang` on its text, which may differ from the page's: WCAG 3.1.2).
    var language: String
    var slug: String
    var shownHash: String
    var shownLabel = ""
    /// The shown version's lint errors: a guide can be saved past them (a first upload is), and its page
    /// said nothing of it while questions were missing (a probe found a guide used with nine).
    var errorCount = 0
    var parts: [GuidePresentation.Part]
    var versions: [VersionRow]
    var editHref: String?
    /// The guide-health page, for those who may read it (hiring managers and admins).
    var healthHref: String? = nil
    /// The interviewers' agreement pooled over the panels of every position using this guide that the
    /// viewer may see (hiring managers and admins).
    var agreement: [String] = []
}

/// The editor: the Markdown in a text area, and the source with each finding beside its line.
struct GuideEdit: Encodable {
    var title: String
    /// The guide's own language, for `lang` on its title and text (WCAG 3.1.2).
    var language = "en"
    var action: String
    var markdown: String
    var lines: [GuidePresentation.SourceLine]
    var findingCount: Int
    /// How many of them `lines` shows (`GuidePresentation.shownLimit` at most).
    var findingsShown = 0
    var showHref: String
    var error: String?
    /// The save was refused for the version's errors: the form offers to save it with them.
    var offerSaveWithErrors = false
    /// The version the text on the page was based on, sent back with a save (`GuideService.saveEdit`).
    var baseVersion = ""
    /// The saved version's questions with their figures (hiring managers and admins; empty for others).
    var questions: [EditorQuestion] = []
    var healthHref: String?
    /// The team's cards are still being read after a start: the figures come a few seconds later.
    var figuresPreparing = false
    var convertAction = ""
    /// After a save: "v4" when it made a new version; `unchanged` when the text was the current one.
    var savedLabel: String? = nil
    var unchanged = false
    /// After a save refused because another version was saved meanwhile: what that version changed.
    var changesHref: String? = nil
    /// The editor holds an earlier version's text ("v3"), not saved.
    var restoredLabel: String? = nil
    /// After a conversion (not saved): how many charts were rewritten.
    var converted: Int? = nil
    /// Of those, the charts that had errors, written as the reader repaired them.
    var repaired = 0
    /// Labels written with full-width substitutes, which flowchart.js would read as syntax.
    var rewritten = 0
    /// What the conversion changed besides the syntax, each at its line in the text before it: ids
    /// renamed, labels rewritten.
    var conversionSaid: [String] = []
}

/// What one version of a guide changed from an earlier one (`GuideDiff`), for the guide's owner before
/// and after publishing: which questions' figures carry over.
struct GuideCompare: Encodable {
    struct Change: Encodable {
        var mark: String
        var place: String
        var detail: String
        var identity: String?
    }

    var title: String
    var language: String
    var showHref: String
    var fromLabel: String
    var fromHref: String
    var toLabel: String
    var toHref: String
    var changes: [Change]
    var nothing: String
    /// The Markdown's changed lines (`TextChanges`), at most `textLimit`; cut when there were more.
    struct TextLine: Encodable { var mark: String; var number: Int; var text: String }
    var textChanges: [TextLine] = []
    var textChangesCut = false
    var fromMarkdownHref = ""
    var toMarkdownHref = ""
    static let textLimit = 400
}

struct EditorQuestion: Encodable {
    var topic: String
    var figures: QuestionFigureRow
}

struct GuidesIndex: Encodable {
    /// `errors`: the current version's lint errors, so a guide saved past them is told apart in the list.
    struct Row: Encodable { var title: String; var slug: String; var language: String; var hash: String; var href: String; var errors: Int }

    var guides: [Row]
    var canUpload: Bool
    var action = SiteURL.guides.path
    var slug = ""
    var markdown = ""
    var errors: [String: String] = [:]
    /// The short name is taken by a guide the uploader may edit: its page, its title, and the editor's
    /// save with the version it would follow, to save the upload as that guide's next version.
    var existingHref: String? = nil
    var existingTitle = ""
    var versionAction: String? = nil
    var versionBase = ""
}
