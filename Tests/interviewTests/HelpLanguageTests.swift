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
        ["backup"], ["restore"],
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
            if ["ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:"].contains(line) { inSection = true; continue }
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

    @Test func theOverviewAndItsCommandListFollowTheLocale() throws {
        // act
        let chinese = try Self.help([], Self.chineseLocale)
        let english = try Self.help([], Self.englishLocale)
        // verify
        #expect(chinese.contains("OVERVIEW: InterviewFlow：按 Markdown + flowchart.js 指南进行结构化面试。"))
        #expect(chinese.contains("run 按指南进行面试，把每个事件记入面试记录。"))
        #expect(chinese.contains("backup 把内嵌数据库备份为一份一致的副本，服务器运行时也可以执行。"))
        #expect(!chinese.contains("Run an interview along a guide"))
        #expect(english.contains("OVERVIEW: InterviewFlow: structured interviews from Markdown + flowchart.js guides."))
        #expect(english.contains("run Run an interview along a guide, recording every event to a session log."))
        #expect(english.contains("backup Write a consistent copy of the embedded database, also while the server runs."))
        #expect(!Self.hasChinese(english))
    }

    @Test func renderHelpIsChineseUnderAChineseLocaleAndEnglishOtherwise() throws {
        // act
        let chinese = try Self.help(["render"], Self.chineseLocale)
        let english = try Self.help(["render"], Self.englishLocale)
        // verify
        #expect(chinese.contains("OVERVIEW: 把指南的每个流程图画成 SVG（或把布局写成 JSON）。"))
        #expect(chinese.contains("<file> Markdown 指南或流程图文件。"))
        #expect(chinese.contains("-o, --output <output> 写入的文件夹（不存在则创建）。"))
        #expect(chinese.contains("--format <format> svg：图形和 index.html；json：每个流程图的节点框和连线折线。"))
        #expect(!chinese.contains("Directory to write into"))
        #expect(english.contains("OVERVIEW: Draw every flowchart of a guide to SVG (or its layout to JSON)."))
        #expect(english.contains("-o, --output <output> Directory to write into (created if missing)."))
        #expect(english.contains("--format <format> svg: drawings and index.html; json: node boxes and edge polylines per flowchart."))
        #expect(!Self.hasChinese(english))
    }

    @Test func runHelpIsChineseUnderAChineseLocaleAndEnglishOtherwise() throws {
        // act
        let chinese = try Self.help(["run"], Self.chineseLocale)
        let english = try Self.help(["run"], Self.englishLocale)
        // verify
        #expect(chinese.contains("OVERVIEW: 按指南进行面试，把每个事件记入面试记录。"))
        #expect(chinese.contains("在终端中每个命令一个按键：0-4 评分，y/n 判断"))
        #expect(chinese.contains("--session <session> 要写入的面试记录（JSON Lines）。"))
        #expect(chinese.contains("--resume 继续面试记录中已有的面试。"))
        #expect(chinese.contains("--language <language> 面试界面的语言，en 或 zh（默认：指南的语言）。"))
        #expect(!chinese.contains("Continue the session already in the log."))
        #expect(english.contains("OVERVIEW: Run an interview along a guide, recording every event to a session log."))
        #expect(english.contains("On a terminal, one key per command: 0-4 rate, y/n gate"))
        #expect(english.contains("--session <session> The session log (JSON Lines) to write."))
        #expect(english.contains("--resume Continue the session already in the log."))
        #expect(!Self.hasChinese(english))
    }

    @Test func guideConvertHelpIsChineseUnderAChineseLocaleAndEnglishOtherwise() throws {
        // act
        let chinese = try Self.help(["guide", "convert"], Self.chineseLocale)
        let english = try Self.help(["guide", "convert"], Self.englishLocale)
        // verify
        #expect(chinese.contains("OVERVIEW: 把指南中的每个流程图改写为 Mermaid 或 flowchart.js，其余内容保持原样。"))
        #expect(chinese.contains("<guide> Markdown 指南，或内置指南（如 python-backend-senior.zh）。"))
        #expect(chinese.contains("--to <to> mermaid 或 flowchartjs。"))
        #expect(chinese.contains("-o, --output <output> 转换后指南的写入位置（默认：标准输出）。"))
        #expect(!chinese.contains("Where to write the converted guide"))
        #expect(english.contains("OVERVIEW: Rewrite every flowchart of a guide in Mermaid or flowchart.js, keeping everything else as written."))
        #expect(english.contains("--to <to> mermaid or flowchartjs."))
        #expect(english.contains("-o, --output <output> Where to write the converted guide (default: standard output)."))
        #expect(!Self.hasChinese(english))
    }

    @Test(arguments: commands)
    func everyHelpTextIsChineseUnderAChineseLocale(_ command: [String]) throws {
        // act
        let result = try CommandRunner.run(command + ["--help"], environment: Self.chineseLocale)
        // verify
        #expect(result.status == 0)
        let overview = result.stdout.prefix { $0 != "\n" }
        #expect(overview.hasPrefix("OVERVIEW: ") && Self.hasChinese(overview), "\(overview)")
        let entries = Self.entries(result.stdout)
        #expect(entries.contains { $0.label == "-h, --help" })
        // ArgumentParser's own lines stay English, as its USAGE: and (values: …) do.
        for entry in entries where !entry.text.isEmpty && entry.label != "-h, --help" && !entry.label.hasPrefix("--version") {
            #expect(Self.hasChinese(entry.text), "\(command) \(entry.label): \(entry.text)")
        }
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
