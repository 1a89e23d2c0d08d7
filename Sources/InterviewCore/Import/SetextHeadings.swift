import Foundation
import Flowchart

extension DiagnosticCode {
    public static let setextHeading: DiagnosticCode = "setext-heading"
}

/// A title underlined with `===` or `---` (Markdown's "setext" headings) is a heading on GitHub, but the
/// guide reader knows headings by their `#`: such a guide lost its title and its stages without a word,
/// its topics all in one stage named after the file (a probe). Each is said, with the `#` line that
/// replaces it as the fix.
enum SetextHeadings {
    static func findings(in sections: [MarkdownSection]) -> [GuideDiagnostic] {
        var found: [GuideDiagnostic] = []
        for section in sections {
            var fence: (mark: Character, length: Int)?
            var previous: MarkdownLine?
            for line in section.body {
                defer { previous = line }
                let trimmed = line.text.trimmingCharacters(in: .whitespaces)
                if let marker = fenceMarker(line.text) {
                    if let open = fence {
                        if marker.mark == open.mark && marker.length >= open.length && marker.bare { fence = nil }
                    } else {
                        fence = (marker.mark, marker.length)
                    }
                    continue
                }
                guard fence == nil, let above = previous, above.number == line.number - 1,
                      let level = underlineLevel(line.text, trimmed: trimmed), isParagraph(above.text) else { continue }
                let title = above.text.trimmingCharacters(in: .whitespaces)
                let rewritten = String(repeating: "#", count: level) + " " + title
                found.append(GuideDiagnostic(Diagnostic(.warning, .setextHeading, at: SourcePosition(line: above.number, column: 1),
                    LocalizedText(
                        en: "'\(title)' is underlined with '\(trimmed)', a heading InterviewFlow does not read: it is neither a title nor a stage here; write it as '\(rewritten)'",
                        zh: "“\(title)”下面用 '\(trimmed)' 画线表示标题，InterviewFlow 不按标题读取：它在这里既不是指南标题也不是阶段；请写成 '\(rewritten)'"),
                    fix: Fix(start: SourcePosition(line: above.number, column: 1),
                             end: SourcePosition(line: line.number, column: line.text.count + 1), replacement: rewritten))))
            }
        }
        return found
    }

    /// 1 for `===`, 2 for `---` (at least two, at most three spaces before), else nil.
    private static func underlineLevel(_ text: String, trimmed: String) -> Int? {
        guard text.prefix { $0 == " " }.count <= 3, trimmed.count >= 2, let first = trimmed.first, first == "=" || first == "-",
              trimmed.allSatisfy({ $0 == first }) else { return nil }
        return first == "=" ? 1 : 2
    }

    /// A line of paragraph text: not blank, no heading, list item, quote, table row, fence or HTML.
    private static func isParagraph(_ text: String) -> Bool {
        guard text.prefix(while: { $0 == " " }).count <= 3 else { return false }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, !"#>|<*+-".contains(first) else { return false }
        // `1. item` is a list item; `1.Stage one` (no space after the dot) is text.
        if first.isNumber, let dot = trimmed.firstIndex(where: { $0 == "." || $0 == ")" || $0 == "、" }),
           trimmed[..<dot].allSatisfy(\.isNumber), trimmed[dot...].dropFirst().first.map({ $0 == " " }) ?? true { return false }
        return true
    }

    private static func fenceMarker(_ text: String) -> (mark: Character, length: Int, bare: Bool)? {
        let trimmed = text.drop { $0 == " " }
        guard text.count - trimmed.count <= 3, let mark = trimmed.first, mark == "`" || mark == "~" else { return nil }
        let length = trimmed.prefix { $0 == mark }.count
        guard length >= 3 else { return nil }
        return (mark, length, trimmed.dropFirst(length).allSatisfy { $0 == " " })
    }
}
