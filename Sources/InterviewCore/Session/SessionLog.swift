import Foundation

/// A session log read from JSON Lines: its events, and what was repaired on the way.
public struct SessionLog: Hashable, Sendable {
    public var events: [SessionEvent]
    /// Problems that lost nothing recorded, such as a last line cut short by a crash mid-write.
    public var warnings: [String]
    /// How many bytes hold complete lines; a writer continuing the log cuts the file back to this first.
    public var validLength: Int

    public init(events: [SessionEvent], warnings: [String] = [], validLength: Int = 0) {
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
                    log.warnings.append("line \(lineNumber) is incomplete (the session stopped while writing it) and was ignored")
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
            throw .malformed("missing field '\(key.stringValue)'")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw .malformed("field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch {
            throw .malformed("not a JSON object")
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
        case malformed(String)
    }

    public var line: Int
    public var problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let what = switch problem {
        case .newerSchema(let v):
            "written with log schema \(v), newer than this build reads (\(SessionEvent.currentSchemaVersion)); update interview"
        case .unknownType(let type):
            "unknown event type '\(type)' (written by a newer version of interview?)"
        case .badTimestamp(let text): "the time '\(text)' is not a UTC timestamp like 2025-03-01T09:30:00.000Z"
        case .badField(let field, let value): "field '\(field)' cannot be '\(value)'"
        case .malformed(let detail): detail
        }
        return "line \(line): \(what)"
    }
}
