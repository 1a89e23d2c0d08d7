import Flowchart
import Foundation

/// What each command records. Every command is followed by the automatic steps it unlocks.
extension SessionDriver {
    public mutating func perform(_ command: SessionCommand) throws -> Outcome {
        if confirming != nil {
            if case .answer(let yes) = command { return try merge(confirm(yes), advance()) }
            // Anything else cancels the pending end.
            _ = try confirm(false)
        }
        var outcome = Outcome()
        if let gate = revisingGate {
            switch command {
            case .back: break   // on back from the gate to the rating before it
            case .answer(let yes):
                setReviewing(nil)
                return try merge(revise(gate, yes), advance())
            case .rate, .skip, .pick:
                setReviewing(nil)
                throw CommandError("left the change of the answer at \(gate); the current question is shown again: press the key again for it",
                                   "已退出对 \(gate) 回答的更改，重新显示当前问题：如需对它操作，请再按一次")
            default: setReviewing(nil)
            }
        }
        // A skip, a gate's answer or a pick while a correction is on screen acted on the question or gate
        // behind it, which was not shown (a recheck): the correction is left and the key said again.
        if let under = reviewing {
            switch command {
            case .skip, .answer, .pick:
                setReviewing(nil)
                throw CommandError("left the correction of \(under); the current question is shown again: press the key again for it",
                                   "已退出对 \(under) 的更正，重新显示当前问题：如需对它操作，请再按一次")
            default: break
            }
        }
        switch command {
        case .rate(let rating):
            guard let target = focus else {
                // A stage's own questions (a project discussion's prompts) are talked through, not rated:
                // "nothing to rate" there left an author wondering why their required stage counted for
                // nothing (a guide author's probe).
                if let key = state.currentStage, guide.stage(key)?.questions.isEmpty == false, state.currentTopic == nil {
                    throw CommandError("this stage's questions are prompts for the talk and are not rated; to rate them, draw them as a topic's flowchart under the stage",
                                       "这个阶段的问题是谈话提示，不评分；要评分，请把它们画成该阶段下某个主题的流程图")
                }
                throw CommandError("nothing to rate now", "现在没有可评分的问题")
            }
            // Cleared once the rating is taken: a rating off the scale left the correction, and the next
            // digit rated the question asked instead of the one under review (a terminal probe).
            outcome.recorded.append(try record(.rated(target, rating: rating)))
            setReviewing(nil)
        case .answer(let yes):
            outcome.recorded.append(try record(answerEvent(yes)))
        case .note(let text, let shared):
            let note = SessionNote(text: text, stage: state.currentStage, topic: focus?.topic ?? state.currentTopic,
                                   question: focus?.question, isShared: shared)
            outcome.recorded.append(try record(.noteAdded(note)))
        case .jump(let name):
            guard let topic = guide.resolveTopic(name) else { throw CommandError("no topic '\(name)'; topics: \(guide.topics.map(\.key).joined(separator: ", "))",
                                                                                     "没有主题 '\(name)'；可选的主题：\(guide.topics.map(\.key).joined(separator: "、"))") }
            // A finished topic has nothing left to ask: the jump came straight back without a word (the
            // terminal probe). Said instead; its ratings stay as they are in the report.
            // A pick list is finished only once every open question is asked: jumped into and left without a
            // pick, it was "finished" and its questions could never be offered again (a recheck).
            if state.hasNothingLeft(in: topic) {
                throw CommandError(SessionState.finishedTopic(topic.key))
            }
            setReviewing(nil)
            outcome.recorded.append(try record(.jumpedToTopic(topic: topic.key, via: nil)))
            outcome.message = guide.namesakesNote(jumpedTo: topic, named: name)
        case .skip(let reason):
            guard case .rate(let target) = state.agenda(guide) else { throw CommandError("no question to skip now", "现在没有可跳过的问题") }
            outcome.recorded.append(try record(.questionSkipped(target, reason: SkipReason.recorded(reason, language: ReportLanguage(guide: guide)))))
        case .back:
            outcome = try back()
        case .pick(let choice):
            guard case .pick(let topic, let remaining) = state.agenda(guide) else { throw CommandError("no open questions to pick from now", "现在没有可挑选的开放式问题") }
            // Numbered as the whole list is, so a number read a minute ago still picks the same question:
            // counted among those left, the list renumbered after every pick (the terminal probe).
            let all = guide.topic(topic)?.questions.map(\.id) ?? remaining
            let id = Int(choice).flatMap { all.indices.contains($0 - 1) ? all[$0 - 1] : nil } ?? choice
            outcome.recorded.append(try record(.openQuestionPicked(QuestionRef(topic: topic, question: id))))
        case .moveOn:
            guard let kind = state.moveOnEvent(guide) else { throw CommandError("nothing to move on from", "没有可以继续的下一步") }
            setReviewing(nil)
            outcome.recorded.append(try record(kind))
        case .end:
            outcome = try end()
        case .reference, .help:
            break
        case .quit:
            outcome.quit = true
            return outcome
        }
        return try merge(outcome, advance())
    }

