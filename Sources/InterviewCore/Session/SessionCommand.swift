import Flowchart
/// The interviewer's commands, the same whether typed as one key on a terminal or one line in a script.
public enum SessionCommand: Hashable, Sendable {
    case rate(Int)
    case answer(Bool)
    /// `m text` (private) or `M text` (shared with the candidate as feedback).
    case note(String, shared: Bool)
    case jump(String)
    case skip(String?)
    case back
    case pick(String)
    /// `f`: done here, move on (next topic, next stage, back from a jump).
    case moveOn
    case end
    case reference
    case help
    case quit

    /// Parses one script line. nil for a blank line; an error message for anything unknown.
    public static func parse(_ line: String) -> Result<SessionCommand, CommandError>? {
        let typed = line.trimmingCharacters(in: .whitespaces)
        guard let key = typed.unicodeScalars.first else { return nil }
        // A command typed with a Chinese input method's full-width key (３, ｙ, ？): its ASCII key; a note's
        // text after it stays as typed.
        let trimmed = (0xFF01...0xFF5E).contains(key.value)
            ? String(Character(Unicode.Scalar(key.value - 0xFEE0)!)) + String(typed.unicodeScalars.dropFirst())
            : typed
        let digits = String(String.UnicodeScalarView(trimmed.unicodeScalars.map { (0xFF10...0xFF19).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0)! : $0 }))
        guard var first = trimmed.first else { return nil }
        let rest = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let rating = Int(digits) { return .success(.rate(rating)) }
        // 〇一二三四 and 是/否 alone on a line, as the full-screen runner takes them as keys (plain mode
        // said "no command '三'", against its own help: a probe).
        if rest.isEmpty, let han = first.wholeNumberValue, "〇一二三四五六七八九".contains(first) { return .success(.rate(han)) }
        if rest.isEmpty, first == "是" || first == "否" { first = first == "是" ? "y" : "n" }
        let bare: SessionCommand? = switch first {
        case "y": .answer(true)
        case "n": .answer(false)
        case "b": .back
        case "f": .moveOn
        case "e": .end
        case "r": .reference
        case "?", "h": .help
        case "q": .quit
        case "s": .skip(rest.isEmpty ? nil : rest)
        default: nil
        }
        if let bare, rest.isEmpty || first == "s" { return .success(bare) }
        switch first {
        case "m", "M":
            return rest.isEmpty ? .failure(CommandError("a note needs its text: m <text>", "备注需要内容：m <内容>")) : .success(.note(rest, shared: first == "M"))
        case "j":
            return rest.isEmpty ? .failure(CommandError("name the topic to jump to: j <topic>, e.g. j 3.2.1", "请写出要跳转的主题：j <主题>，例如 j 3.2.1")) : .success(.jump(rest))
        case "p":
            return rest.isEmpty ? .failure(CommandError("name the question to pick: p <number or id>", "请写出要选的问题：p <序号或编号>")) : .success(.pick(rest))
        default:
            return .failure(CommandError("unknown command '\(trimmed)'; ? lists the commands", "没有命令 '\(trimmed)'；按 ? 查看所有命令"))
        }
    }

    /// One line per command, for `?`, in the runner's language.
    public static func helpLines(_ language: Language) -> [String] { language == .zh ? chineseHelpLines : helpLines }

    public static let chineseHelpLines: [String] = [
        "0-4   给当前问题评分（按指南的评分标准；全角数字和〇一二三四也算）",
        "y/n   回答判断（是否深入？），或接受 / 拒绝提供的跳转",
        "m     给当前问题添加私人备注（先按 b：给上一个评过分的问题）  M  候选人可以看到的备注",
        "j     跳转到某个主题（j 3.2.1）；b 返回",
        "s     跳过当前问题（s <原因>）",
        "p     选一个开放式问题（p 2 或 p op2）",
        "b     返回：从跳转返回，重新给上一个问题评分，或更改刚回答的判断",
        "f     这里结束：下一个主题、下一个阶段",
        "r     显示或隐藏参考答案",
        "e     结束面试                  q  保存并退出（--resume 继续）",
    ]

    /// One line per command, for `?`.
    public static let helpLines: [String] = [
        "0-4   rate the current question (the guide's scale; full-width digits and 〇一二三四 count too)",
        "y/n   answer the gate (go deeper?), or take / decline an offered jump",
        "m     add a private note on the current question (b first: on the one rated before)  M  a note the candidate may read",
        "j     jump to a topic (j 3.2.1); b returns",
        "s     skip the current question (s <reason>)",
        "p     pick an open question (p 2 or p op2)",
        "b     back: return from a jump, re-rate the previous question, or change the gate just answered",
        "f     done here: next topic, next stage",
        "r     show or hide the reference answer",
        "e     end the interview        q  save and quit (--resume continues)",
    ]
}

/// A command the runner could not carry out, in both languages (the runner shows the interviewer's).
public struct CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: LocalizedText
    public var description: String { text.en }
    public init(_ en: String, _ zh: String) { text = LocalizedText(en: en, zh: zh) }
    public init(_ text: LocalizedText) { self.text = text }
}
