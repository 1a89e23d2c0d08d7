import Foundation
import Testing

@Suite("interview render")
struct RenderCommandTests {
    @Test func writesOneSVGPerChartAndAnIndex() throws {
        // setup
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        // act
        let result = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", out.path])
        // verify
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == [".interview-render", "01-3-1-caching.svg", "index.html"])
        let svg = try String(contentsOf: out.appendingPathComponent("01-3-1-caching.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<h2>3.1 Caching</h2>"))
        #expect(html.contains("<svg"))
    }

    /// The drawings show charts with errors as repaired: said on stderr, as guide show, run and convert say
    /// it (only index.html listed the findings); a clean guide says nothing there.
    @Test func chartsWithErrorsAreSaidToBeDrawnAsRepaired() throws {
        // setup
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        // act
        let broken = try CommandRunner.run(["render", CommandRunner.fixture("broken.flow"), "-o", out.appendingPathComponent("b").path],
                                           environment: ["LANG": "en_US.UTF-8"])
        let clean = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", out.appendingPathComponent("c").path],
                                          environment: ["LANG": "en_US.UTF-8"])
        // verify
        #expect(broken.status == 0 && broken.stderr.contains("in the guide, drawn as repaired; run 'interview lint "))
        #expect(clean.status == 0 && clean.stderr.isEmpty)
    }

    @Test func aChineseGuidesPageIsMarkedChineseWhateverLanguageItsWordsAreIn() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = dir.appendingPathComponent("guide.md")
        try "# 面试指南\n## 3.1 缓存\n```flow\nst=>start: 开始\nop=>operation: 讲讲 Redis\nst->op\n```\n".write(to: guide, atomically: true, encoding: .utf8)
        // act: under a locale that names no language, and under an English one
        let plain = dir.appendingPathComponent("plain"), english = dir.appendingPathComponent("english")
        _ = try CommandRunner.run(["render", guide.path, "-o", plain.path], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        _ = try CommandRunner.run(["render", guide.path, "-o", english.path], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify: the whole page in Chinese, or an English page whose guide text is marked Chinese
        let zhPage = try String(contentsOf: plain.appendingPathComponent("index.html"), encoding: .utf8)
        let enPage = try String(contentsOf: english.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(zhPage.contains("<html lang=\"zh\">") && zhPage.contains("<section>") && zhPage.contains("由 InterviewFlow 绘制"))
        #expect(enPage.contains("<html lang=\"en\">") && enPage.contains("<h1 lang=\"zh\">面试指南</h1>") && enPage.contains("<section lang=\"zh\">"))
    }

    @Test func renderingAgainRemovesTheDrawingsOfChartsThatAreGone() throws {
        // setup: a guide with two charts rendered as SVG and as layout JSON into one folder, beside a
        // file of the user's; then the second chart's heading is renamed
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let guide = dir.appendingPathComponent("guide.md")
        let chart = "```flow\nst=>start: Start\nop=>operation: Ask\nst->op\n```\n"
        try ("# Guide\n## 3.1 Caching\n" + chart + "## 3.2 Queues\n" + chart).write(to: guide, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["render", guide.path, "-o", out.path]).status == 0)
        #expect(try CommandRunner.run(["render", guide.path, "-o", out.path, "--format", "json"]).status == 0)
        try "mine".write(to: out.appendingPathComponent("02-notes.svg"), atomically: true, encoding: .utf8)
        try ("# Guide\n## 3.1 Caching\n" + chart + "## 3.2 Streams\n" + chart).write(to: guide, atomically: true, encoding: .utf8)
        // act
        let result = try CommandRunner.run(["render", guide.path, "-o", out.path], environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
        // verify: the old SVG is gone, the JSON of the other render and the user's file stay
        #expect(result.status == 0 && result.stdout.contains("wrote 2 SVG files and index.html"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == [".interview-render", "01-3-1-caching.json", "01-3-1-caching.svg", "02-3-2-queues.json",
                          "02-3-2-streams.svg", "02-notes.svg", "index.html"])
        // A list edited to name a file outside the folder removes nothing there.
        let outside = dir.appendingPathComponent("keep.svg")
        try "keep".write(to: outside, atomically: true, encoding: .utf8)
        try "../keep.svg\n/etc/hosts.svg\n".write(to: out.appendingPathComponent(".interview-render"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["render", guide.path, "-o", out.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: outside.path))
    }

    @Test func theSummarySpeaksTheLocalesLanguage() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", out.path],
                                           environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 0 && result.stdout == "已把 1 个 SVG 文件和 index.html 写入 \(out.path)\n")
        // the index page too, and only in Chinese
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<html lang=\"zh\">") && index.contains("由 InterviewFlow 绘制") && !index.contains("Drawn by"))
    }

    @Test func aFileInTheWayOfTheOutputFolderIsNamedInTheLocalesLanguage() throws {
        // setup: a file where a folder of the output path should be
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("afile")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let output = file.appendingPathComponent("out").path
        // act
        let chinese = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", output],
                                            environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        let english = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", output],
                                            environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify: the system's reason in words, not Foundation's "NSCocoaErrorDomain error 512"
        #expect(chinese.status == 2 && chinese.stderr == "错误：无法创建 \(output)：路径中有一项不是文件夹\n")
        #expect(english.status == 2 && english.stderr == "Error: cannot create \(output): Not a directory\n")
    }

    @Test func userTextIsEscapedInTheIndex() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["render", CommandRunner.fixture("broken.flow"), "-o", out.path])
        #expect(result.status == 0)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func jsonFormatWritesTheLayoutGeometry() throws {
        // setup
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        // act
        let result = try CommandRunner.run(["render", "--format", "json", CommandRunner.fixture("clean.md"), "-o", out.path])
        // verify
        #expect(result.status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("01-3-1-caching.json"))
        let layout = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(layout["nodes"] as? [[String: Any]])
        let edges = try #require(layout["edges"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["id"] as? String } == ["st", "op1", "cond1", "op2", "e"])
        #expect(edges.count == 5)
        for edge in edges {
            let points = try #require(edge["points"] as? [[Double]])
            #expect(points.count >= 2)
        }
        let yes = try #require(edges.first { $0["branch"] as? String == "yes" })
        #expect(yes["from"] as? String == "cond1")
        #expect(yes["to"] as? String == "op2")
    }

    @Test func missingOutputIsAUsageError() throws {
        #expect(try CommandRunner.run(["render", CommandRunner.fixture("clean.md")]).status == 2)
    }
}