    /// The question a rating, a note or the reference refers to: the one under review, else the one asked.
    public var focus: QuestionRef? {
        if let reviewing { return reviewing }
        if case .rate(let ref) = state.agenda(guide) { return ref }
        return nil
    }

    private func answerEvent(_ yes: Bool) throws -> SessionEvent.Kind {
        switch state.agenda(guide) {
        case .gate(let topic, let gate):
            if let loop = state.answerLeadsBack(guide, topic: topic, gate: gate, answer: yes) { throw CommandError(loop) }
            return .gateAnswered(topic: topic, gate: gate, answer: yes)
        case .offerJump(let topic, let instruction, let target):
            return yes ? .jumpedToTopic(topic: target, via: instruction) : .jumpDeclined(topic: topic, instruction: instruction)
        default:
            throw CommandError("no yes/no decision now", "现在没有需要回答是/否的判断")
        }
    }

    /// Back from a jump; outside one, step back through the rated questions to correct one, latest rated
    /// first, whatever topic they are in. Only the topic at hand's were reachable, so a slip on a topic's
    /// last question, seen once the next topic had opened, could not be corrected (a terminal probe); and
    /// walked topic by topic in the order entered, a question rated in a jump was passed over (a recheck).
    /// The gate answered last, while its answer can still be changed, comes in that order where it was
    /// answered: a slip on "go deeper?" skipped the deeper questions with no way back.
    private mutating func back() throws -> Outcome {
        // b again after it offered a gate of a topic already left (its answer ended a jump inside this
        // one), or a rating to correct, goes further back through the ratings, as outside a jump: it returned
        // from the outer jump (a recheck).
        let walkingBack = reviewing != nil || (revisingGate.map { $0.topic != state.currentTopic } ?? false)
        if !state.returnStack.isEmpty && !walkingBack {
            // In a jump, the gate answered last first: b left the topic with the slip in it (a probe), and
            // when that answer ended a jump inside this one, it left the outer jump's topic too (a probe).
            if revisingGate == nil, engine.lastActionAnsweredTheRevisableGate, let last = state.revisableGate,
               let answer = state.topics[last.topic]?.gateAnswers[last.gate.gate] {
                return offer(GateRef(topic: last.topic, gate: last.gate.gate), answer: answer)
            }
            setReviewing(nil)
            return Outcome(recorded: [try record(.returned)])
        }
        let order = engine.correctionOrder
        let current: CorrectionStep? = revisingGate.map(CorrectionStep.gate) ?? reviewing.map(CorrectionStep.question)
        let before = current.flatMap { order.firstIndex(of: $0) } ?? order.count
        guard before > 0 else { throw CommandError("no earlier rated question to correct", "没有更早评过分、可以更正的问题") }
        guard case .question(let ref) = order[before - 1] else {
            guard case .gate(let gate) = order[before - 1], let answer = state.topics[gate.topic]?.gateAnswers[gate.gate] else { return Outcome() }
            return offer(gate, answer: answer)
        }
        setReviewing(ref)
        guard let now = state.topics[ref.topic]?.ratings[ref.question] else {
            return Outcome(message: LocalizedText(en: "rate \(ref) (now skipped): press a rating, which takes the skip back",
                                                  zh: "为 \(ref) 评分（现在是“跳过”）：请按评分键，评分后不再算作跳过"))
        }
        return Outcome(message: LocalizedText(en: "re-rate \(ref) (now \(now)): press a rating",
                                              zh: "重新评分 \(ref)（现在是 \(now)）：请按评分键"))
    }

    private mutating func offer(_ gate: GateRef, answer: Bool) -> Outcome {
        setRevising(gate)
        let text = guide.topic(gate.topic)?.gate(gate.gate)?.text ?? gate.gate
        return Outcome(message: LocalizedText(
            en: "change the answer at \(gate) '\(text)' (now \(answer ? "yes" : "no")): press y or n; b goes further back",
            zh: "更改 \(gate)“\(text)”的回答（现在是“\(answer ? "是" : "否")”）：请按 y 或 n；再按 b 继续往前"))
    }

    /// The other answer at the gate `back` offered; the same answer keeps it, said, with nothing recorded.
    private mutating func revise(_ gate: GateRef, _ yes: Bool) throws -> Outcome {
        guard state.topics[gate.topic]?.gateAnswers[gate.gate] != yes else {
            return Outcome(message: LocalizedText(en: "kept: \(gate) stays \(yes ? "yes" : "no")",
                                                  zh: "未更改：\(gate) 仍为“\(yes ? "是" : "否")”"))
        }
        return Outcome(recorded: [try record(.gateRevised(topic: gate.topic, gate: gate.gate, answer: yes))])
    }

