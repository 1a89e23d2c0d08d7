import Foundation
import InterviewCore
import Testing

@Suite("Session log")
struct SessionLogTests {
    @Test func eventsRoundTripThroughJSONLines() throws {
        // setup
        let at = SessionTestGuide.t0
        let events = [
            SessionEvent(at: at, SessionTestGuide.started),
            SessionEvent(at: at + 1.5, .rated(QuestionRef(topic: "3.2.1", question: "op1"), rating: 3)),
            SessionEvent(at: at + 2, .gateAnswered(topic: "3.2.1", gate: "cond1", answer: false)),
            SessionEvent(at: at + 3, .noteAdded(SessionNote(text: "提到了跳表 \"skiplist\"", topic: "3.2.1", isShared: true))),
            SessionEvent(at: at + 4, .interviewFinished(confirmedIncomplete: ["5"])),
        ]
        // act
        let text = SessionLog.encode(events)
        let log = try SessionLog.decode(Data(text.utf8))
        // verify
        #expect(log.events == events)
        #expect(log.warnings.isEmpty)
        #expect(text.split(separator: "\n").count == events.count)
        #expect(text.contains(#""at":"2025-03-01T09:06:41.500Z""#))
    }

    @Test func anUnknownEventTypeIsAnErrorNamingItsLine() throws {
        // setup: a log from a future build with a new event type in the middle
        let good = SessionLog.line(for: SessionEvent(at: SessionTestGuide.t0, SessionTestGuide.started))
        let text = good + #"{"at":"2025-03-01T09:07:00.000Z","type":"panelJoined","v":1}"# + "\n" + good
        // act
        let error = #expect(throws: SessionLogError.self) { try SessionLog.decode(Data(text.utf8)) }
        // verify
        #expect(error?.line == 2)
        #expect(error?.description == "line 2: unknown event type 'panelJoined' (written by a newer version of interview?)")
    }

    /// A rating with a fraction is a value its field cannot hold: it read "not a JSON object" (the probe).
    @Test func aFractionalRatingSaysWhichFieldCannotHoldIt() throws {
        // setup
        let good = SessionLog.line(for: SessionEvent(at: SessionTestGuide.t0, SessionTestGuide.started))
        let rated = SessionLog.line(for: SessionEvent(at: SessionTestGuide.t0, .rated(QuestionRef(topic: "3.1", question: "op1"), rating: 2)))
        let text = good + rated.replacingOccurrences(of: #""rating":2"#, with: #""rating":2.5"#)
        // act
        let error = #expect(throws: SessionLogError.self) { try SessionLog.decode(Data(text.utf8)) }
        // verify
        #expect(rated.contains(#""rating":2"#))
        #expect(error?.description == "line 2: field 'rating' cannot be 2.5: a rating is a whole number")
    }

    @Test func aNewerSchemaIsRefusedRatherThanMisread() throws {
        // setup
        let text = #"{"at":"2025-03-01T09:07:00.000Z","type":"returned","v":3}"# + "\n"
        // act
        let error = #expect(throws: SessionLogError.self) { try SessionLog.decode(Data(text.utf8)) }
        // verify
        #expect(error?.problem == .newerSchema(3))
    }

    @Test func aTruncatedLastLineIsIgnoredWithAWarningAndEarlierEventsKept() throws {
        // setup: the process died halfway through writing the third line
        let events = [SessionEvent(at: SessionTestGuide.t0, SessionTestGuide.started),
                      SessionEvent(at: SessionTestGuide.t0 + 60, .stageEntered(stage: "0"))]
        let complete = SessionLog.encode(events)
        let text = complete + #"{"at":"2025-03-01T09:08:00.000Z","type":"stageFin"#
        // act
        let log = try SessionLog.decode(Data(text.utf8))
        // verify
        #expect(log.events == events)
        #expect(log.warnings.map(\.en) == ["line 3 is incomplete (the session stopped while writing it) and was ignored"])
        #expect(log.warnings.map(\.zh) == ["第 3 行不完整（写入时面试中断了），已忽略"])
        #expect(log.validLength == complete.utf8.count)
    }

    @Test func aBrokenLineInTheMiddleIsNotMistakenForATruncatedOne() throws {
        // setup: line 1 is complete (a newline follows) but has no type
        let text = "{\"v\":1,\"at\":\"2025-03-01T09:07:00.000Z\"}\n" + SessionLog.line(for: SessionEvent(at: SessionTestGuide.t0, .returned))
        // act
        let error = #expect(throws: SessionLogError.self) { try SessionLog.decode(Data(text.utf8)) }
        // verify
        #expect(error?.description == "line 1: missing field 'type'")
        #expect(error?.text.zh == "第 1 行：缺少字段 'type'")
    }

    @Test func timestampsKeepMillisecondsAndReadBackExactly() throws {
        // setup
        let date = Date(timeIntervalSince1970: 951_782_400.123_4)   // 2000-02-29, a leap day
        // act
        let text = SessionTimestamp.format(date)
        // verify
        #expect(text == "2000-02-29T00:00:00.123Z")
        #expect(SessionTimestamp.parse(text) == SessionTimestamp.normalized(date))
        #expect(SessionTimestamp.parse("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
        #expect(SessionTimestamp.parse("2000-02-29 00:00:00") == nil)
    }
}
