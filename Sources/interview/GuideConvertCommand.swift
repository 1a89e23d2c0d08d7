import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview.GuideCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Rewrite every flowchart of a guide in Mermaid or flowchart.js, keeping everything else as written.", "把指南中的每个流程图改写为 Mermaid 或 flowchart.js，其余内容保持原样。"),
            discussion: CommandLineLanguage.pick("""
            Node ids, labels, references, gate branches and directions are kept, so the converted guide \
            imports to the same interview. Charts already in the target language are left as they are. \
            Findings in the charts are printed on standard error (the chart is converted as the linter \
            repaired it); the exit status is 1 when a chart had errors.
            """, """
            节点 id、标签、参考答案、判断分支和方向都会保留，因此转换后的指南导入后仍
            是同一场面试。已经是目标语法的流程图保持不变。流程图中发现的问题输出到标
            准错误（流程图按 lint 修复后的样子转换）；有流程图出错时，退出状态为 1。
            """)
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case mermaid, flowchartjs
            var syntax: DiagramSyntax { self == .mermaid ? .mermaid : .flowchartJS }
        }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A Markdown guide, a bundled guide (python-backend-senior.zh), or a bare chart file (.mmd, .flow).", "Markdown 指南、内置指南（如 python-backend-senior.zh），或单独的流程图文件（.mmd、.flow）。")))
        var guide: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("mermaid or flowchartjs.", "mermaid 或 flowchartjs。")))
        var to: Target

        @Option(name: .shortAndLong, help: ArgumentHelp(CommandLineLanguage.pick("Where to write the converted guide (default: standard output).", "转换后指南的写入位置（默认：标准输出）。")))
        var output: String?

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The language of the findings, en or zh (default: from LANG, or with a C or unset locale the guide's own).", "检查结果的语言，en 或 zh（默认：取自 LANG；语言环境为 C 或未设置时，按指南本身的语言）。")))
        var language: RunLanguage?

        func run() throws {
            let markdown = readGuide()
            let result = GuideConversion.convertBareChart(markdown, path: guide, to: to.syntax)
                ?? GuideConversion.convert(markdown, to: to.syntax)
            // As lint: the locale's language, or under a locale that names none the guide's (a Chinese
            // guide's findings came in English under C).
            let language = language?.language
                ?? CommandLineLanguage.about(GuideImporter.importMarkdown(markdown, path: guide))
            for finding in result.diagnostics {
                let d = finding.diagnostic
                FileHandle.standardError.write(Data("\(guide):\(d.position.line):\(d.position.column): \(d.severity.rawValue): \(d.text.text(language))\n".utf8))
            }
            if let output {
                OutputFile.write(result.markdown, to: output, inputs: [guide])
                var summary = language == .zh ? "\(output)：转换了 \(result.converted) 个流程图" : "\(output): \(result.converted) chart\(result.converted == 1 ? "" : "s") converted"
                if result.repaired > 0 {
                    // The converted charts lint clean: say here what the errors above did to them.
                    summary += language == .zh
                        ? "；其中 \(result.repaired) 个有错误，按读取时的修复结果转换——上面的错误所丢掉的内容（未定义的节点、断开的连线）不在转换后的流程图中，请对照原文检查"
                        : "; \(result.repaired) of them had errors and are written as the reader repaired them: what the errors above dropped (an undefined node, a broken line) is not in the converted chart, so check it against the original"
                }
                if result.rewritten > 0 {
                    summary += language == .zh
                        ? "；\(result.rewritten) 个标签已改写（见上面的警告），让另一种语法按原意读取"
                        : "; \(result.rewritten) label\(result.rewritten == 1 ? "" : "s") rewritten (see the warnings above) so the other syntax reads \(result.rewritten == 1 ? "it" : "them") as meant"
                }
                FileHandle.standardError.write(Data((summary + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(Data(result.markdown.utf8))
            }
            if result.diagnostics.contains(where: { $0.diagnostic.severity == .error }) { throw ExitCode(1) }
        }

        private func readGuide() -> String {
            InputFile.read(guide, bundled: true)
        }
    }
}
