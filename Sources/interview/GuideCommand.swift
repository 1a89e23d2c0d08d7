import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct GuideCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guide",
            abstract: "Show, export, compare and convert interview guides.",
            subcommands: [Show.self, Export.self, Diff.self, List.self, Convert.self]
        )
    }
}

/// A guide named on the command line: a Markdown or JSON file, or a bundled guide as `id` or `id.lang`.
enum GuideArgument {
    static func load(_ name: String) -> ImportedGuide {
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

    /// Errors in the guide are shown on stderr; the command still works on the repaired guide.
    static func warn(_ imported: ImportedGuide, file: String) {
        let errors = imported.errors
        guard !errors.isEmpty else { return }
        let message = CommandLineLanguage.pick(
            "\(file): \(errors.count) error\(errors.count == 1 ? "" : "s") in the guide; run 'interview lint \(file)' for details\n",
            "\(file)：指南中有 \(errors.count) 个错误；运行 'interview lint \(file)' 查看详情\n")
        FileHandle.standardError.write(Data(message.utf8))
    }
}

extension Interview.GuideCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a guide as a tree: stages, topics, questions with weights and references, gates.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "A guide file (Markdown or exported JSON) or a bundled guide (python-backend-senior.en).")
        var guide: String

        @Option(help: "text or json.")
        var format: Format = .text

        @Option(help: "The language of the tree's own words, en or zh (default: the guide's).")
        var language: RunLanguage?

        func run() throws {
            let imported = GuideArgument.load(guide)
            GuideArgument.warn(imported, file: guide)
            let words = language.map { $0.language == .zh ? ReportLanguage.zh : .en }
            print(format == .json ? GuideOutline.json(imported.guide)
                  : TerminalSafe.visible(GuideOutline.text(imported.guide, language: words)), terminator: "")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a guide as Markdown with its annotations made explicit, or as JSON.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

        @Argument(help: "A guide file or a bundled guide.")
        var guide: String

        @Option(help: "markdown or json.")
        var format: Format = .markdown

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let imported = GuideArgument.load(guide)
            GuideArgument.warn(imported, file: guide)
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
            abstract: "List what changes between two versions of a guide: questions, references, weights.",
            discussion: """
            Each question added, removed or changed says whether it stays the same question in the question \
            bank (its figures carry over), moved, or becomes a new one (its figures start again), by the \
            bank's rules (docs/guide-format.md). Only these two versions are compared: the server's bank \
            also matches the same wording in other guides.
            """)

        @Argument(help: "The earlier version.")
        var old: String

        @Argument(help: "The later version.")
        var new: String

        @Option(help: "en or zh (default: the later version's language, else the locale).")
        var language: RunLanguage?

        func run() throws {
            let before = GuideArgument.load(old).guide
            let after = GuideArgument.load(new).guide
            let shown = language?.language
                ?? (after.language == "zh" ? .zh : after.language == "en" ? .en : Language.preferred(from: ProcessInfo.processInfo.environment))
            print("\(old) [\(before.shortHash)] → \(new) [\(after.shortHash)]")
            print(TerminalSafe.visible(GuideDiff(old: before, new: after).text(shown)), terminator: "")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled guides.")

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
