import Flowchart
import Foundation
import InterviewCore

/// The runner's state around the driver: what the interviewer toggled on screen and the last
/// message. Both faces (terminal and plain) feed it commands and show what it reports.
struct RunSession {
    var driver: SessionDriver
    var labels: RunLabels
    var showReference = false
    var showHelp = false
    var message: String?
    /// Why the last command was refused: one line, and the run goes on.
    var error: String?

    /// Events that came from the log on `--resume`: already acknowledged by the run that wrote them.
    let replayed: Int

    init(driver: SessionDriver, replayed: Int = 0, language: Language? = nil) {
        self.driver = driver
        self.replayed = replayed
        labels = RunLabels(language: language ?? (ReportLanguage(guide: driver.guide) == .zh ? .zh : .en))
    }

    var isFinished: Bool { driver.state.isFinished }

    /// Records the steps that need no decision (after starting or resuming) and acknowledges them.
    mutating func begin() -> [String] {
        let resumed = replayed > 0 ? [labels.resumed(replayed)] : []
        do {
            // The time since the log's last event was a break (the runner was not running), so that it
            // counts neither to a stage nor to the interview's duration (it once did: a session resumed the
            // next morning reported 1,000 minutes).
            if replayed > 0, driver.state.isStarted, !driver.state.isFinished { _ = try driver.record(.resumed) }
            message = try driver.advance().message?.text(labels.language)
        } catch { self.error = labels.refusal(error) }
        return resumed + acknowledgements(since: replayed)
    }

    /// Runs one command. Returns the acknowledgement of each event now on disk, and whether to stop.
    mutating func handle(_ command: SessionCommand) -> (acknowledged: [String], quit: Bool) {
        (message, error) = (nil, nil)
        switch command {
        case .reference:
            showReference.toggle()
            return ([], false)
        case .help:
            showHelp.toggle()
            return ([], false)
        case .quit:
            return ([], true)
        default:
            let before = driver.engine.events.count
            do {
                message = try driver.perform(command).message?.text(labels.language)
            } catch {
                self.error = labels.refusal(error)
            }
            // Acknowledge whatever reached the disk, even when a later step of the command failed.
            return (acknowledgements(since: before), false)
        }
    }

    /// "recorded #12 rated 3.2.1/op1 3": shown only for events already appended and fsync'd.
    private func acknowledgements(since index: Int) -> [String] {
        let events = driver.engine.events
        return (index..<events.count).map { "\(labels.recorded) #\($0 + 1) \(RunEventText.describe(events[$0]))" }
    }
}

/// One event in a few words, as the acknowledgement line shows it; starts with the log's `type`.
enum RunEventText {
    static func describe(_ event: SessionEvent) -> String {
        let detail: String = switch event.kind {
        case .started(let s): s.guideID ?? s.guideTitle
        case .stageEntered(let stage), .stageFinished(let stage): stage
        case .topicEntered(let topic): topic
        case .questionAsked(let ref), .openQuestionPicked(let ref): ref.description
        case .rated(let ref, let rating): "\(ref) \(rating)"
        case .questionSkipped(let ref, let reason): "\(ref) (\(reason))"
        case .gateAnswered(let topic, let gate, let answer): "\(topic)/\(gate) \(answer ? "yes" : "no")"
        case .jumpedToTopic(let topic, _): topic
        case .jumpDeclined(let topic, let instruction): "\(topic)/\(instruction)"
        case .returned, .resumed: ""
        case .noteAdded(let note): note.isShared ? "(shared)" : "(private)"
        case .interviewFinished(let stages): stages.isEmpty ? "" : "confirmed incomplete: \(stages.joined(separator: ", "))"
        case .scorecardSubmitted(let submission): submission.recommendation
        case .revisionStarted(let reason): reason
        }
        return detail.isEmpty ? event.kind.typeName : "\(event.kind.typeName) \(detail)"
    }
}
