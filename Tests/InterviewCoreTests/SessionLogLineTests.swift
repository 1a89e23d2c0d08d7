import Foundation
import InterviewCore
import Testing

/// Log lines are written by hand (`SessionEvent.jsonLine`) for speed; they must stay byte for byte
/// what JSONEncoder writes through the events' Codable conformance, for every kind of event.
@Suite("Session log lines")
struct SessionLogLineTests {
    private static let awkward = [
        "", "plain", "提到了跳表 \"skiplist\"", "back\\slash and /slash/", "tab\tnew\nline\r\u{8}\u{c}",
        "\u{0}\u{1}\u{1f}\u{7f}", "\u{2028}\u{2029} é 😀", String(repeating: "长", count: 300),
    ]

    private static var events: [SessionEvent] {
        let at = Date(timeIntervalSince1970: 1_764_130_000.123)
        let ref = QuestionRef(topic: "3.2.1", question: "op1")
        var kinds: [SessionEvent.Kind] = [
            .started(SessionStart(guideID: nil, guideHash: "abc", guideTitle: "Python 后端")),
            .stageEntered(stage: "3"), .stageFinished(stage: "3"), .topicEntered(topic: "3.1"),
            .questionAsked(ref), .openQuestionPicked(ref), .rated(ref, rating: 0), .rated(ref, rating: 4),
            .gateAnswered(topic: "3.1", gate: "cond1", answer: true), .gateAnswered(topic: "3.1", gate: "cond2", answer: false),
            .gateRevised(topic: "3.1", gate: "cond2", answer: true), .gateRevised(topic: "3.1", gate: "cond1", answer: false),
            .jumpedToTopic(topic: "3.5", via: nil), .jumpedToTopic(topic: "3.5", via: "op7"),
            .jumpDeclined(topic: "3.1", instruction: "op7"), .returned,
            .noteAdded(SessionNote(text: "note")), .interviewFinished(confirmedIncomplete: []),
            .interviewFinished(confirmedIncomplete: ["4", "5"]),
            .scorecardSubmitted(ScorecardSubmission(recommendation: "hire", summary: "")), .revisionStarted(reason: "typo"),
        ]
        for text in awkward {
            kinds.append(.started(SessionStart(guideID: text, guideHash: text, guideTitle: text, candidate: text)))
            kinds.append(.noteAdded(SessionNote(text: text, stage: text, topic: text, question: text, isShared: true)))
            kinds.append(.questionSkipped(QuestionRef(topic: text, question: text), reason: text))
            kinds.append(.interviewFinished(confirmedIncomplete: [text, "x"]))
            kinds.append(.scorecardSubmitted(ScorecardSubmission(recommendation: text, summary: text)))
            kinds.append(.revisionStarted(reason: text))
        }
        return kinds.enumerated().map { SessionEvent(at: at + Double($0.offset), $0.element) }
    }

    @Test func linesAreWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in Self.events {
            let expected = String(decoding: try encoder.encode(event), as: UTF8.self) + "\n"
            #expect(SessionLog.line(for: event) == expected)
        }
    }

    @Test func linesReadBackAsTheSameEvents() throws {
        let events = Self.events
        let log = try SessionLog.decode(Data(SessionLog.encode(events).utf8))
        #expect(log.events == events)
    }
}
