import Foundation
import Testing

@Suite("interview guide")
struct GuideCommandTests {
    @Test func theTreeSpeaksTheGuidesLanguageOrTheOneAskedFor() throws {
        // act
        let chinese = try CommandRunner.run(["guide", "show", "python-backend-senior.zh"])
        let asked = try CommandRunner.run(["guide", "show", "python-backend-senior.zh", "--language", "en"])
        let english = try CommandRunner.run(["guide", "show", "python-backend-senior.en"])
        // verify: the tree's own words follow the guide (they were English for the Chinese guide too)
        #expect(chinese.stdout.contains("[版本 ") && chinese.stdout.contains("自我介绍 [必选] 5 分钟") && chinese.stdout.contains("（权重 1，层级 1）"))
        #expect(!chinese.stdout.contains("[required]") && !chinese.stdout.contains(" min\n"))
        #expect(asked.stdout.contains("自我介绍 [required] 5 min"))
        #expect(english.stdout.contains("Self-introduction [required] 5 min") && english.stdout.contains("(w 1, level 1)"))
    }

    @Test func aBrokenJSONGuideIsNamedWithItsPlace() throws {
        // setup: an exported guide, one value broken, and one cut short
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("guide.json").path
        _ = try CommandRunner.run(["guide", "export", "python-backend-senior.en", "--format", "json", "-o", json])
        let text = try String(contentsOfFile: json, encoding: .utf8)
        let broken = dir.appendingPathComponent("broken.json").path, cut = dir.appendingPathComponent("cut.json").path
        try text.replacingOccurrences(of: "\"weight\" : 1\n", with: "\"weight\" : one\n").write(toFile: broken, atomically: true, encoding: .utf8)
        try String(text.prefix(300)).write(toFile: cut, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("missing.json").path
        try text.replacingOccurrences(of: "\"title\"", with: "\"titel\"").write(toFile: missing, atomically: true, encoding: .utf8)
        // act
        let results = try [broken, cut, missing].map { try CommandRunner.run(["guide", "show", $0]) }
        // verify: the place or the field, not "The data isn't in the correct format."
        #expect(results.allSatisfy { $0.status == 2 })
        #expect(results[0].stderr.range(of: #"Invalid value at line \d+, column \d+"#, options: .regularExpression) != nil, "\(results[0].stderr)")
        #expect(results[1].stderr.contains("Unexpected end of file"))
        #expect(results[2].stderr.contains("'title' is missing"))
        // And restore names a folder given as the backup, and a file given as the data folder.
        let folderAsBackup = try CommandRunner.run(["restore", dir.path, "--data", dir.appendingPathComponent("d").path])
        let fileAsFolder = try CommandRunner.run(["restore", json, "--data", json])
        #expect(folderAsBackup.status == 2 && folderAsBackup.stderr.contains("is a folder"))
        #expect(fileAsFolder.status == 2 && fileAsFolder.stderr.contains("is a file; --data names the data folder"))
    }

    @Test(.enabled(if: CommandRunner.seedIsAvailable, "../shared/seed is absent: the seed guide is not beside this checkout"))
    func showGivesTheSeedsRealStructureAsJSON() throws {
        // act
        let result = try CommandRunner.run(["guide", "show", CommandRunner.seed, "--format", "json"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(result.status == 0)
        #expect(result.stderr.contains("3 errors in the guide"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let stages = try #require(root["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["title"] as? String } == ["看候选人简历", "请面试者做基本介绍", "热场", "技术面试问题", "请介绍自己满意的项目", "询问面试者有什么问题"])
        #expect(stages.compactMap { $0["required"] as? Bool } == [false, true, false, true, false, true])
        let warmUp = try #require(stages[2]["questions"] as? [[String: Any]])
        #expect(warmUp.compactMap { $0["number"] as? String } == ["2.1", "2.2"])
        let topics = try #require(stages[3]["topics"] as? [[String: Any]])
        #expect(topics.compactMap { $0["title"] as? String }.count == 10)
        let redis = try #require(topics.first { $0["number"] as? String == "3.2.1" })
        let questions = try #require(redis["questions"] as? [[String: Any]])
        let op4 = try #require(questions.first { $0["id"] as? String == "op4" })
        #expect(op4["text"] as? String == "redis的有序集合的底层实现")
        #expect(op4["reference"] as? String == "跳表skiplist")
        #expect(op4["weight"] as? Double == 2)
        let gates = try #require(redis["gates"] as? [[String: Any]])
        #expect(gates.first?["id"] as? String == "cond1")
        #expect(gates.first?["yes"] as? String == "op4")
        #expect(gates.first?["no"] as? String == "e")
    }

    @Test(.enabled(if: CommandRunner.seedIsAvailable, "../shared/seed is absent: the seed guide is not beside this checkout"))
    func exportListsEachErrorItWritesAsRepaired() throws {
        // act
        let result = try CommandRunner.run(["guide", "export", CommandRunner.seed], environment: ["LANG": "en_US.UTF-8", "LC_ALL": ""])
        // verify: each error at its place (a count alone hid that op6-op7->e was written as op6->e)
        #expect(result.status == 0)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3 && errors.contains { $0.contains(":25:30: error: 'op6-op7'") }, "\(result.stderr)")
        #expect(result.stderr.contains("the export writes these 3 errors as repaired"))
    }

    /// Under a locale that names no language (C, unset: containers, CI), lint spoke the Chinese seed's
    /// language while `guide show`, `guide export`, `render` and `guide convert` said its errors in English
    /// (a Mermaid probe); an English locale still gets English.
    @Test(.enabled(if: CommandRunner.seedIsAvailable, "../shared/seed is absent: the seed guide is not beside this checkout"))
    func aChineseGuidesErrorsAreSaidInChineseUnderALocaleThatNamesNone() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let none = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""], english = ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        // act
        let show = try CommandRunner.run(["guide", "show", CommandRunner.seed], environment: none)
        let export = try CommandRunner.run(["guide", "export", CommandRunner.seed], environment: none)
        let render = try CommandRunner.run(["render", CommandRunner.seed, "-o", dir.path], environment: none)
        let convert = try CommandRunner.run(["guide", "convert", CommandRunner.seed, "--to", "mermaid"], environment: none)
        let showInEnglish = try CommandRunner.run(["guide", "show", CommandRunner.seed], environment: english)
        let showAsked = try CommandRunner.run(["guide", "show", CommandRunner.seed, "--language", "en"], environment: none)
        // verify
        #expect(show.stderr.contains("指南中有 3 个错误") && !show.stderr.contains("errors in the guide"), "\(show.stderr)")
        #expect(export.stderr.contains("未知的节点类型 'opeartion'") && export.stderr.contains("个错误按修复后的样子写出"), "\(export.stderr)")
        #expect(render.stderr.contains("按修复后的样子绘制") && render.stdout.contains("个 SVG 文件和 index.html"), "\(render.stdout)\(render.stderr)")
        #expect(convert.stderr.contains("未知的节点类型 'opeartion'") && !convert.stderr.contains("unknown node type"), "\(convert.stderr)")
        #expect(showInEnglish.stderr.contains("3 errors in the guide"))
        #expect(showAsked.stderr.contains("3 errors in the guide"))
    }

    @Test func exportThenShowGivesTheSameVersion() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exported = dir.appendingPathComponent("guide.md").path
        // act
        let export = try CommandRunner.run(["guide", "export", "python-backend-senior.en", "-o", exported])
        let original = try CommandRunner.run(["guide", "show", "python-backend-senior.en", "--format", "json"])
        let again = try CommandRunner.run(["guide", "show", exported, "--format", "json"])
        // verify
        #expect(export.status == 0)
        #expect(original.stdout == again.stdout)
        #expect(try CommandRunner.run(["lint", exported]).status == 0)
    }

