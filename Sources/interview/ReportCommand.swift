import ArgumentParser
import Foundation
import InterviewCore

extension Interview {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the report of a recorded interview: Markdown, JSON or one self-contained HTML file.",
            discussion: """
            The guide comes from the log's first event (a bundled guide with the same id and version), or \
            from --guide. The candidate audience leaves out private notes, reference answers, raw weights, \
            flowcharts and the recommendation.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, html }

        @Argument(help: "A session log written by 'interview run'.")
        var file: String

        @Option(help: "markdown, json or html.")
        var format: Format = .markdown

        enum Audience: String, ExpressibleByArgument, CaseIterable { case interviewer, candidate }

        @Option(help: "interviewer or candidate.")
        var audience: Audience = .interviewer

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        @Option(help: "The guide the session was recorded with, when it is not a bundled one.")
        var guide: String?

        func run() throws {
            let session = RunSessionFile.read(file)
            let guide = session.guide(named: self.guide, path: file)
            if let start = session.start, start.guideHash != guide.contentHash {
                FileHandle.standardError.write(Data("warning: \(file) was recorded with guide version \(start.guideHash.prefix(12)); scoring with \(guide.shortHash)\n".utf8))
            }
            let engine = session.engine(guide, path: file)
            let report = InterviewReport.make(guide: guide, state: engine.state, audience: audience == .candidate ? .candidate : .interviewer)
            let text = switch format {
            case .markdown: MarkdownReport.render(report)
            case .json: JSONReport.render(report)
            case .html: HTMLReport.render(report, guide: guide)
            }
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                UsageError(description: "cannot write \(output): \(error.localizedDescription)").report()
            }
        }
    }
}
