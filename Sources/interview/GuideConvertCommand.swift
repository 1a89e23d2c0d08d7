import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview.GuideCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite every flowchart of a guide in Mermaid or flowchart.js, keeping everything else as written.",
            discussion: """
            Node ids, labels, references, gate branches and directions are kept, so the converted guide \
            imports to the same interview. Charts already in the target language are left as they are. \
            Findings in the charts are printed on standard error (the chart is converted as the linter \
            repaired it); the exit status is 1 when a chart had errors.
            """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case mermaid, flowchartjs
            var syntax: DiagramSyntax { self == .mermaid ? .mermaid : .flowchartJS }
        }

        @Argument(help: "A Markdown guide, or a bundled guide (python-backend-senior.zh).")
        var guide: String

        @Option(help: "mermaid or flowchartjs.")
        var to: Target

        @Option(name: .shortAndLong, help: "Where to write the converted guide (default: standard output).")
        var output: String?

        @Option(help: "The language of the findings, en or zh (default: from LANG).")
        var language: RunLanguage?

        func run() throws {
            let markdown = readGuide()
            let result = GuideConversion.convert(markdown, to: to.syntax)
            let language = language?.language ?? Language.preferred(from: ProcessInfo.processInfo.environment)
            for finding in result.diagnostics {
                let d = finding.diagnostic
                FileHandle.standardError.write(Data("\(guide):\(d.position.line):\(d.position.column): \(d.severity.rawValue): \(d.text.text(language))\n".utf8))
            }
            if let output {
                OutputFile.write(result.markdown, to: output, inputs: [guide])
                let summary = language == .zh ? "\(output)：转换了 \(result.converted) 个流程图\n" : "\(output): \(result.converted) chart\(result.converted == 1 ? "" : "s") converted\n"
                FileHandle.standardError.write(Data(summary.utf8))
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
