import Flowchart

/// YAML front matter between `---` lines at the top of a guide. Editors (Typora, flowchart.js
/// hosts) skip it, so annotations never disturb how the Markdown renders.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line.
    var firstLine: Int
    /// The document with the front matter lines blanked, so every later line keeps its number.
    var body: String

    /// The lines of the front matter: the index of its opening `---` (0, or later after blank lines) and of
    /// its closing line (nil when it is never closed); nil when the document has none. The importer and
    /// the guide page (which leaves it out of the prose) both go by this.
    static func bounds(_ lines: [Substring]) -> (open: Int, close: Int?)? {
        guard let first = lines.first else { return nil }
        var open = 0
        if !Self.isFence(first.hasPrefix("\u{FEFF}") ? first.dropFirst() : first) {
            guard let late = lateOpening(lines) else { return nil }
            open = late
        }
        return (open, lines.indices.dropFirst(open + 1).first { Self.isFence(lines[$0]) || lines[$0].trimmingCharacters(in: .whitespaces) == "..." })
    }

    /// Splits the front matter off; nil when the document has none.
    static func split(_ text: String, diagnostics: inout [GuideDiagnostic]) -> FrontMatter? {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let (open, closing) = bounds(parts) else { return nil }
        var lines = parts.map(String.init)
        guard let close = closing else {
            diagnostics.append(GuideDiagnostic(Diagnostic(.error, .frontMatter, at: SourcePosition(line: 1, column: 1), LocalizedText(
                en: "the front matter that starts here is never closed with a '---' line; it is read as Markdown",
                zh: "从这里开始的前置元数据没有以 '---' 行结束；它会被当作 Markdown 读取"))))
            return nil
        }
        if open > 0 {
            // Read all the same, so no weight or knockout is lost without a word; said, since GitHub, GitLab
            // and editors take front matter only on the first line and show this as text.
            diagnostics.append(GuideDiagnostic(Diagnostic(.warning, .frontMatter, at: SourcePosition(line: open + 1, column: 1), LocalizedText(
                en: "the front matter starts on line \(open + 1), after blank lines: it is read, but GitHub, GitLab and editors show it as text; delete the blank lines above it",
                zh: "前置元数据从第 \(open + 1) 行开始，前面有空行：这里照样读取，但 GitHub、GitLab 和编辑器会把它当作正文显示；请删掉它上面的空行"),
                fix: Fix(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: open + 1, column: 1), replacement: ""))))
        }
        let yaml = lines[(open + 1)..<close].joined(separator: "\n")
        for i in 0...close { lines[i] = "" }
        return FrontMatter(yaml: yaml, firstLine: open + 2, body: lines.joined(separator: "\n"))
    }

    /// Front matter after blank lines at the top (a paste from a chat window or wiki brings one): a `---`
    /// line after blank lines only, whose next line is a YAML key (`guide:`). A blank line before it
    /// dropped every weight, knockout and time budget, and the guide linted clean (a guide author's probe).
    /// Returns the `---` line's index.
    private static func lateOpening(_ lines: [Substring]) -> Int? {
        guard let at = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != "\u{FEFF}" }),
              at > 0, isFence(lines[at]), at + 1 < lines.count else { return nil }
        let key = lines[at + 1].prefix { $0 != ":" }
        guard key.count < lines[at + 1].count, let head = key.first, head.isLetter || head == "_" || head == "\"",
              !key.contains(" ") || key.hasPrefix("\"") else { return nil }
        return at
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }
}

import Foundation
