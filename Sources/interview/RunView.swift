import Foundation
import InterviewCore

/// What the interviewer sees, as lines of text: the stage and its clock, then what the interview
/// waits for. The terminal draws these in place; the plain runner prints them after each command.
enum RunView {
    static func header(_ session: RunSession, now: Date) -> [String] {
        let state = session.driver.state, guide = session.driver.guide, l = session.labels
        var title = guide.title
        if let candidate = state.start?.candidate { title += " · \(candidate)" }
        var lines = [title + " · \(l.total) " + clock(state.totalElapsed(at: now))]
        if let key = state.currentStage, let stage = guide.stage(key) {
            // Optional said too: only required stages were marked, and an unmarked one read as either.
            var line = "\(l.stage) \(key) \(stage.title)" + (stage.requirement == .required ? l.required : stage.requirement == .optional ? l.optional : "")
            line += " · " + clock(state.elapsed(stage: key, at: now))
            if let remaining = state.remaining(stage: key, guide: guide, at: now), let minutes = stage.minutes {
                line += l.of(minutes) + " · " + (remaining >= 0 ? l.left(clock(remaining)) : l.over(clock(-remaining)))
            }
            lines.append(line)
        }
        return lines
    }

    static func body(_ session: RunSession, now: Date) -> [String] {
        let driver = session.driver, guide = driver.guide, state = driver.state, l = session.labels
        let heading = { (key: String) in guide.topic(key)?.heading ?? key }
        if let confirming = driver.confirming {
            return [driver.confirmationMessage?.text(l.language) ?? confirming.joined(separator: ", ")]
        }
        // `b` offered the last gate's answer for a change: the gate, as it was when answered, in place of the question.
        if let revising = driver.revisingGate, let answer = state.topics[revising.topic]?.gateAnswers[revising.gate] {
            let gate = guide.topic(revising.topic)?.gate(revising.gate)
            return ["\(heading(revising.topic)) · \(l.gate) \(revising.gate)", "? \(gate?.text ?? revising.gate)",
                    l.changingAnswer(answer ? l.yes : l.no), l.answerKeys]
        }
        if let ref = driver.focus, let topic = guide.topic(ref.topic), let question = topic.question(ref.question) {
            return RunQuestionView.lines(topic, question, session, reviewing: driver.reviewing != nil) + RunGroupHints.lines(session)
        }
        switch state.agenda(guide) {
        case .talk(let key):
            let stage = guide.stage(key)
            var lines = ["\(key) \(stage?.title ?? "")"]
            if let guidance = stage?.guidance, !guidance.isEmpty { lines.append(TerminalText.withoutEmphasis(guidance)) }
            lines += stage?.questions.flatMap { ["\($0.number) \($0.text)"] + RunStagePrompts.details($0, indent: "   ") } ?? []
            return lines + [l.finishStage]
        case .gate(let key, let id):
            let gate = guide.topic(key)?.gate(id)
            let suggestion = GateSuggestion.make(for: id, in: key, state: state, guide: guide, now: now)
            // A path gate has no lean: its reason alone (it read "— — a choice of path").
            let lean = suggestion.answer.map { ($0 ? l.yes : l.no) + " — " } ?? ""
            return ["\(heading(key)) · \(l.gate) \(id)", "? \(gate?.text ?? id)"] + RunNotes.lines(guide.topic(key)?.step(id)) + [
                    "\(l.suggestion)\(l.colon)\(lean)\(suggestion.reason(language: l.language.rawValue))", l.answerKeys] + RunGroupHints.lines(session)
        case .offerJump(let key, let id, let target):
            let text = guide.topic(key)?.instructions.first { $0.id == id }?.text ?? id
            return ["\(heading(key)) · \(text)", l.jumpOffer(heading(target))]
        case .pick(let key, let remaining):
            let topic = guide.topic(key)
            // Each keeps its number in the whole list as others are picked (p N names the same question).
            let all = topic?.questions.map(\.id) ?? remaining
            return ["\(heading(key)) · \(l.pickOpen)"]
                + remaining.map { id in "  \((all.firstIndex(of: id) ?? 0) + 1). \(topic?.question(id)?.text ?? id)" }
                + RunGroupHints.lines(session)
        case .finished:
            return session.correctingAfterEnd ? [l.finished, l.correctingAfterEnd] : [l.finished]
        case .finishInterview:
            // Not ended on its own right after a last topic's gate: b can still change that answer.
            return [l.finishInterview] + (state.revisableGate.map { [l.changeGateWithB("\($0.topic)/\($0.gate.gate)")] } ?? [])
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
        let guide = session.driver.guide, l = session.labels
        let progress = session.driver.state.topics[topic.key]
        // Its place in the order asked, not drawn: after a fork the drawing's order ran backwards ("5 of 6",
        // then "4 of 6").
        let position = (progress?.asked.firstIndex(of: question.id)).map { $0 + 1 } ?? (progress?.asked.count ?? 0) + 1
        var lines = ["\(topic.heading) · \(question.id)\(l.position(position, topic.questions.count)) · \(l.level) \(question.level) · \(l.weight) \(ScoreFormat.number(question.weight))"]
        if reviewing { lines.append(l.reRating(progress?.ratings[question.id].map(String.init) ?? "–")) }
        // What the chart says to do on the way here: passed without a stop, it was never shown (a probe).
        lines += topic.instructions(before: question.id).map { "▷ " + $0.text }
        lines.append("\(l.question)\(l.colon)\(question.text)")
        lines += RunNotes.lines(topic.step(question.id))
        if session.showReference {
            lines.append("\(l.reference)\(l.colon)\(question.reference ?? l.none)")
            for level in guide.scale.levels where question.rubric[level] ?? guide.scale.anchors[level] != nil {
                lines.append("  \(level): \(question.rubric[level] ?? guide.scale.anchors[level] ?? "")")
            }
        }
        lines.append(l.rateKeys(guide.scale.levels.lowerBound, guide.scale.maximum))
        return lines
    }
}

/// The author's notes for the interviewer beside a question or gate (Mermaid's comment shapes), a line each.
enum RunNotes {
    static func lines(_ step: Step?) -> [String] {
        step?.note.map { $0.split(separator: "\n").map { "✎ " + $0 } } ?? []
    }
}

/// Topic groups' advice beside the question in front of the interviewer, with the jump that follows it.
enum RunGroupHints {
    static func lines(_ session: RunSession) -> [String] {
        let guide = session.driver.guide
        let hints = guide.groupHints(session.driver.state)
        // Inside a group, its own advice (no jump: the interview is there already).
        let inside = session.driver.state.currentTopic.map { guide.enclosingGroups(ofTopic: $0) } ?? []
        // The topic's own advice too (the prose under its heading), as the console shows it beside the chart.
        let own = session.driver.state.currentTopic.flatMap(guide.topic).flatMap { topic in
            oneLine(topic.guidance).isEmpty ? nil : topic
        }
        let stage = stageLines(session)
        guard !hints.isEmpty || !inside.isEmpty || own != nil || !stage.isEmpty else { return [] }
        return [""] + stage + inside.map { "» \($0.heading)\(session.labels.colon)\(TerminalText.withoutEmphasis(oneLine($0.guidance)))" }
            + (own.map { ["» \($0.heading)\(session.labels.colon)\(TerminalText.withoutEmphasis(oneLine($0.guidance)))"] } ?? [])
            + hints.map { "» " + session.labels.groupHint($0.heading, $0.guidance, $0.jumpTarget) }
    }

