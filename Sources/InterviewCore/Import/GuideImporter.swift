import Flowchart
import Foundation

/// Reads a guide from Markdown with flowchart.js blocks, inferring its structure from the document's
/// own headings: the level that holds numbered headings ("0.", "1.", …) is the stages; headings
/// below a stage with a ```flow block are topics, the others group them. The seed imports unchanged.
public enum GuideImporter {
    /// The text as the importer reads it: Unix line ends, without control characters, direction
    /// overrides and zero-width spaces (`ControlCharacters`). Pages drawn from a stored version use it,
    /// so a heading with U+202E does not read reversed there either.
    public static func readableText(_ text: String) -> String {
        ControlCharacters.strip(LineEndings.unix(text)).text
    }

    /// How many lines at the top the front matter takes (blank lines before it included), as the
    /// importer reads it; 0 when there is none or it is never closed (then it is read as Markdown).
    public static func frontMatterLineCount(_ lines: [Substring]) -> Int {
        guard let (_, close) = FrontMatter.bounds(lines), let close else { return 0 }
        return close + 1
    }

    public static func importMarkdown(_ text: String, path: String = "guide.md") -> ImportedGuide {
        read(text, path: path).imported
    }

    /// The question ids the front matter's `topics:` entries name, by the fence line of their topic's
    /// chart, each with where its key is written: `GuideConversion` renames there an id it had to rename
    /// in the chart (a question `graph` became `graph_` in Mermaid, and its weight and reference were lost
    /// to an "unknown question" error — a conversion probe). Entries naming no topic are left out.
    static func annotatedQuestions(_ text: String) -> [Int: [Annotations.Located<String>]] {
        let (imported, places, notes) = read(text, path: "guide.md")
        let topics = imported.guide.topics
        var byChart: [Int: [Annotations.Located<String>]] = [:]
        for note in notes.topics {
            guard let (s, t) = AnnotationApplier.locate(note.key.value, in: imported.guide),
                  let i = topics.firstIndex(where: { $0.key == imported.guide.stages[s].topics[t].key }), i < places.count else { continue }
            byChart[places[i].fenceLine, default: []] += note.questions.map(\.id)
        }
        return byChart
    }

    private static func read(_ text: String, path: String) -> (imported: ImportedGuide, places: [GuideBuilder.TopicPlace], annotations: Annotations) {
        let (text, controls) = ControlCharacters.strip(LineEndings.unix(text))
        var diagnostics: [GuideDiagnostic] = controls
        let frontMatter = FrontMatter.split(text, diagnostics: &diagnostics)
        let annotations = frontMatter.map { Annotations.read($0, diagnostics: &diagnostics) } ?? Annotations()
        let body = frontMatter?.body ?? text
        let (sections, comments) = MarkdownOutline.read(body)
        for block in sections.flatMap(\.flowBlocks) {
            if block.isUnclosed {
                diagnostics.append(GuideDiagnostic(flowchart: block.name, .neverClosed(info: block.info, fence: block.closingFence,
                                                                                        at: block.fenceLine, endsBefore: block.endsBefore)))
            } else if block.isFlowchart, let leak = Diagnostic.fenceRunsOn(block) {
                diagnostics.append(GuideDiagnostic(flowchart: block.name, leak))
            }
        }
        diagnostics += SetextHeadings.findings(in: sections)
        for comment in comments where comment.hidesTextAfter {
            // The whole line is the comment's, as on the page: text after `-->` would vanish unsaid.
            diagnostics.append(GuideDiagnostic(flowchart: nil, Diagnostic(.warning, .textAfterComment,
                at: SourcePosition(line: comment.lines.upperBound, column: 1), LocalizedText(
                en: "the text after '-->' on this line is hidden with the comment; put it on a line of its own",
                zh: "这一行 '-->' 之后的文字会和注释一起被隐藏；请把它放到单独的一行"))))
        }
        for comment in comments where comment.isUnclosed {
            // Everything after `<!--` is hidden, as on GitHub: told, since it may be the rest of the guide.
            diagnostics.append(GuideDiagnostic(flowchart: nil, Diagnostic(.warning, .unclosedComment,
                at: SourcePosition(line: comment.lines.lowerBound, column: 1), LocalizedText(
                en: "this comment is never closed with '-->', so everything after it is hidden from the guide (as GitHub hides it); close it where the note ends",
                zh: "这条注释没有用 '-->' 结束，所以它后面的全部内容都不会出现在指南里（GitHub 也会隐藏）；请在注释结束处加上 '-->'"))))
        }
        var builder = GuideBuilder(sections: sections, declaredTitle: annotations.title, fallbackTitle: Self.fileTitle(path))
        var guide = builder.build()
        diagnostics += builder.diagnostics
        diagnostics += AnnotationApplier.apply(annotations, to: &guide)
        // In a pick list the interviewer picks the questions, so one no line leads to is no finding
        // (guide-format.md), whether the topic was recognised as one or declared `pickList: true` (a probe:
        // lint told the author to add lines to a declared pick list).
        let pickLists = Set(zip(guide.topics, builder.topicPlaces).filter { $0.0.isPickList }.map { $0.1.chart })
        diagnostics.removeAll { $0.diagnostic.code == .unreachableNode && $0.flowchart.map(pickLists.contains) == true }
        diagnostics.sort { $0.diagnostic.position < $1.diagnostic.position }
        return (ImportedGuide(guide: guide, diagnostics: diagnostics, chartCount: sections.reduce(0) { $0 + $1.flowBlocks.count }),
                builder.topicPlaces, annotations)
    }

