import Foundation
import InterviewCore

/// What the interviewer sees, as lines of text: the stage and its clock, then what the interview
/// waits for. The terminal draws these in place; the plain runner prints them after each command.
enum RunView {
    static func header(_ session: RunSession, now: Date) -> [String] {
        let state = session.driver.state, guide = session.driver.guide
        var title = guide.title
        if let candidate = state.start?.candidate { title += " · \(candidate)" }
        var lines = [title + " · total " + clock(state.totalElapsed(at: now))]
        if let key = state.currentStage, let stage = guide.stage(key) {
            var line = "stage \(key) \(stage.title)" + (stage.requirement == .required ? " (required)" : "")
            line += " · " + clock(state.elapsed(stage: key, at: now))
            if let remaining = state.remaining(stage: key, guide: guide, at: now), let minutes = stage.minutes {
                line += " of \(minutes):00 · " + (remaining >= 0 ? clock(remaining) + " left" : clock(-remaining) + " over")
            }
            lines.append(line)
        }
        return lines
    }

    static func body(_ session: RunSession, now: Date) -> [String] {
        let driver = session.driver, guide = driver.guide, state = driver.state
        if let confirming = driver.confirming {
            return ["End the interview? Required stage\(confirming.count == 1 ? "" : "s") never started: \(confirming.joined(separator: ", ")) — y to end, n to carry on"]
        }
        if let ref = driver.focus, let topic = guide.topic(ref.topic), let question = topic.question(ref.question) {
            return RunQuestionView.lines(topic, question, session, reviewing: driver.reviewing != nil)
        }
        switch state.agenda(guide) {
        case .talk(let key):
            let stage = guide.stage(key)
            var lines = ["\(key) \(stage?.title ?? "")"]
            if let guidance = stage?.guidance, !guidance.isEmpty { lines.append(guidance) }
            lines += stage?.questions.map { "\($0.number) \($0.text)" } ?? []
            return lines + ["f: finish this stage"]
        case .gate(let key, let id):
            let gate = guide.topic(key)?.gate(id)
            let suggestion = GateSuggestion.make(for: id, in: key, state: state, guide: guide, now: now)
            let lean = suggestion.answer.map { $0 ? "yes" : "no" } ?? "—"
            return ["\(key) \(guide.topic(key)?.title ?? "") · gate \(id)", "? \(gate?.text ?? id)",
                    "suggestion: \(lean) — \(suggestion.reason(language: guide.language))", "y: yes   n: no"]
        case .offerJump(let key, let id, let target):
            let text = guide.topic(key)?.instructions.first { $0.id == id }?.text ?? id
            return ["\(key) · \(text)", "jump to \(target) \(guide.topic(target)?.title ?? "")? y: jump (b comes back)   n: carry on"]
        case .pick(let key, let remaining):
            let topic = guide.topic(key)
            return ["\(key) \(topic?.title ?? "") · open questions, pick one as the moment fits (p N), f when done"]
                + remaining.enumerated().map { "  \($0.offset + 1). \(topic?.question($0.element)?.text ?? $0.element)" }
        case .finished:
            return ["The interview is finished."]
        case .finishInterview:
            return ["Every stage is done: e to end the interview."]
        default:
            return []
        }
    }

    static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.down))
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// The question being asked or re-rated, with its reference and rubric when shown.
enum RunQuestionView {
    static func lines(_ topic: Topic, _ question: Question, _ session: RunSession, reviewing: Bool) -> [String] {
        let guide = session.driver.guide
        let progress = session.driver.state.topics[topic.key]
        let position = (topic.questions.firstIndex { $0.id == question.id } ?? 0) + 1
        var lines = ["\(topic.key) \(topic.title) · \(question.id) (\(position) of \(topic.questions.count)) · level \(question.level) · weight \(ScoreFormat.number(question.weight))"]
        if reviewing { lines.append("re-rating: now \(progress?.ratings[question.id].map(String.init) ?? "–")") }
        lines.append("Q: \(question.text)")
        if session.showReference {
            lines.append("Reference: \(question.reference ?? "(none)")")
            for level in guide.scale.levels where question.rubric[level] ?? guide.scale.anchors[level] != nil {
                lines.append("  \(level): \(question.rubric[level] ?? guide.scale.anchors[level] ?? "")")
            }
        }
        lines.append("rate \(guide.scale.levels.lowerBound)-\(guide.scale.maximum) · s skip · r reference")
        return lines
    }
}