    private func merge(_ a: Outcome, _ b: Outcome) -> Outcome {
        Outcome(recorded: a.recorded + b.recorded, message: a.message ?? b.message, quit: a.quit || b.quit)
    }
}

extension Guide {
    /// A topic named by key ("3.2.1"), or by a unique case-insensitive part of its title ("redis"); or a
    /// topic group so named ("3.5", "网络"), which is its first topic: the outline shows the groups, and a
    /// candidate says "networking", not "3.5.1".
    public func resolveTopic(_ name: String) -> Topic? {
        if let exact = topic(name) { return exact }
        let matches = topics.filter { $0.title.localizedCaseInsensitiveContains(name) }
        if matches.count == 1 { return matches[0] }
        guard matches.isEmpty else { return nil }
        // Number and part of the title, as the jump list shows them ("3.6 一些", "3.6 开放" for the second of
        // two 3.6 topics: it was "no topic" — a terminal probe).
        if let only = topics.filter({ $0.heading.localizedCaseInsensitiveContains(name) }).onlyElement { return only }
        let words = name.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let only = topics.filter({ $0.number == words[0] && $0.title.localizedCaseInsensitiveContains(words[1]) }).onlyElement {
            return only
        }
        let groups = stages.flatMap(\.groups)
        let group = groups.first { $0.key == name }
            ?? groups.filter { $0.title.localizedCaseInsensitiveContains(name) }.onlyElement
        guard let group else { return nil }
        // The group's own topics, and those of the groups inside it, in the guide's order.
        var inside: Set<String> = [group.key]
        var grew = true
        while grew {
            grew = false
            for g in groups where g.parent.map(inside.contains) == true && !inside.contains(g.key) {
                inside.insert(g.key)
                grew = true
            }
        }
        return topics.first { $0.group.map(inside.contains) == true }
    }
}

extension Guide {
    /// Said after a jump by a number two topics share ("j 3.6", as the seed has two): the first was opened
    /// without a word of the second, which looked unreachable (a terminal probe). Names the other ones and
    /// how to reach each; nil when the number is the jumped-to topic's alone or the name was more than it.
    func namesakesNote(jumpedTo topic: Topic, named name: String) -> LocalizedText? {
        guard let number = topic.number, name.trimmingCharacters(in: .whitespaces) == number else { return nil }
        let others = topics.filter { $0.number == number && $0.key != topic.key }.map { "j \($0.heading)" }
        guard !others.isEmpty else { return nil }
        return LocalizedText(en: "\(topic.heading); also numbered \(number): \(others.joined(separator: ", "))",
                             zh: "\(topic.heading)；同样编号为 \(number) 的还有：\(others.joined(separator: "、"))")
    }
}

private extension Array {
    var onlyElement: Element? { count == 1 ? first : nil }
}

extension SessionState {
    /// A topic a jump has nothing to ask in: its walk done, every question asked in it rated or skipped,
    /// and (a pick list) every question picked. A pick list jumped into and left without a pick was
    /// "finished" and its questions could never be offered again (a recheck). The topic at hand is never.
    public func hasNothingLeft(in topic: Topic) -> Bool {
        guard let progress = topics[topic.key], topic.key != currentTopic else { return false }
        let picksLeft = topic.isPickList && topic.questions.contains { !progress.wasAsked($0.id) && progress.skipped[$0.id] == nil }
        return progress.isWalkDone && progress.pending.isEmpty && !picksLeft
    }

    /// Why an answer at a gate is refused when it would lead straight back to the same gate with nothing to
    /// ask on the way (a gate whose line loops to itself, or the second "no" of "until satisfied" once the
    /// follow-up is rated): it was taken, and the same gate came back as if the key had not been pressed.
    /// Said by the runner and the console; the engine still replays such an answer in a log.
    public func answerLeadsBack(_ guide: Guide, topic: String, gate: String, answer: Bool) -> LocalizedText? {
        let event = SessionEvent(at: lastEventAt ?? Date(timeIntervalSince1970: 0), .gateAnswered(topic: topic, gate: gate, answer: answer))
        guard let after = try? SessionEngine.fold(self, event, guide: guide), after.topics[topic]?.position == gate else { return nil }
        let said = answer ? "yes" : "no", other = answer ? "no" : "yes"
        return LocalizedText(en: "\(said) at \(gate) leads straight back to it, with nothing to ask on the way (the chart loops): answer \(other), or f to move on",
                             zh: "在 \(gate) 回答“\(answer ? "是" : "否")”会直接回到这个判断，中间没有要问的问题（流程图是个环）：请回答“\(answer ? "否" : "是")”，或按 f 继续")
    }

    /// Why a jump there is refused, in both languages (the web console moved nowhere without a word).
    public static func finishedTopic(_ key: String) -> LocalizedText {
        LocalizedText(en: "topic \(key) is finished: its walk is done and every question asked in it is rated or skipped",
                      zh: "主题 \(key) 已经结束：流程已走完，问过的问题都已评分或跳过")
    }
}
