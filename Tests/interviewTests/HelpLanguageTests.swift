import Foundation
import Testing

@Suite("interview --help follows the locale")
struct HelpLanguageTests {
    /// The locale of the machine running the tests must not decide what the tests see.
    static let englishLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"]
    static let chineseLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"]

    /// Every command with a help page, as the user names it (the root included).
    static let commands: [[String]] = [
        [], ["serve"], ["run"], ["report"], ["calibrate"], ["stats"], ["demo"], ["lint"], ["render"],
        ["guide"], ["guide", "show"], ["guide", "export"], ["guide", "diff"], ["guide", "list"], ["guide", "convert"],
        ["backup"], ["restore"], ["password"],
    ]

    /// `--help` for a command, its lines rewrapped away: ArgumentParser breaks lines at the terminal's width.
    static func help(_ command: [String], _ locale: [String: String]) throws -> String {
        let result = try CommandRunner.run(command + ["--help"], environment: locale)
        #expect(result.status == 0, "\(command) --help: \(result.stderr)")
        return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func hasChinese(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) }
    }

    /// The entries of the ARGUMENTS, OPTIONS and SUBCOMMANDS sections: the label (`-o, --output <output>`,
    /// `<files> ...`, `guide`) and the help beside or under it. The help starts at a fixed column, but after a
    /// label of 23 characters only one space is left: the label is read by its shape instead.
    static func entries(_ help: String) -> [(label: String, text: String)] {
        let label = #/^  ((?:-[^\s,]+)(?:, -[^\s,]+)*(?: <[^>]+>)?(?: \.\.\.)?|<[^>]+>(?: \.\.\.)?|[a-z][a-z-]*)/#
        var entries: [(label: String, text: String)] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if ["ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "参数：", "选项：", "子命令："].contains(line) { inSection = true; continue }
            guard inSection, !line.trimmingCharacters(in: .whitespaces).isEmpty else { inSection = false; continue }
            if let match = line.firstMatch(of: label) {
                entries.append((String(match.1), line[match.range.upperBound...].trimmingCharacters(in: .whitespaces)))
            } else if !entries.isEmpty {
                let more = line.trimmingCharacters(in: .whitespaces)
                entries[entries.count - 1].text += entries[entries.count - 1].text.isEmpty ? more : " " + more
            }
        }
        return entries
    }

    /// A help page's words in each language: what the Chinese page must say, an English sentence it must
    /// not, and what the English page must say (and it must hold no Chinese at all).
    struct Page: Sendable, CustomTestStringConvertible {
        var command: [String]
        var chinese: [String]
        var notInChinese: String
        var english: [String]

        var testDescription: String { command.isEmpty ? "interview" : command.joined(separator: " ") }
    }

    static let pages: [Page] = [
        Page(command: [],
             chinese: [
                 "概述：InterviewFlow：按含 flowchart.js 或 Mermaid 流程图的 Markdown 指南进行结构化面试。",
                 "run 按指南进行面试，把每个事件记入面试记录。",
                 "backup 把内嵌数据库备份为一份一致的副本，服务器运行时也可以执行。",
             ],
             notInChinese: "Run an interview along a guide",
             english: [
                 "OVERVIEW: InterviewFlow: structured interviews from Markdown guides with flowchart.js or Mermaid flowcharts.",
                 "run Run an interview along a guide, recording every event to a session log.",
                 "backup Write a consistent copy of the embedded database, also while the server runs.",
             ]),
        Page(command: ["render"],
             chinese: [
                 "概述：把指南的每个流程图画成 SVG（或把布局写成 JSON）。",
                 "<file> Markdown 指南或流程图文件。",
                 "-o, --output <output> 写入的文件夹（不存在则创建）。",
                 "--format <format> svg：图形和 index.html；json：每个流程图的节点框和连线折线。",
             ],
             notInChinese: "Directory to write into",
             english: [
                 "OVERVIEW: Draw every flowchart of a guide to SVG (or its layout to JSON).",
                 "-o, --output <output> Directory to write into (created if missing).",
                 "--format <format> svg: drawings and index.html; json: node boxes and edge polylines per flowchart.",
             ]),
        Page(command: ["run"],
             chinese: [
                 "概述：按指南进行面试，把每个事件记入面试记录。",
                 "在终端中每个命令一个按键：0-4 评分，y/n 判断",
                 "--session <session> 要写入的面试记录（JSON Lines）。",
                 "--resume 继续面试记录中已有的面试。",
                 "--language <language> 面试界面的语言，en 或 zh（默认：指南的语言）。",
             ],
             notInChinese: "Continue the session already in the log.",
             english: [
                 "OVERVIEW: Run an interview along a guide, recording every event to a session log.",
                 "On a terminal, one key per command: 0-4 rate, y/n gate",
                 "--session <session> The session log (JSON Lines) to write.",
                 "--resume Continue the session already in the log.",
             ]),
        Page(command: ["guide", "convert"],
             chinese: [
                 "概述：把指南中的每个流程图改写为 Mermaid 或 flowchart.js，其余内容保持原样。",
                 "<guide> Markdown 指南、内置指南（如 python-backend-senior.zh），或单独的流程图文件（.mmd、.flow）。",
                 "--to <to> mermaid 或 flowchartjs。",
                 "-o, --output <output> 转换后指南的写入位置（默认：标准输出）。",
             ],
             notInChinese: "Where to write the converted guide",
             english: [
                 "OVERVIEW: Rewrite every flowchart of a guide in Mermaid or flowchart.js, keeping everything else as written.",
                 "--to <to> mermaid or flowchartjs.",
                 "-o, --output <output> Where to write the converted guide (default: standard output).",
             ]),
    ]

    @Test(arguments: pages)
    func aHelpPageIsChineseUnderAChineseLocaleAndEnglishOtherwise(_ page: Page) throws {
        // act
        let chinese = try Self.help(page.command, Self.chineseLocale)
        let english = try Self.help(page.command, Self.englishLocale)
        // verify
        for line in page.chinese { #expect(chinese.contains(line), "\(line)") }
        #expect(!chinese.contains(page.notInChinese))
        for line in page.english { #expect(english.contains(line), "\(line)") }
        #expect(!Self.hasChinese(english))
    }

    @Test(arguments: commands)
    func everyHelpTextIsChineseUnderAChineseLocale(_ command: [String]) throws {
        // act
        let result = try CommandRunner.run(command + ["--help"], environment: Self.chineseLocale)
        // verify
        #expect(result.status == 0)
        let overview = result.stdout.prefix { $0 != "\n" }
        #expect(overview.hasPrefix("概述：") && Self.hasChinese(overview), "\(overview)")
        let entries = Self.entries(result.stdout)
        #expect(entries.contains { $0.label == "-h, --help" && $0.text == "显示帮助信息。" })
        for entry in entries where !entry.text.isEmpty {
            #expect(Self.hasChinese(entry.text), "\(command) \(entry.label): \(entry.text)")
        }
        // ArgumentParser's own words too (ArgumentParserChinese).
        for english in ["OVERVIEW", "USAGE", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "(default:", "(values:", "Show help", "See '"] {
            #expect(!result.stdout.contains(english), "\(command): \(english)")
        }
        #expect(result.stdout.contains("\n用法：interview"))
    }

    @Test func aUsageMistakeIsToldInTheLocalesLanguage() throws {
        // act: a missing file, an unknown option, a value of the wrong kind
        let missing = try CommandRunner.run(["lint"], environment: Self.chineseLocale)
        let unknown = try CommandRunner.run(["lint", "guide.md", "--bogus"], environment: Self.chineseLocale)
        let wrongKind = try CommandRunner.run(["demo", "--interviews", "many"], environment: Self.chineseLocale)
        let english = try CommandRunner.run(["lint"], environment: Self.englishLocale)
        // verify: exit 2, and every line of ArgumentParser's in Chinese around the quoted names
        #expect([missing.status, unknown.status, wrongKind.status, english.status] == [2, 2, 2, 2])
        #expect(missing.stderr.hasPrefix("错误：缺少参数 '<files> ...'\n说明：<files>"))
        #expect(missing.stderr.contains("用法：interview lint <files> ...") && missing.stderr.contains("更多信息请运行 'interview lint --help'。"))
        #expect(unknown.stderr.hasPrefix("错误：未知选项 '--bogus'"))
        #expect(wrongKind.stderr.hasPrefix("错误：值 'many' 对 '--interviews <interviews>' 无效"))
        #expect(english.stderr.hasPrefix("Error: Missing expected argument '<files> ...'") && !Self.hasChinese(english.stderr))
        // What the user typed stays as typed, however much it looks like ArgumentParser's words.
        let typed = try CommandRunner.run(["lint", "--format", "(default: x)", "guide.md"], environment: Self.chineseLocale)
        #expect(typed.status == 2 && typed.stderr.hasPrefix("错误：值 '(default: x)' 对 '--format <format>' 无效。可选值：'text'、'json'。"),
                "\(typed.stderr)")
        // Three values end "… or 'html'", which stayed English in a Chinese message (a terminal probe).
        let three = try CommandRunner.run(["report", "x.jsonl", "--format", "pdf"], environment: Self.chineseLocale)
        #expect(three.stderr.hasPrefix("错误：值 'pdf' 对 '--format <format>' 无效。可选值：'markdown'、'json' 或 'html'。"), "\(three.stderr)")
    }

    @Test func theWalkCoversEveryCommandTheOverviewsList() throws {
        // act
        let root = try CommandRunner.run(["--help"], environment: Self.englishLocale)
        let guide = try CommandRunner.run(["guide", "--help"], environment: Self.englishLocale)
        // verify
        let listed = Self.entries(root.stdout).filter { !$0.label.hasPrefix("-") }.map { [$0.label] }
            + Self.entries(guide.stdout).filter { !$0.label.hasPrefix("-") }.map { ["guide", $0.label] }
        #expect(listed.count > 10)
        #expect(Set(listed) == Set(Self.commands.filter { !$0.isEmpty }))
    }
}
