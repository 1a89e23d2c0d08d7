import Foundation

extension SessionEvent {
    /// The event as one JSON object with sorted keys: byte for byte what `JSONEncoder` with
    /// `[.sortedKeys, .withoutEscapingSlashes]` writes through `encode(to:)` (a test holds the two
    /// together for every kind). Written directly because the live console records events on every
    /// rating, and Codable's generic containers cost more than the rest of recording it.
    var jsonLine: String {
        var fields: [(key: String, value: String)] = [
            ("v", String(schemaVersion)), ("at", Self.quoted(SessionTimestamp.format(at))), ("type", Self.quoted(kind.typeName)),
        ]
        func add(_ key: String, _ text: String?) {
            if let text { fields.append((key, Self.quoted(text))) }
        }
        switch kind {
        case .started(let start):
            add("guide", start.guideID)
            add("hash", start.guideHash)
            add("title", start.guideTitle)
            add("candidate", start.candidate)
            add("interviewer", start.interviewer)
        case .stageEntered(let stage), .stageFinished(let stage):
            add("stage", stage)
        case .topicEntered(let topic):
            add("topic", topic)
        case .questionAsked(let ref), .openQuestionPicked(let ref):
            add("topic", ref.topic)
            add("question", ref.question)
        case .rated(let ref, let rating):
            add("topic", ref.topic)
            add("question", ref.question)
            fields.append(("rating", String(rating)))
        case .questionSkipped(let ref, let reason):
            add("topic", ref.topic)
            add("question", ref.question)
            add("reason", reason)
        case .gateAnswered(let topic, let gate, let answer), .gateRevised(let topic, let gate, let answer):
            add("topic", topic)
            add("gate", gate)
            add("answer", answer ? "yes" : "no")
        case .jumpedToTopic(let topic, let via):
            add("topic", topic)
            add("via", via)
        case .jumpDeclined(let topic, let instruction):
            add("topic", topic)
            add("instruction", instruction)
        case .returned, .resumed:
            break
        case .noteAdded(let note):
            add("text", note.text)
            add("stage", note.stage)
            add("topic", note.topic)
            add("question", note.question)
            if note.isShared { fields.append(("shared", "true")) }
        case .interviewFinished(let stages):
            if !stages.isEmpty { fields.append(("confirmedIncomplete", "[" + stages.map(Self.quoted).joined(separator: ",") + "]")) }
        case .scorecardSubmitted(let submission):
            add("recommendation", submission.recommendation)
            add("summary", submission.summary)
        case .revisionStarted(let reason):
            add("reason", reason)
        }
        // Keys are ASCII, so String's order is the byte order JSONEncoder sorts by.
        fields.sort { $0.key < $1.key }
        var line = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += "\"" + field.key + "\":" + field.value
        }
        return line + "}"
    }

    /// A JSON string the way JSONEncoder writes one: quote, backslash and control characters escaped,
    /// slashes and everything else as they are.
    static func quoted(_ text: String) -> String {
        var out = "\""
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index = utf8.index(after: index)
                continue
            }
            out += text[plainStart..<index]
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            default: out += "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
            index = utf8.index(after: index)
            plainStart = index
        }
        out += text[plainStart..<index]
        return out + "\""
    }
}
