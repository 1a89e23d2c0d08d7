import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct GuideCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guide",
            abstract: CommandLineLanguage.pick("Show, export, compare and convert interview guides.", "查看、导出、比较和转换面试指南。"),
            subcommands: [Show.self, Export.self, Diff.self, List.self, Convert.self]
        )
    }
}

/// A guide named on the command line: a Markdown or JSON file, or a bundled guide as `id` or `id.lang`.
enum GuideArgument {
    /// Each name read once per process: `run` and `report` read the guide first for the language of their
    /// messages (`CommandLineLanguage.speak`), then for the session, and a 40,000-node guide took its import
    /// time twice. One command runs per process, on one thread.
    nonisolated(unsafe) private static var loaded: [String: ImportedGuide] = [:]

    static func load(_ name: String) -> ImportedGuide {
        if let guide = loaded[name] { return guide }
        let guide = read(name)
        loaded[name] = guide
        return guide
    }

    private static func read(_ name: String) -> ImportedGuide {
        if FileManager.default.fileExists(atPath: name) {
            do {
                return try GuideImporter.load(path: name)
            } catch {
                UsageError(error).report()
            }
        }
        if let (id, language) = BundledGuides.named(name), let guide = BundledGuides.guide(id: id, language: language) {
            return guide
        }
        let bundled = BundledGuides.all.map { "\($0.id).\($0.language)" }.joined(separator: ", ")
        UsageError("no guide file \(name), and no bundled guide by that name (bundled: \(bundled))",
                   "没有指南文件 \(name)，也没有这个名字的内置指南（内置：\(bundled)）").report()
    }

    /// Each error on stderr with its place, for a command that writes the guide as repaired (export): a
    /// count alone left an author to find that `op6-op7->e` had been written as `op6->e` (a probe).
    static func listRepairs(_ imported: ImportedGuide, file: String) {
        let errors = imported.errors
        guard !errors.isEmpty else { return }
        let language = CommandLineLanguage.about(imported)
        var lines = errors.map { item in
            "\(file):\(item.diagnostic.position.line):\(item.diagnostic.position.column): error: \(item.diagnostic.text.text(language))\n"
        }
        lines.append(language == .zh ? "\(file)：导出结果中，以上 \(errors.count) 个错误按修复后的样子写出\n"
                     : errors.count == 1 ? "\(file): the export writes this error as repaired\n"
                                         : "\(file): the export writes these \(errors.count) errors as repaired\n")
        FileHandle.standardError.write(Data(TerminalSafe.visible(lines.joined()).utf8))
    }

    /// Errors in the guide are shown on stderr; the command still works on the repaired guide.
    /// `language`: a command's own choice (`guide show --language`); else the locale's, or the guide's.
    /// Once per file and process: `stats` and `calibrate` said a guide's errors once for the guide and
    /// again for every session read with it (three times for two logs: a probe).
    nonisolated(unsafe) private static var warned: Set<String> = []

    static func warn(_ imported: ImportedGuide, file: String, language: Language? = nil) {
        guard warned.insert(file).inserted else { return }
        warn(errors: imported.errors.count, file: file, language: language ?? CommandLineLanguage.about(imported))
    }

