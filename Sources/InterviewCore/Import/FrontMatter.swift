import Flowchart

/// YAML front matter between `---` lines at the top of a guide. Editors (Typora, flowchart.js
/// hosts) skip it, so annotations never disturb how the Markdown renders.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line.
    var firstLine: Int
    /// The document with the front matter lines blanked, so every later line keeps its number.
    var body: String

    /// Splits the front matter off; nil when the document has none.
    static func split(_ text: String, diagnostics: inout [GuideDiagnostic]) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, Self.isFence(first.hasPrefix("\u{FEFF}") ? String(first.dropFirst()) : first) else { return nil }
        guard let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0]) || lines[$0].trimmingCharacters(in: .whitespaces) == "..." }) else {
            diagnostics.append(GuideDiagnostic(Diagnostic(.error, .frontMatter, at: SourcePosition(line: 1, column: 1), LocalizedText(
                en: "the front matter that starts here is never closed with a '---' line; it is read as Markdown",
                zh: "从这里开始的前置元数据没有以 '---' 行结束；它会被当作 Markdown 读取"))))
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        for i in 0...close { lines[i] = "" }
        return FrontMatter(yaml: yaml, firstLine: 2, body: lines.joined(separator: "\n"))
    }

    private static func isFence(_ line: String) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }
}

import Foundation
