import Flowchart
import Foundation
import InterviewCore
import Vapor

/// What the console shows now, built from the guide and the card's state: the browser only draws it.
/// It names stages, topics and questions by key; their texts come once per page from `ConsoleGuide`,
/// and the flowchart and guidance are fetched when they change, so the answer to each rating is small.
struct ConsoleView: Content {
    struct StageRow: Content {
        var key: String
        /// done, current, begun (entered, left unfinished) or todo.
        var status: String
        var elapsedSeconds: Double
        var topics: [TopicRow]
    }

    struct TopicRow: Content {
        var key: String
        var asked: Int
        var coverage: Double?
        var current: Bool
    }

    struct QuestionRef: Content { var topic: String; var id: String; var rating: Int? }

    struct HistoryRow: Content { var topic: String; var id: String; var rating: Int?; var skipped: Bool }

    struct Decision: Content {
        /// gate or offerJump.
        var kind: String
        var topic: String
        var id: String
        /// For an offered jump: the key of the topic it leads to.
        var target: String?
        var suggestion: Bool?
        /// In the guide's language, as the API has always sent it.
        var reason: String?
        /// In both: the console shows the reader's, so a Chinese page never shows an English reason.
        var reasons: LocalizedText?
    }

    struct Pick: Content { var topic: String; var questions: [String] }

    struct NoteRow: Content { var at: String; var text: String; var topic: String?; var question: String?; var shared: Bool }

    /// `bandID` picks the band's label in the page's language from the guide's recommendations.
    struct Summary: Content { var overall: Double?; var coverage: Double?; var band: String?; var bandID: String? }

    var eventCount: Int
    var started: Bool
    var finished: Bool
    var submittedAt: String?
    /// The interviewer's own recommendation (a band id) and summary once submitted.
    var recommendation: String?
    var submittedSummary: String?
    /// What the interview waits for: start, rate, gate, offerJump, pick, talk, finishInterview, finished.
    var agenda: String
    var stage: String?
    var topic: String?
    var question: QuestionRef?
    /// The current topic's questions asked so far, with their ratings: click one to correct it.
    var history: [HistoryRow]
    var decision: Decision?
    /// The gate answered last, while its answer can still be changed (until a question after it is rated
    /// or skipped): the console offers the other answer, for a slip on "go deeper?".
    var revisableGate: RevisableGateRow?

    /// `justAnswered`: the interviewer's last action (b in a jump then offers it before returning).
    /// `ratedAfter`: the questions first rated after its answer (in another topic; in its own, a rating ends
    /// the chance), which b passes before it reaches the gate, as the runner's b does.
    struct RevisableGateRow: Content {
        var topic: String; var id: String; var answer: Bool; var justAnswered: Bool; var ratedAfter: [Asked]
    }
    struct Asked: Content { var topic: String; var id: String }
    var pick: Pick?
    var stages: [StageRow]
    var canReturn: Bool
    /// Topic groups' advice for where the interview stands (the seed's 3.2 "move to caches and databases
    /// when the candidate mentions them"), each with the topic a jump would open.
    var hints: [Hint]

    struct Hint: Content {
        var group: String
        var guidance: String
        var target: String
    }
    var notes: [NoteRow]
    var draft: String
    var untouchedRequired: [String]
    var flowchartKey: String?
    var summary: Summary
    var totalSeconds: Double
    /// Seconds since 1970 on the server when this was built; the page runs the clocks from here.
    var serverTime: Double

