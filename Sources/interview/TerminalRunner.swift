import Flowchart
import Foundation
import InterviewCore

/// The runner on a terminal: a screen redrawn after every key (and every second, for the clock),
/// one key per command, a line editor for notes, reasons and topic names.
enum TerminalRunner {
    /// `path`: the session file, named in the note a signal (Ctrl-C) leaves on the way out.
    /// Returns whether Ctrl-C stopped the run while a line was typed: the caller exits as the signal
    /// does elsewhere (130, with the same note), so a script tells an interrupted run from a finished one.
    @discardableResult
    static func run(_ session: inout RunSession, path: String) -> Bool {
        guard TerminalRawMode.enable(interrupted: session.labels.interrupted(path)) else {
            PlainRunner.run(&session)
            return false
        }
        var interrupted = false
        session.onTerminal = true
        var recent = session.begin()
        while session.keepsRunning {
            TerminalScreen.draw(session, acknowledged: recent)
            let key = TerminalInput.readKey(timeoutMilliseconds: 1000)
            if key == .endOfInput { break }
            if case .paste = key {
                session.error = session.labels.pasteIgnored
                continue
            }
            guard case .character(let c) = key else { continue }
            if let typed = command(for: c, &session, recent, stopping: &interrupted) {
                let (acknowledged, quit) = session.handle(typed)
                recent = Array((recent + acknowledged).suffix(4))
                if quit { break }
            }
            if interrupted { break }
        }
        TerminalRawMode.restore()
        PlainRunner.finish(session)
        return interrupted
    }

    /// `stopping` is set when Ctrl-C ended a line being typed: the command made of what was typed (a note)
    /// is still recorded, and then the run stops as Ctrl-C stops it anywhere else.
    private static func command(for typed: Character, _ session: inout RunSession, _ recent: [String],
                                stopping: inout Bool) -> SessionCommand? {
        if let digit = typed.wholeNumberValue { return .rate(digit) }
        let key = commandKey(typed)
        let snapshot = session
        var interrupted = false
        let ask = { (prompt: String, extra: [String]) -> String? in
            switch TerminalInput.readLine(redraw: { text in TerminalScreen.draw(snapshot, acknowledged: recent, extra: extra, prompt: prompt + text) }) {
            case .accepted(let text): return text
            case .cancelled: return nil
            case .interrupted(let text):
                interrupted = true
                return text
            }
        }
        defer { stopping = interrupted }
        switch key {
        case "y": return .answer(true)
        case "n": return .answer(false)
        case "b": return .back
        case "f": return .moveOn
        case "e": return .end
        case "r": return .reference
        case "?": return .help
        case "q": return .quit
        case "m", "M":
            let text = ask(key == "M" ? session.labels.sharedNote : session.labels.privateNote, [])
            return text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : .note($0, shared: key == "M") }
        case "s":
            // Nothing to skip: the engine says so at once, rather than after a reason was asked for and typed.
            // So does a correction on screen, which a skip would not apply to.
            guard session.driver.reviewing == nil, session.driver.revisingGate == nil, case .rate = session.driver.state.agenda(session.driver.guide) else { return .skip(nil) }
            // Ctrl-C at the reason skips nothing: only a note typed so far is kept on the way out.
            let reason = ask(session.labels.skipReason, [])
            return interrupted ? nil : reason.map { .skip($0.isEmpty ? nil : $0) }
        case "p":
            if session.driver.reviewing != nil || session.driver.revisingGate != nil { return .pick("") }
            let pick = ask(session.labels.pick, [])
            return interrupted ? nil : pick.flatMap { $0.isEmpty ? nil : .pick($0) }
        case "j":
            let topics = session.driver.guide.topics.map { topic in
                "  \(topic.heading)" + (topic.key != topic.heading && !topic.key.hasPrefix((topic.number ?? "") + " ") ? "  [\(topic.key)]" : "")
                    + (session.driver.state.topics[topic.key] != nil ? "  ✓" : "")
            }
            let target = ask(session.labels.jumpTo, [session.labels.topics] + topics)
            return interrupted ? nil : target.flatMap { $0.isEmpty ? nil : .jump($0) }
        default:
            session.error = session.labels.noCommand(typed)
            return nil
        }
    }

    /// The key a Chinese input method's character stands for: full-width letters and signs (ｙ, ？, ｍ) as
    /// their ASCII keys, 是/否 and a capital Y/N as the gate's answers. Full-width digits were taken and
    /// these refused as "not a command" (a terminal probe).
    static func commandKey(_ key: Character) -> Character {
        switch key {
        case "是", "Y": return "y"
        case "否", "N": return "n"
        default:
            guard key.unicodeScalars.count == 1, let scalar = key.unicodeScalars.first,
                  (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) else { return key }
            return commandKey(Character(ascii))
        }
    }
}

/// Draws the whole screen in one write.
enum TerminalScreen {
    static func draw(_ session: RunSession, acknowledged: [String], extra: [String] = [], prompt: String? = nil) {
        let (columns, rows) = TerminalRawMode.size()
        let now = session.driver.clock.now()
        let rule = String(repeating: "─", count: max(10, columns - 1))
        var top = RunView.header(session, now: now) + [rule]
        var body = session.showHelp ? SessionCommand.helpLines(session.labels.language) : RunView.body(session, now: now)
        body += extra
        body = body.flatMap { TerminalText.wrap($0, columns: columns - 1, indent: "   ") }
        // In a small window the current question keeps its lines: the log of recent events gives way first
        // (at 40×10 the question was "…" under four log lines).
        var log = acknowledged.map { "✓ " + $0 }
        var bottom: [String] {
            var lines = [rule] + log
            if let message = session.message { lines.append(message) }
            if let error = session.error { lines.append("! " + error) }
            lines.append(prompt ?? session.labels.keys(fitting: columns - 1))
            return lines
        }
        while !log.isEmpty, rows - top.count - bottom.count < min(body.count, 4) { log.removeFirst() }
        let room = max(0, rows - top.count - bottom.count)
        if body.count > room { body = Array(body.prefix(max(0, room - 1))) + ["…"] }
        top += body + Array(repeating: "", count: max(0, room - body.count))
        // The screen's own escapes are added below; any in the guide's or the notes' text are shown, not obeyed.
        var lines = (top + bottom).prefix(rows).map { TerminalText.truncate(TerminalSafe.visible($0), columns: columns - 1) }
        if let prompt, !lines.isEmpty, (top + bottom).count <= rows {
            lines[lines.count - 1] = TerminalText.keepingEnd(TerminalSafe.visible(prompt), columns: columns - 1)
        }
        let screen = "\u{1B}[H" + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n") + "\u{1B}[J"
        FileHandle.standardOutput.write(Data(screen.utf8))
    }
}
