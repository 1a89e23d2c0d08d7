import Flowchart
import Foundation
import InterviewCore

/// The runner without a terminal: one command per line from standard input, plain text out, so a
/// whole interview can be scripted. Output is written unbuffered: an acknowledgement on screen means
/// the event is on disk, even if the process is killed the next instant.
enum PlainRunner {
    static func run(_ session: inout RunSession) {
        emit(session.begin())
        var shown: [String] = []
        show(session, &shown)
        while session.keepsRunning, let line = readLine() {
            guard let parsed = SessionCommand.parse(line) else { continue }
            switch parsed {
            case .failure(let error):
                emit(["\(session.labels.error)\(session.labels.colon)\(session.labels.refusal(error))"])
            case .success(let command):
                if command == .help { emit(SessionCommand.helpLines(session.labels.language)) }
                if command == .reference, let ref = session.driver.focus,
                   let question = session.driver.guide.topic(ref.topic)?.question(ref.question) {
                    emit(["\(session.labels.reference)\(session.labels.colon)\(question.reference ?? session.labels.none)"])
                    continue
                }
                let (acknowledged, quit) = session.handle(command)
                emit(acknowledged)
                if let message = session.message { emit([message]) }
                if let error = session.error { emit(["\(session.labels.error)\(session.labels.colon)\(error)"]) }
                if quit { break }
                show(session, &shown)
            }
        }
        finish(session)
    }

    static func finish(_ session: RunSession) {
        let count = session.driver.engine.events.count
        if !session.isFinished { emit([session.labels.saved(count)]) }
        emit([""] + RunSummary.lines(session.driver.guide, session.driver.state, language: session.labels.language))
    }

    /// Prints what the interview waits for, when it changed: a script's transcript stays readable.
    private static func show(_ session: RunSession, _ shown: inout [String]) {
        let now = session.driver.clock.now()
        let body = RunView.body(session, now: now)
        guard body != shown else { return }
        shown = body
        emit(RunView.header(session, now: now).map { "-- " + $0 } + body)
    }

    static func emit(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((TerminalSafe.visible(lines.joined(separator: "\n")) + "\n").utf8))
    }
}
