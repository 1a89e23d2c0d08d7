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
    /// The full-screen runner, read by a person: events in words in English too. The plain runner keeps
    /// the log's own event names, which scripts match.
    var onTerminal = false
    /// A finished interview resumed to correct it: ratings (b, then a digit) and notes are still taken,
    /// as docs/scoring.md says, until q. The runner printed the summary and ignored every key (a recheck).
    var correctingAfterEnd = false

    /// Whether the runner reads another command.
    var keepsRunning: Bool { !isFinished || correctingAfterEnd }

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

    /// "recorded #12 rated 3.2.1/op1 3" ("已记录 #12 评分 3.2.1/op1 3"): shown only for events already
    /// appended and fsync'd.
    private func acknowledgements(since index: Int) -> [String] {
        let events = driver.engine.events
        return (index..<events.count).map {
            "\(labels.recorded) #\($0 + 1) \(RunEventText.describe(events[$0], language: labels.language, words: onTerminal))"
        }
    }
}

/// An event as the runner acknowledges it. In the plain runner's English the log's own event names,
/// which scripts match; on the full screen, and in Chinese, words ("recorded #69 topicEntered 3.4" read as
/// internal names to an interviewer: a terminal probe; a Chinese screen showed "已记录 #1 started").
enum RunEventText {
    static func describe(_ event: SessionEvent, language: Language = .en, words: Bool = false) -> String {
        let zh = language == .zh
        let detail: String = switch event.kind {
        case .started(let s): s.guideID ?? s.guideTitle
        case .stageEntered(let stage), .stageFinished(let stage): stage
        case .topicEntered(let topic): topic
        case .questionAsked(let ref), .openQuestionPicked(let ref): ref.description
        case .rated(let ref, let rating): "\(ref) \(rating)"
        case .questionSkipped(let ref, let reason): "\(ref) (\(SkipReason.shown(reason, in: zh ? .zh : .en)))"
        case .gateAnswered(let topic, let gate, let answer), .gateRevised(let topic, let gate, let answer):
            "\(topic)/\(gate) \(answer ? (zh ? "是" : "yes") : (zh ? "否" : "no"))"
        case .jumpedToTopic(let topic, _): topic
        case .jumpDeclined(let topic, let instruction): "\(topic)/\(instruction)"
        case .returned, .resumed: ""
        case .noteAdded(let note):
            // Where it was filed, so a note meant for the question just rated is seen landing on the next
            // one (and `b` then `m` files it there).
            (note.isShared ? (zh ? "（共享）" : "(shared)") : (zh ? "（私人）" : "(private)"))
                + (note.topic.map { t in (zh ? " 针对 " : " on ") + t + (note.question.map { "/" + $0 } ?? "") } ?? "")
        case .interviewFinished(let stages):
            stages.isEmpty ? "" : (zh ? "确认未完成：" : "confirmed incomplete: ") + stages.joined(separator: ", ")
        case .scorecardSubmitted(let submission): submission.recommendation
        case .revisionStarted(let reason): reason
        }
        let name = zh ? chineseName(event.kind) : words ? englishName(event.kind) : event.kind.typeName
        return detail.isEmpty ? name : "\(name) \(detail)"
    }

    private static func englishName(_ kind: SessionEvent.Kind) -> String {
        switch kind {
        case .started: "started"
        case .stageEntered: "entered stage"
        case .stageFinished: "finished stage"
        case .topicEntered: "entered topic"
        case .questionAsked: "asked"
        case .openQuestionPicked: "picked"
        case .rated: "rated"
        case .questionSkipped: "skipped"
        case .gateAnswered: "answered"
        case .gateRevised: "changed the answer"
        case .jumpedToTopic: "jumped to"
        case .jumpDeclined: "declined the jump"
        case .returned: "returned"
        case .resumed: "resumed"
        case .noteAdded: "note"
        case .interviewFinished: "ended the interview"
        case .scorecardSubmitted: "submitted the scorecard"
        case .revisionStarted: "began a revision"
        }
    }

    private static func chineseName(_ kind: SessionEvent.Kind) -> String {
        switch kind {
        case .started: "开始面试"
        case .stageEntered: "进入阶段"
        case .stageFinished: "结束阶段"
        case .topicEntered: "进入主题"
        case .questionAsked: "提问"
        case .openQuestionPicked: "选择开放式问题"
        case .rated: "评分"
        case .questionSkipped: "跳过"
        case .gateAnswered: "回答判断"
        case .gateRevised: "更改判断的回答"
        case .jumpedToTopic: "跳转到主题"
        case .jumpDeclined: "不跳转"
        case .returned: "返回"
        case .resumed: "继续面试"
        case .noteAdded: "添加笔记"
        case .interviewFinished: "面试结束"
        case .scorecardSubmitted: "提交评分卡"
        case .revisionStarted: "开始修改评分卡"
        }
    }
}
