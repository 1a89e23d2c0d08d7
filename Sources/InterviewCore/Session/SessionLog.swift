import Flowchart
import Foundation

/// A session log read from JSON Lines: its events, and what was repaired on the way.
public struct SessionLog: Hashable, Sendable {
    public var events: [SessionEvent]
    /// Problems that lost nothing recorded, such as a last line cut short by a crash mid-write.
    public var warnings: [LocalizedText]
    /// How many bytes hold complete lines; a writer continuing the log cuts the file back to this first.
    public var validLength: Int

    public init(events: [SessionEvent], warnings: [LocalizedText] = [], validLength: Int = 0) {
        self.events = events
        self.warnings = warnings
        self.validLength = validLength
    }

    /// Reads a whole log. A bad line in the middle is an error naming it; only an unfinished last line
    /// (no newline after it, and not a complete event) is dropped, with a warning, since it can only be
    /// a write the process did not survive, and it was never acknowledged.
    public static func decode(_ data: Data) throws(SessionLogError) -> SessionLog {
        let bytes = [UInt8](data)
        var log = SessionLog(events: [])
        var start = 0, lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: 0x0A)
            let end = newline ?? bytes.count
            let line = bytes[start..<end]
            defer { start = end + 1 }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if newline != nil { log.validLength = end + 1 }
                continue
            }
            do {
                log.events.append(try decodeLine(Data(line)))
                log.validLength = newline == nil ? end : end + 1
            } catch {
                if newline == nil {
                    log.warnings.append(LocalizedText(
                        en: "line \(lineNumber) is incomplete (the session stopped while writing it) and was ignored",
                        zh: "第 \(lineNumber) 行不完整（写入时面试中断了），已忽略"))
                    break
                }
                throw SessionLogError(line: lineNumber, problem: error)
            }
        }
        return log
    }

    /// One event as a log line, newline included.
    public static func line(for event: SessionEvent) -> String {
        event.jsonLine + "\n"
    }

    public static func encode(_ events: [SessionEvent]) -> String {
        events.map(line(for:)).joined()
    }

    private static func decodeLine(_ data: Data) throws(SessionLogError.Problem) -> SessionEvent {
        do {
            return try JSONDecoder().decode(SessionEvent.self, from: data)
        } catch let problem as SessionLogError.Problem {
            throw problem
        } catch DecodingError.keyNotFound(let key, _) {
            throw .malformed(LocalizedText(en: "missing field '\(key.stringValue)'", zh: "缺少字段 '\(key.stringValue)'"))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .malformed(LocalizedText(en: "field '\(field)' has the wrong type", zh: "字段 '\(field)' 的类型不对"))
        } catch {
            // Foundation calls a value that does not fit its field "not valid JSON" (`"rating": 2.5`), and the
            // line read "not a JSON object" (the terminal probe): an object is told apart, and a fraction named.
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                if let rating = object["rating"] as? NSNumber, rating.doubleValue != rating.doubleValue.rounded() {
                    throw .malformed(LocalizedText(en: "field 'rating' cannot be \(rating): a rating is a whole number",
                                                   zh: "字段 'rating' 不能是 \(rating)：评分是整数"))
                }
                throw .malformed(LocalizedText(en: "a field holds a value of the wrong kind", zh: "某个字段的值类型不对"))
            }
            throw .malformed(LocalizedText(en: "not a JSON object", zh: "不是 JSON 对象"))
        }
    }
}

/// Why a log could not be read, and on which line (1-based).
public struct SessionLogError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Error, Hashable, Sendable {
        case newerSchema(Int)
        case unknownType(String)
        case badTimestamp(String)
        case badField(String, String)
        case malformed(LocalizedText)
    }

    public var line: Int
    public var problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// The reason in both languages; the CLI shows the locale's.
    public var text: LocalizedText {
        let what = switch problem {
        case .newerSchema(let v):
            LocalizedText(en: "written with log schema \(v), newer than this build reads (\(SessionEvent.currentSchemaVersion)); update interview",
                          zh: "用记录格式 \(v) 写成，比本版本能读的（\(SessionEvent.currentSchemaVersion)）新；请更新 interview")
        case .unknownType(let type):
            LocalizedText(en: "unknown event type '\(type)' (written by a newer version of interview?)",
                          zh: "未知的事件类型 '\(type)'（由更新版本的 interview 写成？）")
        case .badTimestamp(let text):
            LocalizedText(en: "the time '\(text)' is not a UTC timestamp like 2025-03-01T09:30:00.000Z",
                          zh: "时间 '\(text)' 不是形如 2025-03-01T09:30:00.000Z 的 UTC 时间戳")
        case .badField(let field, let value):
            LocalizedText(en: "field '\(field)' cannot be '\(value)'", zh: "字段 '\(field)' 不能是 '\(value)'")
        case .malformed(let detail): detail
        }
        return LocalizedText(en: "line \(line): ", zh: "第 \(line) 行：") + what
    }

    public var description: String { text.en }
}
