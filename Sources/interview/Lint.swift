import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Check Markdown guides and flowchart files (flowchart.js or Mermaid) for mistakes.", "检查 Markdown 指南和流程图文件（flowchart.js 或 Mermaid）中的错误。"),
            discussion: CommandLineLanguage.pick("""
            Every ```flow / ```flowchart block and every ```mermaid flowchart of a Markdown guide is \
            checked and named by its nearest heading; any other file is read as one bare flowchart, in \
            Mermaid when its first statement is flowchart or graph, else in flowchart.js. Exit status: \
            0 without errors, 1 with errors, 2 for usage errors.
            """, """
            Markdown 指南中的每个 ```flow / ```flowchart 代码块和每个 ```mermaid 流程图都会被检查，
            并以离它最近的标题命名；其他文件一律作为单个独立的流程图读取：首条语句为 flowchart
            或 graph 时按 Mermaid 读取，否则按 flowchart.js 读取。退出状态：0 表示没有错误，
            1 表示有错误，2 表示用法错误。
            """)
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("Markdown guides or flowchart files.", "Markdown 指南或流程图文件。")))
        var files: [String]

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Output format: text (FILE:LINE:COL: severity: message, the severity 'error' or 'warning' in every language, as editors' problem matchers read it) or json.", "输出格式：text（FILE:LINE:COL: severity: message；severity 在任何语言下都写作 'error' 或 'warning'，以便编辑器的问题匹配器读取）或 json。")))
        var format: Format = .text

        // --language as every other command names it; --lang as lint always has.
        @Option(name: [.customLong("language"), .customLong("lang")],
                help: ArgumentHelp(CommandLineLanguage.pick("Language of the messages; the default follows LC_ALL, LC_MESSAGES or LANG (zh_* gives zh), or with a C or unset locale the guides' own language.", "消息的语言；默认取决于 LC_ALL、LC_MESSAGES 或 LANG（zh_* 对应 zh）；语言环境为 C 或未设置时，按指南本身的语言。")))
        var lang: Language?

        @Flag(inversion: .prefixedNo, help: ArgumentHelp(CommandLineLanguage.pick("Show the source line, a caret and the fix under each finding (default: when printing to a terminal).", "在每条检查结果下方显示所在的源码行、^ 标记和修复建议（默认：输出到终端时显示）。")))
        var snippets: Bool?

        func validate() throws {
            if files.isEmpty { throw ValidationError(CommandLineLanguage.pick("give at least one file to lint", "请至少给出一个要检查的文件")) }
        }

        func run() throws {
            var report = LintReport()
            var sources: [String: String] = [:]
            // Under a locale that names no language (a container's C.UTF-8), a Chinese guide's findings
            // came in English (a probe): then every guide's own language decides, when they agree.
            var guideLanguages: Set<ReportLanguage> = []
            var unreadable = 0
            for file in files {
                let text: String, invalidUTF8: SourcePosition?
                switch InputFile.readOrRefuse(file, bundled: true) {
                case .success(let read): (text, invalidUTF8) = read
                case .failure(let refusal):
                    // Said, and the other files still checked; the exit is 2 at the end, as for one file.
                    refusal.say()
                    unreadable += 1
                    continue
                }
                sources[file] = text
                let document = FlowchartDocument(text: text, path: file)
                if document.isMarkdown {
                    // A Markdown file is a guide: its flowcharts and its structure are checked together.
                    let imported = GuideImporter.importMarkdown(text, path: file)
                    guideLanguages.insert(ReportLanguage(guide: imported.guide))
                    report.add(file: file, chartCount: imported.chartCount, findings: imported.diagnostics.map {
                        LintFinding(file: file, flowchart: $0.flowchart, diagnostic: $0.diagnostic)
                    } + (invalidUTF8.map { [LintFinding(file: file, flowchart: nil, diagnostic: InvalidUTF8.diagnostic(at: $0))] } ?? []))
                } else {
                    report.add(document, file: file, more: invalidUTF8.map { [InvalidUTF8.diagnostic(at: $0)] } ?? [])
                }
            }
            // Nothing read, nothing to say beyond why (a single missing file printed an empty summary).
            if unreadable == files.count { throw ExitCode(2) }
            let lang = self.lang ?? Language.named(in: ProcessInfo.processInfo.environment)
                ?? (guideLanguages == [.zh] ? .zh : .en)
            switch format {
            case .json:
                print(report.json(language: lang))
            case .text:
                let showSnippets = snippets ?? (isatty(STDOUT_FILENO) == 1)
                print(TerminalSafe.visible(report.text(sources: showSnippets ? sources : nil, language: lang)), terminator: "")
            }
            if unreadable > 0 { throw ExitCode(2) }
            if report.errorCount > 0 { throw ExitCode(1) }
        }
    }
}

// `--lang en|zh`: parsed from the raw value; the help lists both from `CaseIterable`.
extension Language: ExpressibleByArgument {}
