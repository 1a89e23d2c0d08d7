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
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return nil }
        let rest = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let rating = Int(trimmed) { return .success(.rate(rating)) }
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
            return rest.isEmpty ? .failure(CommandError("a note needs its text: m <text>")) : .success(.note(rest, shared: first == "M"))
        case "j":
            return rest.isEmpty ? .failure(CommandError("name the topic to jump to: j <topic>, e.g. j 3.2.1")) : .success(.jump(rest))
        case "p":
            return rest.isEmpty ? .failure(CommandError("name the question to pick: p <number or id>")) : .success(.pick(rest))
        default:
            return .failure(CommandError("unknown command '\(trimmed)'; ? lists the commands"))
        }
    }

    /// One line per command, for `?`.
    public static let helpLines: [String] = [
        "0-4   rate the current question (the guide's scale)",
        "y/n   answer the gate (go deeper?), or take / decline an offered jump",
        "m     add a private note      M  a note the candidate may read",
        "j     jump to a topic (j 3.2.1); b returns",
        "s     skip the current question (s <reason>)",
        "p     pick an open question (p 2 or p op2)",
        "b     back: return from a jump, or re-rate the previous question",
        "f     done here: next topic, next stage",
        "r     show or hide the reference answer",
        "e     end the interview        q  save and quit (--resume continues)",
    ]
}

public struct CommandError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
