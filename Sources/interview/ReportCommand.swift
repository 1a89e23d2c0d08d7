import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Write the report of a recorded interview, or the combined report of a panel: Markdown, JSON or HTML.", "为一场已记录的面试写报告，或为面试小组写汇总报告：Markdown、JSON 或 HTML。"),
            discussion: CommandLineLanguage.pick("""
            The guide comes from the log's first event (a bundled guide with the same id and version), or \
            from --guide. The candidate audience leaves out private notes, reference answers, raw weights, \
            flowcharts and the recommendation. Given several session logs of the same candidate (one per \
            interviewer, named as the logs record them, else after their files), it writes the panel's debrief instead: question by question \
            with the most disputed first, the recommendations, the score range and the raters' agreement; \
            with --audience candidate, the panel's one feedback for the candidate, each number the mean of the \
            interviewers' cards.
            """, """
            指南取自面试记录的第一个事件（id 和版本都相同的内置指南），或由 --guide 指定。
            给候选人的版本不含私人备注、参考答案、原始权重、流程图和推荐结论。若给出同一位
            候选人的多份面试记录（每位面试官一份，面试官以记录中的姓名标识，没有则以文件名），则改为写出面试小组
            的讨论汇总：逐题对比（分歧最大的在前）、各位面试官的推荐结论、得分范围以及面试
            官之间的一致性；加上 --audience candidate 时，写出面试小组给候选人的一份反馈，每个分数是各位面试官评分卡的平均。
            """)
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, html }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A session log written by 'interview run'; several logs of one candidate make the panel's report.", "由 'interview run' 写出的面试记录；同一位候选人的多份记录合成面试小组的报告。")))
        var files: [String]

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("markdown, json or html.", "markdown、json 或 html。")))
        var format: Format = .markdown

        enum Audience: String, ExpressibleByArgument, CaseIterable { case interviewer, candidate }

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("interviewer or candidate.", "interviewer（面试官）或 candidate（候选人）。")))
        var audience: Audience = .interviewer

        @Option(name: .shortAndLong, help: ArgumentHelp(CommandLineLanguage.pick("Write to this file instead of standard output.", "写入这个文件，而不是标准输出。")))
        var output: String?

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The guide the session was recorded with, when it is not a bundled one.", "记录这场面试时所用的指南（不是内置指南时）。")))
        var guide: String?

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The report's language, en or zh (default: the guide's language; a run with --language is not recorded in the log, so name it here again).",
                                                            "报告的语言，en 或 zh（默认：指南的语言；面试时的 --language 不会记入记录，需要在这里再次指定）。")))
        var language: RunLanguage?

        /// `--language`, else the guide's.
        private func reportLanguage(_ guide: Guide) -> ReportLanguage {
            language.map { $0 == .zh ? .zh : .en } ?? ReportLanguage(guide: guide)
        }

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError(CommandLineLanguage.pick("name at least one session log", "请至少给出一个面试记录")) }
        }

        func run() throws {
            CommandLineLanguage.speak(language?.language, guide: guide)
            guard files.count == 1 else { return write(panelReport()) }
            let file = files[0]
            let session = RunSessionFile.read(file)
            if session.log.events.isEmpty { UsageError("\(file) holds no events: nothing was recorded in it", "\(file) 里没有事件：什么也没有记录").report() }
            let guide = session.guide(named: self.guide, path: file, language: language?.language, speaksGuide: true)
            if let start = session.start, start.guideHash != guide.contentHash {
                FileHandle.standardError.write(Data(CommandLineLanguage.pick(
                    "warning: \(file) was recorded with guide version \(start.guideHash.prefix(12)); scoring with \(guide.shortHash)\n",
                    "警告：\(file) 是用指南版本 \(start.guideHash.prefix(12)) 记录的；按 \(guide.shortHash) 评分\n").utf8))
            }
            let engine = session.engine(guide, path: file)
            let report = InterviewReport.make(guide: guide, state: engine.state, audience: audience == .candidate ? .candidate : .interviewer,
                                              language: reportLanguage(guide))
            write(render(report, guide: guide))
        }

        private func render(_ report: InterviewReport, guide: Guide) -> String {
            switch format {
            case .markdown: MarkdownReport.render(report)
            case .json: JSONReport.render(report)
            case .html: HTMLReport.render(report, guide: guide)
            }
        }

        /// Each interviewer by the name their log records ('interview run --interviewer'); a log that names
        /// no one by its file name, and a name two logs share with the file name beside it, so every column
        /// is told apart.
        static func raterNames(_ logs: [(file: String, interviewer: String?)]) -> [String] {
            let names = logs.map { $0.interviewer?.trimmingCharacters(in: .whitespaces) ?? "" }
            let files = logs.map { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent }
            return zip(names, files).map { name, file in
                if name.isEmpty { return file }
                return names.filter { $0 == name }.count > 1 ? "\(name) (\(file))" : name
            }
        }

        /// Every log replayed over the first one's guide (all must share it) and set side by side.
        private func panelReport() -> String {
            let sessions = files.map { ($0, RunSessionFile.read($0)) }
            checkOnePanel(sessions)
            let guide = sessions[0].1.guide(named: self.guide, path: sessions[0].0, language: language?.language, speaksGuide: true)
            for (file, session) in sessions.dropFirst() where session.start.map({ $0.guideHash != guide.contentHash }) ?? false {
                FileHandle.standardError.write(Data(CommandLineLanguage.pick(
                    "warning: \(file) was recorded with another guide version; compared on the questions it shares\n",
                    "警告：\(file) 是用另一个指南版本记录的；只比较两者共有的题目\n").utf8))
            }
            let raters = Self.raterNames(sessions.map { ($0.0, $0.1.start?.interviewer) })
            let cards = zip(sessions, raters).map { pair, rater in
                PanelDebrief.Card(rater: rater, state: pair.1.engine(guide, path: pair.0).state)
            }
            // The candidate's version of a panel: one feedback, every number the cards' mean.
            if audience == .candidate, let report = InterviewReport.panelFeedback(guide: guide, states: cards.map(\.state),
                                                                                  language: reportLanguage(guide)) {
                return render(report, guide: guide)
            }
            let document = PanelDebriefDocument(PanelDebrief.make(guide: guide, cards: cards),
                                                language: reportLanguage(guide))
            let candidate = sessions.compactMap { $0.1.start?.candidate }.first
            switch format {
            case .markdown:
                return PanelDebriefMarkdown.render(document, candidate: candidate)
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
            case .html:
                return PanelDebriefHTML.render(document, candidate: candidate)
            }
        }

        private func write(_ text: String) {
            guard let output else {
                // Notes come from session files: shown, never obeyed, on a terminal (`TerminalSafe`).
                print(TerminalSafe.visible(text), terminator: "")
                return
            }
            OutputFile.write(text, to: output, inputs: files + [guide].compactMap { $0 })
        }

        /// A debrief sets one candidate's panel side by side: each log once, all of one candidate and guide.
        /// (A helper's audit had the logs of two candidates make one debrief, and a log given twice agree with itself.)
        private func checkOnePanel(_ sessions: [(String, RunSessionFile)]) {
            for (i, (file, session)) in sessions.enumerated() {
                if session.log.events.isEmpty { UsageError("\(file) holds no events: nothing was recorded in it", "\(file) 里没有事件：什么也没有记录").report() }
                if let twice = sessions[..<i].first(where: { OutputFile.sameFile($0.0, file) }) {
                    UsageError("\(file) is given twice (as \(twice.0)); a debrief needs each interviewer's log once",
                               "\(file) 给了两次（也作为 \(twice.0)）；汇总需要每位面试官的记录各一份").report()
                }
                // A copy of a log under another name began with the same event at the same moment: it read as a
                // second interviewer in full agreement with the first (κ = 1.00: a probe).
                if let first = session.log.events.first,
                   let copy = sessions[..<i].first(where: { $0.1.log.events.first == first }) {
                    UsageError("\(file) and \(copy.0) are one session (they begin with the same event at the same moment): a copy; a debrief needs each interviewer's log once",
                               "\(file) 和 \(copy.0) 是同一场面试的记录（以同一时刻的同一事件开始），是副本；汇总需要每位面试官的记录各一份").report()
                }
            }
            // A log that names no candidate (`interview run` without --candidate) cannot be checked: said,
            // not refused, since two such logs of one candidate are the usual terminal panel.
            let unnamed = sessions.filter { $0.1.start?.candidate == nil }.map(\.0)
            if sessions.count > 1, !unnamed.isEmpty {
                FileHandle.standardError.write(Data(CommandLineLanguage.pick(
                    "warning: \(unnamed.joined(separator: ", ")) \(unnamed.count == 1 ? "names" : "name") no candidate; the debrief takes every log to be of one candidate (interview run --candidate names one)\n",
                    "警告：\(unnamed.joined(separator: "、")) 没有写明候选人；汇总把所有记录都当作同一位候选人的（interview run --candidate 可写明）\n").utf8))
            }
            let candidates = Set(sessions.map { $0.1.start?.candidate ?? "" })
            if candidates.count > 1 {
                let named = sessions.map { "\($0.0): \($0.1.start?.candidate.map { "'\($0)'" } ?? "no candidate")" }.joined(separator: ", ")
                UsageError("the logs are of different candidates (\(named)); a debrief is one candidate's panel",
                           "这些记录属于不同的候选人（\(named)）；汇总针对一位候选人的面试小组").report()
            }
            let guides = Set(sessions.compactMap { $0.1.start.map { $0.guideID ?? $0.guideTitle } })
            if guides.count > 1 {
                UsageError("the logs follow different guides (\(guides.sorted().joined(separator: ", "))); a debrief compares one guide's questions",
                           "这些记录使用了不同的指南（\(guides.sorted().joined(separator: "、"))）；汇总比较的是同一份指南的问题").report()
            }
        }
    }
}
