import Foundation
import Testing

@Suite("interview lint")
struct LintCommandTests {
    @Test func aBundledGuideIsLintedAndRenderedByName() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // act: as the README says every GUIDE may be named; --language as in the other commands
        let lint = try CommandRunner.run(["lint", "python-backend-senior.en"])
        let chinese = try CommandRunner.run(["lint", "--language", "zh", "backend-new-graduate.zh"])
        let render = try CommandRunner.run(["render", "backend-new-graduate.en", "-o", dir.path])
        // verify
        #expect(lint.status == 0 && lint.stdout.contains("(10 flowcharts)"))
        #expect(chinese.status == 0 && chinese.stdout.contains("没有发现问题"))
        #expect(render.status == 0 && FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path))
    }

    @Test func aGuideExportedAsJSONIsSentBackToItsMarkdown() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("guide.json").path
        _ = try CommandRunner.run(["guide", "export", "python-backend-senior.en", "--format", "json", "-o", json])
        // act: it once gave a page of flowchart.js errors (lint) or came back unchanged (convert)
        let lint = try CommandRunner.run(["lint", json])
        let convert = try CommandRunner.run(["guide", "convert", json, "--to", "mermaid"])
        // verify
        for result in [lint, convert] {
            #expect(result.status == 2 && result.stderr.contains("is a guide exported as JSON") && result.stdout.isEmpty)
        }
        // JSON that is no guide is not called one (it was, while `guide show` said otherwise: a probe)
        let other = dir.appendingPathComponent("other.json").path
        try Data(#"{"x":1}"#.utf8).write(to: URL(fileURLWithPath: other))
        let notAGuide = try CommandRunner.run(["lint", other])
        #expect(notAGuide.status == 2 && notAGuide.stderr.contains("is not a guide exported as JSON") && notAGuide.stderr.contains("'title'"))
    }

    @Test func bytesThatAreNotUTF8AreAFindingOfLint() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = dir.appendingPathComponent("bad.md").path
        var data = try Data(contentsOf: URL(fileURLWithPath: CommandRunner.fixture("run-short-guide.md")))
        data.insert(contentsOf: [0xFF, 0xFE], at: data.firstIndex(of: 0x0A)!)
        try data.write(to: URL(fileURLWithPath: guide))
        // act
        let lint = try CommandRunner.run(["lint", guide, "--language", "en"])
        let convert = try CommandRunner.run(["guide", "convert", guide, "--to", "mermaid"])
        // verify: where, in lint's findings; and said by convert, which no longer changes them silently
        #expect(lint.status == 0 && lint.stdout.contains("bad.md:1:") && lint.stdout.contains("not UTF-8"))
        #expect(convert.stderr.contains("bad.md:1:") && convert.stderr.contains("not UTF-8"))
    }

    @Test func usageErrorsSpeakTheLanguageOfTheLocale() throws {
        // act: a file that is not there, and an option out of range, under a Chinese and an English locale
        let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        let missing = try CommandRunner.run(["report", "no-such-session.jsonl"], environment: zh)
        let port = try CommandRunner.run(["serve", "--port", "0"], environment: zh)
        let english = try CommandRunner.run(["report", "no-such-session.jsonl"], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(missing.status == 2 && missing.stderr.hasPrefix("错误：无法读取 no-such-session.jsonl：没有这个面试记录文件"))
        #expect(port.status == 2 && port.stderr.hasPrefix("错误：--port 须在 1 到 65535 之间"))
        #expect(english.stderr.hasPrefix("Error: cannot read no-such-session.jsonl: no such session file"))
        // A failure from the libraries too: restore's, given a folder as the backup.
        let restore = try CommandRunner.run(["restore", FileManager.default.temporaryDirectory.path, "--data", "unused"], environment: zh)
        #expect(restore.status == 2 && restore.stderr.contains("是文件夹；请给出 'interview backup' 写出的备份文件"))
    }

    @Test func helpForACommandThatDoesNotExistIsAUsageError() throws {
        // act: a misspelt command and a misspelt subcommand, and a real one
        let bogus = try CommandRunner.run(["help", "rendr"], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        let nested = try CommandRunner.run(["help", "guide", "shwo"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        let real = try CommandRunner.run(["help", "guide", "show"], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(bogus.status == 2 && bogus.stderr.hasPrefix("Error: no command 'rendr' to show help for (commands: serve, run,"))
        #expect(nested.status == 2 && nested.stderr.hasPrefix("错误：没有 'shwo' 这个命令，无法显示帮助（命令：show, export, diff, list, convert）"))
        #expect(real.status == 0 && real.stdout.contains("USAGE: interview guide show"))
    }

    @Test func aBrokenSessionLogIsToldInTheLocalesLanguage() throws {
        // setup: a log whose first line has no type, and one cut off mid-line after a good first line
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("broken.jsonl")
        try "{\"v\":1,\"at\":\"2025-03-01T09:07:00.000Z\"}\n{}\n".write(to: broken, atomically: true, encoding: .utf8)
        let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        // act
        let report = try CommandRunner.run(["report", broken.path], environment: zh)
        // verify
        #expect(report.status == 2 && report.stderr == "错误：\(broken.path)：第 1 行：缺少字段 'type'\n")
    }

    @Test func aFileWithNothingToAskIsNotRun() throws {
        // setup: binary bytes (a fixed pattern, every value), which read as a guide without questions
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.bin").path
        try #require(FileManager.default.createFile(atPath: junk, contents: Data((0..<300).map { UInt8(($0 * 73 + 41) % 256) })))
        // act
        let run = try RunProcess.run(["run", junk, "--session", dir.appendingPathComponent("s.jsonl").path], input: ["f"])
        // verify
        #expect(run.status == 2 && run.stderr.contains("has no questions to ask"))
        // And a guide is never taken for its own session file ("already holds a session" said before).
        let guide = CommandRunner.fixture("run-short-guide.md")
        let itself = try RunProcess.run(["run", guide, "--session", guide], input: ["f"])
        #expect(itself.status == 2 && itself.stderr.contains("is the guide itself"))
    }

    @Test func cleanGuideExitsZero() throws {
        let result = try CommandRunner.run(["lint", CommandRunner.fixture("clean.md")])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("no problems in 1 file (1 flowchart)\n"))
    }

    @Test func errorsExitOneWithFileLineColumn() throws {
        let path = CommandRunner.fixture("broken.flow")
        let result = try CommandRunner.run(["lint", path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(path):2:6: error: unknown node type 'opration' — did you mean 'operation'?")
        #expect(lines.contains("\(path):4:10: error: 'op2' is not defined; flowchart.js silently drops the link to it"))
        #expect(lines.last == "2 errors and 1 warning in 1 file (1 flowchart)")
    }

    @Test func jsonFormatIsAnArrayOfFindings() throws {
        let result = try CommandRunner.run(["lint", "--format", "json", CommandRunner.fixture("broken.flow")])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["line"] as? Int } == [2, 3, 4])
        #expect(Set(array.flatMap { $0.keys }).isSuperset(of: ["file", "line", "column", "severity", "message", "fix"]))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CommandRunner.run(["lint"]).status == 2)
        #expect(try CommandRunner.run(["lint", "/no/such/file.md"]).status == 2)
        #expect(try CommandRunner.run(["lint", "--format", "xml", CommandRunner.fixture("clean.md")]).status == 2)
        #expect(try CommandRunner.run(["frobnicate"]).status == 2)
    }

    @Test(.enabled(if: CommandRunner.seedIsAvailable, "../shared/seed is absent: the seed guide is not beside this checkout"))
    func seedReportsItsRealDefects() throws {
        let result = try CommandRunner.run(["lint", CommandRunner.seed], environment: LintLanguageTests.englishLocale)
        #expect(result.status == 1)
        let located = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(CommandRunner.seed + ":") else { return nil }
            return String(line.dropFirst(CommandRunner.seed.count + 1).prefix { $0 != " " })
        }
        #expect(located == ["20:6:", "25:30:", "25:34:", "84:1:", "164:1:", "168:1:"])
        #expect(result.stdout.contains("did you mean 'op6->op7'?"))
    }
}
