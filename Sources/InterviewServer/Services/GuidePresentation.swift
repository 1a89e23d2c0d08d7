import Flowchart
import InterviewCore

/// A guide's Markdown as a page shows it: prose through `GuidanceHTML` (which escapes raw HTML and drops
/// unsafe links), each flowchart as our own SVG (which escapes every label). Both are trusted output,
/// so templates may embed them unescaped.
enum GuidePresentation {
    struct Part: Encodable, Sendable {
        var html: String
        var isChart: Bool
        /// A chart wider than the page can show without shrinking its text below legibility: drawn at its
        /// own size, and the figure scrolls sideways (a left-to-right chart of ten questions is 2,000 px).
        var isWide = false
    }

    /// Wider than this, a chart is not scaled down to the page's width (about 900 px: under half size).
    static let wideChart = 1_400.0

    static func parts(of markdown: String) -> [Part] {
        // "\r\n" is one Character: a guide uploaded with Windows line ends split into one line here. The
        // blocks are found in the same text, so their line numbers match. What the importer removes
        // (direction overrides, control characters) is not drawn either.
        let markdown = GuideImporter.readableText(markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var parts: [Part] = []
        var next = GuideImporter.frontMatterLineCount(lines)
        func prose(upTo end: Int) {
            guard end > next else { return }
            let text = lines[next..<min(end, lines.count)].joined(separator: "\n")
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                // The page's own h1 names the guide; its Markdown headings go one level down.
                parts.append(Part(html: GuidanceHTML.render(text, headingShift: 1), isChart: false))
            }
        }
        for (number, block) in MarkdownFlowReader.flowBlocks(in: markdown).filter(\.isFlowchart).enumerated() {
            prose(upTo: block.fenceLine - 1)
            let parsed = block.syntax.parse(block.text, firstLine: block.firstLine)
            let layout = FlowchartLayout.layout(parsed.graph)
            parts.append(Part(html: SVGRenderer.render(parsed.graph, layout: layout, options: SVGOptions(title: block.name, idScope: "c\(number + 1)-")),
                              isChart: true, isWide: layout.width > wideChart))
            next = min(block.closingLine, lines.count)
        }
        prose(upTo: lines.count)
        return parts
    }

    /// A line of the source shown with the findings on it, for the editor.
    struct SourceLine: Encodable, Sendable {
        var number: Int
        var text: String
        var findings: [Finding]
        /// Lines are left out before this one.
        var gap: Bool = false
        /// The line with all its findings' fixes applied, when it has two or more that do not overlap.
        var allFixed: String? = nil
        var fixCount = 0
        /// The row's class: "with-errors" when any finding on it is an error, else "warnings-only" (not the
        /// findings' own `error`/`warning`, which the page colours red). A line with warnings only was
        /// shaded like an error (a guide author's probe: a knockout warning on every load looked like a
        /// broken guide).
        var flag = "warnings-only"
    }

    struct Finding: Encodable, Sendable {
        var severity: String
        var message: String
        /// The line as it reads with the suggested fix, when there is one on that line.
        var fix: String?
        /// The same without the "Fix:" word: what the editor's "Apply the fix" puts in the line's place.
        var fixedLine: String?
    }

    /// - Parameter language: the page's language; the messages exist in both (the code stays as it is,
    ///   so a finding can be looked up whatever the language).
    ///
    /// Only the lines with findings are shown, each after the line before it, as a compiler lists them:
    /// the whole source was a table of every line, thousands of rows the template took seconds to draw on
    /// each view of a large guide (a security probe), and the findings sat far below the text. At most
    /// `shownLimit` findings; `interview lint` and the API list them all.
    struct AnnotatedSource: Sendable {
        var lines: [SourceLine]
        var count: Int
        /// How many findings `lines` carry (less than `count` past the limit).
        var shown: Int
    }

    static let shownLimit = 200

    static func annotatedSource(_ markdown: String, language: Language) -> AnnotatedSource {
        let imported = GuideImporter.importMarkdown(markdown, path: "guide.md")
        let chinese = language == .zh
        let sourceLines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var byLine: [Int: [Finding]] = [:]
        var applicableByLine: [Int: [Diagnostic]] = [:]
        for item in imported.diagnostics {
            let diagnostic = item.diagnostic
            let severity = switch diagnostic.severity {
            case .error: chinese ? "错误" : "error"
            case .warning: chinese ? "警告" : "warning"
            }
            let text = diagnostic.text.text(chinese ? .zh : .en)
            let chart = item.flowchart.map { chinese ? " [位于 \($0)]" : " [in \($0)]" } ?? ""
            let line = diagnostic.position.line
            let fixed = (1...sourceLines.count).contains(line)
                ? diagnostic.fixedLine(String(sourceLines[line - 1]).replacingOccurrences(of: "\r", with: "")) : nil
            // A fix's columns count the line as read, without the invisible characters the importer drops:
            // on a line that has some, applied to the line as written it would splice in the wrong place
            // (the editor's "Apply the fix" wrote `-->Endd`), so such a line offers no fix to apply.
            let raw = (1...sourceLines.count).contains(line) ? String(sourceLines[line - 1]) : ""
            let applicable = GuideImporter.readableText(raw) == raw ? fixed : nil
            if applicable != nil { applicableByLine[line, default: []].append(diagnostic) }
            byLine[line, default: []].append(
                Finding(severity: diagnostic.severity.rawValue,
                        message: "\(line):\(diagnostic.position.column) \(severity)\(chinese ? "：" : ": ")\(text) [\(diagnostic.code)]\(chart)",
                        fix: fixed.map { (chinese ? "修复：" : "Fix: ") + $0 }, fixedLine: applicable))
        }
        var wanted: [Int: [Finding]] = [:], shown = 0
        for line in byLine.keys.sorted() where shown < shownLimit {
            let findings = Array(byLine[line]!.prefix(shownLimit - shown))
            wanted[line] = findings
            shown += findings.count
        }
        var numbers = Set(wanted.keys)
        for line in wanted.keys where line > 1 { numbers.insert(line - 1) }   // the line before, for context
        var lines: [SourceLine] = []
        for number in numbers.sorted() where (1...max(sourceLines.count, 1)).contains(number) {
            let text = number <= sourceLines.count ? String(sourceLines[number - 1]) : ""
            let fixes = applicableByLine[number] ?? []
            lines.append(SourceLine(number: number, text: text, findings: wanted[number] ?? [],
                                    gap: number > 1 && lines.last.map { $0.number != number - 1 } ?? true,
                                    allFixed: Diagnostic.fixedLine(text.replacingOccurrences(of: "\r", with: ""), applyingAll: fixes),
                                    fixCount: fixes.count,
                                    flag: (wanted[number] ?? []).contains { $0.severity == "error" } ? "with-errors" : "warnings-only"))
        }
        return AnnotatedSource(lines: lines, count: imported.diagnostics.count, shown: shown)
    }
}
