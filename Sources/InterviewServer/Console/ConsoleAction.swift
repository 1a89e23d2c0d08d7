import Flowchart
import Foundation
import InterviewCore
import Vapor

/// One thing the interviewer did in the console, as the browser posts it. Every action names what it
/// acts on (the question rated, the gate answered), so an action queued offline and replayed later can
/// never land on a different question than the one the interviewer saw.
struct ConsoleAction: Content {
    enum Kind: String, Codable {
        case start, rate, answer, reviseGate, note, jump, `return`, skip, pick, moveOn, finish, submit
    }

    /// The browser's id for this action; a retry sends the same id and is answered without a second write.
    var clientID: String
    var type: Kind
    var topic: String?
    var question: String?
    /// The gate, or the instruction offering a jump, that `answer` decides; for `reviseGate`, the gate
    /// answered last, whose answer becomes `answer`.
    var gate: String?
    var rating: Int?
    var answer: Bool?
    var text: String?
    var shared: Bool?
    var reason: String?
    /// `finish` with required stages never started: true once the interviewer has confirmed it.
    var confirm: Bool?
    /// `submit`: the interviewer's own recommendation (a band id of the guide, or "no-decision") and summary.
    var recommendation: String?
    var summary: String?
    /// Any change to a submitted card: why it is made. Kept and shown as a revision.
    var revisionReason: String?
}

/// Why an action was refused, in words for the interviewer; the state is unchanged.
struct ConsoleRefusal: Error {
    var code: String
    /// Both languages: the answer picks the interviewer's (a Chinese console never reads English).
    var text: LocalizedText
    /// For `confirmRequired`: the required stages nobody started.
    var stages: [String] = []

    /// Both languages at once, where the reader's is not known (an HTTP error's reason).
    var message: String { text.en == text.zh ? text.en : text.en + " " + text.zh }

    /// The candidate's personal data has been erased: the card keeps its ratings and takes more, but no
    /// text that could describe the candidate again.
    static let revisionNeedsReason = ConsoleRefusal(
        code: "revisionNeedsReason",
        text: LocalizedText(en: "The scorecard is submitted: say why you change it.", zh: "评分卡已提交：请说明修改原因。"))

    static let interviewCancelled = ConsoleRefusal(
        code: "interviewCancelled",
        text: LocalizedText(en: "This interview was cancelled: its scorecard takes nothing more.",
                            zh: "这场面试已取消：评分卡不再接受任何修改。"))

    static let candidateErased = ConsoleRefusal(
        code: "candidateErased",
        text: LocalizedText(en: "The candidate's personal data has been erased: notes and reasons can no longer be added.",
                            zh: "候选人的个人数据已删除，不能再添加备注或原因。"))
}

extension ConsoleAction {
    /// Whether the action records free text (a note, or a reason for skipping).
    var carriesText: Bool {
        switch type {
        case .note: !(text ?? "").isEmpty
        case .skip: !(reason ?? "").isEmpty
        case .submit: !(summary ?? "").isEmpty
        default: !(revisionReason ?? "").isEmpty
        }
    }
}

