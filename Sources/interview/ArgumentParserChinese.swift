import Foundation

/// ArgumentParser writes its own words in English only: the section headings of a help page, the
/// `(default: …)` after an option, "Show help information." and the usage errors. Our help texts are
/// Chinese under a Chinese locale, so a Chinese page read "OVERVIEW: 检查…" and "错误：Unknown option".
/// The library has no hook for its words, so its finished message is rewritten here, phrase by phrase:
/// only the fixed phrases it writes (ArgumentParser 1.x), each matched on its exact shape, so our own
/// help text, Chinese already, is never touched. Names in quotes (options, values, commands) stay as
/// typed.
enum ArgumentParserChinese {
    static func translate(_ message: String) -> String {
        // What the user typed comes back in single quotes ('--format <format>', a value): set aside first,
        // so `--format "(default: x)"` is not rewritten as if ArgumentParser had said it.
        var quoted: [String] = []
        // ArgumentParser's own `<subcommand>` sits inside its own quotes ('interview help <subcommand>').
        var message = message.replacingOccurrences(of: "<subcommand>", with: "<子命令>").replacing(#/'[^'\n]*'/#) { match in
            quoted.append(String(match.output))
            return "'\u{E000}\(quoted.count - 1)\u{E001}'"
        }
        message = phrases(message)
        return message.replacing(#/'\u{E000}(\d+)\u{E001}'/#) { match -> String in
            guard let index = Int(String(match.1)), quoted.indices.contains(index) else { return String(match.0) }
            return quoted[index]
        }
    }

    private static func phrases(_ message: String) -> String {
        // The phrases over the whole message: ArgumentParser wraps an option's help at the terminal's
        // width, and a `(values: …; default: …)` can break across two lines.
        var message = message
        message.replace(#/See '([^']*)' for more information\./#) { "更多信息请运行 '\($0.1)'。" }
        message.replace(#/See '([^']*)' for detailed help\./#) { "运行 '\($0.1)' 查看各命令的详细帮助。" }
        message.replace(#/Missing expected argument '([^']*)'/#) { "缺少参数 '\($0.1)'" }
        message.replace(#/Missing value for '([^']*)'/#) { "'\($0.1)' 缺少值" }
        message.replace(#/Unknown option '([^']*)'/#) { "未知选项 '\($0.1)'" }
        message.replace(#/Unexpected argument '([^']*)'/#) { "多余的参数 '\($0.1)'" }
        message.replace(#/The value '([^']*)' is invalid for '([^']*)'/#) { "值 '\($0.1)' 对 '\($0.2)' 无效" }
        message.replace(#/\. Please provide one of ([^\n]+?)\./#) {
            // "'a', 'b' or 'c'" as well as "and" (a probe found "'json' or 'html'" in a Chinese message).
            "。可选值：" + $0.1.replacingOccurrences(of: ", and ", with: "、").replacingOccurrences(of: " and ", with: "、")
                .replacingOccurrences(of: ", or ", with: " 或 ").replacingOccurrences(of: " or ", with: " 或 ")
                .replacingOccurrences(of: ", ", with: "、") + "。"
        }
        message.replace(#/\(values:(\s+)([^;)]*);(\s+)default:(\s+)([^)]*)\)/#) {
            "（可选值：\(wrap($0.1))\($0.2)；\(wrap($0.3))默认：\(wrap($0.4))\($0.5)）"
        }
        message.replace(#/\(values:(\s+)([^)]*)\)/#) { "（可选值：\(wrap($0.1))\($0.2)）" }
        message.replace(#/\(default:(\s+)([^)]*)\)/#) { "（默认：\(wrap($0.1))\($0.2)）" }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map(line).joined(separator: "\n")
    }

    /// The space ArgumentParser wrote after a word: a line break (where it wrapped) stays; a plain space
    /// goes, as Chinese punctuation needs none.
    private static func wrap(_ space: Substring) -> Substring {
        space.contains("\n") ? space : ""
    }

    /// Whole-line headings and line prefixes, then the fixed phrases inside a line.
    private static func line(_ text: Substring) -> String {
        if let heading = headings[String(text)] { return heading }
        var text = String(text)
        for (english, chinese) in prefixes where text.hasPrefix(english) {
            text = chinese + text.dropFirst(english.count)
            break
        }
        for (english, chinese) in phrases { text = text.replacingOccurrences(of: english, with: chinese) }
        return text
    }

    private static let headings = ["ARGUMENTS:": "参数：", "OPTIONS:": "选项：", "SUBCOMMANDS:": "子命令："]

    private static let prefixes: [(String, String)] = [
        ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("Usage: ", "用法："), ("Help:  ", "说明："), ("Error: ", "错误："),
    ]

    private static let phrases: [(String, String)] = [
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本。"),
    ]
}