    @Test func diffListsChangedWeights() throws {
        // setup: bump one weight in an exported copy.
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("edited.md")
        let text = try CommandRunner.run(["guide", "export", "backend-new-graduate.en"]).stdout
        let edited = text.replacingOccurrences(of: "weight: 1\n", with: "weight: 4\n", options: [], range: text.range(of: "weight: 1\n"))
        try Data(edited.utf8).write(to: path)
        // act
        let result = try CommandRunner.run(["guide", "diff", "backend-new-graduate.en", path.path])
        // verify
        #expect(result.status == 0)
        #expect(result.stdout.contains("~ "))
        #expect(result.stdout.contains("weight 1 → 4"))
        #expect(result.stdout.contains("same question in the bank"))
        let chinese = try CommandRunner.run(["guide", "diff", "backend-new-graduate.en", path.path, "--language", "zh"])
        #expect(chinese.stdout.contains("权重 1 → 4"))
        #expect(chinese.stdout.contains("题库中仍是同一道题"))
    }

    @Test func aChineseGuideThatDeclaresNoLanguageIsComparedInChinese() throws {
        // setup: a guide like the seed (no front matter, a Chinese title), one question reworded
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = "# 后端面试指南\n\n### 3. 技术问题\n\n#### 3.1 Redis\n\n```flow\nst=>start: 开始\nop1=>operation: Redis 有哪些数据类型？\ne=>end: 结束\nst->op1->e\n```\n"
        let old = dir.appendingPathComponent("v1.md"), new = dir.appendingPathComponent("v2.md")
        try Data(guide.utf8).write(to: old)
        try Data(guide.replacingOccurrences(of: "数据类型？", with: "常用数据类型？").utf8).write(to: new)
        // act: in an English locale, as a server's shell often is
        let result = try CommandRunner.run(["guide", "diff", old.path, new.path], environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
        // verify
        #expect(result.status == 0)
        #expect(result.stdout.contains("题目") && !result.stdout.contains("question 3.1"), "\(result.stdout)")
    }

    @Test func bundledGuidesLintClean() throws {
        let list = try CommandRunner.run(["guide", "list"])
        #expect(list.stdout.split(separator: "\n").count == 4)
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for name in ["python-backend-senior.zh", "python-backend-senior.en", "backend-new-graduate.zh", "backend-new-graduate.en"] {
            let path = dir.appendingPathComponent(name + ".md").path
            #expect(try CommandRunner.run(["guide", "export", name, "-o", path]).status == 0)
            files.append(path)
        }
        let lint = try CommandRunner.run(["lint"] + files)
        #expect(lint.status == 0)
        #expect(lint.stdout.hasPrefix("no problems in 4 files"))
    }

    @Test func unknownGuideIsAUsageError() throws {
        let result = try CommandRunner.run(["guide", "show", "no-such-guide"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bundled:"))
    }

    @Test func controlCharactersInAGuideNeverReachTheTerminal() throws {
        // setup: a guide and a bare chart whose labels carry terminal escapes
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = "st=>start: Start\nop1=>operation:What is \u{1B}]0;PWNED\u{07} a cookie?\ne=>end: End\nst->op1->e\n"
        let guide = "# Guide\n\n## 1 Technical\n\n### 1.1 Web\n\n```flow\n" + chart + "```\n"
        let md = dir.appendingPathComponent("g.md"), flow = dir.appendingPathComponent("c.flow")
        try Data(guide.utf8).write(to: md)
        try Data(chart.utf8).write(to: flow)
        // act
        let lintGuide = try CommandRunner.run(["lint", "--snippets", md.path])
        let lintChart = try CommandRunner.run(["lint", "--snippets", flow.path])
        let show = try CommandRunner.run(["guide", "show", md.path])
        // verify: no raw escape anywhere; lint names the line
        for out in [lintGuide.stdout, lintChart.stdout, show.stdout] { #expect(!out.unicodeScalars.contains("\u{1B}") && !out.unicodeScalars.contains("\u{07}")) }
        #expect(lintGuide.stdout.contains("control character U+001B"))
        #expect(lintChart.stdout.contains("\u{241B}"))
        #expect(show.stdout.contains("What is ]0;PWNED a cookie?"))
    }
}
