import Foundation
import Testing

/// `interview calibrate` and `interview stats` as users run them: on session logs of `interview run`
/// and on CSV tables of ratings.
struct CalibrateCommandTests {
    static let guide = CommandRunner.fixture("run-short-guide.md")

    /// Three sessions: Olga and Ben see C-1 (Ben rates higher), Olga sees C-2 and says no at the gate.
    static func recordSessions(in dir: URL) throws -> [String] {
        let scripts: [(String, String, String, [String])] = [
            ("olga-c1", "C-1", "Olga", ["f", "3", "4", "y", "2", "4", "3", "f", "f", "e", "y"]),
            ("ben-c1", "C-1", "Ben", ["f", "4", "4", "y", "4", "4", "4", "f", "f", "e", "y"]),
            ("olga-c2", "C-2", "Olga", ["f", "1", "2", "n", "2", "1", "f", "f", "e", "y"]),
        ]
        return try scripts.map { name, candidate, interviewer, script in
            let path = dir.appendingPathComponent("\(name).jsonl").path
            let result = try RunProcess.run(["run", guide, "--session", path, "--candidate", candidate, "--interviewer", interviewer, "--plain"],
                                            input: script)
            #expect(result.status == 0, "\(result.stderr)")
            return path
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func calibrateOnSessionsPrintsSeveritiesAndTheRawScoreOfRecord() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = try Self.recordSessions(in: dir)
        // act
        let result = try CommandRunner.run(["calibrate"] + logs + ["--guide", Self.guide, "--format", "json", "--min-ratings", "1", "--min-candidates", "1",
                                                                   "--min-shared", "1", "--min-shared-share", "0.5"])
        let report = try CommandRunner.run(["report", logs[2], "--guide", Self.guide, "--format", "json"])
        // verify: the issue's shape; Ben is the lenient one; C-2's raw score is its report's overall
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Self.json(result.stdout)
        let interviewers = try #require(document["interviewers"] as? [[String: Any]])
        #expect(interviewers.map { $0["id"] as? String } == ["Ben", "Olga"])
        #expect(interviewers.map { $0["ratings"] as? Int } == [5, 9])
        let ben = try #require(interviewers[0]["severity"] as? Double), olga = try #require(interviewers[1]["severity"] as? Double)
        #expect(ben < 0 && olga > 0)
        #expect(interviewers.allSatisfy { ($0["standardError"] as? Double ?? 0) > 0 })
        let candidates = try #require(document["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["id"] as? String } == ["C-1", "C-2"])
        #expect(candidates[0]["raters"] as? [String] == ["Ben", "Olga"])
        let overall = try Self.json(report.stdout)["overall"] as? Double
        let raw = try #require(candidates[1]["raw"] as? Double)
        #expect(abs(raw - (overall ?? -1)) < 0.001)
        for c in candidates {
            let low = try #require(c["low"] as? Double), high = try #require(c["high"] as? Double), adjusted = try #require(c["adjusted"] as? Double)
            #expect(low <= adjusted && adjusted <= high && low >= 0 && high <= 100)
        }
    }

    @Test func aNegativeMinimumIsRefusedWithItsRule() throws {
        // setup: a CSV that would calibrate
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("ratings.csv")
        try "candidate,interviewer,topic,question,rating\nC-1,Olga,t,q1,3\n".write(to: csv, atomically: true, encoding: .utf8)
        // act: a value written as its own word after the option, as people type it
        let shared = try CommandRunner.run(["calibrate", csv.path, "--min-shared", "-1"])
        let ratings = try CommandRunner.run(["calibrate", csv.path, "--min-ratings", "-5"])
        // verify: the rule, not "unknown option '-1'"
        #expect(shared.status != 0 && shared.stderr.contains("--min-shared must be at least 0"), "\(shared.stderr)")
        #expect(ratings.status != 0 && ratings.stderr.contains("--min-ratings and --min-candidates must be at least 1"), "\(ratings.stderr)")
    }

    @Test func aTableOfRatingsIsPrintedInTheTerminalsLanguage() throws {
        // setup: a CSV names no guide, so no guide's language applies
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("ratings.csv")
        try Data("candidate,interviewer,topic,question,rating\nc1,olga,t,q1,3\nc1,ben,t,q1,2\n".utf8).write(to: csv)
        // act
        let chinese = try CommandRunner.run(["calibrate", csv.path, "--scale", "0-4"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"])
        let english = try CommandRunner.run(["calibrate", csv.path, "--scale", "0-4"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"])
        // verify: Chinese tables under a Chinese locale (they were English, a recheck)
        #expect(chinese.status == 0 && chinese.stdout.contains("候选人"), "\(chinese.stdout)")
        #expect(english.status == 0 && english.stdout.contains("Candidates: scores 0–100"))
    }

    @Test func belowTheMinimumOnlyTheRawScoreIsShownAndTheReasonIsSaid() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = try Self.recordSessions(in: dir)
        // act: the default minimum (30 ratings of 5 candidates), in English and Chinese
        let english = try CommandRunner.run(["calibrate"] + logs + ["--guide", Self.guide, "--language", "en"])
        let chinese = try CommandRunner.run(["calibrate"] + logs + ["--guide", Self.guide, "--language", "zh"])
        // verify
        #expect(english.status == 0 && chinese.status == 0)
        #expect(english.stdout.contains("Olga: 9 ratings of 2 candidates, below the minimum of 30 ratings of 5 candidates"))
        #expect(english.stdout.contains("C-2        28.1         —"))
        // The reason is under the table, one line per candidate, so the rows stay as narrow as their figures.
        #expect(english.stdout.contains("Not adjusted, the raw score stands alone:\n  C-"))
        #expect(english.stdout.split(separator: "\n").filter { $0.hasPrefix("C-") }.allSatisfy { !$0.contains("below the minimum") })
        #expect(chinese.stdout.contains("Olga：9 个评分、2 位候选人，少于最低要求（30 个评分、5 位候选人）"))
        #expect(chinese.stdout.contains("面试官：严格度"))
    }

    @Test func aTableOfRatingsIsCalibratedOnItsScale() throws {
        // setup: four interviewers, twenty candidates, Olga always a point under Ben on the same answers
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows = ["candidate,interviewer,topic,question,rating"]
        for c in 0..<20 {
            let level = c % 4 + 1
            for (q, shift) in [("q1", 0), ("q2", -1), ("q3", 0)] {
                rows.append("c\(c),\(c % 2 == 0 ? "Olga" : "Ben"),t,\(q),\(max(0, min(4, level + shift - (c % 2 == 0 ? 1 : 0))))")
                rows.append("c\(c),\(c % 3 == 0 ? "Li" : "Mei"),t,\(q),\(max(0, min(4, level + shift)))")
            }
        }
        let csv = dir.appendingPathComponent("ratings.csv")
        try rows.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        // act
        let result = try CommandRunner.run(["calibrate", csv.path, "--scale", "0-4", "--format", "json", "--min-ratings", "5", "--min-candidates", "3"])
        let noScale = try CommandRunner.run(["calibrate", csv.path])
        let missing = try CommandRunner.run(["calibrate", dir.appendingPathComponent("missing.csv").path], environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
        // verify: Olga comes out the harshest; a table without a scale is a usage error saying what to give,
        // and a missing table says it is missing rather than ask for the scale
        #expect(result.status == 0, "\(result.stderr)")
        let interviewers = try #require(try Self.json(result.stdout)["interviewers"] as? [[String: Any]])
        let harshest = interviewers.max { ($0["severity"] as? Double ?? 0) < ($1["severity"] as? Double ?? 0) }
        #expect(harshest?["id"] as? String == "Olga")
        #expect(noScale.status == 2)
        #expect(noScale.stderr.contains("a table of ratings needs its scale: give --scale 0-4 (or --guide GUIDE)"))
        #expect(missing.status == 2 && missing.stderr.contains("missing.csv: no such file") && !missing.stderr.contains("--scale"))
    }

    @Test func aBadRowIsReportedAtItsLineInTheUsersLanguage() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("bad.csv")
        try "candidate,interviewer,topic,question,rating\nc1,Olga,t,q1,3\nc2,Olga,t,q1,7\n".write(to: csv, atomically: true, encoding: .utf8)
        // act
        let english = try CommandRunner.run(["calibrate", csv.path, "--scale", "0-4"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": ""])
        let chinese = try CommandRunner.run(["stats", csv.path, "--scale", "0-4", "--language", "zh"])
        // verify
        #expect(english.status == 2 && english.stderr.contains("bad.csv:3: rating '7' is not a whole number from 0 to 4"))
        #expect(chinese.status == 2 && chinese.stderr.contains("bad.csv:3: 评分 '7' 不是 0 到 4 之间的整数"))
    }

    @Test func aSessionWithoutAnInterviewerIsRefusedWithTheWayToRecordOne() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("anonymous.jsonl").path
        _ = try RunProcess.run(["run", Self.guide, "--session", log, "--plain"], input: ["f", "3", "q"])
        // act
        let result = try CommandRunner.run(["calibrate", log, "--guide", Self.guide])
        let stats = try CommandRunner.run(["stats", log, "--guide", Self.guide, "--format", "json"])
        // verify: calibration needs the interviewer; question statistics do not
        #expect(result.status == 2)
        #expect(result.stderr.contains("names no interviewer"))
        #expect(result.stderr.contains("interview run --interviewer NAME"))
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("\"asked\""))
    }

    @Test func statsCountsQuestionsAndGatesOfTheSessions() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = try Self.recordSessions(in: dir)
        // act
        let result = try CommandRunner.run(["stats"] + logs + ["--guide", Self.guide, "--format", "json"])
        let text = try CommandRunner.run(["stats"] + logs + ["--guide", Self.guide])
        // verify: op3 sits behind the gate C-2's interviewer answered "no"; the gate was answered 3 times, yes twice
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Self.json(result.stdout)
        let questions = try #require(document["questions"] as? [[String: Any]])
        let op3 = try #require(questions.first { $0["id"] as? String == "3.1/op3" })
        #expect(op3["rated"] as? Int == 2 && op3["notDemonstrated"] as? Int == 1)
        // Behind a "no" a question is not asked: asked counts the rated and the skipped.
        #expect(op3["asked"] as? Int == 2)
        let op1 = try #require(questions.first { $0["id"] as? String == "3.1/op1" })
        // Ratings 3, 4, 1 of 4: mean 66.7% of the scale.
        #expect(abs((op1["meanPercent"] as? Double ?? 0) - 66.667) < 0.001)
        let gates = try #require(document["gates"] as? [[String: Any]])
        #expect(gates.count == 1 && gates[0]["id"] as? String == "3.1/cond1")
        #expect(gates[0]["answered"] as? Int == 3 && gates[0]["yes"] as? Int == 2)
        #expect(text.stdout.contains("Gates: answered, share answered yes"))
        #expect(text.stdout.contains("3.1/cond1         3  67%"))
    }

    /// The locale's language before the guide's, as `report` speaks: a Chinese terminal got English tables
    /// for an English guide's logs beside `report`'s Chinese (a probe); `--language` above both.
    @Test func statsAndCalibrateSpeakTheLocaleBeforeTheGuide() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = try Self.recordSessions(in: dir)
        let chinese = ["LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"]
        // act
        let stats = try CommandRunner.run(["stats"] + logs + ["--guide", Self.guide], environment: chinese)
        let calibrate = try CommandRunner.run(["calibrate"] + logs + ["--guide", Self.guide], environment: chinese)
        let chosen = try CommandRunner.run(["stats"] + logs + ["--guide", Self.guide, "--language", "en"], environment: chinese)
        // verify
        #expect(stats.status == 0 && calibrate.status == 0, "\(stats.stderr)\(calibrate.stderr)")
        #expect(!stats.stdout.contains("Gates: answered") && stats.stdout.contains("判断"), "\(stats.stdout)")
        #expect(calibrate.stdout.contains("面试官"), "\(calibrate.stdout)")
        #expect(chosen.stdout.contains("Gates: answered"))
    }

    @Test func sessionsOfTwoGuidesKeepTheirQuestionsApartAndShareTheCommonOnes() throws {
        // setup: Olga on the mid/senior guide and Ben on the new-graduate one both rate their own 3.1/op1
        // (a project walk-through; arrays and linked lists). Olga also rates 3.1/op3, the cookie-vs-session
        // question both guides name; Ben jumps to 3.4, skips op1–op4 (op1 is web-request-path, which Olga
        // rated as 3.1/op2) and rates op5, his guide's cookie-vs-session.
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let senior = dir.appendingPathComponent("senior.jsonl").path, graduate = dir.appendingPathComponent("graduate.jsonl").path
        let olga = try RunProcess.run(["run", "python-backend-senior.en", "--session", senior, "--candidate", "C-1", "--interviewer", "Olga", "--plain"],
                                      input: ["f", "f", "f", "3", "4", "2", "q"])
        let ben = try RunProcess.run(["run", "backend-new-graduate.en", "--session", graduate, "--candidate", "C-2", "--interviewer", "Ben", "--plain"],
                                     input: ["f", "f", "f", "1", "j 3.4", "s", "s", "s", "s", "4", "q"])
        #expect(olga.status == 0 && ben.status == 0, "\(olga.stderr) \(ben.stderr)")
        // act
        let result = try CommandRunner.run(["stats", senior, graduate, "--format", "json"])
        // verify
        #expect(result.status == 0, "\(result.stderr)")
        let questions = try #require(try Self.json(result.stdout)["questions"] as? [[String: Any]])
        func question(_ id: String) -> [String: Any]? { questions.first { $0["id"] as? String == id } }
        #expect(question("3.1/op1") == nil)
        #expect(question("python-backend-senior.en/3.1/op1")?["meanPercent"] as? Double == 75)
        #expect(question("backend-new-graduate.en/3.1/op1")?["meanPercent"] as? Double == 25)
        // Olga's 2 and Ben's 4 on the same question: (2 + 4) / 2 of 4 = 75 %.
        #expect(question("cookie-vs-session")?["rated"] as? Int == 2)
        #expect(question("cookie-vs-session")?["meanPercent"] as? Double == 75)
        #expect(question("web-request-path")?["rated"] as? Int == 1 && question("web-request-path")?["skipped"] as? Int == 1)
    }
}