    /// `drawn`: said by render, whose drawings show the charts as repaired (only index.html listed them).
    static func warn(errors count: Int, file: String, drawn: Bool = false, language: Language) {
        guard count > 0 else { return }
        let message = language == .zh
            ? "\(file)：指南中有 \(count) 个错误\(drawn ? "，按修复后的样子绘制" : "")；运行 'interview lint \(file)' 查看详情\n"
            : "\(file): \(count) error\(count == 1 ? "" : "s") in the guide\(drawn ? ", drawn as repaired" : ""); run 'interview lint \(file)' for details\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}

extension Interview.GuideCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.pick("Print a guide as a tree: stages, topics, questions with weights and references, gates.", "以树形打印指南：阶段、主题、题目（含权重和参考答案）、判断节点。"))

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A guide file (Markdown or exported JSON) or a bundled guide (python-backend-senior.en).", "指南文件（Markdown 或导出的 JSON），或内置指南（如 python-backend-senior.en）。")))
        var guide: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("text or json.", "text 或 json。")))
        var format: Format = .text

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The language of the tree's own words, en or zh (default: the guide's).", "树形输出中固定用语的语言，en 或 zh（默认：与指南相同）。")))
        var language: RunLanguage?

        func run() throws {
            let imported = GuideArgument.load(guide)
            GuideArgument.warn(imported, file: guide, language: language?.language)
            let words = language.map { $0.language == .zh ? ReportLanguage.zh : .en }
            print(format == .json ? GuideOutline.json(imported.guide)
                  : TerminalSafe.visible(GuideOutline.text(imported.guide, language: words)), terminator: "")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Write a guide as Markdown with its annotations made explicit, or as JSON.", "把指南导出为 Markdown（所有标注都显式写出）或 JSON。"),
            discussion: CommandLineLanguage.pick("""
            The Markdown is the guide as InterviewFlow reads it, written afresh, not your file: every weight \
            and default in the front matter, headings and lists in one style, each chart written from what \
            was read (lines in one order, each error as it was repaired), YAML comments left out. Importing it \
            gives the same guide (the same version hash). To see the defaults, read it; to keep your own \
            file, keep it: 'guide convert' changes only the charts' syntax and leaves the rest as written. \
            The errors it repaired are listed on standard error.
            """, """
            导出的 Markdown 是 InterviewFlow 读取后的指南重新写出的结果，而不是你的原文件：
            front matter 中写出所有权重和默认值，标题和列表统一格式，每个流程图按读取的
            结果重写（连线顺序统一，错误按修复后的样子写出），YAML 注释不保留。导入它
            得到同一份指南（版本哈希相同）。想查看默认值就读它；想保留自己的文件就继续用
            原文件：'guide convert' 只改流程图的语法，其余内容保持原样。被修复的错误会列在
            标准错误输出中。
            """))

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A guide file or a bundled guide.", "指南文件或内置指南。")))
        var guide: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("markdown or json.", "markdown 或 json。")))
        var format: Format = .markdown

        @Option(name: .shortAndLong, help: ArgumentHelp(CommandLineLanguage.pick("Write to this file instead of standard output.", "写入这个文件，而不是标准输出。")))
        var output: String?

        func run() throws {
            let imported = GuideArgument.load(guide)
            GuideArgument.listRepairs(imported, file: guide)
            let text = format == .json ? GuideExporter.json(imported.guide) : GuideExporter.markdown(imported.guide)
            if let output {
                OutputFile.write(text, to: output, inputs: [guide])
            } else {
                print(text, terminator: "")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("List what changes between two versions of a guide: questions, references, weights.", "列出指南两个版本之间的变化：题目、参考答案、权重。"),
            discussion: CommandLineLanguage.pick("""
            Each question added, removed or changed says whether it stays the same question in the question \
            bank (its figures carry over), moved, or becomes a new one (its figures start again), by the \
            bank's rules (docs/guide-format.md). Only these two versions are compared: the server's bank \
            also matches the same wording in other guides.
            """, """
            按题库的规则（见 docs/guide-format.md），每道新增、删除或修改的题
            目都会注明：它在题库中仍是同一道题（统计数据延续）、只是移动了
            位置，还是成为一道新题（统计数据从头开始）。这里只比较这两个版本；
            服务器上的题库还会匹配其他指南中相同的措辞。
            """))

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("The earlier version.", "较早的版本。")))
        var old: String

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("The later version.", "较新的版本。")))
        var new: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("en or zh (default: the later version's language: declared, else that of its title).", "en 或 zh（默认：较新版本的语言：取其声明的语言，否则按其标题的文字判断）。")))
        var language: RunLanguage?

        func run() throws {
            let before = GuideArgument.load(old).guide
            let after = GuideArgument.load(new).guide
            // The later version's language as `guide show` reads it: declared, else its title's script
            // (the seed declares none, and its Chinese team lead got the comparison in English).
            let shown = language?.language ?? (ReportLanguage(guide: after) == .zh ? .zh : .en)
            print("\(old) [\(before.shortHash)] → \(new) [\(after.shortHash)]")
            print(TerminalSafe.visible(GuideDiff(old: before, new: after).text(shown)), terminator: "")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.pick("List the bundled guides.", "列出内置指南。"))

        func run() throws {
            for (id, language) in BundledGuides.all {
                guard let guide = BundledGuides.guide(id: id, language: language)?.guide else { continue }
                let topics = guide.topics.count, questions = guide.topics.reduce(0) { $0 + $1.questions.count }
                print("\(id).\(language)  \(guide.shortHash)  \(guide.title)  " + CommandLineLanguage.pick(
                    "(\(topics) topics, \(questions) questions)", "（\(topics) 个主题，\(questions) 道题）"))
            }
        }
    }
}