    /// What a JSON decoding error says and where: the field's path, or the parser's line and column
    /// ("The data isn't in the correct format." alone named no place).
    static func `where`(_ error: any Error, in data: Data) -> String {
        guard let decoding = error as? DecodingError else { return error.localizedDescription }
        if let field = DecodingProblem.field(decoding) { return field }
        // Not JSON at all: the decoder names no place, the parser does ("around character 18").
        if case .dataCorrupted(let context) = decoding { return syntaxProblem(in: data) ?? context.debugDescription }
        return error.localizedDescription
    }

    /// JSONSerialization's account of broken JSON, its byte offset turned into a line and column.
    private static func syntaxProblem(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
        } catch {
            guard let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            guard let range = detail.range(of: #"around character \d+"#, options: .regularExpression),
                  let offset = Int(detail[range].split(separator: " ").last ?? "") else { return detail }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return "\(detail.replacingCharacters(in: range, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " ."))) at line \(line), column \(column)"
        }
    }

    /// A guide file: Markdown, or the JSON `interview guide export --format json` writes.
    public static func load(path: String) throws -> ImportedGuide {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                if isFolder.boolValue {
                    throw GuideLoadError(text: LocalizedText(en: "\(path) is a directory, not a file", zh: "\(path) 是文件夹，不是文件"))
                }
                // There, and not readable: it said "no such file" (a probe).
                throw GuideLoadError(text: LocalizedText(en: "cannot read \(path): permission denied", zh: "无法读取 \(path)：权限不足"))
            }
            throw GuideLoadError(text: LocalizedText(en: "cannot read \(path): no such file", zh: "无法读取 \(path)：没有这个文件"))
        }
        if path.lowercased().hasSuffix(".json") {
            do {
                let guide = try JSONDecoder().decode(Guide.self, from: ControlCharacters.cleanJSON(data))
                if let problem = GuideJSONCheck.problem(in: guide) {
                    throw GuideLoadError(text: LocalizedText(en: "\(path): \(problem.en)", zh: "\(path)：\(problem.zh)"))
                }
                return ImportedGuide(guide: guide, diagnostics: [], chartCount: 0)
            } catch let error as GuideLoadError {
                throw error
            } catch {
                let problem = Self.where(error, in: data)
                throw GuideLoadError(text: LocalizedText(en: "\(path) is not a guide exported as JSON: \(problem)",
                                                         zh: "\(path) 不是导出为 JSON 的指南：\(problem)"))
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        var imported = bareChart(text, path: path) ?? importMarkdown(text, path: path)
        if let invalid = InvalidUTF8.firstPosition(in: data) {
            imported.diagnostics.insert(GuideDiagnostic(InvalidUTF8.diagnostic(at: invalid)), at: 0)
        }
        return imported
    }

    /// A chart file with no Markdown around it (`bare.mmd`, `chart.flow`), as lint reads one: a guide of one
    /// topic named after the file, its findings at the file's own lines. `guide show` printed an empty
    /// guide and "1 error, run lint", while lint found none, and `run` had nothing to ask (a probe).
    private static func bareChart(_ text: String, path: String) -> ImportedGuide? {
        let document = FlowchartDocument(text: text, path: path)
        guard !document.isMarkdown, let chart = document.charts.first else { return nil }
        let body = text.hasSuffix("\n") ? text : text + "\n"
        var imported = importMarkdown("```" + GuideConversion.infoString(chart.syntax) + "\n" + body + "```\n", path: path)
        // One fence line above the chart: every finding one line up, as the file has it.
        let up = { (p: SourcePosition) in SourcePosition(line: max(p.line - 1, 1), column: p.column) }
        imported.diagnostics = imported.diagnostics.map { found in
            var moved = found
            moved.diagnostic.position = up(found.diagnostic.position)
            if let fix = found.diagnostic.fix { moved.diagnostic.fix = Fix(start: up(fix.start), end: up(fix.end), replacement: fix.replacement) }
            return moved
        }
        return imported
    }

    static func fileTitle(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return (name as NSString).deletingPathExtension
    }
}

public struct GuideLoadError: Error, CustomStringConvertible {
    public var text: LocalizedText
    public var message: String { text.en }
    public var description: String { message }
}