    /// A stage with topics: its listed prompts beside every step, as the console shows them, and its prose
    /// until a question of the stage is rated (the runner went straight to the first topic's question, and
    /// neither was ever seen: a probe; the seed's stage prose is a paragraph, too long for every screen). A
    /// stage without topics shows them on its own screen.
    private static func stageLines(_ session: RunSession) -> [String] {
        let guide = session.driver.guide, state = session.driver.state
        guard let key = state.currentStage, let stage = guide.stage(key), !stage.topics.isEmpty else { return [] }
        let begun = stage.topics.contains { !(state.topics[$0.key]?.ratings.isEmpty ?? true) }
        let guidance = begun ? "" : oneLine(stage.guidance)
        guard !guidance.isEmpty || !stage.questions.isEmpty else { return [] }
        return ["» \(key) \(stage.title)" + (guidance.isEmpty ? "" : session.labels.colon + TerminalText.withoutEmphasis(guidance))]
            + stage.questions.flatMap { ["   \($0.number) \($0.text)"] + RunStagePrompts.details($0, indent: "      ") }
    }

    /// The prose on one line; a list item's marker becomes "•", so `* Star item` does not read as Markdown
    /// left raw in the line (a probe).
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for marker in ["- ", "* ", "+ "] where trimmed.hasPrefix(marker) { return "• " + trimmed.dropFirst(2) }
            return trimmed
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// The lines an author nested under a stage's prompt, under it.
enum RunStagePrompts {
    static func details(_ question: StageQuestion, indent: String) -> [String] {
        question.details?.split(separator: "\n").map { indent + TerminalText.withoutEmphasis(String($0)) } ?? []
    }
}