    init(_ loaded: LoadedGuide, engine: SessionEngine, card: CardState, score: InterviewCore.Scorecard? = nil, now: Date = Date(),
         zone: TimeZone = DisplayDate.zone) {
        let guide = loaded.guide
        let state = engine.state
        let agenda = state.agenda(guide)
        let score = score ?? Scoring.score(guide, state, reusing: nil)
        eventCount = engine.events.count
        started = state.isStarted
        finished = state.isFinished
        submittedAt = (state.submittedAt ?? card.submittedAt).map { DisplayDate.string($0, in: zone) }
        recommendation = state.submission?.recommendation
        submittedSummary = state.submission?.summary
        self.agenda = Self.name(agenda)
        stage = state.currentStage
        topic = state.currentTopic
        let focus: InterviewCore.QuestionRef? = if case .rate(let ref) = agenda { ref } else { nil }
        question = focus.map { QuestionRef(topic: $0.topic, id: $0.question, rating: state.rating($0)) }
        // The questions asked in the current topic and in the one entered before it, to correct a rating
        // with a click or b (a slip on a topic's last question is seen once the next one opens, and could
        // not be reached: a terminal probe); once the interview is finished, those of every topic, in the
        // guide's order: the finished page says ratings can still be corrected.
        // The topic before is the one last asked in, not the one entered last before this one: after a jump
        // and back, the topic just rated was passed over for the jump's, entered later (a probe).
        let lastAsked = { (p: TopicProgress) in p.askedAt.values.max() ?? p.enteredAt }
        // In a talk stage (no topic current) the topic last asked in: a jump from the candidate's questions,
        // rated and come back from, left nothing to correct it by (a probe).
        let historyTopics = state.isFinished ? guide.topics.map(\.key) : {
            let current = state.currentTopic
            let previous = state.topics.filter { $0.key != current }
                .max { (lastAsked($0.value), $0.key) < (lastAsked($1.value), $1.key) }?.key
            return [previous, current].compactMap { $0 }
        }()
        history = historyTopics.flatMap { key -> [HistoryRow] in
            guard let progress = state.topics[key] else { return [] }
            return progress.asked.filter { $0 != focus?.question || key != focus?.topic }.map { id in
                HistoryRow(topic: key, id: id, rating: progress.ratings[id], skipped: progress.skipped[id] != nil)
            }
        }
        decision = Self.decision(agenda, guide: guide, state: state, now: now)
        if case .pick(let topicKey, let remaining) = agenda { pick = Pick(topic: topicKey, questions: remaining) }
        // Only the coverage is shown, read in place: the score lists topics in the guide's order, stage
        // by stage. Copying topic scores (questions, derivations) was a visible share of each answer.
        var topicIndex = 0
        stages = guide.stages.map { stage in
            let progress = state.stages[stage.key]
            // Entered and left unfinished is "begun", as the finish check counts it: "todo" said a stage
            // whose topic was rated through was not started (a probe).
            let status = progress?.isFinished == true ? "done" : state.currentStage == stage.key ? "current" : progress != nil ? "begun" : "todo"
            return StageRow(key: stage.key, status: status, elapsedSeconds: state.elapsed(stage: stage.key, at: now),
                            topics: stage.topics.map { topic in
                                defer { topicIndex += 1 }
                                let scored = topicIndex < score.topics.count && score.topics[topicIndex].key == topic.key
                                return TopicRow(key: topic.key, asked: state.topics[topic.key]?.asked.count ?? 0,
                                                coverage: scored ? score.topics[topicIndex].coverage : nil,
                                                current: state.currentTopic == topic.key)
                            })
        }
        canReturn = !state.returnStack.isEmpty
        revisableGate = state.revisableGate.map {
            RevisableGateRow(topic: $0.topic, id: $0.gate.gate, answer: $0.gate.answer, justAnswered: engine.lastActionAnsweredTheRevisableGate,
                             ratedAfter: Self.ratedAfterTheGate(engine.correctionOrder))
        }
        hints = state.isStarted && !state.isFinished
            ? guide.groupHints(state).map { Hint(group: $0.heading, guidance: $0.guidance, target: $0.jumpTarget) } : []
        notes = state.notes.map {
            NoteRow(at: DisplayDate.string($0.at, in: zone), text: $0.note.text, topic: $0.note.topic, question: $0.note.question, shared: $0.note.isShared)
        }
        draft = card.draftNote ?? ""
        untouchedRequired = state.isFinished ? state.confirmedIncomplete : state.untouchedRequiredStages(guide)
        flowchartKey = state.currentTopic.map { key in "\(key)#\(state.topics[key]?.trail.count ?? 0)#\(state.topics[key]?.position ?? "")" }
        // The default bands' stored labels hold both languages ("待定 Lean no"); a reader of the API gets
        // the guide's half, as its pages and the terminal say it.
        summary = Summary(overall: score.overall, coverage: score.coverage, band: score.band?.label(in: ReportLanguage(guide: guide)),
                          bandID: score.band?.id)
        totalSeconds = state.totalElapsed(at: now)
        serverTime = now.timeIntervalSince1970
    }

    private static func name(_ agenda: Agenda) -> String {
        switch agenda {
        case .start: "start"
        case .enterStage, .enterTopic, .ask, .returnFromJump, .finishStage: "moving"
        case .talk: "talk"
        case .rate: "rate"
        case .gate: "gate"
        case .offerJump: "offerJump"
        case .pick: "pick"
        case .finishInterview: "finishInterview"
        case .finished: "finished"
        }
    }

    private static func decision(_ agenda: Agenda, guide: Guide, state: SessionState, now: Date) -> Decision? {
        switch agenda {
        case .gate(let topicKey, let gateID):
            let suggestion = GateSuggestion.make(for: gateID, in: topicKey, state: state, guide: guide, now: now)
            return Decision(kind: "gate", topic: topicKey, id: gateID, target: nil,
                            suggestion: suggestion.answer, reason: suggestion.reason(language: guide.language),
                            reasons: LocalizedText(en: suggestion.reason(language: "en"), zh: suggestion.reason(language: "zh")))
        case .offerJump(let topicKey, let instruction, let target):
            return Decision(kind: "offerJump", topic: topicKey, id: instruction, target: target, suggestion: nil, reason: nil, reasons: nil)
        default:
            return nil
        }
    }
}

