import Foundation
import Testing

@Suite("interview run (scripted, standard input not a terminal)")
struct RunCommandTests {
    static let guide = CommandRunner.fixture("run-short-guide.md")
    /// A whole interview of the short guide: gates, an invalid command, a shared note, a skip.
    static let script = ["f", "3", "zz", "4", "y", "2", "M clear on idempotency", "4", "s already covered", "f"]

    @Test func aScriptedInterviewRunsToTheEndAndPrintsTheSummary() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        // act
        let result = try RunProcess.run(["run", Self.guide, "--session", log, "--candidate", "C-9"], input: Self.script)
        // verify: 3.1 = (3 + 4 + 2×2) / (4 + 4 + 4×2) = 68.75; 3.2 = 4/4 (op2 skipped); overall 84.4
        #expect(result.status == 0)
        #expect(result.stdout.contains("error: unknown command 'zz'; ? lists the commands\n"))
        #expect(result.stdout.contains("Overall score 84.4 · Recommendation by score Hire · Accuracy 84.4 · Coverage of the topics rated 100.0"))
        #expect(result.stdout.contains("  3.1 Caching: Score 68.8 · Accuracy 68.8 · Coverage 100.0 · Depth (level rated / deepest) 2/2"))
        #expect(result.stdout.contains("recorded #1 started short-backend\n"))
        let logLines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let acknowledged = result.stdout.split(separator: "\n").filter { $0.hasPrefix("recorded #") }
        #expect(acknowledged.count == logLines.count)
        #expect(logLines.last?.contains(#""type":"interviewFinished""#) == true)
    }

    /// Each recorded note says where it was filed; `b` then `m` files it under the question rated before.
    @Test func aNoteSaysWhichQuestionItIsFiledUnder() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        // act: rate op1, a note (on op2, now asked), then back to op1 and a note there
        let result = try RunProcess.run(["run", Self.guide, "--session", log], input: ["f", "3", "m on the next one", "b", "m about op1", "q"])
        // verify
        #expect(result.stdout.contains("noteAdded (private) on 3.1/op2\n"))
        #expect(result.stdout.contains("noteAdded (private) on 3.1/op1\n"))
    }

    /// A Mermaid note tied to a question or a gate is printed beside it, and never asked.
    @Test func theGuidesNotesArePrintedBesideTheirQuestionAndGate() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InterviewCoreTests/Fixtures/notes.md").path
        // act
        let result = try RunProcess.run(["run", guide, "--session", dir.appendingPathComponent("s.jsonl").path], input: ["3", "y", "4", "q"])
        // verify
        #expect(result.stdout.contains("Q: Explain the GIL\n✎ Move to 3.2 if they mention asyncio\n"), "\(result.stdout)")
        #expect(result.stdout.contains("? Go deeper?\n✎ Only if time allows\n"))
        #expect(!result.stdout.contains("Q: Move to 3.2"))
        #expect(result.stdout.contains("q2 (2 of 2)"), "two questions, the notes not among them")
    }

    @Test func anExistingSessionIsNeverOverwritten() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        _ = try RunProcess.run(["run", Self.guide, "--session", log], input: ["f", "q"])
        // act
        let again = try RunProcess.run(["run", Self.guide, "--session", log], input: ["q"])
        // verify
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds a session; continue it with --resume"))
    }

    /// An empty file resumed said it had restored an event and began a new interview on the default guide.
    /// From a recheck: a file holding something else was said to hold a session, to be resumed.
    @Test func aFileThatIsNoSessionLogIsSaidToBeNone() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("notes.txt").path
        try Data("garbage{\n".utf8).write(to: URL(fileURLWithPath: log))
        // act
        let result = try CommandRunner.run(["run", Self.guide, "--session", log], environment: ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify: refused, said for what it is, the file untouched
        #expect(result.status == 2 && result.stderr.contains("is not empty and is not a session log"), "\(result.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "garbage{\n")
    }

    @Test func anEmptySessionFileIsNothingToResume() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("empty.jsonl").path
        FileManager.default.createFile(atPath: log, contents: Data())
        // act
        let resumed = try RunProcess.run(["run", Self.guide, "--session", log, "--resume"], input: ["q"])
        // verify: refused, and the file is still empty
        #expect(resumed.status == 2 && resumed.stderr.contains("holds no events, so there is nothing to resume"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)).isEmpty)
    }

    @Test func resumeContinuesWhereTheLogStops() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        let first = try RunProcess.run(["run", Self.guide, "--session", log], input: ["f", "3", "q"])
        // act
        let second = try RunProcess.run(["run", Self.guide, "--session", log, "--resume"], input: ["4", "q"])
        // verify
        #expect(first.stdout.contains("saved: 8 events; continue with --resume"))
        // The time away is closed by a `resumed` event first, so it counts to no stage and not to the duration.
        #expect(second.stdout.hasPrefix("resumed 8 events\nrecorded #9 resumed\n"))
        #expect(second.stdout.contains("\nrecorded #10 rated 3.1/op2 4\n"))
    }

    /// docs/scoring.md: ratings and notes are still accepted after the interview ends. A finished log
    /// resumed printed the summary and ignored every key (a recheck).
    @Test func aFinishedInterviewResumedTakesACorrectionAndANote() throws {
        // setup: an interview rated once and ended
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        _ = try RunProcess.run(["run", Self.guide, "--session", log], input: ["f", "3", "e", "y"])
        // act
        let resumed = try RunProcess.run(["run", Self.guide, "--session", log, "--resume"], input: ["b", "1", "m after the end", "q"])
        // verify: the correction and the note recorded, the summary with the new score
        #expect(resumed.stdout.contains("Ratings can still be corrected"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("\nrecorded #10 rated 3.1/op1 1\n") && resumed.stdout.contains("\nrecorded #11 noteAdded (private)"))
        #expect(resumed.stdout.contains("Overall score 25.0"))
    }

    /// Cut off while its first event was written: neither resumable nor begun again, it was stuck (a probe).
    @Test func aLogCutOffInItsFirstEventIsBegunAgain() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("torn.jsonl").path
        try Data(#"{"at":"2026-12-08T00:30"#.utf8).write(to: URL(fileURLWithPath: log))
        // act
        let begun = try RunProcess.run(["run", Self.guide, "--session", log], input: ["q"])
        // verify: said, begun, and every line of the log a whole event
        #expect(begun.status == 0, "\(begun.stderr)")
        #expect(begun.stderr.contains("holds only an unfinished first event; the session begins again over it"))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        #expect(lines.first?.contains("\"started\"") == true)
    }

    @Test func anUnfinishedLastLineIsDroppedWithAWarningAndTheLogGoesOn() throws {
        // setup: a crash in the middle of writing event 3
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        _ = try RunProcess.run(["run", Self.guide, "--session", log], input: ["q"])
        let handle = try #require(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"at":"2025-03-01T09:0"#.utf8))
        handle.closeFile()
        // act
        let resumed = try RunProcess.run(["run", Self.guide, "--session", log, "--resume"], input: ["f", "q"])
        // verify: every line of the log is a whole event again
        #expect(resumed.stderr.contains("line 3 is incomplete (the session stopped while writing it) and was ignored"))
        #expect(resumed.stdout.contains("recorded #3 resumed\n") && resumed.stdout.contains("recorded #4 stageFinished 1"))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }
    @Test func theInterviewerIsRecordedBesideTheCandidate() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        // act
        let result = try RunProcess.run(["run", Self.guide, "--session", log, "--candidate", "C-9", "--interviewer", "Olga"], input: ["q"])
        // verify: in the first event, so a session file says who rated without anything else
        #expect(result.status == 0)
        let first = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(#""type":"started""#) && first.contains(#""candidate":"C-9""#) && first.contains(#""interviewer":"Olga""#))
        let resumed = try RunProcess.run(["run", Self.guide, "--session", log, "--resume"], input: ["q"])
        #expect(resumed.status == 0 && !resumed.stderr.contains("not used when resuming"))
        // a resume cannot change who the log names, and says so rather than dropping the option silently
        let renamed = try RunProcess.run(["run", Self.guide, "--session", log, "--resume", "--interviewer", "Ivan"], input: ["q"])
        #expect(renamed.status == 0 && renamed.stderr.contains("records --interviewer 'Olga' since it began; 'Ivan' is not used when resuming"))
    }

    /// The "n of N" beside a question counts in the order asked: after a fork the drawing's order ran
    /// backwards (a probe saw "5 of 6" followed by "4 of 6").
    @Test func questionsAreCountedInTheOrderAsked() throws {
        // setup: a fork whose three paths meet at j, asked after all of them (the engine's own test guide)
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InterviewCoreTests/Fixtures/parallel.md").path
        // act
        let result = try RunProcess.run(["run", guide, "--session", dir.appendingPathComponent("s.jsonl").path, "--plain"],
                                        input: ["3", "3", "3", "3", "3", "q"])
        // verify
        let counts = result.stdout.components(separatedBy: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #"\(\d of 5\)"#, options: .regularExpression) else { return nil }
            return String(line[range])
        }
        #expect(counts == ["(1 of 5)", "(2 of 5)", "(3 of 5)", "(4 of 5)", "(5 of 5)"], "\(result.stdout)")
    }

    @Test func aChineseGuideRunsInChineseAndLanguageOverridesIt() throws {
        // setup: the default guide is the bundled Chinese seed
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // act
        let chinese = try RunProcess.run(["run", "--session", dir.appendingPathComponent("zh.jsonl").path], input: ["zz", "y", "q"])
        let english = try RunProcess.run(["run", "--session", dir.appendingPathComponent("en.jsonl").path, "--language", "en"],
                                         input: ["zz", "y", "q"])
        // verify: the runner's words, its acknowledgements, the engine's refusals and the summary on quit
        // follow the language; English keeps the log's event names, which scripts match
        #expect(chinese.stdout.contains("已记录 #1 开始面试 python-backend-senior\n已记录 #2 进入阶段 0\n"))
        #expect(chinese.stdout.contains("\n总结 — ") && !chinese.stdout.contains("Summary"))
        #expect(english.stdout.contains("\nSummary — ") && !english.stdout.contains("总结"))
        #expect(chinese.stdout.contains("错误：没有命令 'zz'；按 ? 查看所有命令\n"))
        #expect(chinese.stdout.contains("错误：现在没有需要回答是/否的判断\n"))
        #expect(chinese.stdout.contains("已保存 "))
        #expect(!chinese.stdout.contains("recorded #"))
        #expect(english.stdout.contains("recorded #1 started "))
        #expect(english.stdout.contains("error: unknown command 'zz'; ? lists the commands\n"))
        #expect(english.stdout.contains("error: no yes/no decision now\n"))
    }

    /// From a probe: a session file the runner could not read was said in English beside the Chinese
    /// runner, `--language zh` or not; it follows `--language`, else (under a C locale) the guide's.
    @Test func aSessionFileItCannotReadIsSaidInTheRunnersLanguage() throws {
        // setup: a log whose first line is not an event
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: log))
        let cLocale = ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""]
        // act: the bundled Chinese seed, then with --language en, then an English guide
        let chinese = try CommandRunner.run(["run", "python-backend-senior.zh", "--session", log, "--resume"], environment: cLocale)
        let english = try CommandRunner.run(["run", "python-backend-senior.zh", "--session", log, "--resume", "--language", "en"],
                                            environment: cLocale)
        let englishGuide = try CommandRunner.run(["run", Self.guide, "--session", log, "--resume"], environment: cLocale)
        // verify
        #expect(chinese.status == 2 && chinese.stderr.contains("错误：\(log)：第 1 行：不是 JSON 对象"), "\(chinese.stderr)")
        #expect(english.status == 2 && english.stderr.contains("Error: \(log): line 1: not a JSON object"), "\(english.stderr)")
        #expect(englishGuide.stderr.contains("Error: \(log): line 1: not a JSON object"), "\(englishGuide.stderr)")
    }

    /// The prose under a topic's heading is the author's advice for it; the console showed it, the runner
    /// only its group's.
    @Test func aTopicsOwnGuidanceIsShownUnderItsQuestions() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // act: the three talk stages, then 3.1's first question
        let result = try RunProcess.run(["run", "--session", dir.appendingPathComponent("s.jsonl").path, "--plain"], input: ["f", "f", "f", "q"])
        // verify: 3.1's own advice, then the cue of group 3.2 after it
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let own = try #require(lines.firstIndex { $0.hasPrefix("» 3.1 Python Web 框架与部署：技术环节的第一个主题") }, "\(result.stdout)")
        #expect(lines.firstIndex { $0.hasPrefix("» 3.2 缓存与数据库：") }.map { $0 > own } == true)
    }

    /// From a probe: a list in a topic's advice showed its Markdown markers raw on the advice's one line.
    @Test func aListInATopicsAdviceReadsAsPointsOnItsLine() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = dir.appendingPathComponent("g.md").path
        try "# G\n## 1. T\n### 1.1 A\nAdvice:\n- point one\n* point two\n```flow\nst=>start: S\nop1=>operation: Q\nst->op1\n```\n"
            .write(toFile: guide, atomically: true, encoding: .utf8)
        // act
        let result = try RunProcess.run(["run", guide, "--session", dir.appendingPathComponent("s.jsonl").path, "--plain"], input: ["q"])
        // verify
        #expect(result.stdout.contains("» 1.1 A: Advice: • point one • point two\n"), "\(result.stdout)")
    }

    /// From a probe: a stage with topics and a list of prompts went straight to its first topic's
    /// question, and neither its prompts nor its prose were ever shown.
    @Test func aStagesPromptsAreShownBesideItsTopicsAndItsProseUntilARating() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = dir.appendingPathComponent("g.md").path
        try """
            # 测试
            ## 1. 技术（必选）
            技术环节说明。
            - 先问最近的项目
            - 再问团队分工
            ### 1.1 Python 基础
            ```flow
            st=>start: 开始
            op1=>operation: 什么是生成器（yield）
            op2=>operation: 什么是装饰器（闭包）
            e=>end
            st->op1->op2->e
            ```
            """.write(toFile: guide, atomically: true, encoding: .utf8)
        // act: the first question, rated, then the second
        let result = try RunProcess.run(["run", guide, "--session", dir.appendingPathComponent("s.jsonl").path, "--plain"], input: ["3", "q"])
        // verify
        let screens = result.stdout.components(separatedBy: "问：")
        #expect(screens.count == 3, "\(result.stdout)")
        #expect(screens[1].contains("» 1 技术：技术环节说明。\n   1 先问最近的项目\n   2 再问团队分工\n"), "\(screens[1])")
        #expect(screens[2].contains("» 1 技术\n   1 先问最近的项目\n") && !screens[2].contains("技术环节说明"), "\(screens[2])")
    }
}

/// Runs the built `interview` with lines on standard input (CommandRunner gives it none).
enum RunProcess {
    static func run(_ arguments: [String], input: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, out, err)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.map { $0 + "\n" }.joined().utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

}
