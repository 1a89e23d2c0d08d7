import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check Markdown guides and flowchart.js files for mistakes.",
            discussion: """
            Every ```flow / ```flowchart block of a Markdown guide is checked and named by its nearest \
            heading; any other file is read as one bare flowchart. Exit status: 0 without errors, \
            1 with errors, 2 for usage errors.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "Markdown guides or flowchart files.")
        var files: [String]

        @Option(help: "Output format: text (FILE:LINE:COL: severity: message) or json.")
        var format: Format = .text

        // --language as every other command names it; --lang as lint always has.
        @Option(name: [.customLong("language"), .customLong("lang")],
                help: "Language of the messages; the default follows LC_ALL, LC_MESSAGES or LANG (zh_* gives zh).")
        var lang: Language = Language.preferred(from: ProcessInfo.processInfo.environment)

        @Flag(inversion: .prefixedNo, help: "Show the source line, a caret and the fix under each finding (default: when printing to a terminal).")
        var snippets: Bool?

        func validate() throws {
            if files.isEmpty { throw ValidationError(CommandLineLanguage.pick("give at least one file to lint", "请至少给出一个要检查的文件")) }
        }

        func run() throws {
            var report = LintReport()
            var sources: [String: String] = [:]
            for file in files {
                let (text, invalidUTF8) = InputFile.readNoting(file, bundled: true)
                sources[file] = text
                let document = FlowchartDocument(text: text, path: file)
                if document.isMarkdown {
                    // A Markdown file is a guide: its flowcharts and its structure are checked together.
                    let imported = GuideImporter.importMarkdown(text, path: file)
                    report.add(file: file, chartCount: imported.chartCount, findings: imported.diagnostics.map {
                        LintFinding(file: file, flowchart: $0.flowchart, diagnostic: $0.diagnostic)
                    } + (invalidUTF8.map { [LintFinding(file: file, flowchart: nil, diagnostic: InvalidUTF8.diagnostic(at: $0))] } ?? []))
                } else {
                    report.add(document, file: file, more: invalidUTF8.map { [InvalidUTF8.diagnostic(at: $0)] } ?? [])
                }
            }
            switch format {
            case .json:
                print(report.json(language: lang))
            case .text:
                let showSnippets = snippets ?? (isatty(STDOUT_FILENO) == 1)
                print(TerminalSafe.visible(report.text(sources: showSnippets ? sources : nil, language: lang)), terminator: "")
            }
            if report.errorCount > 0 { throw ExitCode(1) }
        }
    }
}

// `--lang en|zh`: parsed from the raw value; the help lists both from `CaseIterable`.
extension Language: ExpressibleByArgument {}