extension ConsoleView {
    /// The view as JSON, the same document `Codable` would write (see `JSONText` for why by hand).
    func write(to json: inout JSONText) {
        json.object { j in
            j.key("eventCount"); j.value(eventCount)
            j.key("started"); j.value(started)
            j.key("finished"); j.value(finished)
            j.member("submittedAt", submittedAt)
            j.member("recommendation", recommendation)
            j.member("submittedSummary", submittedSummary)
            j.key("agenda"); j.value(agenda)
            j.member("stage", stage)
            j.member("topic", topic)
            if let question {
                j.key("question")
                j.object { q in
                    q.key("topic"); q.value(question.topic)
                    q.key("id"); q.value(question.id)
                    q.member("rating", question.rating)
                }
            }
            j.key("history")
            j.array(history) { a, row in
                a.object { h in
                    h.key("topic"); h.value(row.topic)
                    h.key("id"); h.value(row.id)
                    h.member("rating", row.rating)
                    h.key("skipped"); h.value(row.skipped)
                }
            }
            if let decision {
                j.key("decision")
                j.object { d in
                    d.key("kind"); d.value(decision.kind)
                    d.key("topic"); d.value(decision.topic)
                    d.key("id"); d.value(decision.id)
                    d.member("target", decision.target)
                    d.member("suggestion", decision.suggestion)
                    d.member("reason", decision.reason)
                    if let reasons = decision.reasons {
                        d.key("reasons")
                        d.object { r in
                            r.key("en"); r.value(reasons.en)
                            r.key("zh"); r.value(reasons.zh)
                        }
                    }
                }
            }
            if let revisableGate {
                j.key("revisableGate")
                j.object { g in
                    g.key("topic"); g.value(revisableGate.topic)
                    g.key("id"); g.value(revisableGate.id)
                    g.key("answer"); g.value(revisableGate.answer)
                    g.key("justAnswered"); g.value(revisableGate.justAnswered)
                    g.key("ratedAfter")
                    g.array(revisableGate.ratedAfter) { a, asked in
                        a.object { q in
                            q.key("topic"); q.value(asked.topic)
                            q.key("id"); q.value(asked.id)
                        }
                    }
                }
            }
            if let pick {
                j.key("pick")
                j.object { p in
                    p.key("topic"); p.value(pick.topic)
                    p.key("questions"); p.array(pick.questions) { a, id in a.value(id) }
                }
            }
            j.key("stages")
            j.array(stages) { a, stage in
                a.object { s in
                    s.key("key"); s.value(stage.key)
                    s.key("status"); s.value(stage.status)
                    s.key("elapsedSeconds"); s.value(stage.elapsedSeconds)
                    s.key("topics")
                    s.array(stage.topics) { b, topic in
                        b.object { t in
                            t.key("key"); t.value(topic.key)
                            t.key("asked"); t.value(topic.asked)
                            t.member("coverage", topic.coverage)
                            t.key("current"); t.value(topic.current)
                        }
                    }
                }
            }
            j.key("canReturn"); j.value(canReturn)
            j.key("hints")
            j.array(hints) { a, hint in
                a.object { h in
                    h.key("group"); h.value(hint.group)
                    h.key("guidance"); h.value(hint.guidance)
                    h.key("target"); h.value(hint.target)
                }
            }
            j.key("notes")
            j.array(notes) { a, note in
                a.object { n in
                    n.key("at"); n.value(note.at)
                    n.key("text"); n.value(note.text)
                    n.member("topic", note.topic)
                    n.member("question", note.question)
                    n.key("shared"); n.value(note.shared)
                }
            }
            j.key("draft"); j.value(draft)
            j.key("untouchedRequired"); j.array(untouchedRequired) { a, key in a.value(key) }
            j.member("flowchartKey", flowchartKey)
            j.key("summary")
            j.object { s in
                s.member("overall", summary.overall)
                s.member("coverage", summary.coverage)
                s.member("band", summary.band)
                s.member("bandID", summary.bandID)
            }
            j.key("totalSeconds"); j.value(totalSeconds)
            j.key("serverTime"); j.value(serverTime)
        }
    }

    /// The view as an HTTP answer on its own (`GET …/console`).
    func response() -> Response { answer().response }

    /// The view alone, or inside `{accepted, duplicate, view}` / `{error, code, …, view}`: the answer to
    /// an action, sent over HTTP or the console's socket.
    func answer(status: HTTPStatus = .ok, wrap: ((inout JSONText) -> Void)? = nil) -> ActionAnswer {
        var json = JSONText()
        if let wrap {
            json.object { o in
                wrap(&o)
                o.key("view")
                write(to: &o)
            }
        } else {
            write(to: &json)
        }
        return ActionAnswer(status: status, body: json.bytes)
    }
}

extension ConsoleView {
    /// The questions after the revisable gate in the order b walks back (`SessionEngine.correctionOrder`).
    static func ratedAfterTheGate(_ order: [CorrectionStep]) -> [Asked] {
        guard let at = order.firstIndex(where: { if case .gate = $0 { true } else { false } }) else { return [] }
        return order[(at + 1)...].compactMap { step in
            guard case .question(let ref) = step else { return nil }
            return Asked(topic: ref.topic, id: ref.question)
        }
    }
}
