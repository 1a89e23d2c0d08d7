import Foundation
@testable import InterviewServer
import Testing

/// The console reads actions straight from the body's bytes (`FlatJSONObject`). It must read every
/// action exactly as JSONDecoder does, and give up (so JSONDecoder decides) on anything else.
@Suite("Console actions: reading the body")
struct ConsoleActionReadingTests {
    private func fast(_ json: String) -> ConsoleAction? {
        Array(json.utf8).withUnsafeBytes { FlatJSONObject($0) }.flatMap(ConsoleAction.init(fields:))
    }

    private func decoded(_ json: String) -> ConsoleAction? {
        try? JSONDecoder().decode(ConsoleAction.self, from: Data(json.utf8))
    }

    private func same(_ a: ConsoleAction?, _ b: ConsoleAction?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.clientID == b.clientID && a.type == b.type && a.topic == b.topic && a.question == b.question
            && a.gate == b.gate && a.rating == b.rating && a.answer == b.answer && a.text == b.text
            && a.shared == b.shared && a.reason == b.reason && a.confirm == b.confirm
    }

    @Test(arguments: [
        #"{"clientID":"abcdefgh-1","type":"rate","topic":"3.1","question":"op1","rating":3}"#,
        #"  { "clientID" : "abcdefgh-1" , "type" : "answer", "topic":"3.1", "gate":"cond2", "answer": false }  "#,
        "{\n\t\"clientID\":\"abcdefgh-1\",\r\n\"type\":\"note\",\"text\":\"line one\\nline \\\"two\\\" \\\\ \\/ \\t\\b\\f\\r\",\"shared\":true}",
        #"{"clientID":"abcdefgh-1","type":"note","text":"中文笔记 \u4e2d\u6587 \ud83d\ude00 é","topic":null,"question":null}"#,
        #"{"clientID":"abcdefgh-1","type":"finish","confirm":true,"unknown":"ignored","n":null,"b":false}"#,
        #"{"clientID":"abcdefgh-1","type":"skip","topic":"3.2","question":"op4","reason":"","rating":-0}"#,
        #"{"type":"rate","clientID":"abcdefgh-1","rating":0,"topic":"3.1","question":"op1"}"#,
        #"{"clientID":"abcdefgh-1","type":"rate","rating":9223372036854775807}"#,
    ])
    func readsWhatJSONDecoderReads(_ json: String) throws {
        let action = try #require(fast(json), "the fast reader gave up on \(json)")
        #expect(same(action, decoded(json)))
    }

    @Test(arguments: [
        #"{"clientID":"abcdefgh-1","type":"rate","rating":3.0}"#,           // a fraction: JSONDecoder decides
        #"{"clientID":"abcdefgh-1","type":"rate","rating":3e0}"#,
        #"{"clientID":"abcdefgh-1","type":"rate","rating":03}"#,            // not JSON
        #"{"clientID":"abcdefgh-1","type":"rate","rating":9223372036854775808}"#,
        #"{"clientID":"abcdefgh-1","type":"rate","rating":"3"}"#,           // wrong kinds
        #"{"clientID":"abcdefgh-1","type":"answer","answer":"yes"}"#,
        #"{"clientID":"abcdefgh-1","type":"note","text":3}"#,
        #"{"clientID":"abcdefgh-1","type":"fly"}"#,                          // no such action
        #"{"clientID":null,"type":"rate"}"#,
        #"{"type":"rate"}"#,
        #"{"clientID":"abcdefgh-1","type":"rate","topic":{"a":1}}"#,         // nested values
        #"{"clientID":"abcdefgh-1","type":"rate","extra":[1]}"#,
        #"{"clientID":"abcdefgh-1","type":"rate","type":"note"}"#,           // a repeated key
        #"{"clientID":"abcdefgh-1","type":"note","text":"\ud800"}"#,        // a lone surrogate
        #"{"clientID":"abcdefgh-1","type":"note","text":"\x"}"#,            // a bad escape
        "{\"clientID\":\"abcdefgh-1\",\"type\":\"note\",\"text\":\"raw\ttab\"}", // a raw control character
        #"{"clientID":"abcdefgh-1","type":"rate",}"#,                        // not JSON
        #"{"clientID":"abcdefgh-1","type":"rate"} x"#,
        #"{"clientID":"abcdefgh-1","type":"rate""#,
        #"["rate"]"#, "", "nul", #"{"clientID":"abcdefgh-1","type":"rate","shared":tru}"#,
    ])
    func givesUpOnEverythingElse(_ json: String) {
        #expect(fast(json) == nil)
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() {
        var bytes = Array(#"{"clientID":"abcdefgh-1","type":"note","text":"x"}"#.utf8)
        bytes[bytes.count - 3] = 0xFF
        #expect(bytes.withUnsafeBytes { FlatJSONObject($0) } == nil)
    }

    /// Random flat objects of every value kind: whenever the fast reader answers, JSONDecoder agrees.
    @Test func randomActionsAgreeWithJSONDecoder() throws {
        var random = SeededRandom(seed: 20261126)
        let pieces = ["a", "é", "中", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", " ", "/", "\\/", "0"]
        let keys = ["clientID", "type", "topic", "question", "gate", "rating", "answer", "text", "shared", "reason", "confirm", "other"]
        var read = 0
        for _ in 0..<2_000 {
            var members: [String] = []
            for key in keys.shuffled(using: &random) where random.next() % 3 != 0 {
                // Mostly the kind the field takes, now and then null or a wrong kind.
                let string = "\"" + (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() + "\""
                let kinds = ["null", random.next() % 2 == 0 ? "true" : "false", String(Int(random.next() % 2001) - 1000), string]
                let value: String
                switch (key, random.next() % 10) {
                case (_, 0): value = kinds[Int(random.next() % 4)]
                case (_, 1): value = "null"
                case ("type", let r): value = "\"" + ["rate", "answer", "note", "skip", "moveOn", "finish", "pick", "jump"][Int(r % 8)] + "\""
                case ("clientID", _): value = "\"abcdefgh-\(random.next() % 100)\""
                case ("rating", _): value = kinds[2]
                case ("answer", _), ("shared", _), ("confirm", _): value = kinds[1]
                default: value = string
                }
                members.append("\"\(key)\":\(value)")
            }
            let json = "{" + members.joined(separator: ",") + "}"
            let decoded = decoded(json)
            if let action = fast(json) {
                read += 1
                #expect(same(action, decoded), "\(json)")
            }
        }
        #expect(read > 100, "the fast reader should take most well-formed actions")
    }
}

/// xorshift64*: the same sequence on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E3779B97F4A7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2685821657736338717
    }
}
