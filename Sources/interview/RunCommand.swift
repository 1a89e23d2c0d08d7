import ArgumentParser
import Foundation
import InterviewCore
#if canImport(Glibc)
import Glibc
#endif

extension Interview {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Run an interview along a guide, recording every event to a session log.", "按指南进行面试，把每个事件记入面试记录。"),
            discussion: CommandLineLanguage.pick("""
            On a terminal, one key per command: 0-4 rate, y/n gate, m note, j jump, s skip, b back, \
            r reference, f next, e end, ? help, q save and quit. With standard input not a terminal, the \
            same commands are read one per line ('m <text>', 'j 3.2.1', 's <reason>', 'p 2'). Every event is \
            on disk (fsync) before it is shown as recorded; --resume continues the log after a quit or a crash.
            """, """
            在终端中每个命令一个按键：0-4 评分，y/n 判断，m 备注，j 跳转，
            s 跳过，b 返回，r 参考答案，f 下一步，e 结束，? 帮助，q 保存并
            退出。标准输入不是终端时，每行读取一条同样的命令（'m <text>'、
            'j 3.2.1'、's <reason>'、'p 2'）。每个事件都先写入磁盘（fsync），
            再显示为已记录；退出或崩溃之后，用 --resume 接着这份记录继续。
            """)
        )

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A guide file or a bundled guide (default: python-backend-senior, in Chinese).", "指南文件或内置指南（默认：python-backend-senior 的中文版）。")))
        var guide: String?

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The session log (JSON Lines) to write.", "要写入的面试记录（JSON Lines）。")))
        var session: String

        @Flag(help: ArgumentHelp(CommandLineLanguage.pick("Continue the session already in the log.", "继续面试记录中已有的面试。")))
        var resume = false

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("A label for the candidate (a code rather than a name).", "候选人的标识（用代号，不要用姓名）。")))
        var candidate: String?

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("Who runs the interview (recorded beside the candidate, for calibrating interviewers).", "主持面试的人（与候选人一同记录，用于校准面试官）。")))
        var interviewer: String?

        @Flag(help: ArgumentHelp(CommandLineLanguage.pick("Read one command per line and print plain text, even on a terminal.", "即使在终端中，也每行读取一条命令并输出纯文本。")))
        var plain = false

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The runner's language, en or zh (default: the guide's language).", "面试界面的语言，en 或 zh（默认：指南的语言）。")))
        var language: RunLanguage?

        func run() throws {
            // Without a guide: a new session runs the bundled Chinese seed; a resumed one, the log's guide,
            // not known before the log is read (the locale's language until then).
            CommandLineLanguage.speak(language?.language, guide: guide ?? (resume ? nil : BundledGuides.seniorPythonID))
            var guideErrors = 0
            let driver = openSession(guideErrors: &guideErrors)
            var runner = RunSession(driver: driver, replayed: resume ? driver.engine.events.count : 0, language: language?.language)
            runner.correctingAfterEnd = resume && driver.state.isFinished
            if guideErrors > 0, let guide { runner.error = runner.labels.guideErrors(guideErrors, file: guide) }
            if !plain && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
                // The summary has said what is saved and how to go on; the status says it was interrupted.
                if TerminalRunner.run(&runner, path: session) { throw ExitCode(130) }
            } else {
                PlainRunner.run(&runner)
            }
        }

        /// The driver over the replayed log, persisting each new event with append + fsync.
        private func openSession(guideErrors: inout Int) -> SessionDriver {
            if let guide, OutputFile.sameFile(guide, session) {
                UsageError("the session file \(session) is the guide itself; name a new file for the session, such as interview.jsonl",
                           "面试记录文件 \(session) 就是指南本身；请为记录另起一个文件，例如 interview.jsonl").report()
            }
            var file = RunSessionFile(log: SessionLog(events: []), start: nil)
            // A log cut off while its first event was written (a crash, a full disk) holds one unfinished line
            // and nothing else: it could be neither resumed ("holds no events") nor begun again ("not a session
            // log": a probe). It is begun again, over that line.
            var tornFirstLine = false
            if !resume, let data = FileManager.default.contents(atPath: session), !data.isEmpty, !data.contains(0x0A),
               data.first == UInt8(ascii: "{"), let log = try? SessionLog.decode(data), log.events.isEmpty {
                tornFirstLine = true
                FileHandle.standardError.write(Data(CommandLineLanguage.pick(
                    "note: \(session) holds only an unfinished first event; the session begins again over it\n",
                    "注意：\(session) 只有一个没写完的首个事件；面试从头开始并覆盖它\n").utf8))
            }
            if resume {
                file = RunSessionFile.read(session)
                // An empty file resumed said it restored an event and began a new interview on the default
                // guide (the terminal probe): there is nothing to continue.
                if file.log.events.isEmpty {
                    UsageError("\(session) holds no events, so there is nothing to resume: run the same command without --resume to begin",
                               "\(session) 中没有任何事件，没有可继续的面试：去掉 --resume 再运行同一命令即可开始").report()
                }
            } else if !tornFirstLine, let data = FileManager.default.contents(atPath: session), !data.isEmpty {
                // A file that holds something else was said to hold a session, and --resume then failed on it
                // (a recheck): said for what it is. Either way it is left as it is.
                guard let log = try? SessionLog.decode(data), case .started? = log.events.first?.kind else {
                    UsageError("\(session) is not empty and is not a session log; choose another file (it is left as it is)",
                               "\(session) 不是空文件，也不是面试记录；请换一个文件（它保持原样）").report()
                }
                UsageError("\(session) already holds a session; continue it with --resume, or choose another file",
                           "\(session) 里已有一场面试；用 --resume 继续，或换一个文件").report()
            }
            let guide = file.guide(named: guide, path: session, runs: true, errors: &guideErrors, language: language?.language, speaksGuide: true)
            // A file read as a guide with nothing to ask (random bytes, an empty file, a bare chart with no
            // stages) once started and finished at once; say so instead.
            if guide.stages.allSatisfy({ $0.questions.isEmpty && $0.topics.allSatisfy { $0.questions.isEmpty } }) {
                UsageError("\(self.guide ?? session) has no questions to ask: no stage lists questions and no topic has a flowchart "
                           + "with one; check it with 'interview lint'",
                           "\(self.guide ?? session) 没有可问的问题：没有阶段列出问题，也没有主题的流程图里有问题；请用 'interview lint' 检查").report()
            }
            if let start = file.start, start.guideHash != guide.contentHash {
                UsageError("\(session) was recorded with guide version \(start.guideHash.prefix(12)), not \(guide.shortHash); "
                           + "resume it with the guide it was recorded with",
                           "\(session) 是用指南版本 \(start.guideHash.prefix(12)) 记录的，不是 \(guide.shortHash)；请用记录时的指南继续").report()
            }
            // The log's first event names its candidate and interviewer; a resume cannot change them, and
            // said nothing when asked to (a probe).
            if let start = file.start {
                for (option, asked, recorded) in [("--candidate", candidate, start.candidate), ("--interviewer", interviewer, start.interviewer)]
                    where asked != nil && asked != recorded {
                    FileHandle.standardError.write(Data(CommandLineLanguage.pick(
                        "note: \(session) records \(option) '\(recorded ?? "")' since it began; '\(asked!)' is not used when resuming\n",
                        "注意：\(session) 从开始起记录的 \(option) 是 '\(recorded ?? "")'；继续面试时不使用 '\(asked!)'\n").utf8))
                }
            }
            let engine = file.engine(guide, path: session)
            let log: SessionLogFile
            do {
                log = try SessionLogFile(path: session, validLength: resume ? file.log.validLength : tornFirstLine ? 0 : nil)
            } catch {
                UsageError(error).report()
            }
            var driver = SessionDriver(engine: engine, clock: SystemClock()) { try log.append($0) }
            if engine.events.isEmpty {
                do {
                    _ = try driver.record(.started(SessionStart(guideID: guide.id, guideHash: guide.contentHash,
                                                                guideTitle: guide.title, candidate: candidate,
                                                                interviewer: interviewer)))
                } catch {
                    let why = UsageError(error).description
                    UsageError("cannot start the session: \(why)", "无法开始面试：\(why)").report()
                }
            }
            return driver
        }
    }
}