extension ConsoleAction {
    /// The events the action records, checked by the engine, with the automatic steps it unlocks
    /// (asking the next question, entering the next topic). Nothing is stored here.
    func perform(on driver: inout InterviewCore.SessionDriver, start: SessionStart) throws -> [SessionEvent] {
        var recorded: [SessionEvent] = []
        do {
            if type == .start {
                if driver.state.isStarted { return [] }
                recorded.append(try driver.record(.started(start)))
            } else {
                guard driver.state.isStarted else { throw ConsoleRefusal(code: "notStarted", text: LocalizedText(en: "start the interview first", zh: "请先开始面试")) }
                let kind = try event(driver.state, driver.guide)
                if driver.state.submission != nil {
                    // A submitted card changes only with a reason, recorded just before the change (a new
                    // recommendation or summary included).
                    let reason = UserText.clean(revisionReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !reason.isEmpty else { throw ConsoleRefusal.revisionNeedsReason }
                    guard reason.count <= 2_000 else { throw ConsoleRefusal(code: "invalid", text: .tooLong("reason", "原因", "2,000")) }
                    recorded.append(try driver.record(.revisionStarted(reason: reason)))
                }
                recorded.append(try driver.record(kind))
            }
            if !driver.state.isFinished { recorded += try driver.advance().recorded }
        } catch let error as SessionError {
            if case .requiredStagesUntouched(let stages) = error {
                throw ConsoleRefusal(code: "confirmRequired", text: error.text, stages: stages)
            }
            throw ConsoleRefusal(code: "refused", text: error.text)
        }
        return recorded
    }

    private func event(_ state: SessionState, _ guide: Guide) throws -> SessionEvent.Kind {
        switch type {
        case .start:
            throw ConsoleRefusal(code: "refused", text: SessionError.alreadyStarted.text)
        case .rate:
            return .rated(try ref(), rating: try required(rating, "rating"))
        case .answer:
            let yes = try required(answer, "answer")
            let topic = try required(self.topic, "topic"), gate = try required(self.gate, "gate")
            switch state.agenda(guide) {
            case .gate(let t, let g) where t == topic && g == gate:
                if let loop = state.answerLeadsBack(guide, topic: topic, gate: gate, answer: yes) {
                    throw ConsoleRefusal(code: "refused", text: loop)
                }
                return .gateAnswered(topic: topic, gate: gate, answer: yes)
            case .offerJump(let t, let instruction, let target) where t == topic && instruction == gate:
                return yes ? .jumpedToTopic(topic: target, via: instruction) : .jumpDeclined(topic: topic, instruction: instruction)
            default:
                throw ConsoleRefusal(code: "refused", text: LocalizedText(
                    en: "\(topic)/\(gate) is not the decision in front of you now", zh: "\(topic)/\(gate) 不是你现在要做的决定"))
            }
        case .reviseGate:
            return .gateRevised(topic: try required(topic, "topic"), gate: try required(gate, "gate"), answer: try required(answer, "answer"))
        case .note:
            let text = UserText.clean(self.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ConsoleRefusal(code: "invalid", text: SessionError.emptyText("note").text) }
            guard text.count <= 20_000 else { throw ConsoleRefusal(code: "invalid", text: .tooLong("note", "备注", "20,000")) }
            return .noteAdded(SessionNote(text: text, stage: state.currentStage, topic: topic ?? state.currentTopic,
                                          question: question, isShared: shared ?? false))
        case .jump:
            let name = try required(topic, "topic")
            guard let target = guide.resolveTopic(name) else { throw ConsoleRefusal(code: "invalid", text: SessionError.unknownTopic(name).text) }
            // A finished topic has nothing to ask: the jump came straight back without a word (a recheck).
            if state.hasNothingLeft(in: target) { throw ConsoleRefusal(code: "refused", text: SessionState.finishedTopic(target.key)) }
            return .jumpedToTopic(topic: target.key, via: nil)
        case .return:
            return .returned
        case .skip:
            let why = reason.map(UserText.clean)?.trimmingCharacters(in: .whitespacesAndNewlines)
            return .questionSkipped(try ref(), reason: SkipReason.recorded(why, language: .en))
        case .pick:
            return .openQuestionPicked(try ref())
        case .moveOn:
            guard let kind = state.moveOnEvent(guide) else { throw ConsoleRefusal(code: "refused", text: LocalizedText(en: "nothing to move on from", zh: "没有可以继续的下一步")) }
            return kind
        case .finish:
            return .interviewFinished(confirmedIncomplete: confirm == true ? state.untouchedRequiredStages(guide) : [])
        case .submit:
            let summary = UserText.clean(self.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard summary.count <= 5_000 else { throw ConsoleRefusal(code: "invalid", text: .tooLong("summary", "总结", "5,000")) }
            return .scorecardSubmitted(ScorecardSubmission(recommendation: try required(recommendation, "recommendation"), summary: summary))
        }
    }

    private func ref() throws -> QuestionRef {
        QuestionRef(topic: try required(topic, "topic"), question: try required(question, "question"))
    }

    private func required<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw ConsoleRefusal(code: "invalid", text: LocalizedText(en: "'\(name)' is missing", zh: "缺少 '\(name)'")) }
        return value
    }

