import Foundation
import InterviewCore
import Vapor

/// What the console shows, built from the guide and the card's state: the browser only draws it.
/// The flowchart drawing is fetched separately (`flowchartKey` says when it changed), so the answer
/// to each rating stays small.
struct ConsoleView: Content {
    struct StageRow: Content {
        var key: String
        var title: String
        var required: Bool
        /// done, current or todo.
        var status: String
        var elapsedSeconds: Double
        var budgetSeconds: Double?
        var topics: [TopicRow]
    }

    struct TopicRow: Content {
        var key: String
        var title: String
        var asked: Int
        var total: Int
        var coverage: Double?
        var score: Double?
        var current: Bool
        var isPickList: Bool
    }

    struct Anchor: Content { var rating: Int; var text: String }

    struct QuestionView: Content {
        var topic: String
        var id: String
        var text: String
        var reference: String?
        var level: Int
        var weight: Double
        var rubric: [Anchor]
        var rating: Int?
    }

    struct HistoryRow: Content { var topic: String; var id: String; var text: String; var rating: Int?; var skipped: Bool }

    struct Decision: Content {
        /// gate or offerJump.
        var kind: String
        var topic: String
        var id: String
        var text: String
        /// For an offered jump: the topic it leads to.
        var target: String?
        var suggestion: Bool?
        var reason: String?
    }

    struct Pick: Content { var topic: String; var questions: [PickQuestion] }
    struct PickQuestion: Content { var id: String; var text: String; var reference: String? }

    /// The stage's and topic's guidance is not in here: it only changes with the stage or topic, so the
    /// page fetches it then (`/console/guidance`) instead of receiving it with every rating.
    struct StageView: Content {
        var key: String
        var title: String
        var questions: [StageQuestionView]
    }

    struct StageQuestionView: Content { var number: String; var text: String; var reference: String? }

    struct TopicView: Content { var key: String; var title: String }

    struct NoteRow: Content { var at: String; var text: String; var topic: String?; var question: String?; var shared: Bool }

    struct Summary: Content { var overall: Double?; var coverage: Double?; var band: String? }

    var eventCount: Int
    var started: Bool
    var finished: Bool
    var submittedAt: String?
    /// What the interview waits for: start, rate, gate, offerJump, pick, talk, finishInterview, finished.
    var agenda: String
    var stage: StageView?
    var topic: TopicView?
    var question: QuestionView?
    /// The current topic's questions asked so far, with their ratings: click one to correct it.
    var history: [HistoryRow]
    var decision: Decision?
    var pick: Pick?
    var stages: [StageRow]
    var canReturn: Bool
    var notes: [NoteRow]
    var draft: String
    var scale: [Anchor]
    var untouchedRequired: [String]
    var flowchartKey: String?
    var summary: Summary
    var totalSeconds: Double
    /// Seconds since 1970 on the server when this was built; the page runs the clocks from here.
    var serverTime: Double

