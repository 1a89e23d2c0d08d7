import Foundation
import Testing

@Suite("interview lint --lang")
struct LintLanguageTests {
    /// The locale of the machine running the tests must not decide what the other tests see.
    static let englishLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"]
    static let chineseLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"]

    @Test func chineseTextNamesTheSameLinesAndSummarises() throws {
        // setup
        let path = CommandRunner.fixture("broken.flow")
        // act
        let result = try CommandRunner.run(["lint", "--lang", "zh", path], environment: Self.englishLocale)
        // verify
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):2:6: error: 未知的节点类型 'opration'——是不是想写 'operation'？",
            "\(path):3:1: warning: 'e' 已定义但没有任何连线；flowchart.js 不会画出它",
            "\(path):4:10: error: 'op2' 未定义；flowchart.js 会悄悄丢掉连到它的连线",
            "2 个错误和 1 个警告，共 1 个文件（1 个流程图）",
        ])
    }

    /// Under a locale that names no language (C, as in containers and CI), a Chinese guide's findings are
    /// in Chinese; an English locale still says English; an English guide stays English.
    @Test func withACLocaleTheGuidesLanguageDecides() throws {
        // setup: the bundled Chinese guide, with a misspelt node type
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = try CommandRunner.run(["guide", "export", "python-backend-senior.zh", "--format", "markdown"]).stdout
        let chinese = dir.appendingPathComponent("zh.md")
        try bundled.replacingOccurrences(of: "=>operation:", with: "=>opration:").write(to: chinese, atomically: true, encoding: .utf8)
        let cLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
        // act
        let underC = try CommandRunner.run(["lint", chinese.path], environment: cLocale)
        let underEnglish = try CommandRunner.run(["lint", chinese.path], environment: Self.englishLocale)
        let englishGuide = try CommandRunner.run(["lint", CommandRunner.fixture("broken.flow")], environment: cLocale)
        // verify
        #expect(underC.stdout.contains("未知的节点类型 'opration'"))
        #expect(underEnglish.stdout.contains("unknown node type 'opration'"))
        #expect(englishGuide.stdout.contains("unknown node type 'opration'"))
    }

    @Test func chineseSnippetsLabelTheFix() throws {
        // act
        let result = try CommandRunner.run(["lint", "--lang", "zh", "--snippets", CommandRunner.fixture("broken.flow")])
        // verify
        #expect(result.stdout.contains("   = 修复：op1=>operation: <script>alert(1)</script>\n"))
    }

    @Test func chineseJSONCarriesBothLanguages() throws {
        // act
        let result = try CommandRunner.run(["lint", "--lang", "zh", "--format", "json", CommandRunner.fixture("broken.flow")])
        // verify
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let first = try #require(array.first)
        #expect(first["message"] as? String == "未知的节点类型 'opration'——是不是想写 'operation'？")
        let messages = try #require(first["messages"] as? [String: String])
        #expect(messages["en"] == "unknown node type 'opration' — did you mean 'operation'?")
    }

    @Test func theLocaleIsTheDefaultAndTheOptionWins() throws {
        // setup
        let path = CommandRunner.fixture("broken.flow")
        // act
        let fromLocale = try CommandRunner.run(["lint", path], environment: Self.chineseLocale)
        let overridden = try CommandRunner.run(["lint", "--lang", "en", path], environment: Self.chineseLocale)
        let english = try CommandRunner.run(["lint", path], environment: Self.englishLocale)
        // verify
        #expect(fromLocale.stdout.hasSuffix("2 个错误和 1 个警告，共 1 个文件（1 个流程图）\n"))
        #expect(overridden.stdout.hasSuffix("2 errors and 1 warning in 1 file (1 flowchart)\n"))
        #expect(english.stdout.hasSuffix("2 errors and 1 warning in 1 file (1 flowchart)\n"))
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        // act
        let result = try CommandRunner.run(["lint", "--lang", "fr", CommandRunner.fixture("broken.flow")])
        // verify
        #expect(result.status == 2)
        #expect(result.stderr.contains("'en'") && result.stderr.contains("'zh'"))
    }
}