    /// Checked before anything else: an id the browser made, of a sane length.
    var hasValidClientID: Bool {
        // Bytes, not Characters: any non-ASCII byte fails, and the check runs on every action.
        (8...64).contains(clientID.utf8.count) && clientID.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }
}

extension ConsoleAction {
    /// The action in the request's body. A plain JSON body (every console action) is read directly
    /// (`FlatJSONObject`); anything else goes through Vapor's content decoding, which also words errors.
    static func decode(from req: Request) throws -> ConsoleAction {
        if isPlainJSON(req.headers.first(name: .contentType)), let body = req.body.data,
           let action = body.withUnsafeReadableBytes({ FlatJSONObject($0) }).flatMap(ConsoleAction.init(fields:)) {
            return action
        }
        return try req.content.decode(ConsoleAction.self)
    }

    /// The action in one message of the console's socket (always JSON). Errors are `DecodingError`s,
    /// which Vapor words as a 400 like the HTTP route's.
    static func decode(message: String) throws -> ConsoleAction {
        var message = message
        if let action = message.withUTF8({ FlatJSONObject(UnsafeRawBufferPointer($0)) }).flatMap(ConsoleAction.init(fields:)) {
            return action
        }
        return try JSONDecoder().decode(ConsoleAction.self, from: Data(message.utf8))
    }

    private static func isPlainJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.utf8
        let json = "application/json".utf8
        guard type.count >= json.count, zip(type, json).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return false }
        let rest = type.dropFirst(json.count)
        return rest.isEmpty || rest.first == UInt8(ascii: ";")
    }

    /// The action the fields describe, or nil when any field is not what `Codable` would accept
    /// (a missing id or type, a value of the wrong kind): then `JSONDecoder` decides.
    init?(fields: FlatJSONObject) {
        guard case .string(let clientID)? = fields["clientID"], case .string(let type)? = fields["type"],
              let kind = Kind(rawValue: type) else { return nil }
        self.clientID = clientID
        self.type = kind
        func string(_ key: String) -> String?? {
            switch fields[key] {
            case nil, .null?: .some(nil)
            case .string(let value)?: .some(value)
            default: nil
            }
        }
        func flag(_ key: String) -> Bool?? {
            switch fields[key] {
            case nil, .null?: .some(nil)
            case .bool(let value)?: .some(value)
            default: nil
            }
        }
        guard let topic = string("topic"), let question = string("question"), let gate = string("gate"),
              let text = string("text"), let reason = string("reason"), let recommendation = string("recommendation"),
              let summary = string("summary"), let revisionReason = string("revisionReason"),
              let answer = flag("answer"), let shared = flag("shared"), let confirm = flag("confirm") else { return nil }
        switch fields["rating"] {
        case nil, .null?: rating = nil
        case .integer(let value)?: rating = value
        default: return nil
        }
        (self.topic, self.question, self.gate, self.text, self.reason) = (topic, question, gate, text, reason)
        (self.answer, self.shared, self.confirm) = (answer, shared, confirm)
        (self.recommendation, self.summary, self.revisionReason) = (recommendation, summary, revisionReason)
    }
}

extension LocalizedText {
    /// "the note is longer than 20,000 characters", in both languages.
    static func tooLong(_ what: String, _ chinese: String, _ count: String) -> LocalizedText {
        LocalizedText(en: "the \(what) is longer than \(count) characters", zh: "\(chinese)超过了 \(count) 个字符")
    }
}