    init(_ loaded: LoadedGuide, engine: SessionEngine, card: CardState, score: InterviewCore.Scorecard? = nil, now: Date = Date()) {
        let guide = loaded.guide
        let state = engine.state
        let agenda = state.agenda(guide)
        let score = score ?? Scoring.score(guide, state, reusing: nil)
        eventCount = engine.events.count
        started = state.isStarted
        finished = state.isFinished
        submittedAt = card.submittedAt.map(DisplayDate.string)
        self.agenda = Self.name(agenda)
        stage = state.currentStage.flatMap(guide.stage).map { stage in
            StageView(key: stage.key, title: stage.title,
                      questions: stage.questions.map { StageQuestionView(number: $0.number, text: $0.text, reference: $0.reference) })
        }
        topic = state.currentTopic.flatMap(guide.topic).map {
            TopicView(key: $0.key, title: $0.title)
        }
        let focus: QuestionRef? = if case .rate(let ref) = agenda { ref } else { nil }
        question = focus.flatMap { ref in
            guide.topic(ref.topic)?.question(ref.question).map { Self.question($0, topic: ref.topic, guide: guide, state: state) }
        }
        history = state.currentTopic.flatMap { key in
            guard let topic = guide.topic(key), let progress = state.topics[key] else { return nil }
            return progress.asked.filter { $0 != focus?.question || key != focus?.topic }.compactMap { id in
                topic.question(id).map { HistoryRow(topic: key, id: id, text: $0.text, rating: progress.ratings[id],
                                                    skipped: progress.skipped[id] != nil) }
            }
        } ?? []
        decision = Self.decision(agenda, guide: guide, state: state, now: now)
        if case .pick(let topicKey, let remaining) = agenda, let topic = guide.topic(topicKey) {
            pick = Pick(topic: topicKey, questions: remaining.compactMap { id in
                topic.question(id).map { PickQuestion(id: id, text: $0.text, reference: $0.reference) }
            })
        }
        stages = guide.stages.map { stage in
            let progress = state.stages[stage.key]
            let status = progress?.isFinished == true ? "done" : state.currentStage == stage.key ? "current" : "todo"
            return StageRow(key: stage.key, title: stage.title, required: stage.requirement == .required, status: status,
                            elapsedSeconds: state.elapsed(stage: stage.key, at: now),
                            budgetSeconds: stage.minutes.map { Double($0 * 60) },
                            topics: stage.topics.map { topic in
                                let topicScore = score.topic(topic.key)
                                return TopicRow(key: topic.key, title: topic.title,
                                                asked: state.topics[topic.key]?.asked.count ?? 0, total: topic.questions.count,
                                                coverage: topicScore?.coverage, score: topicScore?.score,
                                                current: state.currentTopic == topic.key, isPickList: topic.isPickList)
                            })
        }
        canReturn = !state.returnStack.isEmpty
        notes = state.notes.map {
            NoteRow(at: DisplayDate.string($0.at), text: $0.note.text, topic: $0.note.topic, question: $0.note.question, shared: $0.note.isShared)
        }
        draft = card.draftNote ?? ""
        scale = guide.scale.levels.map { Anchor(rating: $0, text: guide.scale.anchors[$0] ?? "") }
        untouchedRequired = state.isFinished ? state.confirmedIncomplete : state.untouchedRequiredStages(guide)
        flowchartKey = state.currentTopic.map { key in "\(key)#\(state.topics[key]?.trail.count ?? 0)#\(state.topics[key]?.position ?? "")" }
        summary = Summary(overall: score.overall, coverage: score.coverage, band: score.band?.label)
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

    private static func question(_ question: Question, topic: String, guide: Guide, state: SessionState) -> QuestionView {
        let rubric = guide.scale.levels.compactMap { level in
            (question.rubric[level] ?? guide.scale.anchors[level]).map { Anchor(rating: level, text: $0) }
        }
        return QuestionView(topic: topic, id: question.id, text: question.text, reference: question.reference ?? question.hint,
                            level: question.level, weight: question.weight, rubric: rubric,
                            rating: state.rating(QuestionRef(topic: topic, question: question.id)))
    }

    private static func decision(_ agenda: Agenda, guide: Guide, state: SessionState, now: Date) -> Decision? {
        switch agenda {
        case .gate(let topicKey, let gateID):
            let gate = guide.topic(topicKey)?.gate(gateID)
            let suggestion = GateSuggestion.make(for: gateID, in: topicKey, state: state, guide: guide, now: now)
            return Decision(kind: "gate", topic: topicKey, id: gateID, text: gate?.text ?? gateID, target: nil,
                            suggestion: suggestion.answer, reason: suggestion.reason(language: guide.language))
        case .offerJump(let topicKey, let instruction, let target):
            let text = guide.topic(topicKey)?.instructions.first { $0.id == instruction }?.text ?? instruction
            let title = guide.topic(target).map { "\($0.key) \($0.title)" } ?? target
            return Decision(kind: "offerJump", topic: topicKey, id: instruction, text: text, target: title,
                            suggestion: nil, reason: nil)
        default:
            return nil
        }
    }
}
