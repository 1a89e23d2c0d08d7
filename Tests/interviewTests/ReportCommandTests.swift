import Foundation
import Testing

@Suite("interview report")
struct ReportCommandTests {
    /// Records the short fixture interview of RunCommandTests and returns the log's path.
    private func recordedSession(in dir: URL, guide: String? = RunCommandTests.guide) throws -> String {
        let log = dir.appendingPathComponent("s.jsonl").path
        let result = try RunProcess.run(["run"] + (guide.map { [$0] } ?? []) + ["--session", log, "--candidate", "C-9"],
                                        input: guide == nil ? ["f", "f", "f", "3", "2", "e", "y"] : RunCommandTests.script)
        #expect(result.status == 0)
        return log
    }

    @Test func markdownShowsEveryNumberWithItsDerivation() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        // act
        let result = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide])
        // verify
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Interview report — Short backend interview\n"))
        #expect(result.stdout.contains("- Score = 100 × (3×1 + 4×1 + 2×2) / (4×1 + 4×1 + 4×2) = 100 × 11 / 16 = 68.8\n"))
        #expect(result.stdout.contains("- Overall score = (68.75×1 + 100×1) / (1 + 1) = 168.75 / 2 = 84.4\n"))
        #expect(result.stdout.contains("- Coverage of the topics rated = (100×1 + 100×1) / (1 + 1) = 200 / 2 = 100.0\n"))
        #expect(result.stdout.contains("| op2 | How can a server push messages to a browser? | 1 | 1 | skipped | – | Reason skipped: already covered |"))
    }

    @Test func aSessionFilesControlCharactersAreShownNotObeyed() throws {
        // setup: the recorded skip reason edited to carry a terminal escape (a session file from elsewhere)
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        let edited = try String(contentsOfFile: log, encoding: .utf8).replacingOccurrences(of: "already covered", with: "already\\u001b[2J covered")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: log))
        // act
        let result = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide])
        // verify
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(result.stdout.contains("Reason skipped: already\u{241B}[2J covered"))
    }

    @Test func theOutputIsNeverAnInputAndALinkOrAPipeIsWrittenThrough() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        let recorded = try String(contentsOfFile: log, encoding: .utf8)
        let target = dir.appendingPathComponent("target.md").path, link = dir.appendingPathComponent("link.md").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        // act
        let overLog = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "-o", log])
        let throughLink = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "-o", link])
        let full = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "-o", "/dev/full"])
        let folder = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "-o", dir.path])
        // verify: the recorded interview is kept; the link stays a link and its file gets the report; a
        // device that cannot take it says why, and stays a device
        #expect(overLog.status == 2 && overLog.stderr.contains("an input of this command"))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == recorded)
        #expect(throughLink.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Interview report"))
        #expect(full.status == 2 && full.stderr.contains("No space left on device"))
        #expect((try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType) == .typeCharacterSpecial)
        #expect(folder.status == 2 && folder.stderr.contains("it is a folder"))
    }

    @Test func aDebriefIsOneCandidatesPanelEachLogOnce() throws {
        // setup: C-9's log, and another candidate's
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        let other = dir.appendingPathComponent("other.jsonl").path
        let recorded = try RunProcess.run(["run", RunCommandTests.guide, "--session", other, "--candidate", "C-2"], input: RunCommandTests.script)
        let empty = dir.appendingPathComponent("empty.jsonl").path
        try #require(FileManager.default.createFile(atPath: empty, contents: Data()))
        // act
        let mixed = try CommandRunner.run(["report", log, other, "--guide", RunCommandTests.guide])
        let twice = try CommandRunner.run(["report", log, log, "--guide", RunCommandTests.guide])
        // a copy under another name read as a second interviewer agreeing in full (a probe)
        let copy = dir.appendingPathComponent("copy.jsonl").path
        try FileManager.default.copyItem(atPath: log, toPath: copy)
        let copied = try CommandRunner.run(["report", log, copy, "--guide", RunCommandTests.guide])
        let nothing = try CommandRunner.run(["report", empty, "--guide", RunCommandTests.guide])
        // verify: refused with the reason, instead of a debrief of two people or a log agreeing with itself
        #expect(recorded.status == 0)
        #expect(mixed.status == 2 && mixed.stderr.contains("different candidates") && mixed.stderr.contains("'C-2'"))
        #expect(twice.status == 2 && twice.stderr.contains("is given twice"))
        #expect(copied.status == 2 && copied.stderr.contains("are one session") && copied.stderr.contains("a copy"))
        #expect(nothing.status == 2 && nothing.stderr.contains("holds no events"))
    }

    @Test func logsNamingNoCandidateAreCombinedWithAWarning() throws {
        // setup: two terminal logs recorded without --candidate
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a.jsonl").path, second = dir.appendingPathComponent("b.jsonl").path
        for path in [first, second] {
            #expect(try RunProcess.run(["run", RunCommandTests.guide, "--session", path], input: RunCommandTests.script).status == 0)
        }
        // act
        let combined = try CommandRunner.run(["report", first, second, "--guide", RunCommandTests.guide])
        // verify: the debrief is written, and stderr says it could not check the candidate
        #expect(combined.status == 0)
        #expect(combined.stderr.contains("name no candidate; the debrief takes every log to be of one candidate"))
    }

    @Test func aReportOfAnUnfinishedInterviewSaysSo() throws {
        // setup: quit after the first rating
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl").path
        _ = try RunProcess.run(["run", RunCommandTests.guide, "--session", log], input: ["f", "3", "q"])
        let finishedDir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: finishedDir) }
        let finished = try recordedSession(in: finishedDir)
        // act
        let markdown = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide])
        let html = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "--format", "html"])
        let done = try CommandRunner.run(["report", finished, "--guide", RunCommandTests.guide])
        // verify
        #expect(markdown.stdout.contains("**Not finished: the interview stopped before its end"))
        #expect(html.stdout.contains("id=\"not-finished\""))
        #expect(done.status == 0 && !done.stdout.contains("Not finished"))
    }

    @Test func aGuideThatIsNotBundledMustBeNamed() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        // act
        let result = try CommandRunner.run(["report", log])
        let resumed = try CommandRunner.run(["run", "--session", log, "--resume"])
        // verify: each command says how it takes the guide (run's advice named --guide, which run refuses)
        #expect(result.status == 2)
        #expect(result.stderr.contains("was recorded with guide 'short-backend' version"))
        #expect(result.stderr.contains("pass the guide file with --guide"))
        #expect(resumed.status == 2 && resumed.stderr.contains("give the guide file first: interview run GUIDE.md --session \(log) --resume"))
    }

    @Test func theBundledGuideIsFoundFromTheLogAndHTMLIsWrittenToAFile() throws {
        // setup: a session over the default (bundled) guide
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir, guide: nil)
        let out = dir.appendingPathComponent("report.html").path
        // act
        let result = try CommandRunner.run(["report", log, "--format", "html", "-o", out])
        // verify
        #expect(result.status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<html lang=\"zh\">"))
        #expect(html.contains("class=\"score-chart wide\""))
        #expect(html.contains("class=\"flowchart\""))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
    }

    @Test func theCandidateJSONHasNoReferenceWeightOrVerdict() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        // act
        let result = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "--format", "json", "--audience", "candidate"])
        // verify
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let topics = try #require(json["topics"] as? [[String: Any]])
        let questions = topics.flatMap { ($0["questions"] as? [[String: Any]]) ?? [] }
        #expect(json["audience"] as? String == "candidate")
        #expect(json["band"] == nil)
        #expect(topics.allSatisfy { $0["weight"] == nil })
        #expect(questions.allSatisfy { $0["reference"] == nil && $0["weight"] == nil })
        #expect((json["feedback"] as? [String])?.first == "3.1 Caching: A solid grasp of the basics, with some gaps; we went on to advanced questions.")
    }

    @Test func languageOverridesTheGuides() throws {
        // setup: an English guide's interview
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try recordedSession(in: dir)
        // act
        let english = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide])
        let chinese = try CommandRunner.run(["report", log, "--guide", RunCommandTests.guide, "--language", "zh"])
        // A second interviewer's own session (a copy of the first is refused as one session).
        let second = dir.appendingPathComponent("olga.jsonl").path
        let recorded = try RunProcess.run(["run", RunCommandTests.guide, "--session", second, "--candidate", "C-9"], input: RunCommandTests.script)
        #expect(recorded.status == 0)
        let panel = try CommandRunner.run(["report", log, second, "--guide", RunCommandTests.guide, "--language", "zh"])
        // verify: the words follow --language, the guide's own text stays as written
        #expect(english.stdout.hasPrefix("# Interview report — Short backend interview\n"))
        #expect(chinese.status == 0 && chinese.stdout.hasPrefix("# 面试报告 — Short backend interview\n"))
        #expect(chinese.stdout.contains("跳过原因") && !chinese.stdout.contains("Reason skipped"))
        #expect(panel.stdout.hasPrefix("# 面试讨论"))
    }

    /// Issue 14: several terminal sessions of one candidate make the panel's report, the way the
    /// server's debrief does; for the candidate, the panel's one feedback (no longer refused).
    @Test func severalSessionsMakeThePanelsDebrief() throws {
        // setup: Ivan and Olga interviewed the same candidate and rated differently
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var logs: [String] = []
        for (name, script) in [("ivan", RunCommandTests.script), ("olga", ["f", "1", "zz", "4", "y", "2", "M unsure on retries", "0", "f"])] {
            let log = dir.appendingPathComponent("\(name).jsonl").path
            let run = try RunProcess.run(["run", RunCommandTests.guide, "--session", log, "--candidate", "C-9"], input: script)
            #expect(run.status == 0)
            logs.append(log)
        }
        // act
        let markdown = try CommandRunner.run(["report"] + logs + ["--guide", RunCommandTests.guide])
        let json = try CommandRunner.run(["report"] + logs + ["--guide", RunCommandTests.guide, "--format", "json"])
        let html = try CommandRunner.run(["report"] + logs + ["--guide", RunCommandTests.guide, "--format", "html"])
        let candidate = try CommandRunner.run(["report"] + logs + ["--guide", RunCommandTests.guide, "--audience", "candidate"])
        // verify
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Debrief — C\\-9\n"))
        #expect(markdown.stdout.contains("| ivan |") && markdown.stdout.contains("| olga |"))
        #expect(markdown.stdout.contains("unsure on retries"))
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let topics = document?["topics"] as? [[String: Any]]
        let firstRow = (topics?.first?["rows"] as? [[String: Any]])?.first
        #expect(firstRow?["spread"] as? Int == 4)   // 4 from Ivan, 0 from Olga: the most disputed question first
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<table>") && !html.stdout.contains("<script"))
        // the candidate's version of the panel: one feedback, each number the mean of both cards, nobody named
        #expect(candidate.status == 0 && candidate.stdout.hasPrefix("# Interview feedback"))
        #expect(candidate.stdout.contains("- Interviewers' scorecards combined: 2") && candidate.stdout.contains("mean of 2 scorecards: ("))
        #expect(candidate.stdout.contains("unsure on retries") && !candidate.stdout.contains("ivan") && !candidate.stdout.contains("olga"))
    }
    /// A report says whose interview it was, as the runner recorded it; the candidate's copy does not,
    /// and a panel's debrief names each interviewer that way (a log that names none by its file).
    @Test func reportsNameTheInterviewerTheLogRecords() throws {
        // setup: Ivan's and Olga's logs name them; a third, unnamed log is recorded beside them
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var logs: [String] = []
        for (file, name) in [("a", "Ivan Petrov"), ("b", "Olga"), ("c", nil)] as [(String, String?)] {
            let log = dir.appendingPathComponent("\(file).jsonl").path
            let run = try RunProcess.run(["run", RunCommandTests.guide, "--session", log, "--candidate", "C-9"]
                                         + (name.map { ["--interviewer", $0] } ?? []), input: RunCommandTests.script)
            #expect(run.status == 0)
            logs.append(log)
        }
        // act
        let own = try CommandRunner.run(["report", logs[0], "--guide", RunCommandTests.guide])
        let chinese = try CommandRunner.run(["report", logs[0], "--guide", RunCommandTests.guide, "--language", "zh", "--format", "html"])
        let feedback = try CommandRunner.run(["report", logs[0], "--guide", RunCommandTests.guide, "--audience", "candidate"])
        let named = try CommandRunner.run(["report", logs[0], logs[1], "--guide", RunCommandTests.guide])
        let mixed = try CommandRunner.run(["report"] + logs + ["--guide", RunCommandTests.guide])
        // verify
        #expect(own.stdout.contains("- Candidate: C-9\n- Interviewer: Ivan Petrov\n"))
        #expect(chinese.stdout.contains("<dt>面试官</dt><dd>Ivan Petrov</dd>"))
        #expect(feedback.status == 0 && !feedback.stdout.contains("Ivan") && !feedback.stdout.contains("Interviewer:"))
        #expect(named.stdout.contains("| Ivan Petrov |") && named.stdout.contains("| Olga |") && !named.stdout.contains("| a |"))
        #expect(mixed.stdout.contains("| Ivan Petrov |") && mixed.stdout.contains("| Olga |") && mixed.stdout.contains("| c |"))
    }
}

