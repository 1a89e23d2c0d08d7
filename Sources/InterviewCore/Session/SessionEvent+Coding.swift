import Foundation

/// One flat JSON object per event: `{"at":…,"type":"rated","topic":"3.2.1","question":"op1","rating":3,"v":1}`.
/// Flat rather than nested so a person can read and grep a log, and so adding a field later is harmless.
extension SessionEvent: Codable {
    enum Key: String, CodingKey {
        case v, at, type, stage, topic, question, gate, answer, rating, reason, via, instruction
        case guideID = "guide", guideHash = "hash", guideTitle = "title", candidate, interviewer
        case text, shared, confirmedIncomplete, recommendation, summary
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let version = try c.decode(Int.self, forKey: .v)
        guard version <= Self.currentSchemaVersion else { throw SessionLogError.Problem.newerSchema(version) }
        let text = try c.decode(String.self, forKey: .at)
        guard let at = SessionTimestamp.parse(text) else { throw SessionLogError.Problem.badTimestamp(text) }
        let type = try c.decode(String.self, forKey: .type)
        self.init(at: at, try Self.kind(type, c), schemaVersion: version)
    }

    private static func kind(_ type: String, _ c: KeyedDecodingContainer<Key>) throws -> Kind {
        func s(_ key: Key) throws -> String { try c.decode(String.self, forKey: key) }
        func ref() throws -> QuestionRef { QuestionRef(topic: try s(.topic), question: try s(.question)) }
        switch type {
        case "started":
            return .started(SessionStart(guideID: try c.decodeIfPresent(String.self, forKey: .guideID), guideHash: try s(.guideHash),
                                         guideTitle: try s(.guideTitle), candidate: try c.decodeIfPresent(String.self, forKey: .candidate),
                                         interviewer: try c.decodeIfPresent(String.self, forKey: .interviewer)))
        case "stageEntered": return .stageEntered(stage: try s(.stage))
        case "stageFinished": return .stageFinished(stage: try s(.stage))
        case "topicEntered": return .topicEntered(topic: try s(.topic))
        case "questionAsked": return .questionAsked(try ref())
        case "openQuestionPicked": return .openQuestionPicked(try ref())
        case "rated": return .rated(try ref(), rating: try c.decode(Int.self, forKey: .rating))
        case "questionSkipped": return .questionSkipped(try ref(), reason: try s(.reason))
        case "gateAnswered", "gateRevised":
            let answer = try s(.answer)
            guard answer == "yes" || answer == "no" else { throw SessionLogError.Problem.badField("answer", answer) }
            return type == "gateAnswered" ? .gateAnswered(topic: try s(.topic), gate: try s(.gate), answer: answer == "yes")
                : .gateRevised(topic: try s(.topic), gate: try s(.gate), answer: answer == "yes")
        case "jumpedToTopic": return .jumpedToTopic(topic: try s(.topic), via: try c.decodeIfPresent(String.self, forKey: .via))
        case "jumpDeclined": return .jumpDeclined(topic: try s(.topic), instruction: try s(.instruction))
        case "returned": return .returned
        case "noteAdded":
            return .noteAdded(SessionNote(text: try s(.text), stage: try c.decodeIfPresent(String.self, forKey: .stage),
                                          topic: try c.decodeIfPresent(String.self, forKey: .topic),
                                          question: try c.decodeIfPresent(String.self, forKey: .question),
                                          isShared: try c.decodeIfPresent(Bool.self, forKey: .shared) ?? false))
        case "interviewFinished":
            return .interviewFinished(confirmedIncomplete: try c.decodeIfPresent([String].self, forKey: .confirmedIncomplete) ?? [])
        case "scorecardSubmitted":
            return .scorecardSubmitted(ScorecardSubmission(recommendation: try s(.recommendation),
                                                           summary: try c.decodeIfPresent(String.self, forKey: .summary) ?? ""))
        case "revisionStarted": return .revisionStarted(reason: try s(.reason))
        case "resumed": return .resumed
        default:
            throw SessionLogError.Problem.unknownType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(schemaVersion, forKey: .v)
        try c.encode(SessionTimestamp.format(at), forKey: .at)
        try c.encode(kind.typeName, forKey: .type)
        switch kind {
        case .started(let s):
            try c.encodeIfPresent(s.guideID, forKey: .guideID)
            try c.encode(s.guideHash, forKey: .guideHash)
            try c.encode(s.guideTitle, forKey: .guideTitle)
            try c.encodeIfPresent(s.candidate, forKey: .candidate)
            try c.encodeIfPresent(s.interviewer, forKey: .interviewer)
        case .stageEntered(let stage), .stageFinished(let stage):
            try c.encode(stage, forKey: .stage)
        case .topicEntered(let topic):
            try c.encode(topic, forKey: .topic)
        case .questionAsked(let ref), .openQuestionPicked(let ref):
            try encode(ref, into: &c)
        case .rated(let ref, let rating):
            try encode(ref, into: &c)
            try c.encode(rating, forKey: .rating)
        case .questionSkipped(let ref, let reason):
            try encode(ref, into: &c)
            try c.encode(reason, forKey: .reason)
        case .gateAnswered(let topic, let gate, let answer), .gateRevised(let topic, let gate, let answer):
            try c.encode(topic, forKey: .topic)
            try c.encode(gate, forKey: .gate)
            try c.encode(answer ? "yes" : "no", forKey: .answer)
        case .jumpedToTopic(let topic, let via):
            try c.encode(topic, forKey: .topic)
            try c.encodeIfPresent(via, forKey: .via)
        case .jumpDeclined(let topic, let instruction):
            try c.encode(topic, forKey: .topic)
            try c.encode(instruction, forKey: .instruction)
        case .returned, .resumed:
            break
        case .noteAdded(let note):
            try c.encode(note.text, forKey: .text)
            try c.encodeIfPresent(note.stage, forKey: .stage)
            try c.encodeIfPresent(note.topic, forKey: .topic)
            try c.encodeIfPresent(note.question, forKey: .question)
            if note.isShared { try c.encode(true, forKey: .shared) }
        case .interviewFinished(let stages):
            if !stages.isEmpty { try c.encode(stages, forKey: .confirmedIncomplete) }
        case .scorecardSubmitted(let submission):
            try c.encode(submission.recommendation, forKey: .recommendation)
            try c.encode(submission.summary, forKey: .summary)
        case .revisionStarted(let reason):
            try c.encode(reason, forKey: .reason)
        }
    }

    private func encode(_ ref: QuestionRef, into c: inout KeyedEncodingContainer<Key>) throws {
        try c.encode(ref.topic, forKey: .topic)
        try c.encode(ref.question, forKey: .question)
    }
}

extension SessionEvent.Kind {
    /// The `type` written in the log.
    public var typeName: String {
        switch self {
        case .started: "started"
        case .stageEntered: "stageEntered"
        case .stageFinished: "stageFinished"
        case .topicEntered: "topicEntered"
        case .questionAsked: "questionAsked"
        case .openQuestionPicked: "openQuestionPicked"
        case .rated: "rated"
        case .questionSkipped: "questionSkipped"
        case .gateAnswered: "gateAnswered"
        case .gateRevised: "gateRevised"
        case .jumpedToTopic: "jumpedToTopic"
        case .jumpDeclined: "jumpDeclined"
        case .returned: "returned"
        case .noteAdded: "noteAdded"
        case .interviewFinished: "interviewFinished"
        case .scorecardSubmitted: "scorecardSubmitted"
        case .revisionStarted: "revisionStarted"
        case .resumed: "resumed"
        }
    }
}
